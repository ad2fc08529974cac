// compile_match.cpp — match statements, compiled with CPython 3.11's strategy.
//
// A pattern consumes its subject from the top of the stack. While it runs, `on_top` counts
// items above the captured values that later sub-patterns still need, and `stores` names the
// captured values, which sit below those items (each new capture is rotated under them).
// A failing test jumps to fail_pop[n], where n = items to pop; the fail_pop labels are
// emitted as a chain of PopTop that falls through to fail_pop[0].
#include <algorithm>
#include <cmath>

#include "frontend/compile_internal.h"

namespace coil::fe {

namespace {

struct PatternContext {
  std::vector<std::string> stores;
  bool allow_irrefutable = false;
  std::vector<int> fail_pop;
  int on_top = 0;
};

bool is_wildcard(const PatternNode* p) {
  auto* a = as<MatchAs>(p);
  return a && !a->pattern && !a->name;
}

bool is_wildcard_star(const PatternNode* p) {
  auto* s = as<MatchStar>(p);
  return s && !s->name;
}

// Identity of a mapping-pattern key as a dict sees it: 1, 1.0, 1+0j and True are the same key.
std::string key_identity(const CodeConst& k) {
  if (k.kind != CodeConst::Kind::Value) return const_key(k);
  const ConstValue& v = k.value;
  switch (v.kind) {
    case ConstValue::Kind::True: return "n1";
    case ConstValue::Kind::False: return "n0";
    case ConstValue::Kind::Int: return "n" + v.text;
    case ConstValue::Kind::Float:
      if (v.number == static_cast<double>(static_cast<long long>(v.number)) &&
          std::fabs(v.number) < 9.0e15)
        return "n" + std::to_string(static_cast<long long>(v.number));
      return const_key(k);
    case ConstValue::Kind::Complex:
      // A complex literal is purely imaginary: 0j (or -0j) equals 0.
      return v.number == 0 ? "n0" : const_key(k);
    default:
      return const_key(k);
  }
}

class PatternCompiler {
 public:
  explicit PatternCompiler(Compiler& c) : c_(c) {}

  void pattern(const PatternNode* p, PatternContext& pc);
  void emit_and_reset_fail_pop(PatternContext& pc);
  void ensure_fail_pop(PatternContext& pc, size_t n) {
    while (pc.fail_pop.size() <= n) pc.fail_pop.push_back(c_.new_label());
  }

 private:
  void jump_to_fail_pop(PatternContext& pc, Opcode op) {
    size_t pops = size_t(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    c_.emit_jump(op, pc.fail_pop[pops]);
  }
  void rotate(int count) {
    while (count > 1) c_.emit(Opcode::Swap, uint32_t(count--));
  }
  void store_name(const std::optional<std::string>& name, PatternContext& pc,
                  const PatternNode* where);
  void subpattern(const PatternNode* p, PatternContext& pc) {
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(p, pc);
    pc.allow_irrefutable = saved;
  }
  void unpack(const std::vector<PatternNode*>& pats);
  void sequence(const MatchSequence* p, PatternContext& pc);
  void mapping(const MatchMapping* p, PatternContext& pc);
  void class_(const MatchClass* p, PatternContext& pc);
  void or_(const MatchOr* p, PatternContext& pc);
  void as_(const MatchAs* p, PatternContext& pc);

  Compiler& c_;
};

void PatternCompiler::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) return;
  for (size_t n = pc.fail_pop.size() - 1; n > 0; --n) {
    c_.place(pc.fail_pop[n]);
    c_.emit(Opcode::PopTop);
  }
  c_.place(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

void PatternCompiler::store_name(const std::optional<std::string>& name, PatternContext& pc,
                                 const PatternNode* where) {
  if (!name) {
    c_.emit(Opcode::PopTop);
    return;
  }
  if (*name == "__debug__") c_.error(where, "cannot assign to __debug__");
  if (std::find(pc.stores.begin(), pc.stores.end(), *name) != pc.stores.end())
    c_.error(where, "multiple assignments to name '" + *name + "' in pattern");
  rotate(pc.on_top + int(pc.stores.size()) + 1);
  pc.stores.push_back(*name);
}

void PatternCompiler::unpack(const std::vector<PatternNode*>& pats) {
  size_t n = pats.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (pats[i]->kind != PatternKind::MatchStar) continue;
    if (seen_star) c_.error(pats[i], "multiple starred expressions in sequence pattern");
    if (i >= (1u << 8) || n - i - 1 >= (1u << 15))
      c_.error(pats[i], "too many expressions in star-unpacking sequence pattern");
    c_.emit(Opcode::UnpackEx, uint32_t(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) c_.emit(Opcode::UnpackSequence, uint32_t(n));
}

void PatternCompiler::sequence(const MatchSequence* p, PatternContext& pc) {
  const auto& pats = p->patterns;
  size_t size = pats.size();
  long star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (size_t i = 0; i < size; ++i) {
    if (pats[i]->kind == PatternKind::MatchStar) {
      if (star >= 0) c_.error(p, "multiple starred names in sequence pattern");
      star_wildcard = is_wildcard_star(pats[i]);
      only_wildcard &= star_wildcard;
      star = long(i);
      continue;
    }
    only_wildcard &= is_wildcard(pats[i]);
  }
  pc.on_top++;
  c_.emit(Opcode::MatchSequence);
  jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
  if (star < 0) {
    c_.emit(Opcode::GetLen);
    c_.load_const(int_const(static_cast<long long>(size)));
    c_.emit(Opcode::CompareOp, uint32_t(CompareKind::Eq));
    jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
  } else if (size > 1) {
    c_.emit(Opcode::GetLen);
    c_.load_const(int_const(static_cast<long long>(size - 1)));
    c_.emit(Opcode::CompareOp, uint32_t(CompareKind::Ge));
    jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
  }
  pc.on_top--;
  if (only_wildcard) {
    c_.emit(Opcode::PopTop);
  } else if (star_wildcard) {
    // Index the needed items instead of unpacking a possibly huge sequence.
    pc.on_top++;
    for (size_t i = 0; i < size; ++i) {
      if (is_wildcard(pats[i]) || long(i) == star) continue;
      c_.emit(Opcode::Copy, 1);
      if (long(i) < star) {
        c_.load_const(int_const(static_cast<long long>(i)));
      } else {
        c_.emit(Opcode::GetLen);
        c_.load_const(int_const(static_cast<long long>(size - i)));
        c_.emit(Opcode::BinaryOp, uint32_t(BinaryOpKind::Subtract));
      }
      c_.emit(Opcode::BinarySubscr);
      subpattern(pats[i], pc);
    }
    pc.on_top--;
    c_.emit(Opcode::PopTop);
  } else {
    unpack(pats);
    pc.on_top += int(size);
    for (size_t i = 0; i < size; ++i) {
      pc.on_top--;
      subpattern(pats[i], pc);
    }
  }
}

void PatternCompiler::mapping(const MatchMapping* p, PatternContext& pc) {
  size_t size = p->keys.size();
  if (size != p->patterns.size())
    c_.error(p, "keys (" + std::to_string(size) + ") / patterns (" +
                    std::to_string(p->patterns.size()) + ") length mismatch in mapping pattern");
  pc.on_top++;
  c_.emit(Opcode::MatchMapping);
  jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
  if (!size && !p->rest) {
    pc.on_top--;
    c_.emit(Opcode::PopTop);
    return;
  }
  if (size) {
    c_.emit(Opcode::GetLen);
    c_.load_const(int_const(static_cast<long long>(size)));
    c_.emit(Opcode::CompareOp, uint32_t(CompareKind::Ge));
    jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
  }
  std::vector<std::string> seen;
  CodeConst folded;
  folded.kind = CodeConst::Kind::Tuple;
  bool all_const = true;
  for (size_t i = 0; i < size; ++i) {
    const ExprNode* key = p->keys[i];
    if (!key)
      c_.error(p->patterns[i],
               "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    CodeConst k;
    if (key->kind == ExprKind::Constant || (key->kind != ExprKind::Attribute && c_.fold_const(key, k))) {
      if (key->kind == ExprKind::Constant) k = make_const(as<Constant>(key)->value);
      std::string kk = key_identity(k);
      if (std::find(seen.begin(), seen.end(), kk) != seen.end())
        c_.error(p, "mapping pattern checks duplicate key (" + const_repr(k) + ")");
      seen.push_back(kk);
      folded.items.push_back(k);
    } else if (key->kind != ExprKind::Attribute && key->kind != ExprKind::UnaryOp &&
               key->kind != ExprKind::BinOp) {  // complex literals like -0-0j stay operations
      c_.error(p, "mapping pattern keys may only match literals and attribute lookups");
    } else {
      all_const = false;
    }
  }
  if (all_const) {
    c_.load_const(folded);
  } else {
    for (auto* key : p->keys) c_.visit_expr(key);
    c_.emit(Opcode::BuildTuple, uint32_t(size));
  }
  c_.emit(Opcode::MatchKeys);  // subj keys values|None
  pc.on_top += 2;
  c_.emit(Opcode::Copy, 1);
  jump_to_fail_pop(pc, Opcode::PopJumpIfNone);
  c_.emit(Opcode::UnpackSequence, uint32_t(size));
  pc.on_top += int(size) - 1;
  for (size_t i = 0; i < size; ++i) {
    pc.on_top--;
    subpattern(p->patterns[i], pc);
  }
  pc.on_top -= 2;
  if (p->rest) {
    c_.emit(Opcode::CopyDictWithoutKeys);  // subj rest
    c_.emit(Opcode::Swap, 2);
    c_.emit(Opcode::PopTop);
    store_name(p->rest, pc, p);
  } else {
    c_.emit(Opcode::PopTop);  // keys
    c_.emit(Opcode::PopTop);  // subject
  }
}

void PatternCompiler::class_(const MatchClass* p, PatternContext& pc) {
  size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
  if (nattrs != p->kwd_patterns.size())
    c_.error(p, "kwd_attrs / kwd_patterns length mismatch in class pattern");
  for (size_t i = 0; i < nattrs; ++i) {
    const std::string& attr = p->kwd_attrs[i];
    if (attr == "__debug__") c_.error(p->kwd_patterns[i], "cannot assign to __debug__");
    for (size_t j = i + 1; j < nattrs; ++j)
      if (p->kwd_attrs[j] == attr)
        c_.error(p->kwd_patterns[j], "attribute name repeated in class pattern: " + attr);
  }
  c_.set_loc(p);
  c_.visit_expr(p->cls);
  CodeConst names;
  names.kind = CodeConst::Kind::Tuple;
  for (auto& a : p->kwd_attrs) names.items.push_back(str_const(a));
  c_.load_const(names);
  c_.emit(Opcode::MatchClass, uint32_t(nargs));
  c_.emit(Opcode::Copy, 1);
  pc.on_top++;
  jump_to_fail_pop(pc, Opcode::PopJumpIfNone);
  c_.emit(Opcode::UnpackSequence, uint32_t(nargs + nattrs));
  pc.on_top += int(nargs + nattrs) - 1;
  for (size_t i = 0; i < nargs + nattrs; ++i) {
    pc.on_top--;
    const PatternNode* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (is_wildcard(sub)) {
      c_.emit(Opcode::PopTop);
      continue;
    }
    subpattern(sub, pc);
  }
}

void PatternCompiler::as_(const MatchAs* p, PatternContext& pc) {
  if (!p->pattern) {
    if (!pc.allow_irrefutable) {
      if (p->name)
        c_.error(p, "name capture '" + *p->name + "' makes remaining patterns unreachable");
      c_.error(p, "wildcard makes remaining patterns unreachable");
    }
    store_name(p->name, pc, p);
    return;
  }
  pc.on_top++;
  c_.emit(Opcode::Copy, 1);
  pattern(p->pattern, pc);
  pc.on_top--;
  store_name(p->name, pc, p);
}

void PatternCompiler::or_(const MatchOr* p, PatternContext& pc) {
  int end = c_.new_label();
  size_t size = p->patterns.size();
  PatternContext old = pc;
  std::vector<std::string> control;
  for (size_t i = 0; i < size; ++i) {
    const PatternNode* alt = p->patterns[i];
    c_.set_loc(alt);
    pc.stores.clear();
    pc.allow_irrefutable = i + 1 == size && old.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    c_.emit(Opcode::Copy, 1);
    pattern(alt, pc);
    size_t nstores = pc.stores.size();
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != control.size()) {
      // CPython reports it where compilation stopped: the alternative's last sub-pattern.
      c_.error_at(c_.u().loc, "alternative patterns bind different names");
    } else if (nstores) {
      // Reorder this alternative's captures on the stack into the first one's order.
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        const std::string& name = control[icontrol];
        auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
        if (it == pc.stores.end())
          c_.error_at(c_.u().loc, "alternative patterns bind different names");
        size_t istores = size_t(it - pc.stores.begin());
        if (icontrol != istores) {
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + long(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + long(rotations));
          pc.stores.insert(pc.stores.begin() + long(icontrol - istores), rotated.begin(),
                           rotated.end());
          while (rotations--) rotate(int(icontrol) + 1);
        }
      }
    }
    c_.emit_jump(Opcode::Jump, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = old;
  // No alternative matched: pop the remaining copy of the subject and fail.
  c_.emit(Opcode::PopTop);
  jump_to_fail_pop(pc, Opcode::Jump);
  c_.place(end);
  size_t nstores = control.size();
  int nrots = int(nstores) + 1 + pc.on_top + int(pc.stores.size());
  for (size_t i = 0; i < nstores; ++i) {
    rotate(nrots);
    const std::string& name = control[i];
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      c_.error(p, "multiple assignments to name '" + name + "' in pattern");
    pc.stores.push_back(name);
  }
  c_.emit(Opcode::PopTop);  // the copy of the subject
}

void PatternCompiler::pattern(const PatternNode* p, PatternContext& pc) {
  c_.set_loc(p);
  switch (p->kind) {
    case PatternKind::MatchValue: {
      const ExprNode* v = as<MatchValue>(p)->value;
      bool ok = v->kind == ExprKind::Constant || v->kind == ExprKind::Attribute ||
                v->kind == ExprKind::UnaryOp || v->kind == ExprKind::BinOp;
      if (!ok) c_.error(p, "patterns may only match literals and attribute lookups");
      c_.visit_expr(v);
      c_.emit(Opcode::CompareOp, uint32_t(CompareKind::Eq));
      jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
      break;
    }
    case PatternKind::MatchSingleton:
      c_.load_const(make_const(as<MatchSingleton>(p)->value));
      c_.emit(Opcode::IsOp, 0);
      jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
      break;
    case PatternKind::MatchSequence:
      sequence(as<MatchSequence>(p), pc);
      break;
    case PatternKind::MatchMapping:
      mapping(as<MatchMapping>(p), pc);
      break;
    case PatternKind::MatchClass:
      class_(as<MatchClass>(p), pc);
      break;
    case PatternKind::MatchStar:
      store_name(as<MatchStar>(p)->name, pc, p);
      break;
    case PatternKind::MatchAs:
      as_(as<MatchAs>(p), pc);
      break;
    case PatternKind::MatchOr:
      or_(as<MatchOr>(p), pc);
      break;
  }
  // Like CPython, the location stays at the last sub-pattern compiled (errors use it).
}

}  // namespace

void Compiler::visit_match(const Match* s) {
  PatternCompiler pcomp(*this);
  visit_expr(s->subject);
  int end = new_label();
  size_t cases = s->cases.size();
  const MatchCase* last = s->cases.back();
  size_t has_default = is_wildcard(last->pattern) && cases > 1 ? 1 : 0;
  for (size_t i = 0; i < cases - has_default; ++i) {
    const MatchCase* m = s->cases[i];
    set_loc(m->pattern);
    bool last_tested = i == cases - has_default - 1;
    if (!last_tested) emit(Opcode::Copy, 1);
    PatternContext pc;
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pcomp.pattern(m->pattern, pc);
    for (auto& name : pc.stores) name_op(name, ExprContext::Store, m->pattern);
    if (m->guard) {
      pcomp.ensure_fail_pop(pc, 0);
      jump_if(m->guard, pc.fail_pop[0], false);
    }
    if (!last_tested) emit(Opcode::PopTop);
    visit_stmts(m->body);
    emit_jump(Opcode::Jump, end);
    set_loc(m->pattern);
    pcomp.emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    set_loc(last->pattern);
    if (cases == 1)
      emit(Opcode::PopTop);
    else
      emit(Opcode::Nop);
    if (last->guard) jump_if(last->guard, end, false);
    visit_stmts(last->body);
  }
  place(end);
}

}  // namespace coil::fe
