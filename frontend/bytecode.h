// bytecode.h — Coil's instruction set as C++: opcodes, operand formats and flags, all
// generated from opcodes.def, plus the operand enums that ops like BinaryOp carry.
#pragma once

#include <cstdint>

namespace coil::fe {

enum class Opcode : uint8_t {
#define OP(Name, Format, Pop, Push, JumpPop, JumpPush, Flags) Name,
#include "frontend/opcodes.def"
  kCount
};
static_assert(static_cast<int>(Opcode::kCount) <= 256);

enum class OperandFormat : uint8_t { None, Count, Const, Name, Local, Deref, Jump, BinOp, CmpOp, Flag };

// Bits of the Flags column (plain constants so the table can OR them).
namespace opflag {
constexpr uint32_t JUMP = 1u << 0, COND = 1u << 1, NOFALL = 1u << 2, RAISES = 1u << 3,
                   CACHE = 1u << 4, BACKEDGE = 1u << 5, CALL = 1u << 6, GEN = 1u << 7;
}

struct OpInfo {
  const char* name;
  OperandFormat format;
  uint32_t flags;
};

// The row of opcodes.def for `op`.
const OpInfo& op_info(Opcode op);
// Stack effect of `op` with operand `a`: pushes minus pops, when falling through / jumping.
int stack_effect(Opcode op, uint32_t a, bool jumping);

inline bool has_flag(Opcode op, uint32_t flag) { return (op_info(op).flags & flag) != 0; }

// Encoding of one code unit (see opcodes.def).
constexpr uint32_t kOperandBits = 24;
constexpr uint32_t kMaxOperand = (1u << kOperandBits) - 1;
constexpr uint32_t encode(Opcode op, uint32_t a) { return static_cast<uint32_t>(op) | (a << 8); }
constexpr Opcode unit_op(uint32_t unit) { return static_cast<Opcode>(unit & 0xFF); }
constexpr uint32_t unit_arg(uint32_t unit) { return unit >> 8; }

// Operand of BinaryOp, in CPython's NB_* order; in-place forms are the plain ones + kInplace.
enum class BinaryOpKind : uint8_t {
  Add, And, FloorDivide, LShift, MatMul, Multiply, Remainder, Or, Power, RShift, Subtract,
  TrueDivide, Xor,
  InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLShift, InplaceMatMul, InplaceMultiply,
  InplaceRemainder, InplaceOr, InplacePower, InplaceRShift, InplaceSubtract, InplaceTrueDivide,
  InplaceXor,
};
constexpr int kInplace = static_cast<int>(BinaryOpKind::InplaceAdd);
static_assert(static_cast<int>(BinaryOpKind::InplaceXor) == static_cast<int>(BinaryOpKind::Xor) + kInplace);

// BinaryOp's operand is the BinaryOpKind in the low byte plus these bits, set by the compiler
// when an operand is the direct result of a nested BinaryOp: a temporary only the value stack
// holds. When that op made a fresh float, the interpreter writes the result into its box
// instead of allocating (`s += x * y`, `a * b + c * d`): half the float garbage.
constexpr uint32_t kBinOpKindMask = 0xff;
constexpr uint32_t kBinOpLeftTemp = 1u << 8;
constexpr uint32_t kBinOpRightTemp = 1u << 9;

// Operand of CompareOp (rich comparisons only; is/in have their own ops). Order pins the
// `swap` trick: reversed(Lt) == Gt etc. is 5 - kind for the ordering comparisons.
enum class CompareKind : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
static_assert(5 - static_cast<int>(CompareKind::Lt) == static_cast<int>(CompareKind::Ge));

}  // namespace coil::fe
