// parse_stmt.cpp — statements: simple statements, assignments, blocks, compound statements,
// function and class definitions with their parameter lists.
#include "frontend/parser_impl.h"

namespace coil::fe {

namespace {

bool augassign_op(TokenKind k, OperatorKind& op) {
  switch (k) {
    case TokenKind::PlusEqual: op = OperatorKind::Add; return true;
    case TokenKind::MinEqual: op = OperatorKind::Sub; return true;
    case TokenKind::StarEqual: op = OperatorKind::Mult; return true;
    case TokenKind::AtEqual: op = OperatorKind::MatMult; return true;
    case TokenKind::SlashEqual: op = OperatorKind::Div; return true;
    case TokenKind::PercentEqual: op = OperatorKind::Mod; return true;
    case TokenKind::AmperEqual: op = OperatorKind::BitAnd; return true;
    case TokenKind::VBarEqual: op = OperatorKind::BitOr; return true;
    case TokenKind::CircumflexEqual: op = OperatorKind::BitXor; return true;
    case TokenKind::LeftShiftEqual: op = OperatorKind::LShift; return true;
    case TokenKind::RightShiftEqual: op = OperatorKind::RShift; return true;
    case TokenKind::DoubleStarEqual: op = OperatorKind::Pow; return true;
    case TokenKind::DoubleSlashEqual: op = OperatorKind::FloorDiv; return true;
    default: return false;
  }
}

}  // namespace

std::vector<StmtNode*> Parser::statements_until_eof() {
  std::vector<StmtNode*> body;
  while (!at(TokenKind::EndMarker)) {
    if (at(TokenKind::Newline)) {  // tolerated: a tokenizer may emit one for an empty file
      advance();
      continue;
    }
    statement(body);
  }
  return body;
}

void Parser::statement(std::vector<StmtNode*>& out) {
  const PTok& t = peek();
  if (t.kind == TokenKind::Indent) {
    no_rest_scan_ = true;
    error_tok("unexpected indent", t, SyntaxErrorInfo::Kind::IndentationError);
  }
  if (t.kind == TokenKind::At || t.kw == Kw::Def || t.kw == Kw::If || t.kw == Kw::Class ||
      t.kw == Kw::With || t.kw == Kw::For || t.kw == Kw::Try || t.kw == Kw::While ||
      (t.kw == Kw::Async &&
       (peek(1).kw == Kw::Def || peek(1).kw == Kw::With || peek(1).kw == Kw::For))) {
    out.push_back(compound_stmt());
    return;
  }
  if (at_soft("match")) {
    int newline_at = -1;
    if (StmtNode* m = match_stmt(newline_at)) {
      out.push_back(m);
      return;
    }
    if (newline_at >= 0) {
      // `match subject NEWLINE`: an expression statement if it parses as one, else
      // CPython's invalid_match_stmt "expected ':'".
      int m = mark();
      size_t n = out.size();
      try {
        simple_stmts(out);
        return;
      } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_) throw;  // tokenizer errors are final, as in CPython
        out.resize(n);
        reset(m);
        error_tok("expected ':'", toks_[newline_at]);
      }
    }
  }
  simple_stmts(out);
}

void Parser::simple_stmts(std::vector<StmtNode*>& out) {
  for (;;) {
    out.push_back(simple_stmt());
    if (accept(TokenKind::Semi)) {
      if (at(TokenKind::Newline)) break;
      continue;
    }
    break;
  }
  if (!at(TokenKind::Newline)) syntax_error_here();
  advance();
}

StmtNode* Parser::simple_stmt() {
  const PTok& t = peek();
  Pos s = start();
  switch (t.kw) {
    case Kw::Pass: advance(); return finish(make<Pass>(), s);
    case Kw::Break: advance(); return finish(make<Break>(), s);
    case Kw::Continue: advance(); return finish(make<Continue>(), s);
    case Kw::Return: return return_stmt();
    case Kw::Raise: return raise_stmt();
    case Kw::Global: return global_stmt(true);
    case Kw::Nonlocal: return global_stmt(false);
    case Kw::Del: return del_stmt();
    case Kw::Assert: return assert_stmt();
    case Kw::Import: return import_stmt();
    case Kw::From: return import_from();
    default: return expr_or_assign_stmt();
  }
}

StmtNode* Parser::expr_or_assign_stmt() {
  Pos s = start();
  bool starts_paren = at(TokenKind::LPar);
  ExprNode* first = yield_or_star_expressions();
  if (at(TokenKind::Colon)) {
    // Annotated assignment. CPython names a bad target only when an annotation follows.
    bool bad_target = first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
                      first->kind != ExprKind::Subscript;
    if (bad_target) {
      int m = mark();
      PTok furthest = first_pass_token();  // where the first pass stopped
      bool annotation = has_expression_prefix(m + 1);
      reset(m);
      if (!annotation) {
        next_error_class_ = ErrorClass::Generic;
        error_tok("invalid syntax", furthest);
      }
    }
    if (first->kind == ExprKind::Tuple) {
      auto* tup = static_cast<Tuple*>(first);
      if (starts_paren || tup->elts.empty())
        error_node("only single target (not tuple) can be annotated", first);
      error_node("only single target (not tuple) can be annotated", tup->elts.front());
    }
    if (first->kind == ExprKind::List)
      error_node("only single target (not list) can be annotated", first);
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript)
      error_node("illegal target for annotation", first);
    advance();
    auto* a = make<AnnAssign>();
    set_context(first, ExprContext::Store, TargetKind::Star);
    a->target = first;
    a->annotation = expression();
    a->simple = (first->kind == ExprKind::Name && !starts_paren) ? 1 : 0;
    if (accept(TokenKind::Equal)) a->value = annotated_rhs();
    return finish(a, s);
  }
  OperatorKind op;
  if (augassign_op(peek().kind, op)) {
    if (first->kind == ExprKind::Yield || first->kind == ExprKind::YieldFrom) syntax_error_here();
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      std::string msg = std::string("'") + expr_name(first) +
                        "' is an illegal expression for augmented assignment";
      error_node(msg, first);
    }
    advance();
    set_context(first, ExprContext::Store, TargetKind::Star);
    auto* a = make<AugAssign>();
    a->target = first;
    a->op = op;
    a->value = yield_or_star_expressions();
    return finish(a, s);
  }
  if (!at(TokenKind::Equal)) {
    auto* e = make<Expr>();
    e->value = first;
    return finish(e, s);
  }
  std::vector<ExprNode*> targets{first};
  ExprNode* value = nullptr;
  int rhs_mark = mark() + 1;  // just after the first '='
  int seg_mark = rhs_mark;    // start of the segment being parsed
  try {
    while (accept(TokenKind::Equal)) {
      seg_mark = mark();
      value = yield_or_star_expressions();
      if (at(TokenKind::Equal)) targets.push_back(value);
    }
  } catch (const SyntaxErrorException&) {
    // A specific message raised inside the right-hand side stands (CPython's second pass
    // meets it first), and so does junk after a complete `targets = value` when the targets
    // are valid; otherwise the assignment failed and invalid_assignment explains why.
    if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
    bool any_invalid = false;
    for (ExprNode* t : targets)
      any_invalid |= t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom ||
                     invalid_target(t, TargetKind::Star) != nullptr;
    if (!any_invalid) {
      // A PEG parse keeps any complete prefix of the value: the assignment then stands and
      // the error is the statement's, not invalid_assignment's.
      if (last_error_class_ == ErrorClass::Trailing) throw;
      int m = mark();
      bool prefix = has_expression_prefix(seg_mark);
      reset(m);
      if (prefix) throw;
    }
    invalid_assignment(targets, rhs_mark, targets.size() == 1 ? -1 : 1);
    throw;
  }
  bool any_invalid = false;
  for (ExprNode* t : targets)
    any_invalid |= t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom ||
                   invalid_target(t, TargetKind::Star) != nullptr;
  if (any_invalid) invalid_assignment(targets, rhs_mark, targets.size() == 1 ? 0 : 1);
  for (ExprNode* t : targets) set_context(t, ExprContext::Store, TargetKind::Star);
  auto* a = make<Assign>();
  a->targets = std::move(targets);
  a->value = value;
  return finish(a, s);
}

StmtNode* Parser::return_stmt() {
  Pos s = start();
  advance();
  auto* r = make<Return>();
  if (at(TokenKind::Star) || starts_expression()) r->value = star_expressions();
  return finish(r, s);
}

StmtNode* Parser::raise_stmt() {
  Pos s = start();
  advance();
  auto* r = make<Raise>();
  if (starts_expression()) {
    r->exc = expression();
    if (accept_kw(Kw::From)) r->cause = expression();
  }
  return finish(r, s);
}

StmtNode* Parser::global_stmt(bool is_global) {
  Pos s = start();
  advance();
  std::vector<Ident> names;
  for (;;) {
    if (!at_name()) syntax_error_here();
    names.push_back(name_of(advance()));
    if (!accept(TokenKind::Comma)) break;
  }
  if (is_global) {
    auto* g = make<Global>();
    g->names = std::move(names);
    return finish(g, s);
  }
  auto* g = make<Nonlocal>();
  g->names = std::move(names);
  return finish(g, s);
}

StmtNode* Parser::del_stmt() {
  Pos s = start();
  advance();
  auto* d = make<Delete>();
  for (;;) {
    if (at(TokenKind::Star)) {
      Pos ss = start();
      advance();
      auto* st = make<Starred>();
      st->value = bitwise_or();
      error_node("cannot delete starred", finish(st, ss));
    }
    ExprNode* t = bitwise_or();
    set_context(t, ExprContext::Del, TargetKind::Del);
    d->targets.push_back(t);
    if (!accept(TokenKind::Comma)) break;
    if (!starts_expression()) break;
  }
  if (!at(TokenKind::Semi) && !at(TokenKind::Newline)) {
    // invalid_del_stmt: 'del' star_expressions
    int m = mark();
    reset(m);
    syntax_error_here();
  }
  return finish(d, s);
}

StmtNode* Parser::assert_stmt() {
  Pos s = start();
  advance();
  auto* a = make<Assert>();
  a->test = expression();
  if (accept(TokenKind::Comma)) a->msg = expression();
  return finish(a, s);
}

StmtNode* Parser::import_stmt() {
  Pos s = start();
  advance();
  auto* im = make<Import>();
  for (;;) {
    Pos as_s = start();
    auto* al = make<Alias>();
    if (!at_name()) syntax_error_here();
    std::string name = name_of(advance());
    while (accept(TokenKind::Dot)) {
      if (!at_name()) syntax_error_here();
      name += ".";
      name += name_of(advance());
    }
    al->name = name;
    if (accept_kw(Kw::As)) {
      if (!at_name()) syntax_error_here();
      al->asname = name_of(advance());
    }
    im->names.push_back(finish(al, as_s));
    if (!accept(TokenKind::Comma)) break;
  }
  return finish(im, s);
}

StmtNode* Parser::import_from() {
  Pos s = start();
  advance();
  auto* im = make<ImportFrom>();
  int level = 0;
  for (;;) {
    if (accept(TokenKind::Dot)) level += 1;
    else if (accept(TokenKind::Ellipsis)) level += 3;
    else break;
  }
  if (level == 0 || !at_kw(Kw::Import)) {  // without dots a module name is required
    if (!at_name()) syntax_error_here();
    std::string name = name_of(advance());
    while (accept(TokenKind::Dot)) {
      if (!at_name()) syntax_error_here();
      name += ".";
      name += name_of(advance());
    }
    im->module = name;
  }
  im->level = level;
  expect_kw(Kw::Import);
  if (at(TokenKind::Star)) {
    Pos as_s = start();
    advance();
    auto* al = make<Alias>();
    al->name = "*";
    im->names.push_back(finish(al, as_s));
    return finish(im, s);
  }
  bool paren = accept(TokenKind::LPar);
  for (;;) {
    Pos as_s = start();
    if (!at_name()) syntax_error_here();
    auto* al = make<Alias>();
    al->name = name_of(advance());
    if (accept_kw(Kw::As)) {
      if (!at_name()) syntax_error_here();
      al->asname = name_of(advance());
    }
    im->names.push_back(finish(al, as_s));
    if (!at(TokenKind::Comma)) break;
    advance();
    if (paren && at(TokenKind::RPar)) break;
    if (!paren && (at(TokenKind::Newline) || at(TokenKind::Semi))) {
      error_tok("trailing comma not allowed without surrounding parentheses", peek());
    }
  }
  if (paren) expect(TokenKind::RPar);
  return finish(im, s);
}

// Parses ':' and the block after a compound statement's header.
std::vector<StmtNode*> Parser::block(const char* what, int what_line) {
  std::vector<StmtNode*> body;
  if (!at(TokenKind::Newline)) {
    simple_stmts(body);
    return body;
  }
  advance();
  if (!at(TokenKind::Indent)) {
    const PTok& t = peek();
    std::string msg = std::string("expected an indented block after ") + what + " on line " +
                      std::to_string(what_line);
    error_tok(msg.c_str(), t, SyntaxErrorInfo::Kind::IndentationError);
  }
  advance();
  while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker)) statement(body);
  accept(TokenKind::Dedent);
  return body;
}

StmtNode* Parser::compound_stmt() {
  const PTok& t = peek();
  Pos s = start();
  switch (t.kw) {
    case Kw::Def: return function_def(s, {}, false);
    case Kw::If: return if_stmt(false);
    case Kw::Class: return class_def(s, {});
    case Kw::With: return with_stmt(s, false);
    case Kw::For: return for_stmt(s, false);
    case Kw::Try: return try_stmt();
    case Kw::While: return while_stmt();
    case Kw::Async: {
      advance();
      if (at_kw(Kw::Def)) return function_def(s, {}, true);
      if (at_kw(Kw::With)) return with_stmt(s, true);
      return for_stmt(s, true);
    }
    default: return decorated();
  }
}

StmtNode* Parser::decorated() {
  std::vector<ExprNode*> decorators;
  while (accept(TokenKind::At)) {
    decorators.push_back(named_expression());
    expect(TokenKind::Newline);
  }
  Pos s = start();
  if (at_kw(Kw::Def)) return function_def(s, std::move(decorators), false);
  if (at_kw(Kw::Class)) return class_def(s, std::move(decorators));
  if (at_kw(Kw::Async) && peek(1).kw == Kw::Def) {
    advance();
    return function_def(s, std::move(decorators), true);
  }
  syntax_error_here();
}

StmtNode* Parser::if_stmt(bool is_elif) {
  Pos s = start();
  int line = peek().line;
  advance();
  auto* node = make<If>();
  node->test = named_expression();
  expect_colon_nl();
  node->body = block(is_elif ? "'elif' statement" : "'if' statement", line);
  if (at_kw(Kw::Elif)) {
    node->orelse.push_back(if_stmt(true));
  } else if (at_kw(Kw::Else)) {
    int eline = peek().line;
    advance();
    expect_forced(TokenKind::Colon, ":");
    node->orelse = block("'else' statement", eline);
  }
  return finish(node, s);
}

StmtNode* Parser::while_stmt() {
  Pos s = start();
  int line = peek().line;
  advance();
  auto* node = make<While>();
  node->test = named_expression();
  expect_colon_nl();
  node->body = block("'while' statement", line);
  if (at_kw(Kw::Else)) {
    int eline = peek().line;
    advance();
    expect_forced(TokenKind::Colon, ":");
    node->orelse = block("'else' statement", eline);
  }
  return finish(node, s);
}

StmtNode* Parser::for_stmt(Pos s, bool is_async) {
  int line = peek().line;
  advance();
  ExprNode* target = star_targets();
  if (!at_kw(Kw::In)) syntax_error_here();
  advance();
  ExprNode* iter = star_expressions();
  expect_colon_nl();
  std::vector<StmtNode*> body = block("'for' statement", line);
  std::vector<StmtNode*> orelse;
  if (at_kw(Kw::Else)) {
    int eline = peek().line;
    advance();
    expect_forced(TokenKind::Colon, ":");
    orelse = block("'else' statement", eline);
  }
  if (is_async) {
    auto* f = make<AsyncFor>();
    f->target = target;
    f->iter = iter;
    f->body = std::move(body);
    f->orelse = std::move(orelse);
    return finish(f, s);
  }
  auto* f = make<For>();
  f->target = target;
  f->iter = iter;
  f->body = std::move(body);
  f->orelse = std::move(orelse);
  return finish(f, s);
}

// with_item: expression ['as' star_target], the target followed by ',' ')' or ':'. Else
// CPython's invalid_with_item re-reads the target as an expression to name it.
WithItem* Parser::with_item() {
  auto* w = make<WithItem>();
  w->context_expr = expression();
  if (!accept_kw(Kw::As)) return w;
  int m = mark();
  Pos ts = start();
  auto followed = [&] {
    return at(TokenKind::Comma) || at(TokenKind::RPar) || at(TokenKind::Colon);
  };
  ExprNode* t = nullptr;
  try {
    if (at(TokenKind::Star)) {
      advance();
      auto* st = make<Starred>();
      st->value = primary();
      t = finish(st, ts);
    } else {
      t = primary();
    }
  } catch (const SyntaxErrorException&) {
    if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
    t = nullptr;
  }
  // (Before a NEWLINE, invalid_with_stmt's "expected ':'" comes first.)
  if (!t || !(followed() || at(TokenKind::Newline))) {
    PTok furthest = first_pass_token();
    {
      Speculation speculation(*this);
      reset(m);
      ExprNode* e = nullptr;
      try {
        e = expression();
      } catch (const SyntaxErrorException&) {
        if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
      }
      if (e && followed()) {
        if (const ExprNode* bad = invalid_target(e, TargetKind::Star))
          error_node(std::string("cannot assign to ") + expr_name(bad), bad);
      }
    }
    next_error_class_ = ErrorClass::Generic;
    error_tok("invalid syntax", furthest);
  }
  set_context(t, ExprContext::Store, TargetKind::Star);
  w->optional_vars = t;
  return w;
}

StmtNode* Parser::with_stmt(Pos s, bool is_async) {
  int line = peek().line;
  advance();
  std::vector<WithItem*> items;
  bool done = false;
  if (at(TokenKind::LPar)) {
    PTok missing_colon;
    // The parenthesised form `with (a as b, c):` wins when it parses up to ':'.
    int m = mark();
    try {
      advance();
      for (;;) {
        items.push_back(with_item());
        if (!accept(TokenKind::Comma)) break;
        if (at(TokenKind::RPar)) break;
      }
      expect(TokenKind::RPar);
      // invalid_with_stmt: the parenthesised items end the line without ':'.
      if (at(TokenKind::Newline)) missing_colon = peek();
      if (!at(TokenKind::Colon)) throw SyntaxErrorException{};
      done = true;
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_) throw;  // tokenizer errors are final, as in CPython
      if (missing_colon.kind == TokenKind::Newline) error_tok("expected ':'", missing_colon);
      items.clear();
      reset(m);
    }
  }
  if (!done) {
    for (;;) {
      items.push_back(with_item());
      if (!accept(TokenKind::Comma)) break;
    }
  }
  expect_colon_nl();
  std::vector<StmtNode*> body = block("'with' statement", line);
  if (is_async) {
    auto* w = make<AsyncWith>();
    w->items = std::move(items);
    w->body = std::move(body);
    return finish(w, s);
  }
  auto* w = make<With>();
  w->items = std::move(items);
  w->body = std::move(body);
  return finish(w, s);
}

StmtNode* Parser::try_stmt() {
  Pos s = start();
  int line = peek().line;
  advance();
  expect_forced(TokenKind::Colon, ":");
  std::vector<StmtNode*> body = block("'try' statement", line);
  std::vector<ExceptHandler*> handlers;
  std::vector<StmtNode*> orelse, finalbody;
  int star_kind = -1;  // -1 unknown, 0 except, 1 except*
  while (at_kw(Kw::Except)) {
    Pos hs = start();
    int hline = peek().line;
    PTok except_tok = advance();
    int is_star = at(TokenKind::Star) ? 1 : 0;
    if (star_kind >= 0 && star_kind != is_star) {
      // invalid_try_stmt: an 'except*' after 'except' blocks spans "except*"; an 'except'
      // after 'except*' blocks is the keyword alone.
      const PTok& last = is_star ? peek() : except_tok;
      error_at("cannot have both 'except' and 'except*' on the same 'try'", except_tok.line, except_tok.col,
               last.end_line, last.end_col);
    }
    if (is_star) advance();
    star_kind = is_star;
    auto* h = make<ExceptHandler>();
    if (at(TokenKind::Newline))  // invalid_except_stmt: a bare 'except' / 'except*' line
      error_tok(is_star ? "expected one or more exception types" : "expected ':'", peek());
    if (!at(TokenKind::Colon)) {
      h->type = expression();
      if (at(TokenKind::Comma)) {
        Pos es = start();
        (void)es;
        ExprNode* first = h->type;
        while (accept(TokenKind::Comma)) {
          if (!starts_expression()) break;
          h->type = expression();
        }
        error_range("multiple exception types must be parenthesized", first, h->type);
      }
      if (accept_kw(Kw::As)) {
        if (!at_name()) syntax_error_here();
        h->name = name_of(advance());
      }
    } else if (is_star) {
      error_tok("expected one or more exception types", peek());
    }
    expect_colon_nl();
    h->body = block(is_star ? "'except*' statement" : "'except' statement", hline);
    handlers.push_back(finish(h, hs));
  }
  if (at_kw(Kw::Else) && !handlers.empty()) {
    int eline = peek().line;
    advance();
    expect_forced(TokenKind::Colon, ":");
    orelse = block("'else' statement", eline);
  }
  if (at_kw(Kw::Finally)) {
    int fline = peek().line;
    advance();
    expect_forced(TokenKind::Colon, ":");
    finalbody = block("'finally' statement", fline);
  }
  if (handlers.empty() && finalbody.empty()) {
    const PTok& t = peek();
    error_tok("expected 'except' or 'finally' block", t);
  }
  if (star_kind == 1) {
    auto* t = make<TryStar>();
    t->body = std::move(body);
    t->handlers = std::move(handlers);
    t->orelse = std::move(orelse);
    t->finalbody = std::move(finalbody);
    return finish(t, s);
  }
  auto* t = make<Try>();
  t->body = std::move(body);
  t->handlers = std::move(handlers);
  t->orelse = std::move(orelse);
  t->finalbody = std::move(finalbody);
  return finish(t, s);
}

Arg* Parser::param(bool is_lambda, bool allow_star_annotation) {
  Pos s = start();
  if (!at_name()) syntax_error_here();
  auto* a = make<Arg>();
  a->arg = name_of(advance());
  if (!is_lambda && accept(TokenKind::Colon)) {
    if (allow_star_annotation && at(TokenKind::Star)) {
      Pos ss = start();
      advance();
      auto* st = make<Starred>();
      st->value = expression();
      a->annotation = finish(st, ss);
    } else {
      a->annotation = expression();
    }
  }
  return finish(a, s);
}

// A '(' among parameters: CPython's invalid_parameters names `(a, b)` after plain
// parameters; anything else is the generic error at the '('.
void Parser::parenthesized_parameters(bool is_lambda, bool after_default) {
  const PTok& open = peek();
  PTok furthest = open;
  Speculation speculation(*this);
  if (!after_default) {
    int m = mark();
    try {
      advance();
      do {
        param(is_lambda, false);
      } while (accept(TokenKind::Comma) && !at(TokenKind::RPar));
      if (at(TokenKind::RPar)) {
        const PTok& close = peek();
        error_at(is_lambda ? "Lambda expression parameters cannot be parenthesized"
                           : "Function parameters cannot be parenthesized",
                 open.line, open.col, close.end_line, close.end_col);
      }
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
    }
    reset(m);
  }
  next_error_class_ = ErrorClass::Generic;
  error_tok("invalid syntax", furthest);
}

// Parses a parameter list up to `closer` (')' for def, ':' for lambda).
Arguments* Parser::parameters(bool is_lambda, TokenKind closer) {
  auto* args = make<Arguments>();
  bool seen_default = false, seen_star = false;
  while (!at(closer)) {
    if (at(TokenKind::LPar)) parenthesized_parameters(is_lambda, seen_default || seen_star);
    if (at(TokenKind::Slash)) {
      const PTok& t = peek();
      if (!args->posonlyargs.empty()) error_tok("/ may appear only once", t);
      if (seen_star) error_tok("/ must be ahead of *", t);
      if (args->args.empty()) {
        PTok slash = t;  // the first pass stops here
        if (peek(1).kind == TokenKind::Comma)
          error_tok("at least one argument must precede /", slash);
        next_error_class_ = ErrorClass::Generic;
        error_tok("invalid syntax", slash);
      }
      advance();
      args->posonlyargs = std::move(args->args);
      args->args.clear();
      if (at(TokenKind::Star)) error_tok("expected comma between / and *", peek());
    } else if (at(TokenKind::Star)) {
      const PTok& t = peek();
      if (seen_star) error_tok("* argument may appear only once", t);
      advance();
      seen_star = true;
      if (at(TokenKind::Comma)) {
        if (peek(1).kind == closer || peek(1).kind == TokenKind::DoubleStar)
          error_tok("named arguments must follow bare *", t);
      } else if (at(closer)) {
        error_tok("named arguments must follow bare *", t);
      } else {
        args->vararg = param(is_lambda, true);
        if (at(TokenKind::Equal))
          error_tok("var-positional argument cannot have default value", peek());
      }
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      args->kwarg = param(is_lambda, false);
      if (at(TokenKind::Equal))
        error_tok("var-keyword argument cannot have default value", peek());
      if (accept(TokenKind::Comma) && !at(closer)) {
        const PTok& t = peek();
        if (t.kind == TokenKind::Name || t.kind == TokenKind::Star ||
            t.kind == TokenKind::DoubleStar || t.kind == TokenKind::Slash)
          error_tok("arguments cannot follow var-keyword argument", t);
      }
      if (!at(closer)) syntax_error_here();
      break;
    } else {
      Arg* a = param(is_lambda, false);
      ExprNode* def = nullptr;
      if (at(TokenKind::Equal)) {
        const PTok& eq = advance();
        if (at(TokenKind::Comma) || at(closer))
          error_tok("expected default value expression", eq);
        def = expression();
      }
      if (seen_star) {
        args->kwonlyargs.push_back(a);
        args->kw_defaults.push_back(def);
      } else {
        if (def) {
          seen_default = true;
          args->defaults.push_back(def);
        } else if (seen_default && (at(TokenKind::Comma) || at(closer))) {
          // Only a complete parameter (followed by ',' or the closer) is named.
          error_node("non-default argument follows default argument", a);
        }
        args->args.push_back(a);
      }
    }
    if (!accept(TokenKind::Comma)) break;
  }
  return args;
}

StmtNode* Parser::function_def(Pos s, std::vector<ExprNode*> decorators, bool is_async) {
  int line = peek().line;
  advance();  // def
  if (!at_name()) syntax_error_here();
  Ident name = name_of(advance());
  expect_forced(TokenKind::LPar, "(");
  Arguments* args = parameters(false, TokenKind::RPar);
  expect(TokenKind::RPar);
  ExprNode* returns = nullptr;
  if (at(TokenKind::RArrow)) {
    // ['->' expression] is optional: when it fails generically, CPython backs up and its
    // forced ':' fails at the '->'.
    int m = mark();
    advance();
    try {
      returns = expression();
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
      reset(m);
      error_tok("expected ':'", peek());
    }
  }
  expect_forced(TokenKind::Colon, ":");
  std::vector<StmtNode*> body = block("function definition", line);
  if (is_async) {
    auto* f = make<AsyncFunctionDef>();
    f->name = std::move(name);
    f->args = args;
    f->body = std::move(body);
    f->decorator_list = std::move(decorators);
    f->returns = returns;
    return finish(f, s);
  }
  auto* f = make<FunctionDef>();
  f->name = std::move(name);
  f->args = args;
  f->body = std::move(body);
  f->decorator_list = std::move(decorators);
  f->returns = returns;
  return finish(f, s);
}

StmtNode* Parser::class_def(Pos s, std::vector<ExprNode*> decorators) {
  int line = peek().line;
  advance();  // class
  if (!at_name()) syntax_error_here();
  auto* c = make<ClassDef>();
  c->name = name_of(advance());
  if (at(TokenKind::LPar)) {
    Call tmp;
    call_arguments(&tmp, false);
    c->bases = std::move(tmp.args);
    c->keywords = std::move(tmp.keywords);
  }
  expect_colon_nl();
  c->body = block("class definition", line);
  c->decorator_list = std::move(decorators);
  return finish(c, s);
}

// Tries `match subject:`; returns null (and rewinds) when `match` is an ordinary name.
StmtNode* Parser::match_stmt(int& newline_at) {
  const PTok& nx = peek(1);
  bool may_start = nx.kind == TokenKind::Star || nx.kind == TokenKind::LPar ||
                   nx.kind == TokenKind::LSqb || nx.kind == TokenKind::LBrace ||
                   nx.kind == TokenKind::Name || nx.kind == TokenKind::Number ||
                   nx.kind == TokenKind::String || nx.kind == TokenKind::Minus ||
                   nx.kind == TokenKind::Plus || nx.kind == TokenKind::Tilde ||
                   nx.kind == TokenKind::Ellipsis;
  if (!may_start) return nullptr;
  int m = mark();
  Pos s = start();
  int line = peek().line;
  ExprNode* subject = nullptr;
  try {
    advance();
    Pos ss = start();
    ExprNode* first = star_named_expression();
    if (at(TokenKind::Comma)) {
      subject = star_named_expressions_tuple(ss, first);
    } else {
      if (first->kind == ExprKind::Starred) throw SyntaxErrorException{};
      subject = first;
    }
    if (!at(TokenKind::Colon)) {
      if (at(TokenKind::Newline)) newline_at = mark();
      throw SyntaxErrorException{};
    }
  } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_) throw;  // tokenizer errors are final, as in CPython
    reset(m);
    return nullptr;
  }
  advance();  // ':'
  auto* node = make<Match>();
  node->subject = subject;
  if (!at(TokenKind::Newline)) syntax_error_here();
  advance();
  if (!at(TokenKind::Indent)) {
    const PTok& t = peek();
    std::string msg = "expected an indented block after 'match' statement on line " +
                      std::to_string(line);
    error_tok(msg.c_str(), t, SyntaxErrorInfo::Kind::IndentationError);
  }
  advance();
  while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker)) {
    if (!at_soft("case")) syntax_error_here();
    node->cases.push_back(case_block());
  }
  accept(TokenKind::Dedent);
  return finish(node, s);
}

}  // namespace coil::fe
