// verify.cpp — the bytecode verifier: checks a CodeUnit is well formed before anyone runs it.
//
// Checked, per code unit and recursively for nested ones: opcodes exist; operands are in range
// for their format; every CACHE op is followed by a cache unit with an index < ncaches (each
// used once); jump and handler targets are instruction starts; exception-table rows are
// ordered, non-overlapping and cover whole instructions; a flow analysis (fall-through, jumps
// and exception edges) finds one stack depth per instruction, never negative, never above
// stacksize, with no path falling off the end.
#include <string>
#include <vector>

#include "frontend/compiler.h"

namespace coil::fe {

namespace {

struct Decoded {
  std::vector<bool> start;     // unit index begins an instruction (after its ExtendedArgs)
  std::vector<uint32_t> arg;   // full operand at instruction starts
  std::vector<uint32_t> next;  // index of the following instruction
};

std::string where(const CodeUnit& co, size_t i) {
  return co.qualname + " @" + std::to_string(i) + ": ";
}

std::string decode(const CodeUnit& co, Decoded& d) {
  size_t n = co.code.size();
  d.start.assign(n, false);
  d.arg.assign(n, 0);
  d.next.assign(n, 0);
  std::vector<bool> cache_used(size_t(co.ncaches), false);
  if (co.positions.size() != n) return co.qualname + ": positions size differs from code size";
  uint32_t ext = 0;
  for (size_t i = 0; i < n; ++i) {
    uint32_t unit = co.code[i];
    if ((unit & 0xFF) >= uint32_t(Opcode::kCount)) return where(co, i) + "bad opcode";
    Opcode op = unit_op(unit);
    uint32_t a = (ext << kOperandBits) | unit_arg(unit);
    if (op == Opcode::ExtendedArg) {
      ext = a;
      if (i + 1 >= n) return where(co, i) + "ExtendedArg at the end";
      continue;
    }
    ext = 0;
    d.start[i] = true;
    d.arg[i] = a;
    const OpInfo& info = op_info(op);
    switch (info.format) {
      case OperandFormat::Const:
        if (a >= co.consts.size()) return where(co, i) + "const index out of range";
        break;
      case OperandFormat::Name:
        if (a >= co.names.size()) return where(co, i) + "name index out of range";
        break;
      case OperandFormat::Local:
        if (a >= co.varnames.size()) return where(co, i) + "local index out of range";
        break;
      case OperandFormat::Deref:
        if (op == Opcode::CopyFreeVars) {
          if (a != co.freevars.size()) return where(co, i) + "CopyFreeVars count mismatch";
        } else if (a >= co.cellvars.size() + co.freevars.size()) {
          return where(co, i) + "deref index out of range";
        }
        break;
      case OperandFormat::Jump:
        if (a >= n) return where(co, i) + "jump target out of range";
        break;
      case OperandFormat::BinOp:
        if ((a & kBinOpKindMask) > uint32_t(BinaryOpKind::InplaceXor) ||
            (a & ~(kBinOpKindMask | kBinOpLeftTemp | kBinOpRightTemp)) != 0)
          return where(co, i) + "bad BinaryOp kind";
        break;
      case OperandFormat::CmpOp:
        if (a > uint32_t(CompareKind::Ge)) return where(co, i) + "bad CompareOp kind";
        break;
      default:
        break;
    }
    if (op == Opcode::CopyFreeVars && a != co.freevars.size())
      return where(co, i) + "CopyFreeVars count mismatch";
    size_t at = i, after = i + 1;
    if (info.flags & opflag::CACHE) {
      if (i + 1 >= n) return where(co, i) + "missing cache unit";
      uint32_t slot = co.code[i + 1];
      if (slot >= uint32_t(co.ncaches)) return where(co, i) + "cache index out of range";
      if (cache_used[slot]) return where(co, i) + "cache index used twice";
      cache_used[slot] = true;
      after = i + 2;
      ++i;
    }
    d.next[at] = uint32_t(after);
  }
  if (ext) return co.qualname + ": dangling ExtendedArg";
  for (size_t i = 0; i < n; ++i) {
    if (!d.start[i]) continue;
    if (op_info(unit_op(co.code[i])).format == OperandFormat::Jump && !d.start[d.arg[i]])
      return where(co, i) + "jump target is not an instruction start";
  }
  return "";
}

// Index of the instruction start whose prefix begins at or covers unit `i`.
bool is_boundary(const CodeUnit& co, const Decoded& d, uint32_t i) {
  if (i >= co.code.size()) return false;
  if (d.start[i]) return true;
  return unit_op(co.code[i]) == Opcode::ExtendedArg && (i == 0 || !(unit_op(co.code[i - 1]) == Opcode::ExtendedArg));
}

std::string check_table(const CodeUnit& co, const Decoded& d) {
  uint32_t prev_end = 0;
  for (auto& e : co.exception_table) {
    if (e.start >= e.end || e.end > co.code.size()) return co.qualname + ": bad exception range";
    if (e.start < prev_end) return co.qualname + ": overlapping exception ranges";
    prev_end = e.end;
    if (!is_boundary(co, d, e.start)) return co.qualname + ": exception range starts mid-instruction";
    if (e.end < co.code.size() && !is_boundary(co, d, e.end))
      return co.qualname + ": exception range ends mid-instruction";
    if (e.target >= co.code.size() || !d.start[e.target])
      return co.qualname + ": handler target is not an instruction start";
    if (int(e.depth) + (e.push_lasti ? 1 : 0) + 1 > co.stacksize)
      return co.qualname + ": handler depth exceeds stacksize";
  }
  return "";
}

const ExceptionEntry* handler_for(const CodeUnit& co, uint32_t i) {
  for (auto& e : co.exception_table)
    if (e.start <= i && i < e.end) return &e;
  return nullptr;
}

std::string check_flow(const CodeUnit& co, const Decoded& d) {
  size_t n = co.code.size();
  if (n == 0) return co.qualname + ": empty code";
  // Start at the first instruction (skipping an ExtendedArg prefix).
  size_t entry = 0;
  while (entry < n && !d.start[entry]) ++entry;
  std::vector<int> depth(n, -1);
  std::vector<size_t> work;
  std::string err;
  auto reach = [&](size_t i, int dep, size_t from) {
    if (!err.empty()) return;
    if (i >= n) { err = where(co, from) + "falls off the end of the code"; return; }
    while (i < n && !d.start[i]) ++i;  // through ExtendedArg prefixes
    if (dep < 0) { err = where(co, from) + "stack underflow"; return; }
    if (dep > co.stacksize) { err = where(co, from) + "stack deeper than stacksize"; return; }
    if (depth[i] == -1) {
      depth[i] = dep;
      work.push_back(i);
    } else if (depth[i] != dep) {
      err = where(co, i) + "inconsistent stack depth (" + std::to_string(depth[i]) + " vs " +
            std::to_string(dep) + " from @" + std::to_string(from) + ")";
    }
  };
  reach(entry, 0, 0);
  while (!work.empty() && err.empty()) {
    size_t i = work.back();
    work.pop_back();
    Opcode op = unit_op(co.code[i]);
    uint32_t a = d.arg[i];
    int dep = depth[i];
    const OpInfo& info = op_info(op);
    if (const ExceptionEntry* h = handler_for(co, uint32_t(i))) {
      if (int(h->depth) > dep) {
        err = where(co, i) + "handler depth above the current stack depth";
        break;
      }
      reach(h->target, int(h->depth) + (h->push_lasti ? 1 : 0) + 1, i);
    }
    if (info.flags & opflag::JUMP) reach(a, dep + stack_effect(op, a, true), i);
    if (!(info.flags & opflag::NOFALL)) {
      size_t nx = d.next[i];
      reach(nx, dep + stack_effect(op, a, false), i);
    }
  }
  return err;
}

}  // namespace

std::string verify(const CodeUnit& co) {
  Decoded d;
  std::string err = decode(co, d);
  if (err.empty()) err = check_table(co, d);
  if (err.empty()) err = check_flow(co, d);
  if (!err.empty()) return err;
  for (auto& c : co.consts) {
    if (c.kind != CodeConst::Kind::Code) continue;
    if (!c.code) return co.qualname + ": null nested code";
    err = verify(*c.code);
    if (!err.empty()) return err;
  }
  return "";
}

}  // namespace coil::fe
