// assemble.cpp — turns a unit's instruction list into its final CodeUnit.
//
// Passes, in order: jump threading and removal of jumps to the next instruction; copies of
// small return blocks in place of the jumps to them; a flow analysis that computes the stack
// depth at every instruction (exception edges start at each handler's Setup marker, as
// CPython's SETUP_* pseudo ops do); removal of unreachable instructions; line numbers
// (assemble_lines.cpp); layout (cache units, ExtendedArg prefixes); encoding; the exception
// table from runs of instructions that share a handler; positions.
//
// Invariant the passes keep: a conditional jump never gets threaded into a JumpBackward, so
// every loop keeps exactly the back-edge the compiler emitted (the eval breaker and the JIT's
// loop counters live there).
#include <algorithm>
#include <string>

#include "frontend/compile_internal.h"

namespace coil::fe {

namespace {

bool is_real(const Instr& in) { return in.op < kPseudoLabel; }

Opcode op_of(const Instr& in) { return Opcode(in.op); }

// label id -> index in `instrs` of its Label pseudo op.
std::vector<int> label_positions(const std::vector<Instr>& instrs, int nlabels) {
  std::vector<int> pos(size_t(nlabels), -1);
  for (size_t i = 0; i < instrs.size(); ++i)
    if (instrs[i].op == kPseudoLabel) pos[instrs[i].arg] = int(i);
  return pos;
}

// Index of the first real instruction at or after `i` (instrs.size() if none).
size_t next_real(const std::vector<Instr>& instrs, size_t i) {
  while (i < instrs.size() && !is_real(instrs[i])) ++i;
  return i;
}

[[noreturn]] void internal_error(const Unit& unit, const std::string& msg) {
  SyntaxErrorException e;
  e.info.msg = "internal compiler error in " + unit.code->qualname + ": " + msg;
  e.info.filename = unit.code->filename;
  e.info.lineno = unit.code->firstlineno;
  throw e;
}

void thread_jumps(Unit& unit) {
  auto& instrs = unit.instrs;
  auto lpos = label_positions(instrs, unit.nlabels);
  for (auto& in : instrs) {
    if (!in.is_jump()) continue;
    for (int hops = 0; hops < 8; ++hops) {
      size_t t = next_real(instrs, size_t(lpos[in.arg]));
      if (t >= instrs.size()) break;
      const Instr& target = instrs[t];
      Opcode top = op_of(target);
      if (top == Opcode::Jump && target.arg != in.arg) {
        in.arg = target.arg;
      } else if (top == Opcode::JumpBackward && op_of(in) == Opcode::Jump &&
                 target.arg != in.arg) {
        in.op = int(Opcode::JumpBackward);
        in.arg = target.arg;
      } else {
        break;
      }
    }
  }
  // A forward Jump to the very next instruction does nothing.
  for (size_t i = 0; i < instrs.size(); ++i) {
    Instr& in = instrs[i];
    if (!in.is_jump() || op_of(in) != Opcode::Jump) continue;
    size_t j = i + 1;
    bool next = false;
    while (j < instrs.size() && instrs[j].op == kPseudoLabel) {
      if (instrs[j].arg == in.arg) next = true;
      ++j;
    }
    if (next) in.op = int(Opcode::Nop);
  }
}

// Replaces a forward Jump to a short block that ends in ReturnValue with a copy of that
// block (CPython inlines such exits too): one dispatch less on every early return.
void inline_small_exits(Unit& unit) {
  constexpr size_t kMaxCopy = 4;
  auto& instrs = unit.instrs;
  auto lpos = label_positions(instrs, unit.nlabels);
  std::vector<Instr> out;
  out.reserve(instrs.size());
  for (const Instr& in : instrs) {
    if (is_real(in) && op_of(in) == Opcode::Jump) {
      std::vector<Instr> block;
      bool ok = false;
      for (size_t t = size_t(lpos[in.arg]) + 1; t < instrs.size(); ++t) {
        const Instr& x = instrs[t];
        if (!is_real(x) || block.size() == kMaxCopy) break;
        block.push_back(x);
        if (has_flag(op_of(x), opflag::NOFALL)) {
          ok = op_of(x) == Opcode::ReturnValue;
          break;
        }
        if (x.is_jump()) break;
      }
      if (ok) {
        // The jump stays as a Nop holding its line (assign_lines keeps it only if it marks
        // a line event of its own, or hands its line to the copy).
        Instr nop = in;
        nop.op = int(Opcode::Nop);
        nop.arg = 0;
        out.push_back(nop);
        out.insert(out.end(), block.begin(), block.end());
        continue;
      }
    }
    out.push_back(in);
  }
  instrs.swap(out);
}

// Computes the depth before every instruction (-1: unreachable) and handler depths.
std::vector<int> flow_depths(Unit& unit, int& maxdepth) {
  auto& instrs = unit.instrs;
  auto lpos = label_positions(instrs, unit.nlabels);
  std::vector<int> depth(instrs.size(), -1);
  std::vector<size_t> work;
  maxdepth = 0;
  auto reach = [&](size_t i, int d, const char* why) {
    if (d < 0) internal_error(unit, std::string("negative stack depth (") + why + ")");
    if (i >= instrs.size()) internal_error(unit, "code falls off the end");
    maxdepth = std::max(maxdepth, d);
    if (depth[i] == -1) {
      depth[i] = d;
      work.push_back(i);
    } else if (depth[i] != d) {
      internal_error(unit, "inconsistent stack depth at a merge (" + std::to_string(depth[i]) +
                               " vs " + std::to_string(d) + ", " + why + ")");
    }
  };
  if (!instrs.empty()) reach(0, 0, "entry");
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    const Instr& in = instrs[i];
    int d = depth[i];
    if (in.op == kPseudoLabel) {
      if (i + 1 < instrs.size()) reach(i + 1, d, "label");
      continue;
    }
    if (in.op == kPseudoSetup) {
      Handler& h = unit.handlers[in.arg];
      int hd = d - h.pop;
      if (h.depth != -1 && h.depth != hd) internal_error(unit, "handler depth differs");
      h.depth = hd;
      reach(size_t(lpos[h.label]), hd + (h.lasti ? 1 : 0) + 1, "handler");
      if (i + 1 < instrs.size()) reach(i + 1, d, "setup");
      continue;
    }
    Opcode op = op_of(in);
    uint32_t flags = op_info(op).flags;
    if (flags & opflag::JUMP) {
      int after = d + stack_effect(op, in.arg, true);
      reach(size_t(lpos[in.arg]), after, op_info(op).name);
    }
    if (!(flags & opflag::NOFALL)) {
      int after = d + stack_effect(op, in.arg, false);
      maxdepth = std::max(maxdepth, after);
      reach(i + 1, after, op_info(op).name);
    }
  }
  return depth;
}

// Removes unreachable real instructions; Setup markers of dead regions go too.
void remove_dead(Unit& unit, std::vector<int>& depth) {
  std::vector<Instr> out;
  std::vector<int> out_depth;
  for (size_t i = 0; i < unit.instrs.size(); ++i) {
    if (depth[i] == -1 && unit.instrs[i].op != kPseudoLabel) continue;
    out.push_back(unit.instrs[i]);
    out_depth.push_back(depth[i]);
  }
  unit.instrs.swap(out);
  depth.swap(out_depth);
}

// Drops constants no instruction loads any more (folding leaves its operands behind), keeping
// consts[0], which is a function's docstring slot, as CPython does.
void remove_unused_consts(Unit& unit) {
  auto& consts = unit.code->consts;
  std::vector<bool> used(consts.size(), false);
  if (!consts.empty()) used[0] = true;
  for (const Instr& in : unit.instrs)
    if (is_real(in) && op_info(op_of(in)).format == OperandFormat::Const) used[in.arg] = true;
  std::vector<uint32_t> remap(consts.size(), 0);
  std::vector<CodeConst> kept;
  for (size_t i = 0; i < consts.size(); ++i) {
    if (!used[i]) continue;
    remap[i] = uint32_t(kept.size());
    kept.push_back(std::move(consts[i]));
  }
  consts.swap(kept);
  for (Instr& in : unit.instrs)
    if (is_real(in) && op_info(op_of(in)).format == OperandFormat::Const) in.arg = remap[in.arg];
}

int units_for_arg(uint32_t arg) {
  int n = 1;
  while (arg > kMaxOperand) {
    arg >>= kOperandBits;
    ++n;
  }
  return n;
}

}  // namespace

void assemble(Unit& unit) {
  CodeUnit& co = *unit.code;
  thread_jumps(unit);
  inline_small_exits(unit);
  int maxdepth = 0;
  std::vector<int> depth = flow_depths(unit, maxdepth);
  remove_dead(unit, depth);
  remove_unused_consts(unit);
  assign_lines(unit);
  auto& instrs = unit.instrs;

  // Layout: offsets of real instructions; labels take the offset of what follows them.
  // Jump operands are unit indexes < 2^24, so only non-jump operands can need prefixes.
  std::vector<uint32_t> offset(instrs.size() + 1, 0);
  uint32_t off = 0;
  for (size_t i = 0; i < instrs.size(); ++i) {
    offset[i] = off;
    const Instr& in = instrs[i];
    if (!is_real(in)) continue;
    Opcode op = op_of(in);
    off += in.is_jump() ? 1 : uint32_t(units_for_arg(in.arg));
    if (has_flag(op, opflag::CACHE)) off += 1;
  }
  offset[instrs.size()] = off;
  if (off > kMaxOperand) internal_error(unit, "code unit too large");
  std::vector<uint32_t> label_offset(size_t(unit.nlabels), 0);
  for (size_t i = 0; i < instrs.size(); ++i)
    if (instrs[i].op == kPseudoLabel) label_offset[instrs[i].arg] = offset[i];

  co.code.clear();
  co.positions.clear();
  co.exception_table.clear();
  co.ncaches = 0;
  struct Run { int handler; uint32_t start, end; };
  std::vector<Run> runs;
  for (size_t i = 0; i < instrs.size(); ++i) {
    const Instr& in = instrs[i];
    if (!is_real(in)) continue;
    Opcode op = op_of(in);
    uint32_t start = uint32_t(co.code.size());
    uint32_t arg = in.is_jump() ? label_offset[in.arg] : in.arg;
    int n = in.is_jump() ? 1 : units_for_arg(arg);
    for (int k = n - 1; k >= 1; --k) {
      co.code.push_back(encode(Opcode::ExtendedArg, (arg >> (kOperandBits * k)) & kMaxOperand));
      co.positions.push_back(in.pos);
    }
    co.code.push_back(encode(op, arg & kMaxOperand));
    co.positions.push_back(in.pos);
    if (has_flag(op, opflag::CACHE)) {
      co.code.push_back(uint32_t(co.ncaches++));
      co.positions.push_back(in.pos);
    }
    uint32_t end = uint32_t(co.code.size());
    if (!runs.empty() && runs.back().handler == in.handler && runs.back().end == start)
      runs.back().end = end;
    else
      runs.push_back(Run{in.handler, start, end});
  }
  for (const Run& r : runs) {
    if (r.handler < 0) continue;
    const Handler& h = unit.handlers[size_t(r.handler)];
    if (h.depth < 0) internal_error(unit, "handler without a reachable set-up");
    co.exception_table.push_back(
        ExceptionEntry{r.start, r.end, label_offset[size_t(h.label)], uint32_t(h.depth), h.lasti});
  }
  co.stacksize = maxdepth;
}

}  // namespace coil::fe
