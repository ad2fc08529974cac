// bytecode.cpp — the opcode info table and stack effects, from opcodes.def.
#include "frontend/bytecode.h"

namespace coil::fe {

using namespace opflag;

namespace {
const OpInfo kOps[] = {
#define OP(Name, Format, Pop, Push, JumpPop, JumpPush, Flags) \
  {#Name, OperandFormat::Format, static_cast<uint32_t>(Flags)},
#include "frontend/opcodes.def"
};
}  // namespace

const OpInfo& op_info(Opcode op) { return kOps[static_cast<int>(op)]; }

int stack_effect(Opcode op, uint32_t a, bool jumping) {
  switch (op) {
#define OP(Name, Format, Pop, Push, JumpPop, JumpPush, Flags) \
  case Opcode::Name:                                           \
    return jumping ? (JumpPush) - (JumpPop) : (Push) - (Pop);
#include "frontend/opcodes.def"
    default:
      return 0;
  }
}

}  // namespace coil::fe
