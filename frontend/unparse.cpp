// unparse.cpp — an expression back to source text, for `from __future__ import annotations`
// (PEP 563): annotations are stored as these strings. Follows CPython 3.11's ast_unparse.c
// rules (operator precedence decides the parentheses; spacing as CPython prints it).
#include "frontend/unparse.h"

#include <cmath>

#include "frontend/compiler.h"

namespace coil::fe {

namespace {

enum Prec : int {
  kTuple, kTest, kOr, kAnd, kNot, kCmp, kExpr, kBor = kExpr, kBxor, kBand, kShift, kArith,
  kTerm, kFactor, kPower, kAwait, kAtom,
};

class Unparser {
 public:
  std::string out;

  void expr(const ExprNode* e, int level);

 private:
  void str(const char* s) { out += s; }
  void paren_if(bool cond, const char* s) {
    if (cond) out += s;
  }
  void constant(const ConstValue& v);
  void comprehensions(const std::vector<Comprehension*>& gens);
  void args(const Arguments* a);
  void fstring_element(const ExprNode* e, bool is_spec);
  void joinedstr(const JoinedStr* e, bool is_spec);
  void formatted(const FormattedValue* e);
  void seq(const std::vector<ExprNode*>& elts, int level) {
    for (size_t i = 0; i < elts.size(); ++i) {
      if (i) str(", ");
      expr(elts[i], level);
    }
  }
};

// repr() of a constant, with infinities spelled 1e309 so that the text evaluates back.
std::string repr_for_source(const ConstValue& v) {
  CodeConst c;
  c.value = v;
  std::string r = const_repr(c);
  if ((v.kind == ConstValue::Kind::Float || v.kind == ConstValue::Kind::Complex) &&
      std::isinf(v.number)) {
    size_t pos = r.find("inf");
    if (pos != std::string::npos) r.replace(pos, 3, "1e309");
  }
  return r;
}

void Unparser::constant(const ConstValue& v) {
  if (v.kind == ConstValue::Kind::Ellipsis) {
    str("...");
    return;
  }
  out += repr_for_source(v);
}

void Unparser::comprehensions(const std::vector<Comprehension*>& gens) {
  for (const Comprehension* g : gens) {
    str(g->is_async ? " async for " : " for ");
    expr(g->target, kTuple);
    str(" in ");
    expr(g->iter, kTest + 1);
    for (auto* cond : g->ifs) {
      str(" if ");
      expr(cond, kTest + 1);
    }
  }
}

void Unparser::args(const Arguments* a) {
  bool first = true;
  auto sep = [&] {
    if (!first) str(", ");
    first = false;
  };
  auto arg = [&](const Arg* x) {
    out += x->arg;
    if (x->annotation) {
      str(": ");
      expr(x->annotation, kTest);
    }
  };
  size_t nposonly = a->posonlyargs.size(), nargs = a->args.size(), ndef = a->defaults.size();
  for (size_t i = 0; i < nposonly + nargs; ++i) {
    sep();
    arg(i < nposonly ? a->posonlyargs[i] : a->args[i - nposonly]);
    long di = long(i) - long(nposonly + nargs) + long(ndef);
    if (di >= 0) {
      str("=");
      expr(a->defaults[size_t(di)], kTest);
    }
    if (nposonly && i + 1 == nposonly) str(", /");
  }
  if (a->vararg || !a->kwonlyargs.empty()) {
    sep();
    str("*");
    if (a->vararg) arg(a->vararg);
  }
  for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
    sep();
    arg(a->kwonlyargs[i]);
    if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
      str("=");
      expr(a->kw_defaults[i], kTest);
    }
  }
  if (a->kwarg) {
    sep();
    str("**");
    arg(a->kwarg);
  }
}

void Unparser::fstring_element(const ExprNode* e, bool is_spec) {
  if (auto* c = as<Constant>(const_cast<ExprNode*>(e))) {
    for (char ch : c->value.text) {
      if (ch == '{') out += "{{";
      else if (ch == '}') out += "}}";
      else out += ch;
    }
  } else if (auto* js = as<JoinedStr>(const_cast<ExprNode*>(e))) {
    joinedstr(js, is_spec);
  } else if (auto* fv = as<FormattedValue>(const_cast<ExprNode*>(e))) {
    formatted(fv);
  }
}

void Unparser::joinedstr(const JoinedStr* e, bool is_spec) {
  Unparser body;
  for (auto* v : e->values) body.fstring_element(v, is_spec);
  if (is_spec) {
    out += body.out;
    return;
  }
  ConstValue s;
  s.kind = ConstValue::Kind::Str;
  s.text = body.out;
  str("f");
  out += repr_for_source(s);
}

void Unparser::formatted(const FormattedValue* e) {
  Unparser inner;
  inner.expr(e->value, kTest + 1);
  str(!inner.out.empty() && inner.out[0] == '{' ? "{ " : "{");
  out += inner.out;
  if (e->conversion == 's') str("!s");
  if (e->conversion == 'r') str("!r");
  if (e->conversion == 'a') str("!a");
  if (e->format_spec) {
    str(":");
    fstring_element(e->format_spec, true);
  }
  str("}");
}

void Unparser::expr(const ExprNode* ce, int level) {
  ExprNode* e = const_cast<ExprNode*>(ce);
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* b = as<BoolOp>(e);
      int pr = b->op == BoolOpKind::And ? kAnd : kOr;
      paren_if(level > pr, "(");
      for (size_t i = 0; i < b->values.size(); ++i) {
        if (i) str(b->op == BoolOpKind::And ? " and " : " or ");
        expr(b->values[i], pr + 1);
      }
      paren_if(level > pr, ")");
      return;
    }
    case ExprKind::NamedExpr: {
      auto* n = as<NamedExpr>(e);
      paren_if(level > kTuple, "(");
      expr(n->target, kAtom);
      str(" := ");
      expr(n->value, kAtom);
      paren_if(level > kTuple, ")");
      return;
    }
    case ExprKind::BinOp: {
      auto* b = as<BinOp>(e);
      const char* op = " + ";
      int pr = kArith;
      bool rassoc = false;
      switch (b->op) {
        case OperatorKind::Add: op = " + "; pr = kArith; break;
        case OperatorKind::Sub: op = " - "; pr = kArith; break;
        case OperatorKind::Mult: op = " * "; pr = kTerm; break;
        case OperatorKind::MatMult: op = " @ "; pr = kTerm; break;
        case OperatorKind::Div: op = " / "; pr = kTerm; break;
        case OperatorKind::Mod: op = " % "; pr = kTerm; break;
        case OperatorKind::LShift: op = " << "; pr = kShift; break;
        case OperatorKind::RShift: op = " >> "; pr = kShift; break;
        case OperatorKind::BitOr: op = " | "; pr = kBor; break;
        case OperatorKind::BitXor: op = " ^ "; pr = kBxor; break;
        case OperatorKind::BitAnd: op = " & "; pr = kBand; break;
        case OperatorKind::FloorDiv: op = " // "; pr = kTerm; break;
        case OperatorKind::Pow: op = " ** "; pr = kPower; rassoc = true; break;
      }
      paren_if(level > pr, "(");
      expr(b->left, pr + (rassoc ? 1 : 0));
      str(op);
      expr(b->right, pr + (rassoc ? 0 : 1));
      paren_if(level > pr, ")");
      return;
    }
    case ExprKind::UnaryOp: {
      auto* u = as<UnaryOp>(e);
      const char* op = "-";
      int pr = kFactor;
      switch (u->op) {
        case UnaryOpKind::Invert: op = "~"; break;
        case UnaryOpKind::Not: op = "not "; pr = kNot; break;
        case UnaryOpKind::UAdd: op = "+"; break;
        case UnaryOpKind::USub: op = "-"; break;
      }
      paren_if(level > pr, "(");
      str(op);
      expr(u->operand, pr);
      paren_if(level > pr, ")");
      return;
    }
    case ExprKind::Lambda: {
      auto* l = as<Lambda>(e);
      paren_if(level > kTest, "(");
      Unparser a;
      a.args(l->args);
      str("lambda");
      if (!a.out.empty()) out += " " + a.out;
      str(": ");
      expr(l->body, kTest);
      paren_if(level > kTest, ")");
      return;
    }
    case ExprKind::IfExp: {
      auto* i = as<IfExp>(e);
      paren_if(level > kTest, "(");
      expr(i->body, kTest + 1);
      str(" if ");
      expr(i->test, kTest + 1);
      str(" else ");
      expr(i->orelse, kTest);
      paren_if(level > kTest, ")");
      return;
    }
    case ExprKind::Dict: {
      auto* d = as<Dict>(e);
      str("{");
      for (size_t i = 0; i < d->values.size(); ++i) {
        if (i) str(", ");
        if (d->keys[i]) {
          expr(d->keys[i], kTest);
          str(": ");
          expr(d->values[i], kTest);
        } else {
          str("**");
          expr(d->values[i], kExpr);
        }
      }
      str("}");
      return;
    }
    case ExprKind::Set:
      str("{");
      seq(as<Set>(e)->elts, kTest);
      str("}");
      return;
    case ExprKind::ListComp:
      str("[");
      expr(as<ListComp>(e)->elt, kTest);
      comprehensions(as<ListComp>(e)->generators);
      str("]");
      return;
    case ExprKind::SetComp:
      str("{");
      expr(as<SetComp>(e)->elt, kTest);
      comprehensions(as<SetComp>(e)->generators);
      str("}");
      return;
    case ExprKind::DictComp:
      str("{");
      expr(as<DictComp>(e)->key, kTest);
      str(": ");
      expr(as<DictComp>(e)->value, kTest);
      comprehensions(as<DictComp>(e)->generators);
      str("}");
      return;
    case ExprKind::GeneratorExp:
      str("(");
      expr(as<GeneratorExp>(e)->elt, kTest);
      comprehensions(as<GeneratorExp>(e)->generators);
      str(")");
      return;
    case ExprKind::Await:
      paren_if(level > kAwait, "(");
      str("await ");
      expr(as<Await>(e)->value, kAtom);
      paren_if(level > kAwait, ")");
      return;
    case ExprKind::Yield:
      if (as<Yield>(e)->value) {
        str("(yield ");
        expr(as<Yield>(e)->value, kTest);
        str(")");
      } else {
        str("(yield)");
      }
      return;
    case ExprKind::YieldFrom:
      str("(yield from ");
      expr(as<YieldFrom>(e)->value, kTest);
      str(")");
      return;
    case ExprKind::Compare: {
      auto* c = as<Compare>(e);
      paren_if(level > kCmp, "(");
      expr(c->left, kCmp + 1);
      for (size_t i = 0; i < c->ops.size(); ++i) {
        static const char* const kOps[] = {" == ", " != ", " < ", " <= ", " > ", " >= ",
                                           " is ", " is not ", " in ", " not in "};
        str(kOps[int(c->ops[i])]);
        expr(c->comparators[i], kCmp + 1);
      }
      paren_if(level > kCmp, ")");
      return;
    }
    case ExprKind::Call: {
      auto* c = as<Call>(e);
      expr(c->func, kAtom);
      if (c->args.size() == 1 && c->keywords.empty() &&
          c->args[0]->kind == ExprKind::GeneratorExp) {
        expr(c->args[0], kAtom);
        return;
      }
      str("(");
      bool first = true;
      for (auto* a : c->args) {
        if (!first) str(", ");
        first = false;
        expr(a, kTest);
      }
      for (auto* k : c->keywords) {
        if (!first) str(", ");
        first = false;
        if (k->arg) {
          out += *k->arg;
          str("=");
        } else {
          str("**");
        }
        expr(k->value, kTest);
      }
      str(")");
      return;
    }
    case ExprKind::FormattedValue:
      formatted(as<FormattedValue>(e));
      return;
    case ExprKind::JoinedStr:
      joinedstr(as<JoinedStr>(e), false);
      return;
    case ExprKind::Constant: {
      auto* c = as<Constant>(e);
      if (c->kind) out += *c->kind;
      constant(c->value);
      return;
    }
    case ExprKind::Attribute: {
      auto* a = as<Attribute>(e);
      expr(a->value, kAtom);
      auto* c = as<Constant>(a->value);
      str(c && c->value.kind == ConstValue::Kind::Int ? " ." : ".");
      out += a->attr;
      return;
    }
    case ExprKind::Subscript:
      expr(as<Subscript>(e)->value, kAtom);
      str("[");
      expr(as<Subscript>(e)->slice, kTuple);
      str("]");
      return;
    case ExprKind::Starred:
      str("*");
      expr(as<Starred>(e)->value, kExpr);
      return;
    case ExprKind::Name:
      out += as<Name>(e)->id;
      return;
    case ExprKind::List:
      str("[");
      seq(as<List>(e)->elts, kTest);
      str("]");
      return;
    case ExprKind::Tuple: {
      auto* t = as<Tuple>(e);
      if (t->elts.empty()) {
        str("()");
        return;
      }
      paren_if(level > kTuple, "(");
      seq(t->elts, kTest);
      if (t->elts.size() == 1) str(",");
      paren_if(level > kTuple, ")");
      return;
    }
    case ExprKind::Slice: {
      auto* s = as<Slice>(e);
      if (s->lower) expr(s->lower, kTest);
      str(":");
      if (s->upper) expr(s->upper, kTest);
      if (s->step) {
        str(":");
        expr(s->step, kTest);
      }
      return;
    }
  }
}

}  // namespace

std::string unparse_annotation(const ExprNode* e) {
  Unparser u;
  u.expr(e, kTest);
  return u.out;
}

}  // namespace coil::fe
