// parser.cpp — the parser's token stream and its entry points (module, eval, single, func_type).
#include "frontend/parser_impl.h"

#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include <utf8proc.h>

#include "frontend/tokenizer.h"

namespace coil::fe {

namespace {

Kw classify_keyword(std::string_view text) {
  static const std::unordered_map<std::string_view, Kw> kTable = {
#define COIL_KW_ROW(Name, Text) {Text, Kw::Name},
      COIL_KEYWORDS(COIL_KW_ROW)
#undef COIL_KW_ROW
  };
  auto it = kTable.find(text);
  return it == kTable.end() ? Kw::NotKeyword : it->second;
}

bool is_open_bracket(TokenKind k) {
  return k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace;
}
bool is_close_bracket(TokenKind k) {
  return k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace;
}

}  // namespace

Parser::Parser(std::string_view source, const std::string& filename, Arena& arena, TokenPull pull)
    : source_(source), filename_(filename), arena_(arena), pull_(std::move(pull)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < source_.size(); ++i)
    if (source_[i] == '\n') line_starts_.push_back(static_cast<int>(i + 1));
}

// Returns the token k places ahead, pulling from the tokenizer as needed. Past the end,
// every position reads as the final ENDMARKER.
const PTok& Parser::peek(int k) {
  size_t want = static_cast<size_t>(pos_ + k);
  while (toks_.size() <= want) {
    if (!toks_.empty() && (toks_.back().kind == TokenKind::EndMarker ||
                           toks_.back().kind == TokenKind::ErrorToken)) {
      if (speculating_ == 0) first_pass_furthest_ = toks_.size() - 1;
      return toks_.back();
    }
    Token t;
    try {
      t = pull_();
    } catch (const SyntaxErrorException& e) {
      // End of input inside brackets or after a backslash: CPython reports these only
      // when the parse then fails without a more specific message (see syntax_error_here).
      if (!eof_tok_ || eof_tok_->last_error_kind() == TokenizerErrorKind::Error) {
        tokenizer_failed_ = true;
        throw;
      }
      pending_eof_error_ = std::make_unique<SyntaxErrorException>(e);
      t.kind = TokenKind::ErrorToken;
      // CPython's tokenizer sits on the line after the last one at end of input.
      t.line = static_cast<int>(line_starts_.size());
      t.col = 0;
      t.end_line = t.line;
      t.end_col = t.col;
    }
    PTok p;
    p.kind = t.kind;
    p.text = t.text;
    p.line = t.line;
    p.col = t.col;
    p.end_line = t.end_line;
    p.end_col = t.end_col;
    if (t.kind == TokenKind::Name || t.kind == TokenKind::Async || t.kind == TokenKind::Await) {
      p.kind = TokenKind::Name;
      p.kw = classify_keyword(t.text);
    }
    // Track open brackets for "forgot a comma" and "'(' was never closed".
    if (is_open_bracket(p.kind)) {
      open_idx_.push_back(static_cast<int>(toks_.size()));
    } else if (is_close_bracket(p.kind) && !open_idx_.empty()) {
      open_idx_.pop_back();
    }
    p.level = static_cast<int>(open_idx_.size());
    toks_.push_back(p);
  }
  if (speculating_ == 0 && want > first_pass_furthest_) first_pass_furthest_ = want;
  return toks_[want];
}

namespace {
// Tokens that never end a node's span (CPython's _PyPegen_get_last_nonnwhitespace_token).
bool is_layout(TokenKind k) {
  return k == TokenKind::Newline || k == TokenKind::Indent || k == TokenKind::Dedent ||
         k == TokenKind::EndMarker || k == TokenKind::ErrorToken;
}
}  // namespace

const PTok& Parser::advance() {
  const PTok& t = peek();
  if (t.kind == TokenKind::EndMarker || t.kind == TokenKind::ErrorToken) return t;
  ++pos_;
  if (!is_layout(t.kind)) {
    prev_end_line_ = t.end_line;
    prev_end_col_ = t.end_col;
  }
  level_ = t.level;
  return t;
}

void Parser::reset(int m) {
  pos_ = m;
  for (int i = m - 1; i >= 0; --i) {
    const PTok& t = toks_[i];
    if (i == m - 1) level_ = t.level;
    if (!is_layout(t.kind)) {
      prev_end_line_ = t.end_line;
      prev_end_col_ = t.end_col;
      break;
    }
  }
}

bool Parser::accept(TokenKind k) {
  if (peek().kind != k) return false;
  advance();
  return true;
}

bool Parser::accept_kw(Kw k) {
  if (peek().kw != k) return false;
  advance();
  return true;
}

const PTok& Parser::expect(TokenKind k) {
  if (peek().kind != k) syntax_error_here();
  return advance();
}

const PTok& Parser::expect_forced(TokenKind k, const char* text) {
  if (peek().kind != k) {
    std::string msg = std::string("expected '") + text + "'";
    const PTok& t = peek();
    error_tok(msg.c_str(), t);
  }
  return advance();
}

void Parser::expect_colon_nl() {
  if (at(TokenKind::Colon)) {
    advance();
    return;
  }
  if (at(TokenKind::Newline)) error_tok("expected ':'", peek());
  syntax_error_here();
}

void Parser::expect_kw(Kw k) {
  if (peek().kw != k) syntax_error_here();
  advance();
}

Ident Parser::name_of(const PTok& t) {
  bool ascii = true;
  for (unsigned char c : t.text) ascii &= c < 0x80;
  if (ascii) return Ident(t.text);
  std::string s(t.text);
  utf8proc_uint8_t* out = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
  if (!out) return s;
  Ident r(reinterpret_cast<char*>(out));
  std::free(out);
  return r;
}

std::string_view Parser::source_line(int line) {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  size_t b = line_starts_[line - 1];
  size_t e = line < static_cast<int>(line_starts_.size()) ? line_starts_[line] : source_.size();
  return source_.substr(b, e - b);
}

ModNode* Parser::parse_module(ParseMode mode) {
  mode_ = mode;
  switch (mode) {
    case ParseMode::Exec: {
      auto* m = make<Module>();
      m->body = statements_until_eof();
      return m;
    }
    case ParseMode::Eval: {
      auto* m = make<Expression>();
      m->body = expressions();
      while (accept(TokenKind::Newline)) {
      }
      if (!at(TokenKind::EndMarker)) syntax_error_here();
      return m;
    }
    case ParseMode::Single: {
      auto* m = make<Interactive>();
      if (at(TokenKind::Newline) || at(TokenKind::EndMarker)) {
        const PTok& t = peek();
        error_at("invalid syntax", t.line, -1, t.end_line, -1);  // CPython: offset 0
      }
      statement(m->body);
      const PTok& end_of_stmt = toks_[pos_ - 1];
      while (accept(TokenKind::Newline)) {
      }
      if (!at(TokenKind::EndMarker))
        error_tok("multiple statements found while compiling a single statement", end_of_stmt);
      return m;
    }
    case ParseMode::FuncType: {
      auto* m = make<FunctionType>();
      expect(TokenKind::LPar);
      if (!at(TokenKind::RPar)) {
        for (;;) {
          if (at(TokenKind::Star) || at(TokenKind::DoubleStar)) {
            advance();
          }
          m->argtypes.push_back(expression());
          if (!accept(TokenKind::Comma)) break;
          if (at(TokenKind::RPar)) syntax_error_here();  // no trailing comma in type_expressions
        }
      }
      expect(TokenKind::RPar);
      expect(TokenKind::RArrow);
      m->returns = expression();
      while (accept(TokenKind::Newline)) {
      }
      if (!at(TokenKind::EndMarker)) syntax_error_here();
      return m;
    }
  }
  return nullptr;
}

// The f-string field arrives as "(expr)"; CPython parses it with its `fstring` rule,
// star_expressions, which here is the parenthesised group itself.
ExprNode* Parser::parse_fstring_field() {
  in_fstring_ = true;
  ExprNode* e = star_expressions();
  while (accept(TokenKind::Newline)) {
  }
  if (!at(TokenKind::EndMarker)) syntax_error_here();
  return e;
}

SyntaxErrorException unclosed_bracket_error(const Tokenizer& tok, const std::string& filename) {
  const OpenBracket& b = tok.open_brackets().back();
  SyntaxErrorInfo info;
  info.msg = std::string("'") + b.ch + "' was never closed";
  info.filename = filename;
  info.lineno = info.end_lineno = b.line;
  info.offset = tok.char_offset(b.line, b.col);
  info.end_offset = 0;
  std::string_view line = tok.line_text(b.line);
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  info.text = std::string(line);
  return SyntaxErrorException{std::move(info)};
}

void Parser::throw_eof_error() {
  // End of input after a backslash inside brackets: CPython names the open bracket.
  if (eof_tok_ && eof_tok_->last_error_kind() == TokenizerErrorKind::EofInContinuation &&
      !eof_tok_->open_brackets().empty())
    throw unclosed_bracket_error(*eof_tok_, filename_);
  throw *pending_eof_error_;
}

ModNode* parse(std::string_view utf8_source, const std::string& filename, ParseMode mode,
               Arena& arena, std::vector<SyntaxErrorInfo>* escape_warnings,
               std::vector<SyntaxErrorInfo>* token_warnings) {
  Tokenizer tok(std::string(utf8_source), filename);
  struct CopyWarnings {  // on every way out, errors included
    Tokenizer& tok;
    std::vector<SyntaxErrorInfo>* out;
    ~CopyWarnings() {
      if (out) out->insert(out->end(), tok.warnings().begin(), tok.warnings().end());
    }
  } copy_warnings{tok, token_warnings};
  Parser p(tok.buffer(), filename, arena, [&tok]() { return tok.next(); });
  p.escape_warnings_ = escape_warnings;
  p.set_eof_errors(&tok);
  try {
    return p.parse_module(mode);
  } catch (const SyntaxErrorException& e) {
    if (e.info.kind == SyntaxErrorInfo::Kind::TooComplex || p.tokenizer_failed_ ||
        p.no_rest_scan_)
      throw;
    // Like CPython, tokenize the rest of the input after a parser error: a tokenizer error
    // there replaces the parser's message; an unclosed bracket does only when it was
    // opened on an earlier line than the last token read.
    int err_line = p.furthest_line();
    if (p.pending_eof_error_) {
      if (p.pending_eof_error_->info.lineno < err_line) p.throw_eof_error();
      throw;
    }
    try {
      while (tok.next().kind != TokenKind::EndMarker) {
      }
    } catch (const SyntaxErrorException& te) {
      // Only errors CPython's tokenizer raises as exceptions count; those it merely flags
      // (indentation, tabs, line continuation, EOF) leave the parser's error in place.
      bool flagged = te.info.kind != SyntaxErrorInfo::Kind::SyntaxError ||
                     te.info.msg == "unexpected character after line continuation character" ||
                     te.info.msg == "unexpected EOF while parsing";
      if (tok.last_error_kind() == TokenizerErrorKind::Error && !flagged) throw;
      if (tok.last_error_kind() == TokenizerErrorKind::UnclosedBracket &&
          te.info.lineno < err_line)
        throw;
      // A flagged error inside brackets opened before the parser's error line is reported
      // as that bracket never being closed.
      if (flagged && !tok.open_brackets().empty() &&
          tok.open_brackets().back().line < err_line)
        throw unclosed_bracket_error(tok, filename);
    }
    throw;
  }
}

}  // namespace coil::fe
