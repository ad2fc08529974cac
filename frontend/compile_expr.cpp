// compile_expr.cpp — expressions: operators, calls, containers, f-strings, conditions.
#include <algorithm>

#include "frontend/compile_internal.h"
#include "frontend/fold.h"

namespace coil::fe {

namespace {
// CPython keeps sequences built on the stack below this many items, else builds incrementally.
constexpr size_t kStackUseGuideline = 30;

std::optional<bool> const_truth(const ConstValue& v) {
  switch (v.kind) {
    case ConstValue::Kind::None:
    case ConstValue::Kind::False:
      return false;
    case ConstValue::Kind::True:
    case ConstValue::Kind::Ellipsis:
      return true;
    case ConstValue::Kind::Int:
      return !(v.text == "0" || v.text == "-0");
    case ConstValue::Kind::Float:
    case ConstValue::Kind::Complex:
      return v.number != 0;
    case ConstValue::Kind::Str:
    case ConstValue::Kind::Bytes:
      return !v.text.empty();
  }
  return std::nullopt;
}
}  // namespace

// Folds what CPython's AST optimizer folds: constants, operators on constants (fold.cpp),
// tuples of constants, __debug__.
bool Compiler::fold_const(const ExprNode* e, CodeConst& out) const {
  if (auto* c = as<Constant>(e)) {
    out = make_const(c->value);
    return true;
  }
  if (auto* n = as<Name>(e)) {
    if (n->id == "__debug__" && n->ctx == ExprContext::Load) {
      ConstValue v;
      v.kind = optimize_ ? ConstValue::Kind::False : ConstValue::Kind::True;
      out = make_const(v);
      return true;
    }
    return false;
  }
  if (auto* un = as<UnaryOp>(e)) {
    CodeConst inner;
    if (!fold_const(un->operand, inner) || inner.kind != CodeConst::Kind::Value) return false;
    auto v = fold_unaryop(un->op, inner.value);
    if (!v) return false;
    out = make_const(*v);
    return true;
  }
  if (auto* b = as<BinOp>(e)) {
    CodeConst l, r;
    if (!fold_const(b->left, l) || l.kind != CodeConst::Kind::Value) return false;
    if (!fold_const(b->right, r) || r.kind != CodeConst::Kind::Value) return false;
    auto v = fold_binop(b->op, l.value, r.value);
    if (!v) return false;
    out = make_const(*v);
    return true;
  }
  if (auto* t = as<Tuple>(e)) {
    if (t->ctx != ExprContext::Load) return false;
    CodeConst tup;
    tup.kind = CodeConst::Kind::Tuple;
    for (auto* elt : t->elts) {
      CodeConst item;
      if (!fold_const(elt, item)) return false;
      tup.items.push_back(item);
    }
    out = tup;
    return true;
  }
  return false;
}

void Compiler::visit_expr(const ExprNode* e) {
  Position saved = u().loc;
  set_loc(e);
  visit_expr_inner(e);
  u().loc = saved;
}

// kBinOpLeftTemp / kBinOpRightTemp for the operands that compile to a BinaryOp of their own
// (not folded to a constant): their values are temporaries nothing else refers to.
uint32_t Compiler::temp_operand_bits(const ExprNode* left, const ExprNode* right) const {
  auto is_binop_result = [this](const ExprNode* e) {
    CodeConst k;
    return e && as<BinOp>(e) && !fold_const(e, k);
  };
  return (is_binop_result(left) ? kBinOpLeftTemp : 0) | (is_binop_result(right) ? kBinOpRightTemp : 0);
}

Opcode Compiler::binop_opcode_kind(OperatorKind k, bool inplace, uint32_t& arg) {
  BinaryOpKind b = BinaryOpKind::Add;
  switch (k) {
    case OperatorKind::Add: b = BinaryOpKind::Add; break;
    case OperatorKind::Sub: b = BinaryOpKind::Subtract; break;
    case OperatorKind::Mult: b = BinaryOpKind::Multiply; break;
    case OperatorKind::MatMult: b = BinaryOpKind::MatMul; break;
    case OperatorKind::Div: b = BinaryOpKind::TrueDivide; break;
    case OperatorKind::Mod: b = BinaryOpKind::Remainder; break;
    case OperatorKind::Pow: b = BinaryOpKind::Power; break;
    case OperatorKind::LShift: b = BinaryOpKind::LShift; break;
    case OperatorKind::RShift: b = BinaryOpKind::RShift; break;
    case OperatorKind::BitOr: b = BinaryOpKind::Or; break;
    case OperatorKind::BitXor: b = BinaryOpKind::Xor; break;
    case OperatorKind::BitAnd: b = BinaryOpKind::And; break;
    case OperatorKind::FloorDiv: b = BinaryOpKind::FloorDivide; break;
  }
  arg = uint32_t(b) + (inplace ? kInplace : 0);
  return Opcode::BinaryOp;
}

namespace {
void emit_compare(Compiler& c, CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: c.emit(Opcode::CompareOp, uint32_t(CompareKind::Eq)); break;
    case CmpOpKind::NotEq: c.emit(Opcode::CompareOp, uint32_t(CompareKind::Ne)); break;
    case CmpOpKind::Lt: c.emit(Opcode::CompareOp, uint32_t(CompareKind::Lt)); break;
    case CmpOpKind::LtE: c.emit(Opcode::CompareOp, uint32_t(CompareKind::Le)); break;
    case CmpOpKind::Gt: c.emit(Opcode::CompareOp, uint32_t(CompareKind::Gt)); break;
    case CmpOpKind::GtE: c.emit(Opcode::CompareOp, uint32_t(CompareKind::Ge)); break;
    case CmpOpKind::Is: c.emit(Opcode::IsOp, 0); break;
    case CmpOpKind::IsNot: c.emit(Opcode::IsOp, 1); break;
    case CmpOpKind::In: c.emit(Opcode::ContainsOp, 0); break;
    case CmpOpKind::NotIn: c.emit(Opcode::ContainsOp, 1); break;
  }
}
}  // namespace

// Loads the right operand of `in`/`not in` or a `for` iterable: a list or set of constants
// becomes a constant tuple or frozenset, as CPython's AST optimizer does.
static void visit_iterable(Compiler& c, const ExprNode* e, CmpOpKind op) {
  bool contains = op == CmpOpKind::In || op == CmpOpKind::NotIn;
  const std::vector<ExprNode*>* elts = nullptr;
  CodeConst::Kind kind = CodeConst::Kind::Tuple;
  if (auto* l = as<List>(e)) elts = &l->elts;
  if (auto* s = as<Set>(e)) {
    elts = &s->elts;
    kind = CodeConst::Kind::FrozenSet;
  }
  if (contains && elts) {
    CodeConst folded;
    folded.kind = kind;
    bool ok = true;
    for (auto* elt : *elts) {
      CodeConst item;
      if (!c.fold_const(elt, item)) { ok = false; break; }
      folded.items.push_back(item);
    }
    if (ok) {
      Position saved = c.u().loc;
      c.set_loc(e);
      c.load_const(folded);
      c.u().loc = saved;
      return;
    }
  }
  c.visit_expr(e);
}

void Compiler::visit_compare(const Compare* e) {
  check_compare(e);
  visit_expr(e->left);
  size_t n = e->ops.size();
  if (n == 1) {
    visit_iterable(*this, e->comparators[0], e->ops[0]);
    emit_compare(*this, e->ops[0]);
    return;
  }
  int cleanup = new_label();
  for (size_t i = 0; i + 1 < n; ++i) {
    visit_iterable(*this, e->comparators[i], e->ops[i]);
    emit(Opcode::Swap, 2);
    emit(Opcode::Copy, 2);
    emit_compare(*this, e->ops[i]);
    emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
  }
  visit_iterable(*this, e->comparators[n - 1], e->ops[n - 1]);
  emit_compare(*this, e->ops[n - 1]);
  int end = new_label();
  emit_jump(Opcode::Jump, end);
  place(cleanup);
  emit(Opcode::Swap, 2);
  emit(Opcode::PopTop);
  place(end);
}

// Moves the current location to the attribute name when `a.b` spans lines, so that a
// traceback in a chained call points at the line of `.b` (CPython 3.11 does the same).
void Compiler::match_attr_location(const Attribute* a) {
  Position& loc = u().loc;
  if (loc.line == a->end_lineno) return;
  loc.line = a->end_lineno;
  int len = 0;
  for (unsigned char ch : a->attr) len += (ch & 0xC0) != 0x80;
  if (len <= a->end_col_offset) {
    loc.col = a->end_col_offset - len;
  } else {
    loc.col = loc.end_col = -1;
  }
  loc.end_line = std::max(loc.line, loc.end_line);
  if (loc.line == loc.end_line) loc.end_col = std::max(loc.col, loc.end_col);
}

// Emits code that jumps to `label` when bool(e) == cond, falling through otherwise.
void Compiler::jump_if(const ExprNode* e, int label, bool cond) {
  Position saved = u().loc;
  set_loc(e);
  CodeConst k;
  if (fold_const(e, k) && k.kind == CodeConst::Kind::Value) {
    if (auto t = const_truth(k.value)) {
      if (*t == cond) emit_jump(Opcode::Jump, label);
      u().loc = saved;
      return;
    }
  }
  switch (e->kind) {
    case ExprKind::UnaryOp: {
      auto* un = as<UnaryOp>(e);
      if (un->op == UnaryOpKind::Not) {
        jump_if(un->operand, label, !cond);
        u().loc = saved;
        return;
      }
      break;
    }
    case ExprKind::BoolOp: {
      auto* b = as<BoolOp>(e);
      bool cond2 = b->op == BoolOpKind::Or;
      int next2 = label;
      if (cond2 != cond) next2 = new_label();
      for (size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], next2, cond2);
      jump_if(b->values.back(), label, cond);
      if (next2 != label) place(next2);
      u().loc = saved;
      return;
    }
    case ExprKind::IfExp: {
      auto* ie = as<IfExp>(e);
      int end = new_label(), next2 = new_label();
      jump_if(ie->test, next2, false);
      jump_if(ie->body, label, cond);
      emit_jump(Opcode::Jump, end);
      place(next2);
      jump_if(ie->orelse, label, cond);
      place(end);
      u().loc = saved;
      return;
    }
    case ExprKind::Compare: {
      auto* cmp = as<Compare>(e);
      size_t n = cmp->ops.size();
      if (n > 1) {
        check_compare(cmp);
        visit_expr(cmp->left);
        int cleanup = new_label();
        for (size_t i = 0; i + 1 < n; ++i) {
          visit_iterable(*this, cmp->comparators[i], cmp->ops[i]);
          emit(Opcode::Swap, 2);
          emit(Opcode::Copy, 2);
          emit_compare(*this, cmp->ops[i]);
          emit_jump(Opcode::PopJumpIfFalse, cleanup);
        }
        visit_iterable(*this, cmp->comparators[n - 1], cmp->ops[n - 1]);
        emit_compare(*this, cmp->ops[n - 1]);
        emit_jump(cond ? Opcode::PopJumpIfTrue : Opcode::PopJumpIfFalse, label);
        int end = new_label();
        emit_jump(Opcode::Jump, end);
        place(cleanup);
        emit(Opcode::PopTop);
        if (!cond) emit_jump(Opcode::Jump, label);
        place(end);
        u().loc = saved;
        return;
      }
      break;
    }
    default:
      break;
  }
  visit_expr(e);
  emit_jump(cond ? Opcode::PopJumpIfTrue : Opcode::PopJumpIfFalse, label);
  u().loc = saved;
}

void Compiler::visit_boolop(const BoolOp* e) {
  int end = new_label();
  Opcode jump = e->op == BoolOpKind::And ? Opcode::JumpIfFalseOrPop : Opcode::JumpIfTrueOrPop;
  for (size_t i = 0; i + 1 < e->values.size(); ++i) {
    visit_expr(e->values[i]);
    emit_jump(jump, end);
  }
  visit_expr(e->values.back());
  place(end);
}

// Builds a list/tuple/set from `elts`, with `*x` items merged in (CPython's starunpack_helper).
// `pushed` items already on the stack become the first elements.
static void starunpack(Compiler& c, const std::vector<ExprNode*>& elts, size_t pushed,
                       Opcode build, Opcode add, Opcode extend, bool tuple) {
  size_t n = elts.size();
  if (n > 2) {
    CodeConst folded;
    folded.kind = CodeConst::Kind::Tuple;
    bool all_const = true;
    for (auto* e : elts) {
      CodeConst item;
      if (!c.fold_const(e, item)) { all_const = false; break; }
      folded.items.push_back(item);
    }
    if (all_const) {
      if (tuple && pushed == 0) {
        c.load_const(folded);
      } else {
        if (add == Opcode::SetAdd) folded.kind = CodeConst::Kind::FrozenSet;
        c.emit(build, uint32_t(pushed));
        c.load_const(folded);
        c.emit(extend, 1);
        if (tuple) c.emit(Opcode::ListToTuple);
      }
      return;
    }
  }
  bool big = n + pushed > kStackUseGuideline;
  bool seen_star = false;
  for (auto* e : elts) seen_star |= e->kind == ExprKind::Starred;
  if (!seen_star && !big) {
    for (auto* e : elts) c.visit_expr(e);
    c.emit(tuple ? Opcode::BuildTuple : build, uint32_t(n + pushed));
    return;
  }
  bool built = false;
  if (big) {
    c.emit(build, uint32_t(pushed));
    built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    if (auto* st = as<Starred>(elts[i])) {
      if (!built) {
        c.emit(build, uint32_t(i + pushed));
        built = true;
      }
      c.visit_expr(st->value);
      c.emit(extend, 1);
    } else {
      c.visit_expr(elts[i]);
      if (built) c.emit(add, 1);
    }
  }
  if (tuple) c.emit(Opcode::ListToTuple);
}

void Compiler::visit_starunpack(const std::vector<ExprNode*>& elts, Opcode build, Opcode add,
                                Opcode extend, bool tuple) {
  starunpack(*this, elts, 0, build, add, extend, tuple);
}

// Builds a dict from keys[begin, end) (none of them `**`).
static void subdict(Compiler& c, const Dict* e, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    CodeConst keys;
    keys.kind = CodeConst::Kind::Tuple;
    bool all_const = true;
    for (size_t i = begin; i < end; ++i) {
      CodeConst k;
      if (!c.fold_const(e->keys[i], k)) { all_const = false; break; }
      keys.items.push_back(k);
    }
    if (all_const) {
      for (size_t i = begin; i < end; ++i) c.visit_expr(e->values[i]);
      c.load_const(keys);
      c.emit(Opcode::BuildConstKeyMap, uint32_t(n));
      return;
    }
  }
  if (big) c.emit(Opcode::BuildMap, 0);
  for (size_t i = begin; i < end; ++i) {
    c.visit_expr(e->keys[i]);
    c.visit_expr(e->values[i]);
    if (big) c.emit(Opcode::MapAdd, 1);
  }
  if (!big) c.emit(Opcode::BuildMap, uint32_t(n));
}

void Compiler::visit_dict(const Dict* e) {
  size_t n = e->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; ++i) {
    if (e->keys[i] == nullptr) {
      if (elements) {
        subdict(*this, e, i - elements, i);
        if (have_dict) emit(Opcode::DictUpdate, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Opcode::BuildMap, 0);
        have_dict = true;
      }
      visit_expr(e->values[i]);
      emit(Opcode::DictUpdate, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      subdict(*this, e, i - elements, i + 1);
      if (have_dict) emit(Opcode::DictUpdate, 1);
      have_dict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    subdict(*this, e, n - elements, n);
    if (have_dict) emit(Opcode::DictUpdate, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Opcode::BuildMap, 0);
}

void Compiler::visit_slice(const Slice* e) {
  uint32_t n = 2;
  if (e->lower) visit_expr(e->lower); else load_none();
  if (e->upper) visit_expr(e->upper); else load_none();
  if (e->step) {
    visit_expr(e->step);
    n = 3;
  }
  emit(Opcode::BuildSlice, n);
}

void Compiler::visit_subscript(const Subscript* e) {
  if (e->ctx == ExprContext::Load) check_subscript(e);
  visit_expr(e->value);
  visit_expr(e->slice);
  switch (e->ctx) {
    case ExprContext::Load: emit(Opcode::BinarySubscr); break;
    case ExprContext::Store: emit(Opcode::StoreSubscr); break;
    case ExprContext::Del: emit(Opcode::DeleteSubscr); break;
  }
}

void Compiler::visit_fstring(const ExprNode* e) {
  if (auto* fv = as<FormattedValue>(e)) {
    visit_expr(fv->value);
    uint32_t arg = 0;
    switch (fv->conversion) {
      case 's': arg = 1; break;
      case 'r': arg = 2; break;
      case 'a': arg = 3; break;
      default: arg = 0; break;
    }
    if (fv->format_spec) {
      visit_expr(fv->format_spec);
      arg |= 4;
    }
    emit(Opcode::FormatValue, arg);
    return;
  }
  auto* js = as<JoinedStr>(e);
  size_t n = js->values.size();
  if (n > kStackUseGuideline) {
    load_const(str_const(""));
    emit(Opcode::LoadMethod, add_name("join"));
    emit(Opcode::BuildList, 0);
    for (auto* v : js->values) {
      visit_expr(v);
      emit(Opcode::ListAppend, 1);
    }
    emit(Opcode::Call, 1);
    return;
  }
  for (auto* v : js->values) visit_expr(v);
  if (n != 1) emit(Opcode::BuildString, uint32_t(n));
}

// Emits the send loop of `yield from` / `await`: `it v` on the stack -> result.
void Compiler::visit_yield_from_loop(bool await_) {
  int start = new_label(), exit = new_label();
  place(start);
  emit_jump(Opcode::Send, exit);
  emit(Opcode::YieldValue, 1);
  emit_jump(Opcode::Jump, start);
  place(exit);
}

static void check_keywords(Compiler& c, const std::vector<Keyword*>& keywords) {
  for (size_t i = 0; i < keywords.size(); ++i) {
    if (!keywords[i]->arg) continue;
    if (*keywords[i]->arg == "__debug__") c.error_at(c.u().loc, "cannot assign to __debug__");
    for (size_t j = i + 1; j < keywords.size(); ++j) {
      if (keywords[j]->arg && *keywords[j]->arg == *keywords[i]->arg)
        c.error(keywords[j], "keyword argument repeated: " + *keywords[i]->arg);
    }
  }
}

static void kwnames_const(Compiler& c, const std::vector<Keyword*>& keywords, size_t begin,
                          size_t end) {
  CodeConst names;
  names.kind = CodeConst::Kind::Tuple;
  for (size_t i = begin; i < end; ++i) names.items.push_back(str_const(*keywords[i]->arg));
  c.load_const(names);
}

// Builds a dict of the keywords [begin, end) (all named).
static void subkwargs(Compiler& c, const std::vector<Keyword*>& keywords, size_t begin,
                      size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    for (size_t i = begin; i < end; ++i) c.visit_expr(keywords[i]->value);
    kwnames_const(c, keywords, begin, end);
    c.emit(Opcode::BuildConstKeyMap, uint32_t(n));
    return;
  }
  if (big) c.emit(Opcode::BuildMap, 0);
  for (size_t i = begin; i < end; ++i) {
    c.load_const(str_const(*keywords[i]->arg));
    c.visit_expr(keywords[i]->value);
    if (big) c.emit(Opcode::MapAdd, 1);
  }
  if (!big) c.emit(Opcode::BuildMap, uint32_t(n));
}

// Emits the arguments and the call; `n_pushed` arguments are already on the stack above the
// callable slots (class definitions push the body function and the name).
void Compiler::call_helper(int n_pushed, const std::vector<ExprNode*>& args,
                           const std::vector<Keyword*>& keywords) {
  check_keywords(*this, keywords);
  size_t nargs = args.size(), nkw = keywords.size();
  bool ex_call = nargs + nkw * 2 > kStackUseGuideline;
  for (auto* a : args) ex_call |= a->kind == ExprKind::Starred;
  for (auto* k : keywords) ex_call |= !k->arg.has_value();
  if (!ex_call) {
    for (auto* a : args) visit_expr(a);
    if (nkw) {
      for (auto* k : keywords) visit_expr(k->value);
      kwnames_const(*this, keywords, 0, nkw);
      emit(Opcode::CallKw, uint32_t(n_pushed + nargs + nkw));
    } else {
      emit(Opcode::Call, uint32_t(n_pushed + nargs));
    }
    return;
  }
  if (n_pushed == 0 && nargs == 1 && args[0]->kind == ExprKind::Starred) {
    visit_expr(as<Starred>(args[0])->value);
  } else {
    starunpack(*this, args, size_t(n_pushed), Opcode::BuildList, Opcode::ListAppend,
               Opcode::ListExtend, true);
  }
  if (nkw) {
    bool have_dict = false;
    size_t nseen = 0;
    for (size_t i = 0; i < nkw; ++i) {
      Keyword* kw = keywords[i];
      if (!kw->arg) {
        if (nseen) {
          subkwargs(*this, keywords, i - nseen, i);
          if (have_dict) emit(Opcode::DictMerge, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Opcode::BuildMap, 0);
          have_dict = true;
        }
        visit_expr(kw->value);
        emit(Opcode::DictMerge, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      subkwargs(*this, keywords, nkw - nseen, nkw);
      if (have_dict) emit(Opcode::DictMerge, 1);
    }
  }
  emit(Opcode::CallEx, nkw > 0 ? 1 : 0);
}

// `o.m(args)` without * or **: LoadMethod + Call, as CPython's maybe_optimize_method_call.
bool Compiler::try_method_call(const Call* e) {
  auto* attr = as<Attribute>(e->func);
  if (!attr || attr->ctx != ExprContext::Load) return false;
  size_t nargs = e->args.size(), nkw = e->keywords.size();
  if (nargs + nkw + (nkw != 0) >= kStackUseGuideline) return false;
  for (auto* a : e->args)
    if (a->kind == ExprKind::Starred) return false;
  for (auto* k : e->keywords)
    if (!k->arg) return false;
  check_keywords(*this, e->keywords);
  visit_expr(attr->value);
  Position saved = u().loc;
  set_loc(attr);
  match_attr_location(attr);
  emit(Opcode::LoadMethod, add_name(mangle(attr->attr)));
  u().loc = saved;
  for (auto* a : e->args) visit_expr(a);
  if (nkw) {
    for (auto* k : e->keywords) visit_expr(k->value);
    kwnames_const(*this, e->keywords, 0, nkw);
  }
  set_loc(e);
  match_attr_location(attr);
  emit(nkw ? Opcode::CallKw : Opcode::Call, uint32_t(nargs + nkw));
  u().loc = saved;
  return true;
}

void Compiler::visit_call(const Call* e) {
  if (try_method_call(e)) return;
  check_caller(e->func);
  emit(Opcode::PushNull);
  visit_expr(e->func);
  call_helper(0, e->args, e->keywords);
}

void Compiler::visit_expr_inner(const ExprNode* e) {
  switch (e->kind) {
    case ExprKind::BoolOp:
      visit_boolop(as<BoolOp>(e));
      return;
    case ExprKind::NamedExpr: {
      auto* ne = as<NamedExpr>(e);
      visit_expr(ne->value);
      emit(Opcode::Copy, 1);
      visit_expr(ne->target);
      return;
    }
    case ExprKind::BinOp: {
      CodeConst k;
      if (fold_const(e, k)) {
        load_const(k);
        return;
      }
      auto* b = as<BinOp>(e);
      visit_expr(b->left);
      visit_expr(b->right);
      uint32_t arg;
      Opcode op = binop_opcode_kind(b->op, false, arg);
      emit(op, arg | temp_operand_bits(b->left, b->right));
      return;
    }
    case ExprKind::UnaryOp: {
      CodeConst k;
      if (fold_const(e, k)) {
        load_const(k);
        return;
      }
      auto* un = as<UnaryOp>(e);
      visit_expr(un->operand);
      switch (un->op) {
        case UnaryOpKind::Invert: emit(Opcode::UnaryInvert); break;
        case UnaryOpKind::Not: emit(Opcode::UnaryNot); break;
        case UnaryOpKind::UAdd: emit(Opcode::UnaryPositive); break;
        case UnaryOpKind::USub: emit(Opcode::UnaryNegative); break;
      }
      return;
    }
    case ExprKind::Lambda:
      visit_lambda(as<Lambda>(e));
      return;
    case ExprKind::IfExp: {
      auto* ie = as<IfExp>(e);
      int end = new_label(), next = new_label();
      jump_if(ie->test, next, false);
      visit_expr(ie->body);
      emit_jump(Opcode::Jump, end);
      place(next);
      visit_expr(ie->orelse);
      place(end);
      return;
    }
    case ExprKind::Dict:
      visit_dict(as<Dict>(e));
      return;
    case ExprKind::Set:
      visit_starunpack(as<Set>(e)->elts, Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate,
                       false);
      return;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp:
      visit_comprehension(e);
      return;
    case ExprKind::Await: {
      const Scope* scope = u().scope;
      if (!scope->is_function()) error(e, "'await' outside function");
      if (!(u().kind == UnitKind::Function && scope->is_async_def) &&
          u().kind != UnitKind::Comprehension)
        error(e, "'await' outside async function");
      visit_expr(as<Await>(e)->value);
      emit(Opcode::GetAwaitable, 0);
      load_none();
      visit_yield_from_loop(true);
      return;
    }
    case ExprKind::Yield: {
      if (!u().scope->is_function()) error(e, "'yield' outside function");
      auto* y = as<Yield>(e);
      if (y->value) visit_expr(y->value); else load_none();
      if (u().scope->is_async_generator()) emit(Opcode::AsyncGenWrap);
      emit(Opcode::YieldValue, 0);
      return;
    }
    case ExprKind::YieldFrom: {
      if (!u().scope->is_function()) error(e, "'yield' outside function");
      if (u().scope->is_async_def) error(e, "'yield from' inside async function");
      visit_expr(as<YieldFrom>(e)->value);
      emit(Opcode::GetYieldFromIter);
      load_none();
      visit_yield_from_loop(false);
      return;
    }
    case ExprKind::Compare:
      visit_compare(as<Compare>(e));
      return;
    case ExprKind::Call:
      visit_call(as<Call>(e));
      return;
    case ExprKind::FormattedValue:
    case ExprKind::JoinedStr:
      visit_fstring(e);
      return;
    case ExprKind::Constant:
      load_const(make_const(as<Constant>(e)->value));
      return;
    case ExprKind::Attribute: {
      auto* a = as<Attribute>(e);
      if (a->attr == "__debug__" && a->ctx == ExprContext::Store)
        error(e, "cannot assign to __debug__");
      visit_expr(a->value);
      set_loc(e);
      match_attr_location(a);
      int idx = add_name(mangle(a->attr));
      switch (a->ctx) {
        case ExprContext::Load: emit(Opcode::LoadAttr, idx); break;
        case ExprContext::Store: emit(Opcode::StoreAttr, idx); break;
        case ExprContext::Del: emit(Opcode::DeleteAttr, idx); break;
      }
      return;
    }
    case ExprKind::Subscript:
      visit_subscript(as<Subscript>(e));
      return;
    case ExprKind::Starred: {
      auto* s = as<Starred>(e);
      if (s->ctx == ExprContext::Store)
        error(e, "starred assignment target must be in a list or tuple");
      error(e, "can't use starred expression here");
    }
    case ExprKind::Name: {
      auto* n = as<Name>(e);
      CodeConst k;
      if (fold_const(e, k)) {
        load_const(k);
        return;
      }
      name_op(n->id, n->ctx, e);
      return;
    }
    case ExprKind::List: {
      auto* l = as<List>(e);
      if (l->ctx == ExprContext::Store) {
        unpack_helper(l->elts, e);
        for (auto* elt : l->elts)
          visit_assign_target(elt->kind == ExprKind::Starred ? as<Starred>(elt)->value : elt);
        return;
      }
      if (l->ctx == ExprContext::Del) {
        for (auto* elt : l->elts) visit_delete(elt);
        return;
      }
      visit_starunpack(l->elts, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, false);
      return;
    }
    case ExprKind::Tuple: {
      auto* t = as<Tuple>(e);
      if (t->ctx == ExprContext::Store) {
        unpack_helper(t->elts, e);
        for (auto* elt : t->elts)
          visit_assign_target(elt->kind == ExprKind::Starred ? as<Starred>(elt)->value : elt);
        return;
      }
      if (t->ctx == ExprContext::Del) {
        for (auto* elt : t->elts) visit_delete(elt);
        return;
      }
      CodeConst k;
      if (fold_const(e, k)) {
        load_const(k);
        return;
      }
      visit_starunpack(t->elts, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true);
      return;
    }
    case ExprKind::Slice:
      visit_slice(as<Slice>(e));
      return;
  }
}

}  // namespace coil::fe
