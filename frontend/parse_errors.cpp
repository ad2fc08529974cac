// parse_errors.cpp — syntax error reporting, target conversion (Store/Del) and the specific
// messages CPython's invalid_* grammar rules produce.
#include <string>

#include "frontend/parser_impl.h"

namespace coil::fe {

namespace {

// Counts code points in the first `bytes` bytes of a UTF-8 line.
int code_points(std::string_view line, int bytes) {
  int n = 0;
  for (int i = 0; i < bytes && i < static_cast<int>(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
  if (bytes > static_cast<int>(line.size())) n += bytes - static_cast<int>(line.size());
  return n;
}

bool is_bitwise_or_level(const ExprNode* e) {
  switch (e->kind) {
    case ExprKind::Compare: case ExprKind::BoolOp: case ExprKind::IfExp: case ExprKind::Lambda:
    case ExprKind::NamedExpr: case ExprKind::Tuple: case ExprKind::Starred:
    case ExprKind::Yield: case ExprKind::YieldFrom:
      return false;
    case ExprKind::UnaryOp:
      return static_cast<const UnaryOp*>(e)->op != UnaryOpKind::Not;
    default:
      return true;
  }
}

// The leading bitwise_or that CPython's invalid_named_expression would parse from `e`, or
// null when `e` does not start with one.
const ExprNode* leading_bitwise_or(const ExprNode* e) {
  switch (e->kind) {
    case ExprKind::Tuple: {
      auto* t = static_cast<const Tuple*>(e);
      if (t->elts.empty() || t->elts[0]->col_offset != t->col_offset ||
          t->elts[0]->lineno != t->lineno)
        return e;  // parenthesised: one atom
      return leading_bitwise_or(t->elts[0]);
    }
    case ExprKind::Compare: return leading_bitwise_or(static_cast<const Compare*>(e)->left);
    case ExprKind::BoolOp: return leading_bitwise_or(static_cast<const BoolOp*>(e)->values[0]);
    case ExprKind::IfExp: return leading_bitwise_or(static_cast<const IfExp*>(e)->body);
    case ExprKind::Starred: case ExprKind::Yield: case ExprKind::YieldFrom:
    case ExprKind::Lambda: case ExprKind::NamedExpr:
      return nullptr;
    case ExprKind::UnaryOp:
      return static_cast<const UnaryOp*>(e)->op == UnaryOpKind::Not ? nullptr : e;
    default:
      return e;
  }
}

// Whether `e` begins with a list, tuple or generator display or True/None/False, which
// invalid_named_expression's lookahead excludes.
bool starts_with_excluded_atom(const ExprNode* e) {
  for (;;) {
    switch (e->kind) {
      case ExprKind::Attribute: e = static_cast<const Attribute*>(e)->value; continue;
      case ExprKind::Subscript: e = static_cast<const Subscript*>(e)->value; continue;
      case ExprKind::Call: e = static_cast<const Call*>(e)->func; continue;
      case ExprKind::BinOp: e = static_cast<const BinOp*>(e)->left; continue;
      case ExprKind::List: case ExprKind::Tuple: case ExprKind::GeneratorExp: return true;
      case ExprKind::Constant: {
        auto k = static_cast<const Constant*>(e)->value.kind;
        return k == ConstValue::Kind::True || k == ConstValue::Kind::False ||
               k == ConstValue::Kind::None;
      }
      default: return false;
    }
  }
}

}  // namespace

void Parser::error_at(const char* msg, int line, int col, int end_line, int end_col,
                      SyntaxErrorInfo::Kind kind) {
  // In an f-string field, CPython takes the field's column shift off every line (only
  // first-line tokens carried it), which can leave a negative column on later lines.
  bool negative_end = false;
  if (fs_line_base_ > 0) {
    if (col >= 0) col -= fs_col_base_;
    if (end_col >= 0) {
      end_col -= fs_col_base_;
      negative_end = end_col < 0;
    }
    line -= fs_line_base_ - 1;
    end_line -= fs_line_base_ - 1;
  }
  last_error_class_ = next_error_class_;
  next_error_class_ = ErrorClass::Specific;
  SyntaxErrorInfo info;
  info.kind = kind;
  info.msg = in_fstring_ ? std::string("f-string: ") + msg : std::string(msg);
  info.filename = filename_;
  info.lineno = line;
  std::string_view text = source_line(line);
  info.offset = col < 0 ? col + 1 : code_points(text, col) + 1;
  info.end_lineno = end_line;
  if (negative_end) {
    info.end_offset = end_col + 1;
  } else if (end_col == -2) {
    info.end_offset = 0;  // CPython leaves some errors' end column at 0
  } else if (end_col < 0) {
    info.end_offset = -1;
  } else {
    info.end_offset = code_points(source_line(end_line), end_col) + 1;
  }
  info.text = std::string(text);
  // In an f-string field the text is the field's own line, but the line numbers are the
  // file's, as CPython's sub-parser starts counting at the string's line. A line the
  // field's tokenizer has already left is shown without its newline, as CPython's is.
  if (fs_line_base_ > 0) {
    if (!toks_.empty() && toks_.back().line > line + fs_line_base_ - 1 && !info.text.empty() &&
        info.text.back() == '\n')
      info.text.pop_back();
    info.lineno += fs_line_base_ - 1;
    info.end_lineno += fs_line_base_ - 1;
  }
  throw SyntaxErrorException{info};
}

void Parser::warn_invalid_escape(const char* first_invalid, const PTok& t) {
  if (!escape_warnings_ || !first_invalid) return;
  char c = *first_invalid;
  bool octal = c >= '4' && c <= '7';
  std::string msg = octal ? "invalid octal escape sequence '\\" + std::string(first_invalid, 3) + "'"
                          : "invalid escape sequence '\\" + std::string(1, c) + "'";
  SyntaxErrorInfo info;
  info.msg = msg;
  info.filename = filename_;
  info.lineno = t.line;
  std::string_view text = source_line(t.line);
  info.offset = code_points(text, t.col) + 1;
  info.end_lineno = t.end_line;
  info.end_offset = code_points(source_line(t.end_line), t.end_col) + 1;
  info.text = std::string(text);
  // Backtracking may decode one token twice: warn once per place and message.
  for (const SyntaxErrorInfo& w : *escape_warnings_)
    if (w.lineno == info.lineno && w.offset == info.offset && w.msg == info.msg) return;
  escape_warnings_->push_back(std::move(info));
}

void Parser::error_tok(const char* msg, const PTok& t, SyntaxErrorInfo::Kind kind) {
  // CPython gives INDENT/DEDENT/ENDMARKER no column; it reports the tokenizer's position
  // (without the usual +1) and no end offset.
  if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent ||
      t.kind == TokenKind::EndMarker)
    error_at(msg, t.line, t.col - 1, t.end_line, -1, kind);
  error_at(msg, t.line, t.col, t.end_line, t.end_col, kind);
}

void Parser::error_node(const std::string& msg, const Located* n) {
  error_at(msg.c_str(), n->lineno, n->col_offset, n->end_lineno, n->end_col_offset);
}

void Parser::error_range(const std::string& msg, const Located* a, const Located* b) {
  error_at(msg.c_str(), a->lineno, a->col_offset, b->end_lineno, b->end_col_offset);
}

void Parser::too_complex() {
  SyntaxErrorInfo info;
  info.kind = SyntaxErrorInfo::Kind::TooComplex;
  info.filename = filename_;
  throw SyntaxErrorException{info};
}

// Reports CPython's generic error at the furthest token read: "invalid syntax", or an
// unclosed bracket at end of input, or an unexpected indent.
void Parser::syntax_error_here() {
  peek();
  const PTok& t = first_pass_token();
  if (pending_eof_error_ && t.kind == TokenKind::ErrorToken) throw *pending_eof_error_;
  if (t.kind == TokenKind::EndMarker && !open_idx_.empty()) {
    const PTok& open = toks_[open_idx_.back()];
    std::string msg = "'" + std::string(open.text) + "' was never closed";
    error_at(msg.c_str(), open.line, open.col, open.line, -1);
  }
  // CPython reports these without tokenizing the rest of the input.
  no_rest_scan_ = t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent;
  if (t.kind == TokenKind::Indent)
    error_tok("unexpected indent", t, SyntaxErrorInfo::Kind::IndentationError);
  if (t.kind == TokenKind::Dedent)
    error_tok("unexpected unindent", t, SyntaxErrorInfo::Kind::IndentationError);
  next_error_class_ = ErrorClass::Generic;
  if (t.kind == TokenKind::EndMarker || t.kind == TokenKind::Dedent)
    error_at("invalid syntax", t.line, -1, t.end_line, -1);  // CPython: no column, offset 0
  error_tok("invalid syntax", t);
}

const char* Parser::expr_name(const ExprNode* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
      switch (static_cast<const Constant*>(e)->value.kind) {
        case ConstValue::Kind::None: return "None";
        case ConstValue::Kind::True: return "True";
        case ConstValue::Kind::False: return "False";
        case ConstValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

// Returns the sub-expression that makes `e` an invalid target, or null when it is valid.
const ExprNode* Parser::invalid_target(ExprNode* e, TargetKind tk) {
  switch (e->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
      return nullptr;
    case ExprKind::Tuple:
      for (ExprNode* x : static_cast<Tuple*>(e)->elts)
        if (const ExprNode* bad = invalid_target(x, tk)) return bad;
      return nullptr;
    case ExprKind::List:
      for (ExprNode* x : static_cast<List*>(e)->elts)
        if (const ExprNode* bad = invalid_target(x, tk)) return bad;
      return nullptr;
    case ExprKind::Starred:
      if (tk == TargetKind::Del) return e;
      return invalid_target(static_cast<Starred*>(e)->value, tk);
    case ExprKind::Compare: {
      auto* c = static_cast<Compare*>(e);
      // `for a in b` reads as a comparison when re-parsed: only its left side is the target,
      // and any other comparison is not reported.
      if (tk == TargetKind::For)
        return c->ops[0] == CmpOpKind::In ? invalid_target(c->left, tk) : nullptr;
      return e;
    }
    default:
      return e;
  }
}

// Converts a parsed expression into an assignment or deletion target.
void Parser::set_context(ExprNode* e, ExprContext ctx, TargetKind tk) {
  if (const ExprNode* bad = invalid_target(e, tk)) {
    std::string msg = (tk == TargetKind::Del ? "cannot delete " : "cannot assign to ");
    msg += expr_name(bad);
    error_node(msg, bad);
  }
  switch (e->kind) {
    case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; break;
    case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
    case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
    case ExprKind::Starred:
      static_cast<Starred*>(e)->ctx = ctx;
      set_context(static_cast<Starred*>(e)->value, ctx, tk);
      break;
    case ExprKind::Tuple:
      static_cast<Tuple*>(e)->ctx = ctx;
      for (ExprNode* x : static_cast<Tuple*>(e)->elts) set_context(x, ctx, tk);
      break;
    case ExprKind::List:
      static_cast<List*>(e)->ctx = ctx;
      for (ExprNode* x : static_cast<List*>(e)->elts) set_context(x, ctx, tk);
      break;
    default:
      break;
  }
}

// After a complete expression `a` comes another expression: what CPython's second pass
// finds, in its order. (1) invalid_expression: `a b` inside brackets is a missing comma.
// (2) invalid_legacy_expression: when `a` is a bare NAME, the rest is parsed as
// star_expressions *with* the invalid rules, so errors further along the line surface
// ("expected 'else'", a comma inside brackets, ...); `print x` gets its own message.
// (3) Otherwise the generic error at the first pass's furthest token.
void Parser::invalid_expression_after(ExprNode* a) {
  int after_a = mark();
  const PTok& next = peek();
  PTok at_next = first_pass_token();  // the generic error's place
  Speculation speculation(*this);
  auto* name = as<Name>(a);
  bool bare_name = name && a->end_col_offset - a->col_offset == static_cast<int>(
                                                                    toks_[after_a - 1].text.size()) &&
                   toks_[after_a - 1].kind == TokenKind::Name;
  bool legacy = bare_name && (name->id == "print" || name->id == "exec");
  bool soft_start = false;
  if (name && (name->id == "match" || name->id == "case" || name->id == "_")) soft_start = true;
  if (name && next.kind == TokenKind::String) soft_start = true;
  bool in_f = in_fstring_;
  if (!legacy && !soft_start) {
    ExprNode* b = nullptr;
    ++no_invalid_;
    try {
      unmemoized_ = true;
      b = expression();
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_) {
        --no_invalid_;
        throw;  // tokenizer errors are final, as in CPython
      }
      b = nullptr;
    }
    --no_invalid_;
    in_fstring_ = in_f;
    if (b && level_ > 0) error_range("invalid syntax. Perhaps you forgot a comma?", a, b);
    reset(after_a);
  }
  if (bare_name && no_invalid_ == 0 && next.kind != TokenKind::LPar) {
    ExprNode* b = nullptr;
    try {
      b = star_expressions();
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_ || last_error_class_ == ErrorClass::Specific) throw;
      b = nullptr;
    }
    if (!b && legacy) {
      // A PEG parse keeps whatever prefix of star_expressions parsed.
      reset(after_a);
      ++no_invalid_;
      try {
        b = star_expressions();
      } catch (const SyntaxErrorException&) {
        b = nullptr;
      }
      --no_invalid_;
      if (tokenizer_failed_) throw SyntaxErrorException{};
    }
    in_fstring_ = in_f;
    if (b && legacy) {
      std::string msg = "Missing parentheses in call to '" + name->id + "'. Did you mean " +
                        name->id + "(...)?";
      error_range(msg, a, b);
    }
  }
  reset(after_a);
  next_error_class_ = level_ > 0 ? ErrorClass::Generic : ErrorClass::Trailing;
  error_tok("invalid syntax", at_next);
}

// A named_expression followed by '=': CPython's invalid_named_expression messages.
void Parser::check_no_eq_after_named(ExprNode* a) {
  int m = mark();
  PTok furthest = first_pass_token();  // where the first pass stopped
  Speculation speculation(*this);
  // The rule's alternatives: `NAME '=' bitwise_or`, or a bitwise_or that does not start
  // with a list, tuple, generator or True/None/False; others never read past the '='.
  bool name = a->kind == ExprKind::Name;
  bool other = !starts_with_excluded_atom(a) && is_bitwise_or_level(a);
  if (name || other) {
    advance();  // '='
    ExprNode* b = nullptr;
    try {
      b = bitwise_or();
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_) throw;  // tokenizer errors are final, as in CPython
      b = nullptr;
    }
    if (b && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual)) {
      if (name) error_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a, b);
      error_node(std::string("cannot assign to ") + expr_name(a) +
                     " here. Maybe you meant '==' instead of '='?",
                 a);
    }
  }
  reset(m);
  next_error_class_ = ErrorClass::Generic;
  error_tok("invalid syntax", furthest);
}

// A failed assignment: CPython's invalid_assignment. Its second pass first re-reads the
// first target as star_named_expressions, so the target's last element, when followed by
// '=', meets invalid_named_expression ("... here. Maybe you meant '==' ..."); else the first
// invalid target is named. `seg1_followed_by_eq`: 1 when the segment after the first '=' is
// itself a target, 0 when it is the complete value, -1 when it did not parse.
void Parser::invalid_assignment(const std::vector<ExprNode*>& targets, int rhs_mark,
                                int seg1_followed_by_eq) {
  Speculation speculation(*this);
  int m = mark();
  const ExprNode* e = targets[0];
  bool check = true;
  if (auto* t = as<Tuple>(targets[0])) {
    bool unparenthesized = !t->elts.empty() && t->elts[0]->col_offset == t->col_offset &&
                           t->elts[0]->lineno == t->lineno;
    if (unparenthesized) {
      const ExprNode* last = t->elts.back();
      // With a trailing comma no element is followed by '='.
      check = last->end_lineno == t->end_lineno && last->end_col_offset == t->end_col_offset;
      e = last;
    }
  }
  if (check && e->kind != ExprKind::Starred && is_bitwise_or_level(e)) {
    // b: the bitwise_or after '=' (a prefix is enough, as in a PEG parse).
    reset(rhs_mark);
    ExprNode* b = nullptr;
    bool whole = false;
    ++no_invalid_;
    try {
      if (starts_expression() && !at_kw(Kw::Not) && !at_kw(Kw::Lambda)) {
        int bm = mark();
        try {
          b = bitwise_or();
        } catch (const SyntaxErrorException&) {
          if (tokenizer_failed_) throw;
          reset(bm);
          b = primary();
        }
        whole = at(TokenKind::Equal) || at(TokenKind::ColonEqual);
      }
    } catch (const SyntaxErrorException&) {
      if (tokenizer_failed_) {
        --no_invalid_;
        throw;
      }
      b = nullptr;
    }
    --no_invalid_;
    (void)seg1_followed_by_eq;
    if (b && !whole) {
      if (e->kind == ExprKind::Name)
        error_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, b);
      if (!starts_with_excluded_atom(e))
        error_node(std::string("cannot assign to ") + expr_name(e) +
                       " here. Maybe you meant '==' instead of '='?",
                   e);
    }
  }
  reset(m);
  for (ExprNode* t : targets) {
    if (t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom)
      error_node("assignment to yield expression not possible", t);
    if (const ExprNode* bad = invalid_target(t, TargetKind::Star))
      error_node(std::string("cannot assign to ") + expr_name(bad), bad);
  }
}

// Whether a PEG parse would find a complete expression starting at token `m` (at least
// its first primary, after any prefix operators).
bool Parser::has_expression_prefix(int m) {
  Speculation speculation(*this);
  reset(m);
  while (at(TokenKind::Minus) || at(TokenKind::Plus) || at(TokenKind::Tilde) ||
         at(TokenKind::Star) || at_kw(Kw::Not) || at_kw(Kw::Await))
    advance();
  if (at_kw(Kw::Yield)) return true;
  if (!starts_expression() || at_kw(Kw::Lambda)) return false;
  ++no_invalid_;
  bool ok = true;
  try {
    primary();
  } catch (const SyntaxErrorException&) {
    ok = false;
  }
  --no_invalid_;
  if (tokenizer_failed_) throw SyntaxErrorException{};
  return ok;
}

}  // namespace coil::fe
