// parse_pattern.cpp — match statement case blocks and patterns (PEP 634).
#include "frontend/parser_impl.h"

namespace coil::fe {

MatchCase* Parser::case_block() {
  int line = peek().line;
  advance();  // case
  auto* mc = make<MatchCase>();
  mc->pattern = patterns();
  if (accept_kw(Kw::If)) mc->guard = named_expression();
  expect_colon_nl();
  mc->body = block("'case' statement", line);
  return mc;
}

// patterns: open_sequence_pattern | pattern
PatternNode* Parser::patterns() {
  Pos s = start();
  PatternNode* first = maybe_star_pattern();
  if (!at(TokenKind::Comma)) {
    if (first->kind == PatternKind::MatchStar) {
      auto* seq = make<MatchSequence>();
      seq->patterns.push_back(first);
      return finish(seq, s);
    }
    return first;
  }
  auto* seq = make<MatchSequence>();
  seq->patterns.push_back(first);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::Colon) || at_kw(Kw::If)) break;
    seq->patterns.push_back(maybe_star_pattern());
  }
  return finish(seq, s);
}

PatternNode* Parser::maybe_star_pattern() {
  if (at(TokenKind::Star)) return star_pattern();
  return pattern();
}

PatternNode* Parser::star_pattern() {
  Pos s = start();
  advance();
  if (!at_name()) syntax_error_here();
  auto* st = make<MatchStar>();
  const PTok& t = advance();
  if (t.text != "_") st->name = name_of(t);
  return finish(st, s);
}

PatternNode* Parser::pattern() {
  Pos s = start();
  PatternNode* p = or_pattern();
  return as_pattern_or(p, s);
}

PatternNode* Parser::as_pattern_or(PatternNode* p, Pos s) {
  if (!at_kw(Kw::As)) return p;
  advance();
  if (!at_name()) {
    // CPython's invalid_as_pattern: an expression after 'as' (not a name) is named as
    // the bad target; anything else is the generic error.
    PTok furthest = first_pass_token();
    ExprNode* e = nullptr;
    {
      Speculation speculation(*this);
      try {
        e = expression();
      } catch (const SyntaxErrorException&) {
        if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
      }
    }
    if (e) error_node("invalid pattern target", e);
    next_error_class_ = ErrorClass::Generic;
    error_tok("invalid syntax", furthest);
  }
  const PTok& t = peek();
  if (t.text == "_") error_tok("cannot use '_' as a target", t);
  auto* as_p = make<MatchAs>();
  as_p->pattern = p;
  as_p->name = name_of(advance());
  return finish(as_p, s);
}

PatternNode* Parser::or_pattern() {
  DepthGuard depth(*this, 1);
  Pos s = start();
  PatternNode* first = closed_pattern();
  if (!at(TokenKind::VBar)) {
    return first;
  }
  auto* o = make<MatchOr>();
  o->patterns.push_back(first);
  while (accept(TokenKind::VBar)) o->patterns.push_back(closed_pattern());
  return finish(o, s);
}

// signed_number: NUMBER | '-' NUMBER, and complex_number: signed_real ('+'|'-') imaginary.
ExprNode* Parser::complex_or_signed_number() {
  Pos s = start();
  ExprNode* real;
  if (at(TokenKind::Minus)) {
    advance();
    if (!at(TokenKind::Number)) syntax_error_here();
    auto* u = make<UnaryOp>();
    u->op = UnaryOpKind::USub;
    u->operand = number();
    real = finish(u, s);
  } else {
    real = number();
  }
  if (at(TokenKind::Plus) || at(TokenKind::Minus)) {
    // The real part of a complex literal must be a real number (`0j+0j` is refused).
    auto* u = as<UnaryOp>(real);
    auto* lc = as<Constant>(u ? u->operand : real);
    if (lc && lc->value.kind == ConstValue::Kind::Complex)
      error_node("real number required in complex literal", u ? u->operand : real);
    auto* b = make<BinOp>();
    b->op = advance().kind == TokenKind::Plus ? OperatorKind::Add : OperatorKind::Sub;
    b->left = real;
    if (!at(TokenKind::Number)) syntax_error_here();
    b->right = number();
    auto* rc = as<Constant>(b->right);
    if (!rc || rc->value.kind != ConstValue::Kind::Complex)
      error_node("imaginary number required in complex literal", b->right);
    return finish(b, s);
  }
  return real;
}

// NAME ('.' NAME)* as a Name or Attribute chain (Load).
ExprNode* Parser::pattern_name_or_attr() {
  Pos s = start();
  auto* n = make<Name>();
  n->id = name_of(advance());
  ExprNode* e = finish(n, s);
  while (at(TokenKind::Dot)) {
    advance();
    if (!at_name()) syntax_error_here();
    auto* a = make<Attribute>();
    a->value = e;
    a->attr = name_of(advance());
    e = finish(a, s);
  }
  return e;
}

PatternNode* Parser::closed_pattern() {
  Pos s = start();
  const PTok& t = peek();
  switch (t.kind) {
    case TokenKind::Number: case TokenKind::Minus: {
      auto* v = make<MatchValue>();
      v->value = complex_or_signed_number();
      return finish(v, s);
    }
    case TokenKind::String: {
      auto* v = make<MatchValue>();
      v->value = strings();
      if (v->value->kind == ExprKind::JoinedStr)
        error_node("patterns may only match literals and attribute lookups", v->value);
      return finish(v, s);
    }
    case TokenKind::LPar: {
      advance();
      if (accept(TokenKind::RPar)) return finish(make<MatchSequence>(), s);
      PatternNode* first = maybe_star_pattern();
      if (at(TokenKind::Comma)) {
        auto* seq = make<MatchSequence>();
        seq->patterns.push_back(first);
        while (accept(TokenKind::Comma)) {
          if (at(TokenKind::RPar)) break;
          seq->patterns.push_back(maybe_star_pattern());
        }
        expect(TokenKind::RPar);
        return finish(seq, s);
      }
      expect(TokenKind::RPar);
      if (first->kind == PatternKind::MatchStar) {
        auto* seq = make<MatchSequence>();
        seq->patterns.push_back(first);
        return finish(seq, s);
      }
      return first;  // group pattern keeps the inner position
    }
    case TokenKind::LSqb: {
      advance();
      auto* seq = make<MatchSequence>();
      while (!at(TokenKind::RSqb)) {
        seq->patterns.push_back(maybe_star_pattern());
        if (!accept(TokenKind::Comma)) break;
      }
      expect(TokenKind::RSqb);
      return finish(seq, s);
    }
    case TokenKind::LBrace:
      return mapping_pattern();
    case TokenKind::Name: {
      if (t.kw == Kw::None || t.kw == Kw::True || t.kw == Kw::False) {
        auto* m = make<MatchSingleton>();
        m->value.kind = t.kw == Kw::None   ? ConstValue::Kind::None
                        : t.kw == Kw::True ? ConstValue::Kind::True
                                           : ConstValue::Kind::False;
        advance();
        return finish(m, s);
      }
      if (t.kw != Kw::NotKeyword) syntax_error_here();
      if (peek(1).kind == TokenKind::Dot || peek(1).kind == TokenKind::LPar) {
        ExprNode* e = pattern_name_or_attr();
        if (at(TokenKind::LPar)) return class_pattern(e, s);
        auto* v = make<MatchValue>();
        v->value = e;
        return finish(v, s);
      }
      auto* m = make<MatchAs>();
      const PTok& nt = advance();
      if (nt.text != "_") m->name = name_of(nt);
      return finish(m, s);
    }
    default:
      syntax_error_here();
  }
}

PatternNode* Parser::mapping_pattern() {
  Pos s = start();
  advance();  // '{'
  auto* m = make<MatchMapping>();
  while (!at(TokenKind::RBrace)) {
    if (at(TokenKind::DoubleStar)) {
      advance();
      if (!at_name() || peek().text == "_") syntax_error_here();
      m->rest = name_of(advance());
      accept(TokenKind::Comma);
      break;
    }
    const PTok& t = peek();
    ExprNode* key;
    if (t.kind == TokenKind::Number || t.kind == TokenKind::Minus) {
      key = complex_or_signed_number();
    } else if (t.kind == TokenKind::String) {
      key = strings();
    } else if (t.kind == TokenKind::Name &&
               (t.kw == Kw::None || t.kw == Kw::True || t.kw == Kw::False)) {
      Pos ks = start();
      auto* c = make<Constant>();
      c->value.kind = t.kw == Kw::None   ? ConstValue::Kind::None
                      : t.kw == Kw::True ? ConstValue::Kind::True
                                         : ConstValue::Kind::False;
      advance();
      key = finish(c, ks);
    } else if (at_name() && peek(1).kind == TokenKind::Dot) {
      key = pattern_name_or_attr();
    } else {
      syntax_error_here();
    }
    m->keys.push_back(key);
    expect(TokenKind::Colon);
    m->patterns.push_back(pattern());
    if (!accept(TokenKind::Comma)) break;
  }
  expect(TokenKind::RBrace);
  return finish(m, s);
}

PatternNode* Parser::class_pattern(ExprNode* cls, Pos s) {
  advance();  // '('
  auto* c = make<MatchClass>();
  c->cls = cls;
  while (!at(TokenKind::RPar)) {
    if (at_name() && peek(1).kind == TokenKind::Equal) {
      c->kwd_attrs.push_back(name_of(advance()));
      advance();
      c->kwd_patterns.push_back(pattern());
    } else {
      PatternNode* p = pattern();
      if (!c->kwd_attrs.empty())
        error_node("positional patterns follow keyword patterns", p);
      c->patterns.push_back(p);
    }
    if (!accept(TokenKind::Comma)) break;
  }
  expect(TokenKind::RPar);
  return finish(c, s);
}

}  // namespace coil::fe
