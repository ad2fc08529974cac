// assemble_lines.cpp — the line numbers of a unit's instructions (PEP 626), done as CPython
// 3.11's assembler does them, so that tracebacks, f_lineno and the 'line' events of
// sys.settrace agree with CPython's.
//
// The compiler leaves *artificial* instructions (jumps closing an if-body or a loop, the
// implicit `return None`, cleanup after a finally or with block) without a line (line -1).
// Here, on basic blocks of the linear instruction list (a block starts at a label or after a
// jump or an instruction that never falls through):
//  1. Nops that mark nothing are dropped (clean_nops): a Nop without a line, or with the
//     line of the instruction before it in its block, or of the one after it (which then
//     takes the Nop's position if it had none), or of the next block's first instruction.
//  2. An exit block (ending in a return or raise) with no line at all that several jumps
//     reach is copied per jump, so each copy can take its jump's line (PEP 626: f_lineno
//     must be right after the frame ends); one reached by falling through takes the line of
//     the instruction before it.
//  3. Lines propagate: an instruction without a line takes the previous one's in its block;
//     the first instruction of a block with one predecessor (by fall-through or by a jump,
//     never by an exception) takes its predecessor's last line.
//  4. A return still without a line takes the last line seen before it in layout order.
//  5. Nops are cleaned again; what is still without a line gets line 0 (None).
#include "frontend/compile_internal.h"

namespace coil::fe {

namespace {

bool is_real(const Instr& in) { return in.op < kPseudoLabel; }
Opcode op_of(const Instr& in) { return Opcode(in.op); }
bool is_exit(const Instr& in) {
  Opcode op = op_of(in);
  return op == Opcode::ReturnValue || op == Opcode::Raise || op == Opcode::Reraise;
}
bool ends_block(const Instr& in) { return is_real(in) && (in.is_jump() || has_flag(op_of(in), opflag::NOFALL)); }

struct Block {
  size_t begin = 0, end = 0;  // [begin, end) of the instruction list
  int npred = 0;              // predecessors by fall-through, jump or exception set-up
  int first = -1, last = -1;  // indexes of the first / last real instruction, -1: none
};

// Splits the instruction list into blocks and counts predecessors.
std::vector<Block> make_blocks(const Unit& unit, std::vector<int>& label_block) {
  const auto& instrs = unit.instrs;
  std::vector<Block> blocks;
  label_block.assign(size_t(unit.nlabels), -1);
  Block cur;
  bool open = false;
  for (size_t i = 0; i < instrs.size(); ++i) {
    const Instr& in = instrs[i];
    if (in.op == kPseudoLabel && open && cur.first >= 0) {
      cur.end = i;
      blocks.push_back(cur);
      open = false;
    }
    if (!open) {
      cur = Block{};
      cur.begin = i;
      open = true;
    }
    if (in.op == kPseudoLabel) label_block[in.arg] = int(blocks.size());
    if (is_real(in)) {
      if (cur.first < 0) cur.first = int(i);
      cur.last = int(i);
    }
    if (ends_block(in)) {
      cur.end = i + 1;
      blocks.push_back(cur);
      open = false;
    }
  }
  if (open) {
    cur.end = instrs.size();
    blocks.push_back(cur);
  }
  if (!blocks.empty()) blocks[0].npred = 1;  // the entry
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& blk = blocks[b];
    for (size_t i = blk.begin; i < blk.end; ++i) {
      const Instr& in = instrs[i];
      if (in.op == kPseudoSetup) {
        int t = label_block[size_t(unit.handlers[in.arg].label)];
        if (t >= 0) ++blocks[size_t(t)].npred;
      } else if (in.is_jump()) {
        int t = label_block[in.arg];
        if (t >= 0) ++blocks[size_t(t)].npred;
      }
    }
    if (b + 1 < blocks.size() && (blk.last < 0 || !has_flag(op_of(instrs[size_t(blk.last)]), opflag::NOFALL)))
      ++blocks[b + 1].npred;
  }
  return blocks;
}

// The next block after b with a real instruction, or -1.
int next_nonempty(const std::vector<Block>& blocks, size_t b) {
  for (size_t n = b + 1; n < blocks.size(); ++n)
    if (blocks[n].first >= 0) return int(n);
  return -1;
}

// CPython's clean_basic_block over every block.
void clean_nops(Unit& unit) {
  std::vector<int> label_block;
  std::vector<Block> blocks = make_blocks(unit, label_block);
  auto& instrs = unit.instrs;
  std::vector<bool> drop(instrs.size(), false);
  for (size_t b = 0; b < blocks.size(); ++b) {
    int prev_line = -1;
    for (size_t i = blocks[b].begin; i < blocks[b].end; ++i) {
      Instr& in = instrs[i];
      if (!is_real(in)) continue;
      int line = in.pos.line;
      if (op_of(in) == Opcode::Nop) {
        if (line < 0 || line == prev_line) {
          drop[i] = true;
          continue;
        }
        size_t n = i + 1;
        while (n < blocks[b].end && !is_real(instrs[n])) ++n;
        if (n < blocks[b].end) {
          if (instrs[n].pos.line < 0 || instrs[n].pos.line == line) {
            instrs[n].pos = in.pos;
            drop[i] = true;
            continue;
          }
        } else {
          int nb = next_nonempty(blocks, b);
          if (nb >= 0 && instrs[size_t(blocks[size_t(nb)].first)].pos.line == line) {
            drop[i] = true;
            continue;
          }
        }
      }
      prev_line = line;
    }
  }
  std::vector<Instr> out;
  out.reserve(instrs.size());
  for (size_t i = 0; i < instrs.size(); ++i)
    if (!drop[i]) out.push_back(instrs[i]);
  instrs.swap(out);
}

// An exit block whose instructions all lack a line.
bool exit_without_line(const Unit& unit, const Block& blk) {
  if (blk.last < 0 || !is_exit(unit.instrs[size_t(blk.last)])) return false;
  for (size_t i = blk.begin; i < blk.end; ++i)
    if (is_real(unit.instrs[i]) && unit.instrs[i].pos.line >= 0) return false;
  return true;
}

void duplicate_exits(Unit& unit) {
  std::vector<int> label_block;
  std::vector<Block> blocks = make_blocks(unit, label_block);
  auto& instrs = unit.instrs;
  // Copies to insert after a block: (block index, instructions).
  std::vector<std::vector<Instr>> copies_after(blocks.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].last < 0) continue;
    Instr& jump = instrs[size_t(blocks[b].last)];
    if (!jump.is_jump()) continue;
    int t = label_block[jump.arg];
    if (t < 0) continue;
    Block& target = blocks[size_t(t)];
    if (!exit_without_line(unit, target) || target.npred <= 1) continue;
    int label = unit.nlabels++;
    std::vector<Instr>& copy = copies_after[size_t(t)];
    Instr lab;
    lab.op = kPseudoLabel;
    lab.arg = uint32_t(label);
    lab.pos = jump.pos;
    // Later copies go in front of earlier ones, as CPython links each new block right after
    // the original.
    std::vector<Instr> block_copy{lab};
    bool first = true;
    for (size_t i = target.begin; i < target.end; ++i) {
      if (!is_real(instrs[i])) continue;
      Instr c = instrs[i];
      if (first) c.pos = jump.pos;
      first = false;
      block_copy.push_back(c);
    }
    copy.insert(copy.begin(), block_copy.begin(), block_copy.end());
    jump.arg = uint32_t(label);
    --target.npred;
  }
  // Exit blocks reached only by falling through take the line before them.
  for (size_t b = 0; b + 1 < blocks.size(); ++b) {
    const Block& blk = blocks[b];
    if (blk.last < 0 || has_flag(op_of(instrs[size_t(blk.last)]), opflag::NOFALL)) continue;
    int n = next_nonempty(blocks, b);
    if (n != int(b + 1) || !exit_without_line(unit, blocks[size_t(n)])) continue;
    instrs[size_t(blocks[size_t(n)].first)].pos = instrs[size_t(blk.last)].pos;
  }
  std::vector<Instr> out;
  out.reserve(instrs.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    for (size_t i = blocks[b].begin; i < blocks[b].end; ++i) out.push_back(instrs[i]);
    out.insert(out.end(), copies_after[b].begin(), copies_after[b].end());
  }
  // Pseudo ops after the last block (trailing labels) stay.
  size_t tail = blocks.empty() ? 0 : blocks.back().end;
  for (size_t i = tail; i < instrs.size(); ++i) out.push_back(instrs[i]);
  instrs.swap(out);
}

void propagate_lines(Unit& unit) {
  std::vector<int> label_block;
  std::vector<Block> blocks = make_blocks(unit, label_block);
  auto& instrs = unit.instrs;
  const Position none{-1, -1, -1, -1};
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& blk = blocks[b];
    if (blk.first < 0) continue;
    Position prev = none;
    for (size_t i = blk.begin; i < blk.end; ++i) {
      Instr& in = instrs[i];
      if (!is_real(in)) continue;
      if (in.pos.line < 0)
        in.pos = prev;
      else
        prev = in.pos;
    }
    const Instr& last = instrs[size_t(blk.last)];
    if (!has_flag(op_of(last), opflag::NOFALL) && b + 1 < blocks.size()) {
      const Block& next = blocks[b + 1];
      if (next.npred == 1 && next.first >= 0 && instrs[size_t(next.first)].pos.line < 0)
        instrs[size_t(next.first)].pos = prev;
    }
    if (last.is_jump()) {
      int t = label_block[last.arg];
      if (t >= 0) {
        const Block& target = blocks[size_t(t)];
        if (target.npred == 1 && target.first >= 0 && instrs[size_t(target.first)].pos.line < 0)
          instrs[size_t(target.first)].pos = prev;
      }
    }
  }
}

void guarantee_exit_lines(Unit& unit) {
  std::vector<int> label_block;
  std::vector<Block> blocks = make_blocks(unit, label_block);
  auto& instrs = unit.instrs;
  int line = unit.code->firstlineno;
  for (const Block& blk : blocks) {
    if (blk.last < 0) continue;
    const Instr& last = instrs[size_t(blk.last)];
    if (last.pos.line < 0) {
      if (op_of(last) == Opcode::ReturnValue)
        for (size_t i = blk.begin; i < blk.end; ++i)
          if (is_real(instrs[i])) instrs[i].pos.line = line;
    } else {
      line = last.pos.line;
    }
  }
}

}  // namespace

void assign_lines(Unit& unit) {
  clean_nops(unit);
  duplicate_exits(unit);
  propagate_lines(unit);
  guarantee_exit_lines(unit);
  clean_nops(unit);
  for (Instr& in : unit.instrs) {
    if (in.pos.line < 0) in.pos = Position{0, 0, -1, -1};
    if (in.pos.end_line < 0) in.pos.end_line = in.pos.line;
  }
}

}  // namespace coil::fe
