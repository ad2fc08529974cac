// compile_stmt.cpp — statements: assignments, loops, try/except/finally, with, imports,
// and the unwinding that break/continue/return emit inline through enclosing blocks.
#include "frontend/compile_internal.h"
#include "frontend/unparse.h"

namespace coil::fe {

namespace {
constexpr size_t kMaxBlocks = 20;  // CPython's CO_MAXBLOCKS
}

// ---------------------------------------------------------------- frame blocks

void Compiler::push_fblock(const Located* where, FBlock fb) {
  if (u().fblocks.size() >= kMaxBlocks) error(where, "too many statically nested blocks");
  u().fblocks.push_back(std::move(fb));
}

void Compiler::pop_fblock() { u().fblocks.pop_back(); }

void Compiler::pop_except_and_reraise() {
  emit(Opcode::Copy, 3);
  emit(Opcode::PopExcept);
  emit(Opcode::Reraise, 1);
}

void Compiler::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  emit(Opcode::Call, 2);
}

// Emits what leaving `fb` early needs; `preserve_tos` keeps a return value on top.
void Compiler::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::ExceptionGroupHandler:
    case FBlockKind::AsyncComprehensionGenerator:
      return;
    case FBlockKind::ForLoop:
      if (preserve_tos) emit(Opcode::Swap, 2);
      emit(Opcode::PopTop);  // the iterator
      return;
    case FBlockKind::TryExcept:
      pop_handler();
      return;
    case FBlockKind::FinallyTry:
      pop_handler();
      if (preserve_tos) push_fblock(fb.node, FBlock{FBlockKind::PopValue});
      visit_stmts(*fb.finalbody);
      if (preserve_tos) pop_fblock();
      return;
    case FBlockKind::FinallyEnd:
      if (preserve_tos) emit(Opcode::Swap, 2);
      emit(Opcode::PopTop);  // the exception
      if (preserve_tos) emit(Opcode::Swap, 2);
      pop_handler();
      emit(Opcode::PopExcept);
      return;
    case FBlockKind::With:
    case FBlockKind::AsyncWith: {
      Position saved = u().loc;
      set_loc(fb.node);
      pop_handler();
      if (preserve_tos) emit(Opcode::Swap, 2);
      call_exit_with_nones();
      if (fb.kind == FBlockKind::AsyncWith) {
        emit(Opcode::GetAwaitable, 2);
        load_none();
        visit_yield_from_loop(true);
      }
      emit(Opcode::PopTop);
      u().loc = saved;
      return;
    }
    case FBlockKind::HandlerCleanup:
      if (!fb.name.empty()) pop_handler();
      if (preserve_tos) emit(Opcode::Swap, 2);
      pop_handler();
      emit(Opcode::PopExcept);
      if (!fb.name.empty()) {
        load_none();
        name_op(fb.name, ExprContext::Store, fb.node);
        name_op(fb.name, ExprContext::Del, fb.node);
      }
      return;
    case FBlockKind::PopValue:
      if (preserve_tos) emit(Opcode::Swap, 2);
      emit(Opcode::PopTop);  // the pending return value
      return;
  }
}

const FBlock* Compiler::unwind_fblock_stack(const Located* where, bool preserve_tos,
                                            bool stop_at_loop) {
  auto& fbs = u().fblocks;
  if (fbs.empty()) return nullptr;
  FBlock top = fbs.back();
  if (top.kind == FBlockKind::ExceptionGroupHandler)
    error(where, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (stop_at_loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop))
    return &fbs.back();
  fbs.pop_back();
  unwind_fblock(top, preserve_tos);
  const FBlock* loop = unwind_fblock_stack(where, preserve_tos, stop_at_loop);
  // `loop` points into the vector: re-pushing may reallocate, so remember its index.
  size_t loop_index = loop ? size_t(loop - fbs.data()) : 0;
  fbs.push_back(top);
  return loop ? &fbs[loop_index] : nullptr;
}

void Compiler::visit_return(const Return* s) {
  if (!u().scope->is_function()) error(s, "'return' outside function");
  if (s->value && u().scope->is_async_def && u().scope->generator)
    error(s, "'return' with value in async generator");
  bool preserve_tos = s->value && s->value->kind != ExprKind::Constant;
  if (preserve_tos) visit_expr(s->value);
  auto saved = u().handler_stack;
  unwind_fblock_stack(s, preserve_tos, false);
  if (!s->value) {
    load_none();
  } else if (!preserve_tos) {
    Position p = u().loc;
    set_loc(s->value);
    load_const(make_const(as<Constant>(s->value)->value));
    u().loc = p;
  }
  emit(Opcode::ReturnValue);
  u().handler_stack = saved;
}

void Compiler::visit_break(const StmtNode* s) {
  emit(Opcode::Nop);  // the statement's line event (the jump may be threaded away)
  auto saved = u().handler_stack;
  const FBlock* loop = unwind_fblock_stack(s, false, true);
  if (!loop) error(s, "'break' outside loop");
  FBlock copy = *loop;
  unwind_fblock(copy, false);
  emit_jump(Opcode::Jump, copy.exit);
  u().handler_stack = saved;
}

void Compiler::visit_continue(const StmtNode* s) {
  emit(Opcode::Nop);
  auto saved = u().handler_stack;
  const FBlock* loop = unwind_fblock_stack(s, false, true);
  if (!loop) error(s, "'continue' not properly in loop");
  emit_jump(Opcode::JumpBackward, loop->start);
  u().handler_stack = saved;
}

// ---------------------------------------------------------------- assignments

void Compiler::unpack_helper(const std::vector<ExprNode*>& elts, const Located* where) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != ExprKind::Starred) continue;
    if (seen_star) error(where, "multiple starred expressions in assignment");
    if (i >= (1u << 8) || n - i - 1 >= (1u << 15))
      error(where, "too many expressions in star-unpacking assignment");
    emit(Opcode::UnpackEx, uint32_t(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Opcode::UnpackSequence, uint32_t(n));
}

void Compiler::visit_assign_target(const ExprNode* t) { visit_expr(t); }

void Compiler::visit_delete(const ExprNode* t) { visit_expr(t); }

void Compiler::visit_augassign(const AugAssign* s) {
  const ExprNode* t = s->target;
  uint32_t arg;
  Opcode op = binop_opcode_kind(s->op, true, arg);
  arg |= temp_operand_bits(nullptr, s->value);  // the target's value is never a temporary
  if (auto* a = as<Attribute>(t)) {
    visit_expr(a->value);
    emit(Opcode::Copy, 1);
    Position saved = u().loc;
    set_loc(a);
    emit(Opcode::LoadAttr, add_name(mangle(a->attr)));
    u().loc = saved;
    visit_expr(s->value);
    emit(op, arg);
    set_loc(a);
    emit(Opcode::Swap, 2);
    emit(Opcode::StoreAttr, add_name(mangle(a->attr)));
  } else if (auto* sub = as<Subscript>(t)) {
    visit_expr(sub->value);
    visit_expr(sub->slice);
    emit(Opcode::Copy, 2);
    emit(Opcode::Copy, 2);
    emit(Opcode::BinarySubscr);
    visit_expr(s->value);
    emit(op, arg);
    emit(Opcode::Swap, 3);
    emit(Opcode::Swap, 2);
    emit(Opcode::StoreSubscr);
  } else if (auto* n = as<Name>(t)) {
    name_op(n->id, ExprContext::Load, n);
    visit_expr(s->value);
    emit(op, arg);
    name_op(n->id, ExprContext::Store, n);
  } else {
    error(t, "illegal expression for augmented assignment");
  }
}

// Evaluates an annotation-side expression for its effects only.
void Compiler::check_ann_expr(const ExprNode* e) {
  visit_expr(e);
  emit(Opcode::PopTop);
}

static void check_ann_subscr(Compiler& c, const ExprNode* e) {
  if (auto* sl = as<Slice>(e)) {
    if (sl->lower) c.check_ann_expr(sl->lower);
    if (sl->upper) c.check_ann_expr(sl->upper);
    if (sl->step) c.check_ann_expr(sl->step);
  } else if (auto* t = as<Tuple>(e)) {
    for (auto* elt : t->elts) check_ann_subscr(c, elt);
  } else {
    c.check_ann_expr(e);
  }
}

void Compiler::visit_annassign(const AnnAssign* s) {
  bool future_ann = (future_flags_ & coflag::FUTURE_ANNOTATIONS) != 0;
  bool module_or_class = u().kind == UnitKind::Module || u().kind == UnitKind::Class;
  if (s->value) {
    visit_expr(s->value);
    visit_expr(s->target);
  }
  if (auto* n = as<Name>(s->target)) {
    if (n->id == "__debug__") error(n, "cannot assign to __debug__");
    if (s->simple && module_or_class) {
      if (future_ann) {
        Position saved = u().loc;
        set_loc(s->annotation);
        load_const(str_const(unparse_annotation(s->annotation)));
        u().loc = saved;
      } else {
        visit_expr(s->annotation);
      }
      emit(Opcode::LoadName, add_name("__annotations__"));
      load_const(str_const(mangle(n->id)));
      emit(Opcode::StoreSubscr);
    }
  } else if (auto* a = as<Attribute>(s->target)) {
    if (a->attr == "__debug__") error(a, "cannot assign to __debug__");
    if (!s->value) check_ann_expr(a->value);
  } else if (auto* sub = as<Subscript>(s->target)) {
    if (!s->value) {
      check_ann_expr(sub->value);
      check_ann_subscr(*this, sub->slice);
    }
  } else {
    error(s->target, "invalid node type for annotated assignment");
  }
  if (!s->simple && !future_ann && module_or_class) check_ann_expr(s->annotation);
}

// ---------------------------------------------------------------- control flow

void Compiler::visit_if(const If* s) {
  int end = new_label();
  int next = s->orelse.empty() ? end : new_label();
  jump_if(s->test, next, false);
  visit_stmts(s->body);
  if (!s->orelse.empty()) {
    emit_jump(Opcode::Jump, end);
    place(next);
    visit_stmts(s->orelse);
  }
  place(end);
}

void Compiler::visit_while(const While* s) {
  int loop = new_label(), anchor = new_label(), end = new_label();
  place(loop);
  push_fblock(s, FBlock{FBlockKind::WhileLoop, loop, end});
  CodeConst k;
  if (fold_const(s->test, k)) {
    set_loc(s->test);
    emit(Opcode::Nop);  // `while True:` keeps a line event, as in CPython
    set_loc(s);
  }
  jump_if(s->test, anchor, false);
  visit_stmts(s->body);
  set_loc(s);
  emit_jump(Opcode::JumpBackward, loop);
  pop_fblock();
  place(anchor);
  visit_stmts(s->orelse);
  place(end);
}

// Loads a `for` iterable; lists of constants become tuples as in CPython's AST optimizer.
static void visit_for_iter(Compiler& c, const ExprNode* e) {
  if (auto* l = as<List>(e)) {
    CodeConst folded;
    folded.kind = CodeConst::Kind::Tuple;
    bool ok = !l->elts.empty();
    for (auto* elt : l->elts) {
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

void Compiler::visit_for(const For* s) {
  int start = new_label(), cleanup = new_label(), end = new_label();
  push_fblock(s, FBlock{FBlockKind::ForLoop, start, end});
  visit_for_iter(*this, s->iter);
  emit(Opcode::GetIter);
  place(start);
  emit_jump(Opcode::ForIter, cleanup);
  visit_assign_target(s->target);
  visit_stmts(s->body);
  set_loc(s);
  emit_jump(Opcode::JumpBackward, start);
  place(cleanup);
  pop_fblock();
  visit_stmts(s->orelse);
  place(end);
}

void Compiler::visit_async_for(const AsyncFor* s) {
  if (!(u().kind == UnitKind::Function && u().scope->is_async_def))
    error(s, "'async for' outside async function");
  int start = new_label(), except = new_label(), end = new_label();
  visit_expr(s->iter);
  emit(Opcode::GetAIter);
  place(start);
  push_fblock(s, FBlock{FBlockKind::ForLoop, start, end});
  push_handler(except, 0, false);
  emit(Opcode::GetANext);
  load_none();
  visit_yield_from_loop(true);
  pop_handler();
  visit_assign_target(s->target);
  visit_stmts(s->body);
  set_loc(s);
  emit_jump(Opcode::JumpBackward, start);
  pop_fblock();
  place(except);
  emit(Opcode::EndAsyncFor);
  visit_stmts(s->orelse);
  place(end);
}

void Compiler::visit_raise(const Raise* s) {
  uint32_t n = 0;
  if (s->exc) {
    visit_expr(s->exc);
    n++;
    if (s->cause) {
      visit_expr(s->cause);
      n++;
    }
  }
  emit(Opcode::Raise, n);
}

void Compiler::visit_assert(const Assert* s) {
  if (optimize_) return;
  if (auto* t = as<Tuple>(s->test); t && !t->elts.empty())
    warn("assertion is always true, perhaps remove parentheses?");
  int end = new_label();
  jump_if(s->test, end, true);
  emit(Opcode::LoadAssertionError);
  if (s->msg) {
    visit_expr(s->msg);
    emit(Opcode::Call, 0);
  }
  emit(Opcode::Raise, 1);
  place(end);
}

// ---------------------------------------------------------------- try

void Compiler::visit_try(const Try* s) {
  if (!s->finalbody.empty())
    visit_try_finally(s, s->body, s->handlers, s->orelse, s->finalbody, false);
  else
    visit_try_except(s->body, s->handlers, s->orelse, s);
}

void Compiler::visit_try_finally(const StmtNode* s, const std::vector<StmtNode*>& body,
                                 const std::vector<ExceptHandler*>& handlers,
                                 const std::vector<StmtNode*>& orelse,
                                 const std::vector<StmtNode*>& finalbody, bool star) {
  int end = new_label(), exit = new_label(), cleanup = new_label();
  push_handler(end, 0, false);
  FBlock fb{FBlockKind::FinallyTry};
  fb.finalbody = &finalbody;
  fb.node = s;
  push_fblock(s, fb);
  if (!handlers.empty()) {
    if (star)
      visit_try_star_except(body, handlers, orelse, s);
    else
      visit_try_except(body, handlers, orelse, s);
  } else {
    visit_stmts(body);
  }
  pop_handler();
  pop_fblock();
  visit_stmts(finalbody);
  emit_jump(Opcode::Jump, exit);
  // The exceptional path runs the finally body again, then re-raises.
  place(end);
  push_handler(cleanup, 0, true);
  emit(Opcode::PushExcInfo);
  push_fblock(s, FBlock{FBlockKind::FinallyEnd});
  visit_stmts(finalbody);
  pop_fblock();
  emit(Opcode::Reraise, 0);
  pop_handler();
  place(cleanup);
  pop_except_and_reraise();
  place(exit);
}

void Compiler::visit_try_except(const std::vector<StmtNode*>& body,
                                const std::vector<ExceptHandler*>& handlers,
                                const std::vector<StmtNode*>& orelse, const StmtNode* s) {
  int except = new_label(), end = new_label(), cleanup = new_label();
  push_handler(except, 0, false);
  push_fblock(s, FBlock{FBlockKind::TryExcept});
  visit_stmts(body);
  pop_fblock();
  pop_handler();
  visit_stmts(orelse);
  emit_jump(Opcode::Jump, end);

  place(except);
  push_handler(cleanup, 0, true);
  emit(Opcode::PushExcInfo);
  push_fblock(s, FBlock{FBlockKind::ExceptionHandler});
  for (size_t i = 0; i < handlers.size(); ++i) {
    ExceptHandler* h = handlers[i];
    set_loc(h);
    int next = new_label();
    if (!h->type && i + 1 < handlers.size()) error(h, "default 'except:' must be last");
    if (h->type) {
      visit_expr(h->type);
      emit(Opcode::CheckExcMatch);
      emit_jump(Opcode::PopJumpIfFalse, next);
    }
    if (h->name) {
      int cleanup_end = new_label();
      name_op(*h->name, ExprContext::Store, h);
      auto outer = u().handler_stack;
      push_handler(cleanup_end, 0, true);
      FBlock fb{FBlockKind::HandlerCleanup};
      fb.name = *h->name;
      fb.node = h;
      push_fblock(h, fb);
      visit_stmts(h->body);
      pop_fblock();
      pop_handler();
      pop_handler();
      emit(Opcode::PopExcept);
      load_none();
      name_op(*h->name, ExprContext::Store, h);
      name_op(*h->name, ExprContext::Del, h);
      emit_jump(Opcode::Jump, end);
      // An exception in the handler body: unbind the name, re-raise (outer cleanup applies).
      u().handler_stack = outer;
      place(cleanup_end);
      load_none();
      name_op(*h->name, ExprContext::Store, h);
      name_op(*h->name, ExprContext::Del, h);
      emit(Opcode::Reraise, 1);
    } else {
      emit(Opcode::PopTop);
      auto outer = u().handler_stack;
      FBlock fb{FBlockKind::HandlerCleanup};
      fb.node = h;
      push_fblock(h, fb);
      visit_stmts(h->body);
      pop_fblock();
      pop_handler();
      emit(Opcode::PopExcept);
      emit_jump(Opcode::Jump, end);
      u().handler_stack = outer;
    }
    place(next);
  }
  pop_fblock();
  emit(Opcode::Reraise, 0);
  pop_handler();
  place(cleanup);
  pop_except_and_reraise();
  place(end);
}

void Compiler::visit_try_star_except(const std::vector<StmtNode*>& body,
                                     const std::vector<ExceptHandler*>& handlers,
                                     const std::vector<StmtNode*>& orelse, const StmtNode* s) {
  int except = new_label(), end = new_label(), cleanup = new_label(),
      reraise_star = new_label();
  push_handler(except, 0, false);
  push_fblock(s, FBlock{FBlockKind::TryExcept});
  visit_stmts(body);
  pop_fblock();
  pop_handler();
  visit_stmts(orelse);
  emit_jump(Opcode::Jump, end);

  place(except);
  push_handler(cleanup, 0, true);
  emit(Opcode::PushExcInfo);
  push_fblock(s, FBlock{FBlockKind::ExceptionGroupHandler});
  for (size_t i = 0; i < handlers.size(); ++i) {
    ExceptHandler* h = handlers[i];
    set_loc(h);
    int next = new_label(), except_with_error = new_label(), no_match = new_label();
    if (i == 0) {
      emit(Opcode::Copy, 1);      // prev orig orig
      emit(Opcode::BuildList, 0);  // prev orig orig []
      emit(Opcode::Swap, 2);       // prev orig [] rest
    }
    if (h->type) {
      visit_expr(h->type);
      emit(Opcode::CheckEgMatch);  // prev orig list rest match
      emit(Opcode::Copy, 1);
      emit_jump(Opcode::PopJumpIfNone, no_match);
    }
    int cleanup_end = new_label();
    if (h->name)
      name_op(*h->name, ExprContext::Store, h);
    else
      emit(Opcode::PopTop);
    auto outer = u().handler_stack;
    push_handler(cleanup_end, 0, true);
    FBlock fb{FBlockKind::HandlerCleanup};
    if (h->name) fb.name = *h->name;
    fb.node = h;
    push_fblock(h, fb);
    visit_stmts(h->body);
    pop_fblock();
    pop_handler();
    if (h->name) {
      load_none();
      name_op(*h->name, ExprContext::Store, h);
      name_op(*h->name, ExprContext::Del, h);
    }
    emit_jump(Opcode::Jump, next);
    // An exception raised by the clause body joins the list of raised exceptions.
    place(cleanup_end);
    if (h->name) {
      load_none();
      name_op(*h->name, ExprContext::Store, h);
      name_op(*h->name, ExprContext::Del, h);
    }
    emit(Opcode::ListAppend, 3);
    emit(Opcode::PopTop);  // lasti
    emit_jump(Opcode::Jump, except_with_error);
    place(next);
    emit(Opcode::Nop);
    emit_jump(Opcode::Jump, except_with_error);
    place(no_match);
    emit(Opcode::PopTop);  // the None match
    place(except_with_error);
    u().handler_stack = outer;
    if (i + 1 == handlers.size()) {
      emit(Opcode::ListAppend, 1);  // the unhandled rest
      emit_jump(Opcode::Jump, reraise_star);
    }
  }
  pop_fblock();
  int reraise = new_label();
  place(reraise_star);
  emit(Opcode::PrepReraiseStar);
  emit(Opcode::Copy, 1);
  emit_jump(Opcode::PopJumpIfNotNone, reraise);
  emit(Opcode::PopTop);
  auto with_cleanup = u().handler_stack;
  pop_handler();
  emit(Opcode::PopExcept);
  emit_jump(Opcode::Jump, end);
  u().handler_stack = with_cleanup;
  place(reraise);
  pop_handler();
  emit(Opcode::Swap, 2);
  emit(Opcode::PopExcept);
  emit(Opcode::Reraise, 0);
  place(cleanup);
  pop_except_and_reraise();
  place(end);
}

// ---------------------------------------------------------------- with

void Compiler::with_except_finish(int cleanup) {
  int exit = new_label();
  emit_jump(Opcode::PopJumpIfTrue, exit);
  emit(Opcode::Reraise, 2);
  auto with_cleanup = u().handler_stack;
  pop_handler();
  place(cleanup);
  pop_except_and_reraise();
  u().handler_stack = with_cleanup;
  place(exit);
  emit(Opcode::PopTop);  // exc
  pop_handler();
  emit(Opcode::PopExcept);
  emit(Opcode::PopTop);  // lasti
  emit(Opcode::PopTop);  // exit
}

void Compiler::visit_with(const StmtNode* s, size_t pos, bool is_async) {
  const std::vector<WithItem*>& items =
      is_async ? as<AsyncWith>(s)->items : as<With>(s)->items;
  const std::vector<StmtNode*>& body = is_async ? as<AsyncWith>(s)->body : as<With>(s)->body;
  if (is_async && !(u().kind == UnitKind::Function && u().scope->is_async_def))
    error(s, "'async with' outside async function");
  int final_ = new_label(), exit = new_label(), cleanup = new_label();
  WithItem* item = items[pos];
  visit_expr(item->context_expr);
  set_loc(s);
  if (is_async) {
    emit(Opcode::BeforeAsyncWith);
    emit(Opcode::GetAwaitable, 1);
    load_none();
    visit_yield_from_loop(true);
  } else {
    emit(Opcode::BeforeWith);
  }
  push_handler(final_, 1, true);
  FBlock fb{is_async ? FBlockKind::AsyncWith : FBlockKind::With};
  fb.node = s;
  push_fblock(s, fb);
  if (item->optional_vars)
    visit_assign_target(item->optional_vars);
  else
    emit(Opcode::PopTop);
  if (pos + 1 == items.size())
    visit_stmts(body);
  else
    visit_with(s, pos + 1, is_async);
  pop_fblock();
  pop_handler();
  set_loc(s);
  call_exit_with_nones();
  if (is_async) {
    emit(Opcode::GetAwaitable, 2);
    load_none();
    visit_yield_from_loop(true);
  }
  emit(Opcode::PopTop);
  emit_jump(Opcode::Jump, exit);

  place(final_);
  push_handler(cleanup, 0, true);
  emit(Opcode::PushExcInfo);
  emit(Opcode::WithExceptStart);
  if (is_async) {
    emit(Opcode::GetAwaitable, 2);
    load_none();
    visit_yield_from_loop(true);
  }
  with_except_finish(cleanup);
  place(exit);
}

// ---------------------------------------------------------------- imports

void Compiler::visit_import(const Import* s) {
  for (Alias* a : s->names) {
    load_const(int_const(0));
    load_none();
    emit(Opcode::ImportName, add_name(mangle(a->name)));
    if (a->asname) {
      size_t dot = a->name.find('.');
      if (dot != std::string::npos) {
        while (true) {
          size_t pos = dot + 1;
          dot = a->name.find('.', pos);
          std::string attr = a->name.substr(pos, dot == std::string::npos ? std::string::npos
                                                                          : dot - pos);
          emit(Opcode::ImportFrom, add_name(mangle(attr)));
          if (dot == std::string::npos) break;
          emit(Opcode::Swap, 2);
          emit(Opcode::PopTop);
        }
        name_op(*a->asname, ExprContext::Store, a);
        emit(Opcode::PopTop);
      } else {
        name_op(*a->asname, ExprContext::Store, a);
      }
    } else {
      std::string first = a->name.substr(0, a->name.find('.'));
      name_op(first, ExprContext::Store, a);
    }
  }
}

void Compiler::visit_import_from(const ImportFrom* s) {
  load_const(int_const(s->level));
  CodeConst names;
  names.kind = CodeConst::Kind::Tuple;
  for (Alias* a : s->names) names.items.push_back(str_const(a->name));
  if (s->module && *s->module == "__future__" && s->lineno > st_.future().lineno)
    error(s, "from __future__ imports must occur at the beginning of the file");
  load_const(names);
  emit(Opcode::ImportName, add_name(s->module ? mangle(*s->module) : std::string()));
  for (size_t i = 0; i < s->names.size(); ++i) {
    Alias* a = s->names[i];
    if (a->name == "*") {
      emit(Opcode::ImportStar);
      return;
    }
    emit(Opcode::ImportFrom, add_name(mangle(a->name)));
    name_op(a->asname ? *a->asname : a->name, ExprContext::Store, a);
  }
  emit(Opcode::PopTop);
}

// ---------------------------------------------------------------- dispatch

void Compiler::visit_stmts(const std::vector<StmtNode*>& body) {
  for (auto* s : body) visit_stmt(s);
}

void Compiler::visit_stmt(const StmtNode* s) {
  Position saved = u().loc;
  set_loc(s);
  switch (s->kind) {
    case StmtKind::FunctionDef:
      visit_function(s, false);
      break;
    case StmtKind::AsyncFunctionDef:
      visit_function(s, true);
      break;
    case StmtKind::ClassDef:
      visit_class(as<ClassDef>(s));
      break;
    case StmtKind::Return:
      visit_return(as<Return>(s));
      break;
    case StmtKind::Delete:
      for (auto* t : as<Delete>(s)->targets) visit_delete(t);
      break;
    case StmtKind::Assign: {
      auto* a = as<Assign>(s);
      visit_expr(a->value);
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) emit(Opcode::Copy, 1);
        visit_assign_target(a->targets[i]);
      }
      break;
    }
    case StmtKind::AugAssign:
      visit_augassign(as<AugAssign>(s));
      break;
    case StmtKind::AnnAssign:
      visit_annassign(as<AnnAssign>(s));
      break;
    case StmtKind::For:
      visit_for(as<For>(s));
      break;
    case StmtKind::AsyncFor:
      visit_async_for(as<AsyncFor>(s));
      break;
    case StmtKind::While:
      visit_while(as<While>(s));
      break;
    case StmtKind::If:
      visit_if(as<If>(s));
      break;
    case StmtKind::With:
      visit_with(s, 0, false);
      break;
    case StmtKind::AsyncWith:
      visit_with(s, 0, true);
      break;
    case StmtKind::Match:
      visit_match(as<Match>(s));
      break;
    case StmtKind::Raise:
      visit_raise(as<Raise>(s));
      break;
    case StmtKind::Try:
      visit_try(as<Try>(s));
      break;
    case StmtKind::TryStar: {
      auto* t = as<TryStar>(s);
      if (!t->finalbody.empty())
        visit_try_finally(s, t->body, t->handlers, t->orelse, t->finalbody, true);
      else
        visit_try_star_except(t->body, t->handlers, t->orelse, s);
      break;
    }
    case StmtKind::Assert:
      visit_assert(as<Assert>(s));
      break;
    case StmtKind::Import:
      visit_import(as<Import>(s));
      break;
    case StmtKind::ImportFrom:
      visit_import_from(as<ImportFrom>(s));
      break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      break;
    case StmtKind::Expr: {
      auto* e = as<Expr>(s);
      if (interactive_ && units_.size() == 1) {
        visit_expr(e->value);
        emit(Opcode::PrintExpr);
      } else if (e->value->kind == ExprKind::Constant) {
        emit(Opcode::Nop);  // keeps a line event for the statement, as CPython
      } else {
        visit_expr(e->value);
        emit(Opcode::PopTop);
      }
      break;
    }
    case StmtKind::Pass:
      emit(Opcode::Nop);
      break;
    case StmtKind::Break:
      visit_break(s);
      break;
    case StmtKind::Continue:
      visit_continue(s);
      break;
  }
  u().loc = saved;
}

}  // namespace coil::fe
