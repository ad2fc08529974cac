// ast_validate.cpp — checks a tree converted from Python AST objects the way CPython's validator
// does before compiling: the shape rules the parser guarantees (non-empty bodies, matching list
// lengths, patterns made of literals, ...) with CPython 3.11's messages, so the compiler only
// ever sees trees it could have parsed.
#include <string>

#include "runtime/exceptions.h"
#include "stdlib/ast_module.h"

namespace coil::lib::ast {

using namespace coil::rt;
using namespace coil::fe;

namespace {

struct Validator {
  const BadConstants& bad;

  // The error of a constant the conversion could not represent, if `v` is one.
  const std::string* bad_constant(const ConstValue* v) {
    for (const auto& [p, msg] : bad)
      if (p == v) return &msg;
    return nullptr;
  }
  bool fail(TypeObject* type, const std::string& msg) {
    raise_msg(type, msg);
    return false;
  }
  bool value_error(const std::string& msg) { return fail(ValueErrorType, msg); }

  template <class T>
  bool nonempty(const std::vector<T>& v, const char* what, const char* owner) {
    if (!v.empty()) return true;
    return value_error(std::string("empty ") + what + " on " + owner);
  }

  bool stmts(const std::vector<StmtNode*>& body) {
    for (StmtNode* s : body) {
      if (!s) return value_error("None disallowed in statement list");
      if (!stmt(s)) return false;
    }
    return true;
  }
  bool body(const std::vector<StmtNode*>& b, const char* owner) { return nonempty(b, "body", owner) && stmts(b); }

  bool exprs(const std::vector<ExprNode*>& v, bool null_ok = false, ExprContext ctx = ExprContext::Load) {
    for (ExprNode* e : v) {
      if (!e) {
        if (null_ok) continue;
        return value_error("None disallowed in expression list");
      }
      if (!expr(e, ctx)) return false;
    }
    return true;
  }
  bool opt(ExprNode* e) { return !e || expr(e); }

  // Names that can't be bound or loaded as identifiers.
  bool name_ok(const std::string& id) {
    if (id == "None" || id == "True" || id == "False")
      return value_error("identifier field can't represent '" + id + "' constant");
    return true;
  }

  bool arguments(const Arguments* a) {
    auto args = [&](const std::vector<Arg*>& v) {
      for (Arg* x : v)
        if (x->annotation && !expr(x->annotation)) return false;
      return true;
    };
    if (!args(a->posonlyargs) || !args(a->args)) return false;
    if (a->vararg && a->vararg->annotation && !expr(a->vararg->annotation)) return false;
    if (!args(a->kwonlyargs)) return false;
    if (a->kwarg && a->kwarg->annotation && !expr(a->kwarg->annotation)) return false;
    if (a->defaults.size() > a->posonlyargs.size() + a->args.size())
      return value_error("more positional defaults than args on arguments");
    if (a->kw_defaults.size() != a->kwonlyargs.size())
      return value_error("length of kwonlyargs is not the same as kw_defaults on arguments");
    return exprs(a->defaults) && exprs(a->kw_defaults, true);
  }

  bool comprehensions(const std::vector<Comprehension*>& gens) {
    if (gens.empty()) return value_error("comprehension with no generators");
    for (Comprehension* c : gens)
      if (!expr(c->target, ExprContext::Store) || !expr(c->iter) || !exprs(c->ifs)) return false;
    return true;
  }

  static const char* ctx_name(ExprContext c) {
    return c == ExprContext::Load ? "Load" : c == ExprContext::Store ? "Store" : "Del";
  }

  // Checks an expression that must have context `ctx` (targets store or delete; List, Tuple and
  // Starred pass theirs on to their elements; everything else loads).
  bool expr(const ExprNode* e, ExprContext ctx = ExprContext::Load) {
    bool has_ctx = true;
    ExprContext actual = ExprContext::Load;
    switch (e->kind) {
      case ExprKind::Attribute: actual = static_cast<const Attribute*>(e)->ctx; break;
      case ExprKind::Subscript: actual = static_cast<const Subscript*>(e)->ctx; break;
      case ExprKind::Starred: actual = static_cast<const Starred*>(e)->ctx; break;
      case ExprKind::Name: actual = static_cast<const Name*>(e)->ctx; break;
      case ExprKind::List: actual = static_cast<const List*>(e)->ctx; break;
      case ExprKind::Tuple: actual = static_cast<const Tuple*>(e)->ctx; break;
      default: has_ctx = false;
    }
    if (has_ctx && actual != ctx)
      return value_error(std::string("expression must have ") + ctx_name(ctx) + " context but has " +
                         ctx_name(actual) + " instead");
    if (!has_ctx && ctx != ExprContext::Load)
      return value_error(std::string("expression which can't be assigned to in ") + ctx_name(ctx) + " context");
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        if (n->values.size() < 2) return value_error("BoolOp with less than 2 values");
        return exprs(n->values);
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        if (n->target->kind != ExprKind::Name) return fail(TypeErrorType, "NamedExpr target must be a Name");
        return expr(n->value);
      }
      case ExprKind::BinOp: return expr(static_cast<const BinOp*>(e)->left) && expr(static_cast<const BinOp*>(e)->right);
      case ExprKind::UnaryOp: return expr(static_cast<const UnaryOp*>(e)->operand);
      case ExprKind::Lambda: return arguments(static_cast<const Lambda*>(e)->args) && expr(static_cast<const Lambda*>(e)->body);
      case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        return expr(n->test) && expr(n->body) && expr(n->orelse);
      }
      case ExprKind::Dict: {
        auto* n = static_cast<const Dict*>(e);
        if (n->keys.size() != n->values.size())
          return value_error("Dict doesn't have the same number of keys as values");
        return exprs(n->keys, true) && exprs(n->values);
      }
      case ExprKind::Set: return exprs(static_cast<const Set*>(e)->elts);
      case ExprKind::ListComp: {
        auto* n = static_cast<const ListComp*>(e);
        return comprehensions(n->generators) && expr(n->elt);
      }
      case ExprKind::SetComp: {
        auto* n = static_cast<const SetComp*>(e);
        return comprehensions(n->generators) && expr(n->elt);
      }
      case ExprKind::GeneratorExp: {
        auto* n = static_cast<const GeneratorExp*>(e);
        return comprehensions(n->generators) && expr(n->elt);
      }
      case ExprKind::DictComp: {
        auto* n = static_cast<const DictComp*>(e);
        return comprehensions(n->generators) && expr(n->key) && expr(n->value);
      }
      case ExprKind::Await: return expr(static_cast<const Await*>(e)->value);
      case ExprKind::Yield: return opt(static_cast<const Yield*>(e)->value);
      case ExprKind::YieldFrom: return expr(static_cast<const YieldFrom*>(e)->value);
      case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        if (n->comparators.empty()) return value_error("Compare with no comparators");
        if (n->comparators.size() != n->ops.size())
          return value_error("Compare has a different number of comparators and operands");
        return exprs(n->comparators) && expr(n->left);
      }
      case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        if (!expr(n->func) || !exprs(n->args)) return false;
        for (Keyword* k : n->keywords)
          if (!expr(k->value)) return false;
        return true;
      }
      case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        int c = n->conversion;
        if (c != -1 && c != 's' && c != 'r' && c != 'a')
          return fail(SystemErrorType, "Unrecognized conversion character " + std::to_string(c));
        return expr(n->value) && opt(n->format_spec);
      }
      case ExprKind::JoinedStr: return exprs(static_cast<const JoinedStr*>(e)->values);
      case ExprKind::Constant:
        if (const std::string* msg = bad_constant(&static_cast<const Constant*>(e)->value)) return fail(TypeErrorType, *msg);
        return true;
      case ExprKind::Attribute: return expr(static_cast<const Attribute*>(e)->value);
      case ExprKind::Subscript:
        return expr(static_cast<const Subscript*>(e)->value) && expr(static_cast<const Subscript*>(e)->slice);
      case ExprKind::Starred: return expr(static_cast<const Starred*>(e)->value, ctx);
      case ExprKind::Name: return name_ok(static_cast<const Name*>(e)->id);
      case ExprKind::List: return exprs(static_cast<const List*>(e)->elts, false, ctx);
      case ExprKind::Tuple: return exprs(static_cast<const Tuple*>(e)->elts, false, ctx);
      case ExprKind::Slice: {
        auto* n = static_cast<const Slice*>(e);
        return opt(n->lower) && opt(n->upper) && opt(n->step);
      }
    }
    return true;
  }

  bool capture(const std::optional<std::string>& name) {
    if (!name) return true;
    if (*name == "_") return value_error("can't capture name '_' in patterns");
    return name_ok(*name);
  }

  // CPython's literal patterns: numbers, strings, bytes, attribute lookups, -number and
  // real +/- imaginary (the last two are folded into constants by the compiler).
  bool real_number(const ExprNode* e) {
    if (e->kind != ExprKind::Constant || bad_constant(&static_cast<const Constant*>(e)->value)) return false;
    auto k = static_cast<const Constant*>(e)->value.kind;
    return k == ConstValue::Kind::Int || k == ConstValue::Kind::Float;
  }
  bool imaginary(const ExprNode* e) {
    return e->kind == ExprKind::Constant && !bad_constant(&static_cast<const Constant*>(e)->value) &&
           static_cast<const Constant*>(e)->value.kind == ConstValue::Kind::Complex;
  }
  bool match_value(const ExprNode* v, bool key) {
    if (!expr(v)) return false;
    switch (v->kind) {
      case ExprKind::Constant: {
        auto k = static_cast<const Constant*>(v)->value.kind;
        if (key && (k == ConstValue::Kind::None || k == ConstValue::Kind::True || k == ConstValue::Kind::False))
          return true;
        if (k == ConstValue::Kind::None || k == ConstValue::Kind::True || k == ConstValue::Kind::False ||
            k == ConstValue::Kind::Ellipsis)
          return value_error("unexpected constant inside of a literal pattern");
        return true;
      }
      case ExprKind::Attribute: return true;
      case ExprKind::JoinedStr: return true;  // the compiler rejects it
      case ExprKind::UnaryOp: {
        auto* u = static_cast<const UnaryOp*>(v);
        if (u->op == UnaryOpKind::USub && (real_number(u->operand) || imaginary(u->operand))) return true;
        break;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(v);
        const ExprNode* l = b->left;
        if (l->kind == ExprKind::UnaryOp && static_cast<const UnaryOp*>(l)->op == UnaryOpKind::USub)
          l = static_cast<const UnaryOp*>(l)->operand;
        if ((b->op == OperatorKind::Add || b->op == OperatorKind::Sub) && real_number(l) && imaginary(b->right))
          return true;
        break;
      }
      default: break;
    }
    return value_error("patterns may only match literals and attribute lookups");
  }

  bool patterns(const std::vector<PatternNode*>& v) {
    for (PatternNode* p : v)
      if (!pattern(p)) return false;
    return true;
  }

  bool pattern(const PatternNode* p) {
    switch (p->kind) {
      case PatternKind::MatchValue: return match_value(static_cast<const MatchValue*>(p)->value, false);
      case PatternKind::MatchSingleton: {
        auto k = static_cast<const MatchSingleton*>(p)->value.kind;
        bool singleton = k == ConstValue::Kind::None || k == ConstValue::Kind::True || k == ConstValue::Kind::False;
        if (bad_constant(&static_cast<const MatchSingleton*>(p)->value) || !singleton)
          return value_error("MatchSingleton can only contain True, False and None");
        return true;
      }
      case PatternKind::MatchSequence: return patterns(static_cast<const MatchSequence*>(p)->patterns);
      case PatternKind::MatchMapping: {
        auto* n = static_cast<const MatchMapping*>(p);
        if (n->keys.size() != n->patterns.size())
          return value_error("MatchMapping doesn't have the same number of keys as patterns");
        if (!capture(n->rest)) return false;
        for (const ExprNode* k : n->keys)
          if (!match_value(k, true)) return false;
        return patterns(n->patterns);
      }
      case PatternKind::MatchClass: {
        auto* n = static_cast<const MatchClass*>(p);
        const ExprNode* c = n->cls;
        while (c->kind == ExprKind::Attribute) c = static_cast<const Attribute*>(c)->value;
        if (c->kind != ExprKind::Name)
          return value_error("MatchClass cls field can only contain Name or Attribute nodes.");
        if (n->kwd_attrs.size() != n->kwd_patterns.size())
          return value_error("MatchClass doesn't have the same number of keyword attributes as patterns");
        for (const std::string& a : n->kwd_attrs)
          if (!name_ok(a)) return false;
        return expr(n->cls) && patterns(n->patterns) && patterns(n->kwd_patterns);
      }
      case PatternKind::MatchStar: return capture(static_cast<const MatchStar*>(p)->name);
      case PatternKind::MatchAs: {
        auto* n = static_cast<const MatchAs*>(p);
        if (!capture(n->name)) return false;
        if (!n->pattern) return true;
        if (!n->name) return value_error("MatchAs must specify a target name if a pattern is given");
        return pattern(n->pattern);
      }
      case PatternKind::MatchOr: {
        auto* n = static_cast<const MatchOr*>(p);
        if (n->patterns.size() < 2) return value_error("MatchOr requires at least 2 patterns");
        return patterns(n->patterns);
      }
    }
    return true;
  }

  template <class T>
  bool try_like(const T* n, const char* owner) {
    if (!body(n->body, owner)) return false;
    if (n->handlers.empty() && n->finalbody.empty())
      return value_error(std::string(owner) + " has neither except handlers nor finalbody");
    if (n->handlers.empty() && !n->orelse.empty())
      return value_error(std::string(owner) + " has orelse but no except handlers");
    for (ExceptHandler* h : n->handlers)
      if (!opt(h->type) || !body(h->body, "ExceptHandler")) return false;
    return stmts(n->finalbody) && stmts(n->orelse);
  }

  template <class T>
  bool function_like(const T* n, const char* owner) {
    return body(n->body, owner) && arguments(n->args) && exprs(n->decorator_list) && opt(n->returns);
  }

  template <class T>
  bool for_like(const T* n, const char* owner) {
    return expr(n->target, ExprContext::Store) && expr(n->iter) && body(n->body, owner) && stmts(n->orelse);
  }

  template <class T>
  bool with_like(const T* n, const char* owner) {
    if (!nonempty(n->items, "items", owner)) return false;
    for (WithItem* w : n->items)
      if (!expr(w->context_expr) || (w->optional_vars && !expr(w->optional_vars, ExprContext::Store))) return false;
    return body(n->body, owner);
  }

  bool stmt(const StmtNode* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: return function_like(static_cast<const FunctionDef*>(s), "FunctionDef");
      case StmtKind::AsyncFunctionDef: return function_like(static_cast<const AsyncFunctionDef*>(s), "AsyncFunctionDef");
      case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        if (!body(n->body, "ClassDef") || !exprs(n->bases) || !exprs(n->decorator_list)) return false;
        for (Keyword* k : n->keywords)
          if (!expr(k->value)) return false;
        return true;
      }
      case StmtKind::Return: return opt(static_cast<const Return*>(s)->value);
      case StmtKind::Delete: {
        auto* n = static_cast<const Delete*>(s);
        return nonempty(n->targets, "targets", "Delete") && exprs(n->targets, false, ExprContext::Del);
      }
      case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        return nonempty(n->targets, "targets", "Assign") && expr(n->value) &&
               exprs(n->targets, false, ExprContext::Store);
      }
      case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        return expr(n->target, ExprContext::Store) && expr(n->value);
      }
      case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        if (n->simple && n->target->kind != ExprKind::Name)
          return fail(TypeErrorType, "AnnAssign with simple non-Name target");
        return expr(n->target, ExprContext::Store) && opt(n->value) && expr(n->annotation);
      }
      case StmtKind::For: return for_like(static_cast<const For*>(s), "For");
      case StmtKind::AsyncFor: return for_like(static_cast<const AsyncFor*>(s), "AsyncFor");
      case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        return expr(n->test) && body(n->body, "While") && stmts(n->orelse);
      }
      case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        return expr(n->test) && body(n->body, "If") && stmts(n->orelse);
      }
      case StmtKind::With: return with_like(static_cast<const With*>(s), "With");
      case StmtKind::AsyncWith: return with_like(static_cast<const AsyncWith*>(s), "AsyncWith");
      case StmtKind::Match: {
        auto* n = static_cast<const Match*>(s);
        if (!expr(n->subject) || !nonempty(n->cases, "cases", "Match")) return false;
        for (MatchCase* c : n->cases)
          if (!pattern(c->pattern) || !opt(c->guard) || !body(c->body, "match_case")) return false;
        return true;
      }
      case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        if (n->exc) return expr(n->exc) && opt(n->cause);
        if (n->cause) return value_error("Raise with cause but no exception");
        return true;
      }
      case StmtKind::Try: return try_like(static_cast<const Try*>(s), "Try");
      case StmtKind::TryStar: return try_like(static_cast<const TryStar*>(s), "TryStar");
      case StmtKind::Assert: return expr(static_cast<const Assert*>(s)->test) && opt(static_cast<const Assert*>(s)->msg);
      case StmtKind::Import: return nonempty(static_cast<const Import*>(s)->names, "names", "Import");
      case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        if (n->level < 0) return value_error("Negative ImportFrom level");
        return nonempty(n->names, "names", "ImportFrom");
      }
      case StmtKind::Global: return nonempty(static_cast<const Global*>(s)->names, "names", "Global");
      case StmtKind::Nonlocal: return nonempty(static_cast<const Nonlocal*>(s)->names, "names", "Nonlocal");
      case StmtKind::Expr: return expr(static_cast<const Expr*>(s)->value);
      case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: return true;
    }
    return true;
  }

  bool mod(const ModNode* m) {
    switch (m->kind) {
      case ModKind::Module: return stmts(static_cast<const Module*>(m)->body);
      case ModKind::Interactive: return stmts(static_cast<const Interactive*>(m)->body);
      case ModKind::Expression: return expr(static_cast<const Expression*>(m)->body);
      case ModKind::FunctionType: {
        auto* f = static_cast<const fe::FunctionType*>(m);
        return exprs(f->argtypes) && expr(f->returns);
      }
    }
    return true;
  }
};

}  // namespace

bool validate(const fe::ModNode* mod, const BadConstants& bad) {
  Validator v{bad};
  return v.mod(mod);
}

}  // namespace coil::lib::ast
