// compile_def.cpp — code that makes new code units: def, async def, lambda, class,
// comprehensions and generator expressions.
#include "frontend/compile_internal.h"
#include "frontend/unparse.h"

namespace coil::fe {

namespace {

const Constant* docstring_of(const std::vector<StmtNode*>& body) {
  if (body.empty()) return nullptr;
  auto* e = as<Expr>(body[0]);
  if (!e) return nullptr;
  auto* c = as<Constant>(e->value);
  if (!c || c->value.kind != ConstValue::Kind::Str) return nullptr;
  return c;
}

void check_debug_arg(Compiler& c, const Arg* a) {
  // Reported at the definition, as CPython does.
  if (a && a->arg == "__debug__") c.error_at(c.u().loc, "cannot assign to __debug__");
}

void check_debug_args(Compiler& c, const Arguments* args) {
  for (auto* a : args->posonlyargs) check_debug_arg(c, a);
  for (auto* a : args->args) check_debug_arg(c, a);
  check_debug_arg(c, args->vararg);
  for (auto* a : args->kwonlyargs) check_debug_arg(c, a);
  check_debug_arg(c, args->kwarg);
}

// Appends `return None` when the code can fall off its end (dead copies are removed later);
// it is artificial: assign_lines gives it the line of what runs before it.
void implicit_return(Compiler& c) {
  c.unset_loc();
  c.load_none();
  c.emit(Opcode::ReturnValue);
}

}  // namespace

uint32_t Compiler::visit_defaults(const Arguments* args) {
  uint32_t flags = 0;
  if (!args->defaults.empty()) {
    for (auto* d : args->defaults) visit_expr(d);
    emit(Opcode::BuildTuple, uint32_t(args->defaults.size()));
    flags |= 1;
  }
  CodeConst keys;
  keys.kind = CodeConst::Kind::Tuple;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    const ExprNode* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (!d) continue;
    keys.items.push_back(str_const(mangle(args->kwonlyargs[i]->arg)));
    visit_expr(d);
  }
  if (!keys.items.empty()) {
    size_t n = keys.items.size();
    load_const(keys);
    emit(Opcode::BuildConstKeyMap, uint32_t(n));
    flags |= 2;
  }
  return flags;
}

// Pushes the (name, value, ...) annotations tuple; false when there are none.
bool Compiler::visit_annotations(const Arguments* args, const ExprNode* returns) {
  size_t len = 0;
  bool future_ann = (future_flags_ & coflag::FUTURE_ANNOTATIONS) != 0;
  auto one = [&](const std::string& id, const ExprNode* ann) {
    if (!ann) return;
    load_const(str_const(mangle(id)));
    if (future_ann) {
      load_const(str_const(unparse_annotation(ann)));
    } else if (auto* st = as<Starred>(ann)) {
      visit_expr(st->value);
      emit(Opcode::UnpackSequence, 1);
    } else {
      visit_expr(ann);
    }
    len += 2;
  };
  for (auto* a : args->args) one(a->arg, a->annotation);
  for (auto* a : args->posonlyargs) one(a->arg, a->annotation);
  if (args->vararg) one(args->vararg->arg, args->vararg->annotation);
  for (auto* a : args->kwonlyargs) one(a->arg, a->annotation);
  if (args->kwarg) one(args->kwarg->arg, args->kwarg->annotation);
  one("return", returns);
  if (!len) return false;
  emit(Opcode::BuildTuple, uint32_t(len));
  return true;
}

void Compiler::visit_decorators(const std::vector<ExprNode*>& decs) {
  for (auto* d : decs) visit_expr(d);
}

void Compiler::apply_decorators(const std::vector<ExprNode*>& decs) {
  for (size_t i = decs.size(); i-- > 0;) {
    Position saved = u().loc;
    set_loc(decs[i]);
    emit(Opcode::Call, 0);
    u().loc = saved;
  }
}

// Pushes a function object for `code`, with its closure cells; `flags` says which of
// defaults / kwdefaults / annotations are already on the stack.
void Compiler::make_closure(const std::shared_ptr<CodeUnit>& code, uint32_t flags) {
  if (!code->freevars.empty()) {
    for (auto& name : code->freevars) emit(Opcode::LoadClosure, deref_index(name));
    emit(Opcode::BuildTuple, uint32_t(code->freevars.size()));
    flags |= 8;
  }
  CodeConst k;
  k.kind = CodeConst::Kind::Code;
  k.code = code;
  load_const(k);
  emit(Opcode::MakeFunction, flags);
}

void Compiler::visit_function(const StmtNode* s, bool is_async) {
  const std::string& name = is_async ? as<AsyncFunctionDef>(s)->name : as<FunctionDef>(s)->name;
  const Arguments* args = is_async ? as<AsyncFunctionDef>(s)->args : as<FunctionDef>(s)->args;
  const auto& body = is_async ? as<AsyncFunctionDef>(s)->body : as<FunctionDef>(s)->body;
  const auto& decs = is_async ? as<AsyncFunctionDef>(s)->decorator_list
                              : as<FunctionDef>(s)->decorator_list;
  const ExprNode* returns = is_async ? as<AsyncFunctionDef>(s)->returns
                                     : as<FunctionDef>(s)->returns;
  check_debug_args(*this, args);
  if (name == "__debug__") error(s, "cannot assign to __debug__");
  visit_decorators(decs);
  int firstlineno = decs.empty() ? s->lineno : decs[0]->lineno;
  set_loc(s);
  uint32_t flags = visit_defaults(args);
  if (visit_annotations(args, returns)) flags |= 4;

  const Scope* scope = st_.scope_of(s);
  std::string qualname = qualname_for(name, true);
  enter_unit(scope, UnitKind::Function, name, firstlineno);
  CodeUnit& co = *u().code;
  co.qualname = qualname;
  co.argcount = int(args->posonlyargs.size() + args->args.size());
  co.posonlyargcount = int(args->posonlyargs.size());
  co.kwonlyargcount = int(args->kwonlyargs.size());
  const Constant* doc = optimize_ < 2 ? docstring_of(body) : nullptr;
  add_const(doc ? make_const(doc->value) : none_const());
  set_loc(s);
  emit_prologue();
  for (size_t i = doc ? 1 : 0; i < body.size(); ++i) visit_stmt(body[i]);
  implicit_return(*this);
  auto code = leave_unit();

  set_loc(s);
  make_closure(code, flags);
  apply_decorators(decs);
  name_op(name, ExprContext::Store, s);
}

void Compiler::visit_lambda(const Lambda* e) {
  check_debug_args(*this, e->args);
  uint32_t flags = visit_defaults(e->args);
  const Scope* scope = st_.scope_of(e);
  std::string qualname = qualname_for("<lambda>", false);
  enter_unit(scope, UnitKind::Lambda, "<lambda>", e->lineno);
  CodeUnit& co = *u().code;
  co.qualname = qualname;
  co.argcount = int(e->args->posonlyargs.size() + e->args->args.size());
  co.posonlyargcount = int(e->args->posonlyargs.size());
  co.kwonlyargcount = int(e->args->kwonlyargs.size());
  add_const(none_const());  // a lambda has no docstring
  set_loc(e);
  emit_prologue();
  visit_expr(e->body);
  emit(Opcode::ReturnValue);  // on the `lambda` line, as CPython's
  auto code = leave_unit();
  set_loc(e);
  make_closure(code, flags);
}

void Compiler::visit_class(const ClassDef* s) {
  if (s->name == "__debug__") error(s, "cannot assign to __debug__");
  visit_decorators(s->decorator_list);
  int firstlineno = s->decorator_list.empty() ? s->lineno : s->decorator_list[0]->lineno;
  const Scope* scope = st_.scope_of(s);
  std::string qualname = qualname_for(s->name, true);
  enter_unit(scope, UnitKind::Class, s->name, firstlineno);
  u().code->qualname = qualname;
  emit_prologue();  // leaves the location on the first line, for the set-up below
  emit(Opcode::LoadName, add_name("__name__"));
  emit(Opcode::StoreName, add_name("__module__"));
  load_const(str_const(qualname));
  emit(Opcode::StoreName, add_name("__qualname__"));
  compile_body_docstring(s->body, true);
  unset_loc();  // the return is artificial, as CPython's: it takes the line run before it
  if (scope->needs_class_closure) {
    emit(Opcode::LoadClosure, deref_index("__class__"));
    emit(Opcode::Copy, 1);
    emit(Opcode::StoreName, add_name("__classcell__"));
  } else {
    load_none();
  }
  emit(Opcode::ReturnValue);
  auto code = leave_unit();

  set_loc(s);
  emit(Opcode::PushNull);
  emit(Opcode::LoadBuildClass);
  make_closure(code, 0);
  load_const(str_const(s->name));
  call_helper(2, s->bases, s->keywords);
  apply_decorators(s->decorator_list);
  name_op(s->name, ExprContext::Store, s);
}

// ---------------------------------------------------------------- comprehensions

void Compiler::comprehension_generator(const std::vector<Comprehension*>& gens,
                                       size_t gen_index, int depth, const ExprNode* elt,
                                       const ExprNode* val, ExprKind kind) {
  const Comprehension* gen = gens[gen_index];
  bool is_async = gen->is_async != 0;
  int start = new_label(), if_cleanup = new_label(), anchor = new_label();
  bool loop = true;
  if (gen_index == 0) {
    emit(Opcode::LoadFast, 0);  // `.0`, the outermost iterator
  } else if (!is_async) {
    // `for y in [f(x)]` binds y without a loop, as CPython does.
    const std::vector<ExprNode*>* elts = nullptr;
    if (auto* l = as<List>(gen->iter)) elts = &l->elts;
    if (auto* t = as<Tuple>(gen->iter)) elts = &t->elts;
    if (elts && elts->size() == 1 && (*elts)[0]->kind != ExprKind::Starred) {
      visit_expr((*elts)[0]);
      loop = false;
    } else {
      visit_expr(gen->iter);
      emit(Opcode::GetIter);
    }
  } else {
    visit_expr(gen->iter);
    emit(Opcode::GetAIter);
  }
  if (is_async) {
    place(start);
    push_fblock(gen->iter, FBlock{FBlockKind::AsyncComprehensionGenerator, start});
    push_handler(anchor, 0, false);
    emit(Opcode::GetANext);
    load_none();
    visit_yield_from_loop(true);
    pop_handler();
    depth++;
  } else if (loop) {
    depth++;
    place(start);
    emit_jump(Opcode::ForIter, anchor);
  }
  visit_assign_target(gen->target);
  for (auto* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  if (gen_index + 1 < gens.size()) {
    comprehension_generator(gens, gen_index + 1, depth, elt, val, kind);
  } else {
    switch (kind) {
      case ExprKind::GeneratorExp:
        visit_expr(elt);
        if (u().scope->is_async_generator()) emit(Opcode::AsyncGenWrap);
        emit(Opcode::YieldValue, 0);
        emit(Opcode::PopTop);
        break;
      case ExprKind::ListComp:
        visit_expr(elt);
        emit(Opcode::ListAppend, uint32_t(depth + 1));
        break;
      case ExprKind::SetComp:
        visit_expr(elt);
        emit(Opcode::SetAdd, uint32_t(depth + 1));
        break;
      default:
        visit_expr(elt);
        visit_expr(val);
        emit(Opcode::MapAdd, uint32_t(depth + 1));
        break;
    }
  }
  place(if_cleanup);
  if (is_async) {
    emit_jump(Opcode::JumpBackward, start);
    pop_fblock();
    place(anchor);
    emit(Opcode::EndAsyncFor);
  } else if (loop) {
    emit_jump(Opcode::JumpBackward, start);
    place(anchor);
  }
}

void Compiler::visit_comprehension(const ExprNode* e) {
  const std::vector<Comprehension*>* gens = nullptr;
  const ExprNode* elt = nullptr;
  const ExprNode* val = nullptr;
  std::string name;
  Opcode build = Opcode::BuildList;
  switch (e->kind) {
    case ExprKind::ListComp:
      gens = &as<ListComp>(e)->generators; elt = as<ListComp>(e)->elt;
      name = "<listcomp>"; build = Opcode::BuildList;
      break;
    case ExprKind::SetComp:
      gens = &as<SetComp>(e)->generators; elt = as<SetComp>(e)->elt;
      name = "<setcomp>"; build = Opcode::BuildSet;
      break;
    case ExprKind::DictComp:
      gens = &as<DictComp>(e)->generators; elt = as<DictComp>(e)->key;
      val = as<DictComp>(e)->value; name = "<dictcomp>"; build = Opcode::BuildMap;
      break;
    default:
      gens = &as<GeneratorExp>(e)->generators; elt = as<GeneratorExp>(e)->elt;
      name = "<genexpr>";
      break;
  }
  bool genexp = e->kind == ExprKind::GeneratorExp;
  UnitKind outer_kind = u().kind;
  bool outer_async_def = outer_kind == UnitKind::Function && u().scope->is_async_def;
  const Scope* scope = st_.scope_of(e);
  std::string qualname = qualname_for(name, false);
  enter_unit(scope, UnitKind::Comprehension, name, e->lineno);
  u().code->qualname = qualname;
  u().code->argcount = 1;
  set_loc(e);
  bool is_async_gen = scope->coroutine;
  if (is_async_gen && !genexp && !outer_async_def && outer_kind != UnitKind::Comprehension)
    error(e, "asynchronous comprehension outside of an asynchronous function");
  emit_prologue();
  if (!genexp) emit(build, 0);
  comprehension_generator(*gens, 0, 0, elt, val, e->kind);
  // (The return keeps the location the loop left, as CPython's does.)
  if (!genexp) {
    emit(Opcode::ReturnValue);
  } else {
    unset_loc();  // the generator's implicit `return None`
    load_none();
    emit(Opcode::ReturnValue);
  }
  auto code = leave_unit();

  set_loc(e);
  make_closure(code, 0);
  const Comprehension* outermost = (*gens)[0];
  visit_expr(outermost->iter);
  set_loc(e);
  emit(outermost->is_async ? Opcode::GetAIter : Opcode::GetIter);
  emit(Opcode::Call, 0);
  if (is_async_gen && !genexp) {
    emit(Opcode::GetAwaitable, 0);
    load_none();
    visit_yield_from_loop(true);
  }
}

}  // namespace coil::fe
