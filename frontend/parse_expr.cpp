// parse_expr.cpp — expressions: operators by precedence climbing, atoms, calls, displays,
// comprehensions, slices, lambda, yield.
#include "frontend/parser_impl.h"
#include "frontend/string_literal.h"

namespace coil::fe {

namespace {

// Binary operators of bitwise_or..term, loosest first; all left-associative.
bool binop_info(TokenKind k, int& prec, OperatorKind& op) {
  switch (k) {
    case TokenKind::VBar: prec = 1; op = OperatorKind::BitOr; return true;
    case TokenKind::Circumflex: prec = 2; op = OperatorKind::BitXor; return true;
    case TokenKind::Amper: prec = 3; op = OperatorKind::BitAnd; return true;
    case TokenKind::LeftShift: prec = 4; op = OperatorKind::LShift; return true;
    case TokenKind::RightShift: prec = 4; op = OperatorKind::RShift; return true;
    case TokenKind::Plus: prec = 5; op = OperatorKind::Add; return true;
    case TokenKind::Minus: prec = 5; op = OperatorKind::Sub; return true;
    case TokenKind::Star: prec = 6; op = OperatorKind::Mult; return true;
    case TokenKind::Slash: prec = 6; op = OperatorKind::Div; return true;
    case TokenKind::DoubleSlash: prec = 6; op = OperatorKind::FloorDiv; return true;
    case TokenKind::Percent: prec = 6; op = OperatorKind::Mod; return true;
    case TokenKind::At: prec = 6; op = OperatorKind::MatMult; return true;
    default: return false;
  }
}

template <class T>
void copy_pos(T* dst, const Located* src) {
  dst->lineno = src->lineno;
  dst->col_offset = src->col_offset;
  dst->end_lineno = src->end_lineno;
  dst->end_col_offset = src->end_col_offset;
}

}  // namespace

bool Parser::starts_expression() {
  const PTok& t = peek();
  switch (t.kind) {
    case TokenKind::Name:
      switch (t.kw) {
        case Kw::NotKeyword: case Kw::None: case Kw::True: case Kw::False: case Kw::Not:
        case Kw::Lambda: case Kw::Await:
          return true;
        default:
          return false;
      }
    case TokenKind::Number: case TokenKind::String: case TokenKind::LPar: case TokenKind::LSqb:
    case TokenKind::LBrace: case TokenKind::Minus: case TokenKind::Plus: case TokenKind::Tilde:
    case TokenKind::Ellipsis:
      return true;
    default:
      return false;
  }
}

ExprNode* Parser::expression() {
  bool unmemoized = unmemoized_;  // expression_without_invalid itself is another rule
  unmemoized_ = false;
  if (at_kw(Kw::Lambda)) return lambdef();
  // CPython memoizes `expression` per position within its error pass: once parsed without
  // the invalid rules at a position, it stays so there. Emulated for matching messages.
  size_t here = static_cast<size_t>(pos_);
  if (unmemoized) {
  } else if (no_invalid_ > 0) {
    if (memo_no_invalid_.size() <= here) memo_no_invalid_.resize(here + 1);
    memo_no_invalid_[here] = true;
  } else if (here < memo_no_invalid_.size() && memo_no_invalid_[here]) {
    ++no_invalid_;
    struct Restore {
      int& n;
      ~Restore() { --n; }
    } restore{no_invalid_};
    return expression();
  }
  DepthGuard depth(*this, 1);
  Pos s = start();
  ExprNode* a = disjunction();
  if (at_kw(Kw::If)) {
    // As in the PEG grammar, a conditional that does not complete leaves the disjunction
    // standing alone (the caller then fails at 'if'), unless invalid_expression names it.
    int m = mark();
    advance();
    ExprNode* test = nullptr;
    try {
      test = disjunction();
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
      reset(m);
      return a;
    }
    if (!at_kw(Kw::Else)) {
      if (no_invalid_ == 0 && !at(TokenKind::Colon))
        error_range("expected 'else' after 'if' expression", a, test);
      reset(m);
      return a;
    }
    advance();
    auto* e = make<IfExp>();
    e->test = test;
    e->body = a;
    e->orelse = expression();
    a = finish(e, s);
  } else if (no_invalid_ == 0 && starts_expression()) {
    invalid_expression_after(a);
  }
  return a;
}

ExprNode* Parser::expressions() {
  Pos s = start();
  ExprNode* first = expression();
  if (!at(TokenKind::Comma)) return first;
  auto* t = make<Tuple>();
  t->elts.push_back(first);
  while (accept(TokenKind::Comma)) {
    if (!starts_expression()) break;
    t->elts.push_back(expression());
  }
  return finish(t, s);
}

ExprNode* Parser::named_expression() {
  if (at_name() && peek(1).kind == TokenKind::ColonEqual) {
    Pos s = start();
    auto* target = make<Name>();
    target->id = name_of(advance());
    target->ctx = ExprContext::Store;
    finish(target, s);
    advance();
    auto* e = make<NamedExpr>();
    e->target = target;
    e->value = expression();
    return finish(e, s);
  }
  ExprNode* e = expression();
  if (at(TokenKind::ColonEqual))
    error_node(std::string("cannot use assignment expressions with ") + expr_name(e), e);
  if (at(TokenKind::Equal)) check_no_eq_after_named(e);
  return e;
}

ExprNode* Parser::star_expression() {
  if (at(TokenKind::Star)) {
    Pos s = start();
    advance();
    auto* e = make<Starred>();
    e->value = bitwise_or();
    e->ctx = ExprContext::Load;
    return finish(e, s);
  }
  return expression();
}

ExprNode* Parser::star_named_expression() {
  if (at(TokenKind::Star)) return star_expression();
  return named_expression();
}

ExprNode* Parser::star_expressions() {
  Pos s = start();
  ExprNode* first = star_expression();
  if (!at(TokenKind::Comma)) return first;
  auto* t = make<Tuple>();
  t->elts.push_back(first);
  while (accept(TokenKind::Comma)) {
    if (!at(TokenKind::Star) && !starts_expression()) break;
    t->elts.push_back(star_expression());
  }
  t->ctx = ExprContext::Load;
  return finish(t, s);
}

// Continues a display after its first element and a comma: star_named_expressions.
ExprNode* Parser::star_named_expressions_tuple(Pos s, ExprNode* first) {
  auto* t = make<Tuple>();
  t->elts.push_back(first);
  while (accept(TokenKind::Comma)) {
    if (!at(TokenKind::Star) && !starts_expression()) break;
    t->elts.push_back(star_named_expression());
  }
  return finish(t, s);
}

ExprNode* Parser::yield_expr() {
  Pos s = start();
  expect_kw(Kw::Yield);
  if (accept_kw(Kw::From)) {
    auto* e = make<YieldFrom>();
    e->value = expression();
    return finish(e, s);
  }
  auto* e = make<Yield>();
  if (at(TokenKind::Star) || starts_expression()) e->value = star_expressions();
  return finish(e, s);
}

ExprNode* Parser::yield_or_star_expressions() {
  if (at_kw(Kw::Yield)) return yield_expr();
  return star_expressions();
}

ExprNode* Parser::annotated_rhs() {
  if (at_kw(Kw::Yield)) return yield_expr();
  return star_expressions();
}

ExprNode* Parser::disjunction() {
  Pos s = start();
  ExprNode* first = conjunction();
  if (!at_kw(Kw::Or)) return first;
  auto* b = make<BoolOp>();
  b->op = BoolOpKind::Or;
  b->values.push_back(first);
  while (accept_kw(Kw::Or)) b->values.push_back(conjunction());
  return finish(b, s);
}

ExprNode* Parser::conjunction() {
  Pos s = start();
  ExprNode* first = inversion();
  if (!at_kw(Kw::And)) return first;
  auto* b = make<BoolOp>();
  b->op = BoolOpKind::And;
  b->values.push_back(first);
  while (accept_kw(Kw::And)) b->values.push_back(inversion());
  return finish(b, s);
}

ExprNode* Parser::inversion() {
  if (!at_kw(Kw::Not)) return comparison();
  DepthGuard depth(*this, 1);
  Pos s = start();
  advance();
  auto* u = make<UnaryOp>();
  u->op = UnaryOpKind::Not;
  u->operand = inversion();
  return finish(u, s);
}

ExprNode* Parser::comparison() {
  Pos s = start();
  ExprNode* left = bitwise_or();
  Compare* c = nullptr;
  for (;;) {
    CmpOpKind op;
    const PTok& t = peek();
    switch (t.kind) {
      case TokenKind::EqEqual: op = CmpOpKind::Eq; break;
      case TokenKind::NotEqual: op = CmpOpKind::NotEq; break;
      case TokenKind::Less: op = CmpOpKind::Lt; break;
      case TokenKind::LessEqual: op = CmpOpKind::LtE; break;
      case TokenKind::Greater: op = CmpOpKind::Gt; break;
      case TokenKind::GreaterEqual: op = CmpOpKind::GtE; break;
      case TokenKind::Name:
        if (t.kw == Kw::In) {
          op = CmpOpKind::In;
          break;
        }
        if (t.kw == Kw::Is) {
          op = peek(1).kw == Kw::Not ? CmpOpKind::IsNot : CmpOpKind::Is;
          break;
        }
        if (t.kw == Kw::Not && peek(1).kw == Kw::In) {
          op = CmpOpKind::NotIn;
          break;
        }
        [[fallthrough]];
      default:
        return c ? finish(c, s) : left;
    }
    advance();
    if (op == CmpOpKind::IsNot || op == CmpOpKind::NotIn) advance();
    if (!c) {
      c = make<Compare>();
      c->left = left;
    }
    c->ops.push_back(op);
    c->comparators.push_back(bitwise_or());
  }
}

ExprNode* Parser::binary(int min_prec) {
  Pos s = start();
  ExprNode* left = factor();
  for (;;) {
    int prec;
    OperatorKind op;
    if (!binop_info(peek().kind, prec, op) || prec < min_prec) return left;
    advance();
    auto* b = make<BinOp>();
    b->left = left;
    b->op = op;
    b->right = binary(prec + 1);
    left = finish(b, s);
  }
}

ExprNode* Parser::factor() {
  UnaryOpKind op;
  switch (peek().kind) {
    case TokenKind::Plus: op = UnaryOpKind::UAdd; break;
    case TokenKind::Minus: op = UnaryOpKind::USub; break;
    case TokenKind::Tilde: op = UnaryOpKind::Invert; break;
    default: return power();
  }
  DepthGuard depth(*this, 1);
  Pos s = start();
  advance();
  auto* u = make<UnaryOp>();
  u->op = op;
  u->operand = factor();
  return finish(u, s);
}

ExprNode* Parser::power() {
  Pos s = start();
  ExprNode* base;
  if (at_kw(Kw::Await)) {
    advance();
    auto* a = make<Await>();
    a->value = primary();
    base = finish(a, s);
  } else {
    base = primary();
  }
  if (!at(TokenKind::DoubleStar)) return base;
  DepthGuard depth(*this, 2);  // CPython spends two rule levels per '**'
  advance();
  auto* b = make<BinOp>();
  b->left = base;
  b->op = OperatorKind::Pow;
  b->right = factor();
  return finish(b, s);
}

// primary: atom followed by trailers. As in the PEG grammar, a trailer that fails to parse
// (without a specific message) is not part of the primary: parsing resumes before it, so
// the caller's rules (e.g. "forgot a comma") see what follows; the generic error position
// stays the furthest token read.
ExprNode* Parser::primary() {
  Pos s = start();
  ExprNode* e = atom();
  for (;;) {
    TokenKind k = peek().kind;
    if (k != TokenKind::Dot && k != TokenKind::LPar && k != TokenKind::LSqb) return e;
    int m = mark();
    try {
      e = trailer(e, s);
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_ || last_error_class_ != ErrorClass::Generic) throw;
      reset(m);
      return e;
    }
  }
}

ExprNode* Parser::trailer(ExprNode* e, Pos s) {
  switch (peek().kind) {
    case TokenKind::Dot: {
      advance();
      if (!at_name()) syntax_error_here();
      auto* a = make<Attribute>();
      a->value = e;
      a->attr = name_of(advance());
      a->ctx = ExprContext::Load;
      return finish(a, s);
    }
    case TokenKind::LPar: {
      auto* c = make<Call>();
      c->func = e;
      call_arguments(c);
      return finish(c, s);
    }
    default: {
      advance();
      auto* sub = make<Subscript>();
      sub->value = e;
      sub->slice = slices();
      sub->ctx = ExprContext::Load;
      expect(TokenKind::RSqb);
      return finish(sub, s);
    }
  }
}

// Parses '(' arguments ')' of a call, including a lone generator expression argument.
void Parser::call_arguments(Call* call, bool allow_genexp) {
  Pos lpar = start();
  advance();
  bool seen_keyword = false, seen_double_star = false;
  const char* deferred = nullptr;  // reported at the furthest token once the list is read
  Pos first_pos = start();
  while (!at(TokenKind::RPar)) {
    Pos s = start();
    if (at(TokenKind::Star)) {
      advance();
      if (!starts_expression() && (!call->args.empty() || !call->keywords.empty())) {
        // invalid_arguments: `args ',' '*'` names unpacking even without a '**' before.
        const PTok& star = toks_[pos_ - 1];
        error_at("iterable argument unpacking follows keyword argument unpacking",
                 first_pos.line, first_pos.col, star.line, star.col);
      }
      auto* st = make<Starred>();
      st->value = expression();
      st->ctx = ExprContext::Load;
      finish(st, s);
      if (seen_double_star) {
        // CPython points at the argument list before the ',' '*'.
        error_at("iterable argument unpacking follows keyword argument unpacking",
                 first_pos.line, first_pos.col, st->lineno, st->col_offset);
      }
      call->args.push_back(st);
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      auto* k = make<Keyword>();
      k->value = expression();
      call->keywords.push_back(finish(k, s));
      seen_double_star = true;
    } else if (peek().kind == TokenKind::Name &&
               (peek().kw == Kw::NotKeyword || peek().kw == Kw::True || peek().kw == Kw::False ||
                peek().kw == Kw::None) &&
               peek(1).kind == TokenKind::Equal) {
      const PTok& name = peek();
      if (name.kw == Kw::True || name.kw == Kw::False || name.kw == Kw::None) {
        std::string msg = "cannot assign to " + std::string(name.text);
        error_at(msg.c_str(), name.line, name.col, name.end_line, name.end_col);
      }
      if (name.kw != Kw::NotKeyword) syntax_error_here();
      auto* k = make<Keyword>();
      k->arg = name_of(advance());
      advance();
      k->value = expression();
      if (at_for_clause()) {
        // f(a=x for x in y)
        error_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", k, k);
      }
      call->keywords.push_back(finish(k, s));
      seen_keyword = true;
    } else {
      ExprNode* e = (at_name() && peek(1).kind == TokenKind::ColonEqual) ? named_expression()
                                                                         : expression();
      if (at_for_clause()) {
        if (!allow_genexp) syntax_error_here();  // class C(x for x in y)
        auto* g = make<GeneratorExp>();
        g->elt = e;
        g->generators = for_if_clauses();
        if (call->args.empty() && call->keywords.empty() && at(TokenKind::RPar)) {
          advance();
          call->args.push_back(finish(g, lpar));
          return;
        }
        const Comprehension* last = g->generators.back();
        const Located* end = last->ifs.empty() ? static_cast<const Located*>(last->iter)
                                                : last->ifs.back();
        error_range("Generator expression must be parenthesized", e, end);
      }
      if (at(TokenKind::Equal)) {
        const PTok& eq = peek();
        std::string msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
        error_at(msg.c_str(), e->lineno, e->col_offset, eq.end_line, eq.end_col);
      }
      if (!deferred && seen_double_star)
        deferred = "positional argument follows keyword argument unpacking";
      if (!deferred && seen_keyword) deferred = "positional argument follows keyword argument";
      call->args.push_back(e);
    }
    if (!accept(TokenKind::Comma)) break;
  }
  if (deferred) {
    peek();
    error_tok(deferred, first_pass_token());
  }
  expect(TokenKind::RPar);
}

ExprNode* Parser::atom() {
  const PTok& t = peek();
  Pos s = start();
  switch (t.kind) {
    case TokenKind::Name: {
      switch (t.kw) {
        case Kw::NotKeyword: {
          auto* n = make<Name>();
          n->id = name_of(advance());
          n->ctx = ExprContext::Load;
          return finish(n, s);
        }
        case Kw::True: case Kw::False: case Kw::None: {
          auto* c = make<Constant>();
          c->value.kind = t.kw == Kw::True    ? ConstValue::Kind::True
                          : t.kw == Kw::False ? ConstValue::Kind::False
                                              : ConstValue::Kind::None;
          advance();
          return finish(c, s);
        }
        default:
          syntax_error_here();
      }
    }
    case TokenKind::Number:
      return number();
    case TokenKind::String:
      return strings();
    case TokenKind::Ellipsis: {
      auto* c = make<Constant>();
      c->value.kind = ConstValue::Kind::Ellipsis;
      advance();
      return finish(c, s);
    }
    case TokenKind::LPar:
      return paren_atom();
    case TokenKind::LSqb:
      return list_atom();
    case TokenKind::LBrace:
      return brace_atom();
    default:
      syntax_error_here();
  }
}

ExprNode* Parser::number() {
  Pos s = start();
  const PTok& t = advance();
  auto* c = make<Constant>();
  std::string err;
  if (!parse_number(t.text, c->value, err)) error_tok(err.c_str(), t);
  return finish(c, s);
}

ExprNode* Parser::paren_atom() {
  DepthGuard depth(*this, 1);
  Pos s = start();
  advance();
  ExprNode* result;
  if (at(TokenKind::RPar)) {
    advance();
    auto* t = make<Tuple>();
    t->ctx = ExprContext::Load;
    result = finish(t, s);
  } else if (at_kw(Kw::Yield)) {
    result = yield_expr();
    expect(TokenKind::RPar);
  } else {
    if (at(TokenKind::DoubleStar)) {
      // invalid_group: '(' '**' expression ')' (f'{**a}' compiles "(**a)").
      int m = mark();
      PTok star = peek();
      advance();
      bool group = false;
      try {
        expression();
        group = at(TokenKind::RPar);
      } catch (const SyntaxErrorException&) {
      }
      if (group) error_tok("cannot use double starred expression here", star);
      reset(m);
    }
    ExprNode* first = star_named_expression();
    if (at_for_clause()) {
      if (first->kind == ExprKind::Starred)
        error_node("iterable unpacking cannot be used in comprehension", first);
      auto* g = make<GeneratorExp>();
      g->elt = first;
      g->generators = for_if_clauses();
      expect(TokenKind::RPar);
      result = finish(g, s);
    } else if (at(TokenKind::Comma)) {
      ExprNode* t = star_named_expressions_tuple(s, first);
      expect(TokenKind::RPar);
      result = finish(as<Tuple>(t), s);
    } else {
      if (first->kind == ExprKind::Starred && at(TokenKind::RPar))
        error_node("cannot use starred expression here", first);
      expect(TokenKind::RPar);
      result = first;
    }
  }
  return result;
}

ExprNode* Parser::list_atom() {
  DepthGuard depth(*this, 1);
  Pos s = start();
  advance();
  ExprNode* result;
  if (accept(TokenKind::RSqb)) {
    auto* l = make<List>();
    result = finish(l, s);
  } else {
    ExprNode* first = star_named_expression();
    if (at_for_clause()) {
      if (first->kind == ExprKind::Starred)
        error_node("iterable unpacking cannot be used in comprehension", first);
      auto* c = make<ListComp>();
      c->elt = first;
      c->generators = for_if_clauses();
      expect(TokenKind::RSqb);
      result = finish(c, s);
    } else {
      auto* l = make<List>();
      l->elts.push_back(first);
      while (accept(TokenKind::Comma)) {
        if (!at(TokenKind::Star) && !starts_expression()) break;
        l->elts.push_back(star_named_expression());
      }
      if (at_for_clause() && l->elts.size() > 1)
        error_range("did you forget parentheses around the comprehension target?", l->elts.front(),
                    l->elts.back());
      expect(TokenKind::RSqb);
      result = finish(l, s);
    }
  }
  return result;
}

ExprNode* Parser::brace_atom() {
  DepthGuard depth(*this, 1);
  Pos s = start();
  advance();
  ExprNode* result;
  if (accept(TokenKind::RBrace)) {
    result = finish(make<Dict>(), s);
  } else if (at(TokenKind::DoubleStar) || [&] {
               // A dict when the first item is `**x` or `key:`; scanning for ':' needs the key.
               return false;
             }()) {
    auto* d = make<Dict>();
    for (;;) {
      if (accept(TokenKind::DoubleStar)) {
        d->keys.push_back(nullptr);
        d->values.push_back(bitwise_or());
      } else {
        dict_item(d);
      }
      if (!accept(TokenKind::Comma) || at(TokenKind::RBrace)) break;
    }
    expect(TokenKind::RBrace);
    result = finish(d, s);
  } else {
    ExprNode* first = star_named_expression();
    if (at(TokenKind::Colon) && first->kind != ExprKind::Starred) {
      advance();
      ExprNode* value = dict_value();
      if (at_for_clause()) {
        auto* c = make<DictComp>();
        c->key = first;
        c->value = value;
        c->generators = for_if_clauses();
        expect(TokenKind::RBrace);
        result = finish(c, s);
      } else {
        auto* d = make<Dict>();
        d->keys.push_back(first);
        d->values.push_back(value);
        while (accept(TokenKind::Comma)) {
          if (at(TokenKind::RBrace)) break;
          if (accept(TokenKind::DoubleStar)) {
            d->keys.push_back(nullptr);
            d->values.push_back(bitwise_or());
          } else {
            dict_item(d);
          }
        }
        expect(TokenKind::RBrace);
        result = finish(d, s);
      }
    } else if (at_for_clause()) {
      if (first->kind == ExprKind::Starred)
        error_node("iterable unpacking cannot be used in comprehension", first);
      auto* c = make<SetComp>();
      c->elt = first;
      c->generators = for_if_clauses();
      expect(TokenKind::RBrace);
      result = finish(c, s);
    } else {
      auto* st = make<Set>();
      st->elts.push_back(first);
      while (accept(TokenKind::Comma)) {
        if (!at(TokenKind::Star) && !starts_expression()) break;
        st->elts.push_back(star_named_expression());
      }
      if (at_for_clause() && st->elts.size() > 1)
        error_range("did you forget parentheses around the comprehension target?",
                    st->elts.front(), st->elts.back());
      expect(TokenKind::RBrace);
      result = finish(st, s);
    }
  }
  return result;
}

// One `key: value` item of a dict display, with CPython's invalid_kvpair messages.
// (After a first key: value pair; CPython's invalid_kvpair reads the key without the
// invalid rules and points at its last character.)
void Parser::dict_item(Dict* d) {
  ExprNode* key;
  {
    ++no_invalid_;
    struct Restore {
      int& n;
      ~Restore() { --n; }
    } restore{no_invalid_};
    unmemoized_ = true;
    key = expression();
  }
  if (!at(TokenKind::Colon))
    error_at("':' expected after dictionary key", key->end_lineno, key->end_col_offset - 1,
             key->end_lineno, -2);
  advance();
  d->keys.push_back(key);
  d->values.push_back(dict_value());
}

// The value after `key:`, with CPython's messages for a missing or starred value.
ExprNode* Parser::dict_value() {
  const PTok& colon = toks_[pos_ - 1];
  if (at(TokenKind::RBrace) || at(TokenKind::Comma))
    error_tok("expression expected after dictionary key and ':'", colon);
  if (at(TokenKind::Star)) {
    const PTok& star = advance();
    ExprNode* v = nullptr;
    try {
      v = bitwise_or();
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
    }
    if (v)
      error_at("cannot use a starred expression in a dictionary value", star.line, star.col,
               v->end_lineno, v->end_col_offset);
    next_error_class_ = ErrorClass::Generic;
    error_tok("invalid syntax", first_pass_token());
  }
  return expression();
}

std::vector<Comprehension*> Parser::for_if_clauses() {
  std::vector<Comprehension*> gens;
  while (at_for_clause()) {
    auto* c = make<Comprehension>();
    c->is_async = accept_kw(Kw::Async) ? 1 : 0;
    expect_kw(Kw::For);
    c->target = star_targets();
    if (!at_kw(Kw::In)) syntax_error_here();
    advance();
    c->iter = disjunction();
    while (accept_kw(Kw::If)) c->ifs.push_back(disjunction());
    gens.push_back(c);
  }
  return gens;
}

// star_targets of a `for` (statement or comprehension), up to `in`, converted to Store.
// Targets are primaries ('*'? t_primary), so `for a + b in c` stops at '+'; then CPython's
// invalid_for_target re-reads `a + b in c` as star_expressions to name a bad target.
ExprNode* Parser::star_targets() {
  int m = mark();
  Pos s = start();
  auto one = [&]() -> ExprNode* {
    if (at(TokenKind::Star)) {
      Pos ss = start();
      advance();
      auto* st = make<Starred>();
      st->value = primary();
      return finish(st, ss);
    }
    return primary();
  };
  ExprNode* result = nullptr;
  try {
    ExprNode* first = one();
    result = first;
    if (at(TokenKind::Comma)) {
      auto* t = make<Tuple>();
      t->elts.push_back(first);
      while (accept(TokenKind::Comma)) {
        if (!at(TokenKind::Star) && !starts_expression()) break;
        t->elts.push_back(one());
      }
      result = finish(t, s);
    }
  } catch (const SyntaxErrorException&) {
    if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
    result = nullptr;
  }
  if (!result || !at_kw(Kw::In)) {
    PTok furthest = first_pass_token();
    Speculation speculation(*this);
    reset(m);
    ExprNode* e = nullptr;
    try {
      e = star_expressions();  // with the invalid rules, as CPython's second pass
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
      e = nullptr;
    }
    if (e) {
      if (const ExprNode* bad = invalid_target(e, TargetKind::For))
        error_node(std::string("cannot assign to ") + expr_name(bad), bad);
    }
    next_error_class_ = ErrorClass::Generic;
    error_tok("invalid syntax", furthest);
  }
  set_context(result, ExprContext::Store, TargetKind::For);
  return result;
}

ExprNode* Parser::slices() {
  Pos s = start();
  auto one = [&]() -> ExprNode* {
    if (at(TokenKind::Star)) {
      Pos ss = start();
      advance();
      auto* st = make<Starred>();
      st->value = bitwise_or();
      st->ctx = ExprContext::Load;
      return finish(st, ss);
    }
    return slice();
  };
  ExprNode* first = one();
  if (!at(TokenKind::Comma)) {
    if (first->kind == ExprKind::Starred) {
      auto* t = make<Tuple>();
      t->elts.push_back(first);
      return finish(t, s);
    }
    return first;
  }
  auto* t = make<Tuple>();
  t->elts.push_back(first);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RSqb)) break;
    t->elts.push_back(one());
  }
  return finish(t, s);
}

ExprNode* Parser::slice() {
  Pos s = start();
  ExprNode* lower = nullptr;
  if (!at(TokenKind::Colon)) {
    lower = named_expression();
    if (!at(TokenKind::Colon)) return lower;
    if (lower->kind == ExprKind::NamedExpr) syntax_error_here();
  }
  advance();
  auto* sl = make<Slice>();
  sl->lower = lower;
  if (!at(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RSqb))
    sl->upper = expression();
  if (accept(TokenKind::Colon)) {
    if (!at(TokenKind::Comma) && !at(TokenKind::RSqb)) sl->step = expression();
  }
  return finish(sl, s);
}

ExprNode* Parser::lambdef() {
  DepthGuard depth(*this, 2);  // CPython spends two rule levels per lambda
  Pos s = start();
  advance();
  auto* l = make<Lambda>();
  l->args = parameters(true, TokenKind::Colon);
  expect(TokenKind::Colon);
  l->body = expression();
  return finish(l, s);
}

}  // namespace coil::fe
