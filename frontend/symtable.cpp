// symtable.cpp — the first symbol-table pass: scopes and what each does with each name.
//
// The walk follows CPython 3.11's symtable.c visit order exactly, because that order is
// observable: it decides which error is reported first, the order of a scope's symbols and
// children, and the parameter order of co_varnames. Points worth knowing:
//  - a def/class name is bound in the enclosing scope *before* its defaults, annotations and
//    decorators are visited; the body is visited inside the new scope;
//  - a comprehension's first iterable is visited in the enclosing scope, the rest inside the
//    comprehension, which takes that iterable as implicit parameter ".0"; a dict comprehension
//    visits its value before its key;
//  - a walrus inside a comprehension binds in the nearest enclosing function (or module) scope:
//    the comprehension gets DEF_NONLOCAL (DEF_GLOBAL at module level) plus a directive, the
//    target scope gets DEF_LOCAL (DEF_GLOBAL at module level);
//  - with `from __future__ import annotations`, annotations go to throwaway annotation scopes
//    that are never analysed, so names in them bind nothing in the real scopes.
// The second pass (symtable_analyze.cpp) resolves the scopes.
#include "frontend/symtable.h"

#include <cassert>

#include "frontend/syntax_error.h"

namespace coil::fe {

// Implemented in symtable_analyze.cpp.
void analyze_symtable(Scope* top, const std::string& filename);

namespace {

// CPython's messages; "%s" stands for the name.
constexpr const char* kGlobalParam = "name '%s' is parameter and global";
constexpr const char* kNonlocalParam = "name '%s' is parameter and nonlocal";
constexpr const char* kGlobalAfterAssign = "name '%s' is assigned to before global declaration";
constexpr const char* kNonlocalAfterAssign = "name '%s' is assigned to before nonlocal declaration";
constexpr const char* kGlobalAfterUse = "name '%s' is used prior to global declaration";
constexpr const char* kNonlocalAfterUse = "name '%s' is used prior to nonlocal declaration";
constexpr const char* kGlobalAnnot = "annotated name '%s' can't be global";
constexpr const char* kNonlocalAnnot = "annotated name '%s' can't be nonlocal";
constexpr const char* kImportStar = "import * only allowed at module level";
constexpr const char* kDuplicateArgument = "duplicate argument '%s' in function definition";
constexpr const char* kNamedExprCompConflict =
    "assignment expression cannot rebind comprehension iteration variable '%s'";
constexpr const char* kNamedExprCompInnerLoopConflict =
    "comprehension inner loop cannot rebind assignment expression target '%s'";
constexpr const char* kNamedExprCompInClass =
    "assignment expression within a comprehension cannot be used in a class body";
constexpr const char* kNamedExprCompIterExpr =
    "assignment expression cannot be used in a comprehension iterable expression";
constexpr const char* kAnnotationNotAllowed = "'%s' can not be used within an annotation";

std::string format(const char* pattern, std::string_view name) {
  std::string out = pattern;
  size_t at = out.find("%s");
  if (at != std::string::npos) out.replace(at, 2, name);
  return out;
}

SourceRange range_of(const Located& n) {
  return {n.lineno, n.col_offset, n.end_lineno, n.end_col_offset};
}

}  // namespace

// ---- Scope queries ----------------------------------------------------------------------

const Symbol* Scope::find(std::string_view mangled) const {
  auto it = index_.find(mangled);
  return it == index_.end() ? nullptr : &symbols[it->second];
}

SymFlags Scope::flags(std::string_view mangled) const {
  const Symbol* s = find(mangled);
  return s ? s->flags : SymFlags::None;
}

SymbolScope Scope::lookup(std::string_view mangled) const {
  const Symbol* s = find(mangled);
  return s ? s->scope : SymbolScope::Unknown;
}

std::string Scope::mangle(std::string_view name) const { return fe::mangle(private_name, name); }

NameOp Scope::name_op(std::string_view mangled, ExprContext ctx) const {
  switch (lookup(mangled)) {
    case SymbolScope::Free:
      return kind == ScopeKind::Class && ctx == ExprContext::Load ? NameOp::ClassDeref : NameOp::Deref;
    case SymbolScope::Cell:
      return NameOp::Deref;
    case SymbolScope::Local:
      return is_function() ? NameOp::Fast : NameOp::Name;
    case SymbolScope::GlobalImplicit:
      return is_function() ? NameOp::Global : NameOp::Name;
    case SymbolScope::GlobalExplicit:
      return NameOp::Global;
    case SymbolScope::Unknown:
      break;
  }
  return NameOp::Name;
}

static int index_in(const std::vector<std::string>& names, std::string_view name) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return int(i);
  return -1;
}
int Scope::cell_index(std::string_view name) const { return index_in(cellvars, name); }
int Scope::free_index(std::string_view name) const { return index_in(freevars, name); }

Symbol& Scope::symbol(const std::string& mangled) {
  auto it = index_.find(mangled);
  if (it != index_.end()) return symbols[it->second];
  index_.emplace(mangled, uint32_t(symbols.size()));
  symbols.push_back(Symbol{mangled, SymFlags::None, SymbolScope::Unknown});
  return symbols.back();
}

const Scope* SymbolTable::scope_of(const Node* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

std::string mangle(std::string_view private_name, std::string_view name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_')
    return std::string(name);
  // Dunder names and dotted import names stay as written.
  if (name.ends_with("__") || name.find('.') != std::string_view::npos) return std::string(name);
  size_t skip = private_name.find_first_not_of('_');
  if (skip == std::string_view::npos) return std::string(name);  // class named only underscores
  std::string out = "_";
  out += private_name.substr(skip);
  out += name;
  return out;
}

// ---- The walk ---------------------------------------------------------------------------

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& table, const std::string& filename, int recursion_budget)
      : table_(table), filename_(filename), budget_(recursion_budget) {}

  void build(const ModNode* mod);

 private:
  SymbolTable& table_;
  const std::string& filename_;
  std::vector<Scope*> stack_;
  Scope* cur_ = nullptr;
  Scope* module_ = nullptr;
  std::string private_;  // class name in effect for mangling
  int budget_;           // nesting allowed for statements, expressions and patterns
  int depth_ = 0;

  // Counts one nesting level of the visit it lives in.
  struct DepthGuard {
    SymtableBuilder& b;
    explicit DepthGuard(SymtableBuilder& builder) : b(builder) {
      if (++b.depth_ > b.budget_) throw CompileRecursionError{};
    }
    ~DepthGuard() { --b.depth_; }
  };

  bool future_annotations() const { return table_.future_.has(FutureFeature::Annotations); }

  [[noreturn]] void error(const std::string& msg, const SourceRange& r) {
    SyntaxErrorInfo info;
    info.msg = msg;
    info.filename = filename_;
    // Symbol-table errors report byte columns + 1, as PyErr_RangedSyntaxLocationObject does.
    info.lineno = r.lineno;
    info.offset = r.col_offset + 1;
    info.end_lineno = r.end_lineno;
    info.end_offset = r.end_col_offset + 1;
    throw SyntaxErrorException{info};
  }

  void enter(ScopeKind kind, std::string name, const Node* node, SourceRange range);
  void exit();
  void add_def(const std::string& name, SymFlags flag, const SourceRange& r) {
    add_def_in(cur_, name, flag, r);
  }
  void add_def_in(Scope* scope, const std::string& name, SymFlags flag, const SourceRange& r);
  void record_directive(const std::string& name, const SourceRange& r) {
    cur_->directives_.emplace_back(mangle(private_, name), r);
  }

  void visit_stmts(const std::vector<StmtNode*>& body) {
    for (const StmtNode* s : body) visit_stmt(s);
  }
  void visit_exprs(const std::vector<ExprNode*>& exprs) {
    for (const ExprNode* e : exprs)
      if (e) visit_expr(e);  // Dict keys and kw_defaults may hold nulls
  }
  void visit_stmt(const StmtNode* s);
  void visit_function(const StmtNode* s, const std::string& name, const Arguments* args,
                      const std::vector<StmtNode*>& body, const std::vector<ExprNode*>& decorators,
                      const ExprNode* returns, bool is_async);
  void visit_class(const ClassDef* s);
  template <class T> void visit_with(const T* s);
  template <class T> void visit_try(const T* s);
  void visit_declaration(const StmtNode* s, const std::vector<Ident>& names, bool global);
  void visit_ann_assign(const AnnAssign* s);
  void visit_alias(const Alias* a);
  void visit_expr(const ExprNode* e);
  void visit_name(const Name* e);
  void visit_named_expr(const NamedExpr* e);
  void extend_named_expr_scope(const Name* target);
  void visit_comprehension(const ExprNode* e, const char* name, ComprehensionKind kind,
                           const std::vector<Comprehension*>& generators, const ExprNode* elt,
                           const ExprNode* value);
  void visit_generator(const Comprehension* gen);
  void check_yield_in_comprehension(const ExprNode* e);
  void check_not_annotation(const char* what, const ExprNode* e);
  void visit_params(const std::vector<Arg*>& args);
  void visit_arguments(const Arguments* a);
  void visit_arg_annotations(const std::vector<Arg*>& args);
  void visit_annotations(const StmtNode* s, const Arguments* a, const ExprNode* returns);
  void visit_annotation(const ExprNode* annotation);
  void visit_pattern(const PatternNode* p);
};

void SymtableBuilder::build(const ModNode* mod) {
  enter(ScopeKind::Module, "top", mod, SourceRange{});
  module_ = cur_;
  table_.top_ = cur_;
  if (auto* m = as<const Module>(mod)) {
    visit_stmts(m->body);
  } else if (auto* i = as<const Interactive>(mod)) {
    visit_stmts(i->body);
  } else if (auto* x = as<const Expression>(mod)) {
    visit_expr(x->body);
  }
  // FunctionType (func_type_input) only feeds the `ast` module; CPython refuses to compile it too.
  exit();
}

void SymtableBuilder::enter(ScopeKind kind, std::string name, const Node* node, SourceRange range) {
  auto owned = std::make_unique<Scope>();
  Scope* scope = owned.get();
  table_.scopes_.push_back(std::move(owned));
  scope->kind = kind;
  scope->name = std::move(name);
  scope->node = node;
  scope->range = range;
  scope->parent = cur_;
  scope->private_name = private_;
  if (cur_ && (cur_->nested || cur_->kind == ScopeKind::Function)) scope->nested = true;
  // bpo-37757: a walrus anywhere inside a comprehension's iterable is refused, even inside a
  // lambda or a nested comprehension there, so the counter is inherited.
  if (cur_) scope->comp_iter_expr_ = cur_->comp_iter_expr_;
  stack_.push_back(scope);
  Scope* prev = cur_;
  cur_ = scope;
  // Annotation scopes are detached: the compiler turns those annotations into strings.
  if (kind == ScopeKind::Annotation) return;
  table_.by_node_[node] = scope;
  if (prev) prev->children.push_back(scope);
}

void SymtableBuilder::exit() {
  stack_.pop_back();
  cur_ = stack_.empty() ? nullptr : stack_.back();
}

void SymtableBuilder::add_def_in(Scope* scope, const std::string& name, SymFlags flag,
                                 const SourceRange& r) {
  std::string mangled = mangle(private_, name);
  bool existed = scope->find(mangled) != nullptr;
  Symbol& sym = scope->symbol(mangled);
  if (existed && any(flag, SymFlags::DefParam) && any(sym.flags, SymFlags::DefParam))
    error(format(kDuplicateArgument, name), r);
  SymFlags val = sym.flags | flag;
  if (scope->comp_iter_target_) {
    // An iteration variable of a comprehension: refuse it if a walrus already bound it here.
    if (any(val, SymFlags::DefGlobal | SymFlags::DefNonlocal))
      error(format(kNamedExprCompInnerLoopConflict, name), r);
    val |= SymFlags::DefCompIter;
  }
  sym.flags = val;
  if (any(flag, SymFlags::DefParam)) {
    scope->params.push_back(mangled);
  } else if (any(flag, SymFlags::DefGlobal)) {
    // A global declaration anywhere also marks the module's own symbol.
    module_->symbol(mangled).flags |= flag;
  }
}

// ---- Statements -------------------------------------------------------------------------

void SymtableBuilder::visit_stmt(const StmtNode* s) {
  DepthGuard guard(*this);
  switch (s->kind) {
    case StmtKind::FunctionDef: {
      auto* f = static_cast<const FunctionDef*>(s);
      visit_function(s, f->name, f->args, f->body, f->decorator_list, f->returns, false);
      break;
    }
    case StmtKind::AsyncFunctionDef: {
      auto* f = static_cast<const AsyncFunctionDef*>(s);
      visit_function(s, f->name, f->args, f->body, f->decorator_list, f->returns, true);
      break;
    }
    case StmtKind::ClassDef:
      visit_class(static_cast<const ClassDef*>(s));
      break;
    case StmtKind::Return: {
      auto* r = static_cast<const Return*>(s);
      if (r->value) {
        visit_expr(r->value);
        cur_->returns_value = true;
      }
      break;
    }
    case StmtKind::Delete:
      visit_exprs(static_cast<const Delete*>(s)->targets);
      break;
    case StmtKind::Assign: {
      auto* a = static_cast<const Assign*>(s);
      visit_exprs(a->targets);
      visit_expr(a->value);
      break;
    }
    case StmtKind::AugAssign: {
      auto* a = static_cast<const AugAssign*>(s);
      visit_expr(a->target);
      visit_expr(a->value);
      break;
    }
    case StmtKind::AnnAssign:
      visit_ann_assign(static_cast<const AnnAssign*>(s));
      break;
    case StmtKind::For: {
      auto* f = static_cast<const For*>(s);
      visit_expr(f->target);
      visit_expr(f->iter);
      visit_stmts(f->body);
      visit_stmts(f->orelse);
      break;
    }
    case StmtKind::AsyncFor: {
      auto* f = static_cast<const AsyncFor*>(s);
      visit_expr(f->target);
      visit_expr(f->iter);
      visit_stmts(f->body);
      visit_stmts(f->orelse);
      break;
    }
    case StmtKind::While: {
      auto* w = static_cast<const While*>(s);
      visit_expr(w->test);
      visit_stmts(w->body);
      visit_stmts(w->orelse);
      break;
    }
    case StmtKind::If: {
      auto* i = static_cast<const If*>(s);
      visit_expr(i->test);
      visit_stmts(i->body);
      visit_stmts(i->orelse);
      break;
    }
    case StmtKind::With:
      visit_with(static_cast<const With*>(s));
      break;
    case StmtKind::AsyncWith:
      visit_with(static_cast<const AsyncWith*>(s));
      break;
    case StmtKind::Match: {
      auto* m = static_cast<const Match*>(s);
      visit_expr(m->subject);
      for (const MatchCase* c : m->cases) {
        visit_pattern(c->pattern);
        if (c->guard) visit_expr(c->guard);
        visit_stmts(c->body);
      }
      break;
    }
    case StmtKind::Raise: {
      auto* r = static_cast<const Raise*>(s);
      if (r->exc) {
        visit_expr(r->exc);
        if (r->cause) visit_expr(r->cause);
      }
      break;
    }
    case StmtKind::Try:
      visit_try(static_cast<const Try*>(s));
      break;
    case StmtKind::TryStar:
      visit_try(static_cast<const TryStar*>(s));
      break;
    case StmtKind::Assert: {
      auto* a = static_cast<const Assert*>(s);
      visit_expr(a->test);
      if (a->msg) visit_expr(a->msg);
      break;
    }
    case StmtKind::Import:
      for (const Alias* a : static_cast<const Import*>(s)->names) visit_alias(a);
      break;
    case StmtKind::ImportFrom:
      for (const Alias* a : static_cast<const ImportFrom*>(s)->names) visit_alias(a);
      break;
    case StmtKind::Global:
      visit_declaration(s, static_cast<const Global*>(s)->names, true);
      break;
    case StmtKind::Nonlocal:
      visit_declaration(s, static_cast<const Nonlocal*>(s)->names, false);
      break;
    case StmtKind::Expr:
      visit_expr(static_cast<const Expr*>(s)->value);
      break;
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue:
      break;
  }
}

void SymtableBuilder::visit_function(const StmtNode* s, const std::string& name, const Arguments* args,
                                     const std::vector<StmtNode*>& body,
                                     const std::vector<ExprNode*>& decorators, const ExprNode* returns,
                                     bool is_async) {
  add_def(name, SymFlags::DefLocal, range_of(*s));
  visit_exprs(args->defaults);
  visit_exprs(args->kw_defaults);
  visit_annotations(s, args, returns);
  visit_exprs(decorators);
  enter(ScopeKind::Function, name, s, range_of(*s));
  if (is_async) {
    cur_->coroutine = true;
    cur_->is_async_def = true;
  }
  visit_arguments(args);
  visit_stmts(body);
  exit();
}

void SymtableBuilder::visit_class(const ClassDef* s) {
  add_def(s->name, SymFlags::DefLocal, range_of(*s));
  visit_exprs(s->bases);
  for (const Keyword* k : s->keywords) visit_expr(k->value);
  visit_exprs(s->decorator_list);
  std::string saved = private_;
  private_ = s->name;  // set before enter() so the class scope records its own mangling name
  enter(ScopeKind::Class, s->name, s, range_of(*s));
  visit_stmts(s->body);
  private_ = saved;
  exit();
}

template <class T>
void SymtableBuilder::visit_with(const T* s) {
  for (const WithItem* item : s->items) {
    visit_expr(item->context_expr);
    if (item->optional_vars) visit_expr(item->optional_vars);
  }
  visit_stmts(s->body);
}

// Try and TryStar; CPython visits `else` before the handlers.
template <class T>
void SymtableBuilder::visit_try(const T* s) {
  visit_stmts(s->body);
  visit_stmts(s->orelse);
  for (const ExceptHandler* h : s->handlers) {
    if (h->type) visit_expr(h->type);
    if (h->name) add_def(*h->name, SymFlags::DefLocal, range_of(*h));
    visit_stmts(h->body);
  }
  visit_stmts(s->finalbody);
}

// `global` / `nonlocal`: refused after the name was used, bound, annotated or is a parameter.
void SymtableBuilder::visit_declaration(const StmtNode* s, const std::vector<Ident>& names, bool global) {
  for (const Ident& name : names) {
    SymFlags cur = cur_->flags(mangle(private_, name));
    if (any(cur, SymFlags::DefParam | SymFlags::DefLocal | SymFlags::Use | SymFlags::DefAnnot)) {
      const char* msg;
      if (any(cur, SymFlags::DefParam)) msg = global ? kGlobalParam : kNonlocalParam;
      else if (any(cur, SymFlags::Use)) msg = global ? kGlobalAfterUse : kNonlocalAfterUse;
      else if (any(cur, SymFlags::DefAnnot)) msg = global ? kGlobalAnnot : kNonlocalAnnot;
      else msg = global ? kGlobalAfterAssign : kNonlocalAfterAssign;
      error(format(msg, name), range_of(*s));
    }
    add_def(name, global ? SymFlags::DefGlobal : SymFlags::DefNonlocal, range_of(*s));
    record_directive(name, range_of(*s));
  }
}

void SymtableBuilder::visit_ann_assign(const AnnAssign* s) {
  if (auto* target = as<const Name>(s->target)) {
    SymFlags cur = cur_->flags(mangle(private_, target->id));
    // Module level may annotate a declared global; functions and classes may not.
    if (any(cur, SymFlags::DefGlobal | SymFlags::DefNonlocal) && cur_ != module_ && s->simple) {
      error(format(any(cur, SymFlags::DefGlobal) ? kGlobalAnnot : kNonlocalAnnot, target->id),
            range_of(*s));
    }
    if (s->simple) {
      add_def(target->id, SymFlags::DefAnnot | SymFlags::DefLocal, range_of(*target));
    } else if (s->value) {
      add_def(target->id, SymFlags::DefLocal, range_of(*target));
    }
  } else {
    visit_expr(s->target);
  }
  visit_annotation(s->annotation);
  if (s->value) visit_expr(s->value);
}

void SymtableBuilder::visit_alias(const Alias* a) {
  // `import a.b.c` binds `a`; `import a.b as c` binds `c`.
  const std::string& name = a->asname ? *a->asname : a->name;
  if (name == "*") {
    if (cur_->kind != ScopeKind::Module) error(kImportStar, range_of(*a));
    return;
  }
  size_t dot = name.find('.');
  add_def(dot == std::string::npos ? name : name.substr(0, dot), SymFlags::DefImport, range_of(*a));
}

// ---- Parameters and annotations ---------------------------------------------------------

void SymtableBuilder::visit_params(const std::vector<Arg*>& args) {
  for (const Arg* a : args) add_def(a->arg, SymFlags::DefParam, range_of(*a));
}

// Parameter order is co_varnames order: positional-only, positional, keyword-only, *, **.
void SymtableBuilder::visit_arguments(const Arguments* a) {
  visit_params(a->posonlyargs);
  visit_params(a->args);
  visit_params(a->kwonlyargs);
  if (a->vararg) {
    add_def(a->vararg->arg, SymFlags::DefParam, range_of(*a->vararg));
    cur_->varargs = true;
  }
  if (a->kwarg) {
    add_def(a->kwarg->arg, SymFlags::DefParam, range_of(*a->kwarg));
    cur_->varkeywords = true;
  }
}

void SymtableBuilder::visit_arg_annotations(const std::vector<Arg*>& args) {
  for (const Arg* a : args)
    if (a->annotation) visit_expr(a->annotation);
}

// A function's parameter annotations (one annotation scope for all of them under PEP 563), then
// its return annotation (a scope of its own). *args and **kwargs come before keyword-only ones.
void SymtableBuilder::visit_annotations(const StmtNode* s, const Arguments* a, const ExprNode* returns) {
  bool future = future_annotations();
  if (future) enter(ScopeKind::Annotation, "_annotation", s, range_of(*s));
  visit_arg_annotations(a->posonlyargs);
  visit_arg_annotations(a->args);
  if (a->vararg && a->vararg->annotation) visit_expr(a->vararg->annotation);
  if (a->kwarg && a->kwarg->annotation) visit_expr(a->kwarg->annotation);
  visit_arg_annotations(a->kwonlyargs);
  if (future) exit();
  if (returns) visit_annotation(returns);
}

void SymtableBuilder::visit_annotation(const ExprNode* annotation) {
  bool future = future_annotations();
  if (future) enter(ScopeKind::Annotation, "_annotation", annotation, range_of(*annotation));
  visit_expr(annotation);
  if (future) exit();
}

void SymtableBuilder::check_not_annotation(const char* what, const ExprNode* e) {
  if (cur_->kind == ScopeKind::Annotation) error(format(kAnnotationNotAllowed, what), range_of(*e));
}

// ---- Expressions ------------------------------------------------------------------------

void SymtableBuilder::visit_expr(const ExprNode* e) {
  DepthGuard guard(*this);
  switch (e->kind) {
    case ExprKind::NamedExpr:
      check_not_annotation("named expression", e);
      visit_named_expr(static_cast<const NamedExpr*>(e));
      break;
    case ExprKind::BoolOp:
      visit_exprs(static_cast<const BoolOp*>(e)->values);
      break;
    case ExprKind::BinOp: {
      auto* b = static_cast<const BinOp*>(e);
      visit_expr(b->left);
      visit_expr(b->right);
      break;
    }
    case ExprKind::UnaryOp:
      visit_expr(static_cast<const UnaryOp*>(e)->operand);
      break;
    case ExprKind::Lambda: {
      auto* l = static_cast<const Lambda*>(e);
      visit_exprs(l->args->defaults);
      visit_exprs(l->args->kw_defaults);
      enter(ScopeKind::Function, "lambda", e, range_of(*e));
      visit_arguments(l->args);
      visit_expr(l->body);
      exit();
      break;
    }
    case ExprKind::IfExp: {
      auto* i = static_cast<const IfExp*>(e);
      visit_expr(i->test);
      visit_expr(i->body);
      visit_expr(i->orelse);
      break;
    }
    case ExprKind::Dict: {
      auto* d = static_cast<const Dict*>(e);
      visit_exprs(d->keys);
      visit_exprs(d->values);
      break;
    }
    case ExprKind::Set:
      visit_exprs(static_cast<const Set*>(e)->elts);
      break;
    case ExprKind::ListComp: {
      auto* c = static_cast<const ListComp*>(e);
      visit_comprehension(e, "listcomp", ComprehensionKind::List, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::SetComp: {
      auto* c = static_cast<const SetComp*>(e);
      visit_comprehension(e, "setcomp", ComprehensionKind::Set, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::DictComp: {
      auto* c = static_cast<const DictComp*>(e);
      visit_comprehension(e, "dictcomp", ComprehensionKind::Dict, c->generators, c->key, c->value);
      break;
    }
    case ExprKind::GeneratorExp: {
      auto* c = static_cast<const GeneratorExp*>(e);
      visit_comprehension(e, "genexpr", ComprehensionKind::Generator, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::Yield: {
      check_not_annotation("yield expression", e);
      auto* y = static_cast<const Yield*>(e);
      if (y->value) visit_expr(y->value);
      cur_->generator = true;
      check_yield_in_comprehension(e);
      break;
    }
    case ExprKind::YieldFrom:
      check_not_annotation("yield expression", e);
      visit_expr(static_cast<const YieldFrom*>(e)->value);
      cur_->generator = true;
      check_yield_in_comprehension(e);
      break;
    case ExprKind::Await:
      check_not_annotation("await expression", e);
      visit_expr(static_cast<const Await*>(e)->value);
      cur_->coroutine = true;
      break;
    case ExprKind::Compare: {
      auto* c = static_cast<const Compare*>(e);
      visit_expr(c->left);
      visit_exprs(c->comparators);
      break;
    }
    case ExprKind::Call: {
      auto* c = static_cast<const Call*>(e);
      visit_expr(c->func);
      visit_exprs(c->args);
      for (const Keyword* k : c->keywords) visit_expr(k->value);
      break;
    }
    case ExprKind::FormattedValue: {
      auto* f = static_cast<const FormattedValue*>(e);
      visit_expr(f->value);
      if (f->format_spec) visit_expr(f->format_spec);
      break;
    }
    case ExprKind::JoinedStr:
      visit_exprs(static_cast<const JoinedStr*>(e)->values);
      break;
    case ExprKind::Constant:
      break;
    case ExprKind::Attribute:
      visit_expr(static_cast<const Attribute*>(e)->value);
      break;
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(e);
      visit_expr(s->value);
      visit_expr(s->slice);
      break;
    }
    case ExprKind::Starred:
      visit_expr(static_cast<const Starred*>(e)->value);
      break;
    case ExprKind::Slice: {
      auto* s = static_cast<const Slice*>(e);
      if (s->lower) visit_expr(s->lower);
      if (s->upper) visit_expr(s->upper);
      if (s->step) visit_expr(s->step);
      break;
    }
    case ExprKind::Name:
      visit_name(static_cast<const Name*>(e));
      break;
    case ExprKind::List:
      visit_exprs(static_cast<const List*>(e)->elts);
      break;
    case ExprKind::Tuple:
      visit_exprs(static_cast<const Tuple*>(e)->elts);
      break;
  }
}

void SymtableBuilder::visit_name(const Name* e) {
  bool load = e->ctx == ExprContext::Load;
  add_def(e->id, load ? SymFlags::Use : SymFlags::DefLocal, range_of(*e));
  // `super()` needs the implicit `__class__` cell of the enclosing class.
  if (load && cur_->kind == ScopeKind::Function && e->id == "super")
    add_def("__class__", SymFlags::Use, range_of(*e));
}

void SymtableBuilder::visit_named_expr(const NamedExpr* e) {
  if (cur_->comp_iter_expr_ > 0) error(kNamedExprCompIterExpr, range_of(*e));
  if (cur_->comprehension != ComprehensionKind::None) {
    // Target must be a Name: the parser refuses anything else.
    if (auto* target = as<const Name>(e->target)) extend_named_expr_scope(target);
  }
  visit_expr(e->value);
  visit_expr(e->target);
}

// Binds a walrus target of a comprehension in the nearest function or module scope outside it.
void SymtableBuilder::extend_named_expr_scope(const Name* target) {
  const std::string& name = target->id;
  SourceRange r = range_of(*target);
  for (size_t i = stack_.size(); i-- > 0;) {
    Scope* scope = stack_[i];
    if (scope->comprehension != ComprehensionKind::None) {
      // CPython looks the unmangled name up here.
      if (any(scope->flags(name), SymFlags::DefCompIter)) error(format(kNamedExprCompConflict, name), r);
      continue;
    }
    if (scope->kind == ScopeKind::Function) {
      bool global = any(scope->flags(name), SymFlags::DefGlobal);
      add_def(name, global ? SymFlags::DefGlobal : SymFlags::DefNonlocal, r);
      record_directive(name, r);
      add_def_in(scope, name, SymFlags::DefLocal, r);
      return;
    }
    if (scope->kind == ScopeKind::Module) {
      add_def(name, SymFlags::DefGlobal, r);
      record_directive(name, r);
      add_def_in(scope, name, SymFlags::DefGlobal, r);
      return;
    }
    if (scope->kind == ScopeKind::Class) error(kNamedExprCompInClass, r);
    // An annotation scope: CPython keeps searching outward.
  }
  assert(false && "a comprehension always has a module scope outside it");
}

void SymtableBuilder::check_yield_in_comprehension(const ExprNode* e) {
  const char* msg = nullptr;
  switch (cur_->comprehension) {
    case ComprehensionKind::None: return;
    case ComprehensionKind::List: msg = "'yield' inside list comprehension"; break;
    case ComprehensionKind::Set: msg = "'yield' inside set comprehension"; break;
    case ComprehensionKind::Dict: msg = "'yield' inside dict comprehension"; break;
    case ComprehensionKind::Generator: msg = "'yield' inside generator expression"; break;
  }
  error(msg, range_of(*e));
}

void SymtableBuilder::visit_generator(const Comprehension* gen) {
  cur_->comp_iter_target_ = true;
  visit_expr(gen->target);
  cur_->comp_iter_target_ = false;
  cur_->comp_iter_expr_++;
  visit_expr(gen->iter);
  cur_->comp_iter_expr_--;
  visit_exprs(gen->ifs);
  if (gen->is_async) cur_->coroutine = true;
}

void SymtableBuilder::visit_comprehension(const ExprNode* e, const char* name, ComprehensionKind kind,
                                          const std::vector<Comprehension*>& generators,
                                          const ExprNode* elt, const ExprNode* value) {
  bool is_generator = kind == ComprehensionKind::Generator;
  const Comprehension* outermost = generators.at(0);
  // The first iterable is evaluated in the enclosing scope and passed in as ".0".
  cur_->comp_iter_expr_++;
  visit_expr(outermost->iter);
  cur_->comp_iter_expr_--;
  enter(ScopeKind::Function, name, e, range_of(*e));
  cur_->comprehension = kind;
  if (outermost->is_async) cur_->coroutine = true;
  add_def(".0", SymFlags::DefParam, range_of(*e));
  cur_->comp_iter_target_ = true;
  visit_expr(outermost->target);
  cur_->comp_iter_target_ = false;
  visit_exprs(outermost->ifs);
  for (size_t i = 1; i < generators.size(); ++i) visit_generator(generators[i]);
  if (value) visit_expr(value);
  visit_expr(elt);
  cur_->generator = is_generator;
  // 3.11: an asynchronous list/set/dict comprehension makes the enclosing scope asynchronous too.
  bool is_async = cur_->coroutine && !is_generator;
  exit();
  if (is_async) cur_->coroutine = true;
}

// ---- Patterns ---------------------------------------------------------------------------

void SymtableBuilder::visit_pattern(const PatternNode* p) {
  DepthGuard guard(*this);
  switch (p->kind) {
    case PatternKind::MatchValue:
      visit_expr(static_cast<const MatchValue*>(p)->value);
      break;
    case PatternKind::MatchSingleton:
      break;
    case PatternKind::MatchSequence:
      for (const PatternNode* q : static_cast<const MatchSequence*>(p)->patterns) visit_pattern(q);
      break;
    case PatternKind::MatchStar: {
      auto* m = static_cast<const MatchStar*>(p);
      if (m->name) add_def(*m->name, SymFlags::DefLocal, range_of(*p));
      break;
    }
    case PatternKind::MatchMapping: {
      auto* m = static_cast<const MatchMapping*>(p);
      visit_exprs(m->keys);
      for (const PatternNode* q : m->patterns) visit_pattern(q);
      if (m->rest) add_def(*m->rest, SymFlags::DefLocal, range_of(*p));
      break;
    }
    case PatternKind::MatchClass: {
      auto* m = static_cast<const MatchClass*>(p);
      visit_expr(m->cls);
      for (const PatternNode* q : m->patterns) visit_pattern(q);
      for (const PatternNode* q : m->kwd_patterns) visit_pattern(q);
      break;
    }
    case PatternKind::MatchAs: {
      auto* m = static_cast<const MatchAs*>(p);
      if (m->pattern) visit_pattern(m->pattern);
      if (m->name) add_def(*m->name, SymFlags::DefLocal, range_of(*p));
      break;
    }
    case PatternKind::MatchOr:
      for (const PatternNode* q : static_cast<const MatchOr*>(p)->patterns) visit_pattern(q);
      break;
  }
}

// ---- Entry point ------------------------------------------------------------------------

SymbolTable build_symtable(const ModNode* mod, const std::string& filename, FutureFlags& future,
                           int recursion_budget) {
  parse_future(mod, filename, future);
  SymbolTable table;
  table.future_ = future;
  table.filename_ = filename;
  SymtableBuilder(table, filename, recursion_budget).build(mod);
  analyze_symtable(table.top_, filename);
  return table;
}

}  // namespace coil::fe
