// tokenizer.cpp — parser-mode tokenizer (CPython's C tokenizer semantics) and shared plumbing.
//
// The scanner walks raw pointers over a buffer that always ends in '\n' followed by the
// std::string NUL, so one byte of lookahead never needs a bounds check; only loops that can run
// across lines (strings, continuations) compare against end_. Error positions reproduce
// CPython's two reporting paths: errors the tokenizer raises itself (syntaxerror(): offset in
// code points up to the cursor, text without newline) and errors pegen raises for it
// (indentation, continuation, EOF: text with newline, offsets as pegen computes them).
#include "frontend/tokenizer.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "frontend/unicode_props.h"

namespace coil::fe {

namespace {

constexpr int kTabSize = 8;
constexpr size_t kMaxIndent = 100;  // CPython's MAXINDENT
constexpr size_t kMaxLevel = 200;   // CPython's MAXLEVEL (bracket nesting)

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_xdigit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool is_id_start_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 128;
}
inline bool is_id_byte(char c) { return is_id_start_byte(c) || is_digit(c); }

int cp_count(const char* from, const char* to) {
  return to > from ? count_code_points(std::string_view(from, to - from)) : 0;
}

}  // namespace

TokenKind match_operator(const char* p, int& len) {
  char c1 = p[0], c2 = p[1], c3 = c2 ? p[2] : 0;
  len = 3;
  switch (c1) {
    case '*': if (c2 == '*' && c3 == '=') return TokenKind::DoubleStarEqual; break;
    case '.': if (c2 == '.' && c3 == '.') return TokenKind::Ellipsis; break;
    case '/': if (c2 == '/' && c3 == '=') return TokenKind::DoubleSlashEqual; break;
    case '<': if (c2 == '<' && c3 == '=') return TokenKind::LeftShiftEqual; break;
    case '>': if (c2 == '>' && c3 == '=') return TokenKind::RightShiftEqual; break;
    default: break;
  }
  len = 2;
  switch (c1) {
    case '!': if (c2 == '=') return TokenKind::NotEqual; break;
    case '%': if (c2 == '=') return TokenKind::PercentEqual; break;
    case '&': if (c2 == '=') return TokenKind::AmperEqual; break;
    case '*':
      if (c2 == '*') return TokenKind::DoubleStar;
      if (c2 == '=') return TokenKind::StarEqual;
      break;
    case '+': if (c2 == '=') return TokenKind::PlusEqual; break;
    case '-':
      if (c2 == '=') return TokenKind::MinEqual;
      if (c2 == '>') return TokenKind::RArrow;
      break;
    case '/':
      if (c2 == '/') return TokenKind::DoubleSlash;
      if (c2 == '=') return TokenKind::SlashEqual;
      break;
    case ':': if (c2 == '=') return TokenKind::ColonEqual; break;
    case '<':
      if (c2 == '<') return TokenKind::LeftShift;
      if (c2 == '=') return TokenKind::LessEqual;
      if (c2 == '>') return TokenKind::NotEqual;  // "<>": only Barry as FLUFL accepts it
      break;
    case '=': if (c2 == '=') return TokenKind::EqEqual; break;
    case '>':
      if (c2 == '=') return TokenKind::GreaterEqual;
      if (c2 == '>') return TokenKind::RightShift;
      break;
    case '@': if (c2 == '=') return TokenKind::AtEqual; break;
    case '^': if (c2 == '=') return TokenKind::CircumflexEqual; break;
    case '|': if (c2 == '=') return TokenKind::VBarEqual; break;
    default: break;
  }
  len = 1;
  switch (c1) {
    case '%': return TokenKind::Percent;
    case '&': return TokenKind::Amper;
    case '(': return TokenKind::LPar;
    case ')': return TokenKind::RPar;
    case '*': return TokenKind::Star;
    case '+': return TokenKind::Plus;
    case ',': return TokenKind::Comma;
    case '-': return TokenKind::Minus;
    case '.': return TokenKind::Dot;
    case '/': return TokenKind::Slash;
    case ':': return TokenKind::Colon;
    case ';': return TokenKind::Semi;
    case '<': return TokenKind::Less;
    case '=': return TokenKind::Equal;
    case '>': return TokenKind::Greater;
    case '@': return TokenKind::At;
    case '[': return TokenKind::LSqb;
    case ']': return TokenKind::RSqb;
    case '^': return TokenKind::Circumflex;
    case '{': return TokenKind::LBrace;
    case '|': return TokenKind::VBar;
    case '}': return TokenKind::RBrace;
    case '~': return TokenKind::Tilde;
    default: return TokenKind::Op;  // '$', '?', '!', control bytes: the parser rejects them
  }
}

// ---------------------------------------------------------------------------------------------
// Construction and shared helpers

Tokenizer::Tokenizer(std::string source, std::string filename, TokenizerMode mode,
                     std::string encoding)
    : mode_(mode), buf_(std::move(source)), filename_(std::move(filename)),
      encoding_(std::move(encoding)) {
  if (mode_ == TokenizerMode::Parser) {
    // Universal newlines, then a guaranteed final '\n' (CPython's translate_newlines).
    if (buf_.find('\r') != std::string::npos) {
      size_t w = 0;
      for (size_t r = 0; r < buf_.size(); ++r) {
        char c = buf_[r];
        if (c == '\r') {
          c = '\n';
          if (r + 1 < buf_.size() && buf_[r + 1] == '\n') ++r;
        }
        buf_[w++] = c;
      }
      buf_.resize(w);
    }
    if (buf_.empty() || buf_.back() != '\n') buf_ += '\n';
  }
  p_ = buf_.data();
  end_ = p_ + buf_.size();
  line_start_ = p_;
}

void Tokenizer::compute_line_starts() {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  for (size_t i = 0; i < buf_.size(); ++i)
    if (buf_[i] == '\n' && i + 1 < buf_.size()) line_starts_.push_back(static_cast<uint32_t>(i + 1));
}

std::string_view Tokenizer::line_text(int lineno) const {
  const_cast<Tokenizer*>(this)->compute_line_starts();
  if (lineno < 1 || static_cast<size_t>(lineno) > line_starts_.size()) return {};
  size_t start = line_starts_[lineno - 1];
  size_t nl = buf_.find('\n', start);
  size_t stop = nl == std::string::npos ? buf_.size() : nl + 1;
  return std::string_view(buf_).substr(start, stop - start);
}

int Tokenizer::char_offset(int lineno, int col) const {
  std::string_view line = line_text(lineno);
  size_t n = std::min(static_cast<size_t>(std::max(col, 0)), line.size());
  return count_code_points(line.substr(0, n)) + 1;
}

Token Tokenizer::next() {
  return mode_ == TokenizerMode::Parser ? parser_next() : module_next();
}

std::vector<Token> Tokenizer::tokenize_all() {
  std::vector<Token> out;
  for (;;) {
    out.push_back(next());
    if (out.back().kind == TokenKind::EndMarker) return out;
  }
}

Token Tokenizer::make(TokenKind kind, const char* start, const char* end) {
  Token t;
  t.kind = kind;
  t.text = std::string_view(start, end - start);
  t.line = t.end_line = lineno_;
  t.col = static_cast<int>(start - line_start_);
  t.end_col = static_cast<int>(end - line_start_);
  return t;
}

void Tokenizer::newline_at(const char* nl) {
  ++lineno_;
  line_start_ = nl + 1;
}

// The current line without its newline (what tokenizer-raised errors carry as text).
static std::string line_without_newline(const char* line_start, const char* end) {
  const char* nl = static_cast<const char*>(std::memchr(line_start, '\n', end - line_start));
  return std::string(line_start, nl ? nl : end);
}

void Tokenizer::tok_error(const std::string& msg, const char* cur) {
  int off = cp_count(line_start_, cur);
  tok_error_range(msg, off, off);
}

void Tokenizer::tok_error_range(const std::string& msg, int col_offset, int end_col_offset) {
  last_error_ = TokenizerErrorKind::Error;
  SyntaxErrorInfo info;
  info.msg = msg;
  info.filename = filename_;
  info.lineno = info.end_lineno = lineno_;
  info.offset = col_offset;
  info.end_offset = end_col_offset;
  info.text = line_without_newline(line_start_, end_);
  throw SyntaxErrorException{std::move(info)};
}

void Tokenizer::pegen_error(SyntaxErrorInfo::Kind kind, const std::string& msg, int offset,
                            int end_offset, TokenizerErrorKind why) {
  last_error_ = why;
  SyntaxErrorInfo info;
  info.kind = kind;
  info.msg = msg;
  info.filename = filename_;
  info.lineno = info.end_lineno = lineno_;
  info.offset = offset;
  info.end_offset = end_offset;
  info.text = std::string(line_text(lineno_));
  throw SyntaxErrorException{std::move(info)};
}

// ---------------------------------------------------------------------------------------------
// Parser mode

Token Tokenizer::parser_next() {
  for (;;) {
    if (pending_ != 0) {
      Token t;
      t.kind = pending_ < 0 ? TokenKind::Dedent : TokenKind::Indent;
      pending_ += pending_ < 0 ? 1 : -1;
      if (p_ == end_) {  // dedents at EOF sit on the last line, like CPython's
        std::string_view last = line_text(lineno_ - 1);
        t.line = t.end_line = lineno_ - 1;
        t.col = t.end_col = static_cast<int>(last.size());
        t.text = std::string_view(end_, 0);
      } else {
        t.line = t.end_line = lineno_;
        t.col = t.end_col = static_cast<int>(pending_pos_ - line_start_);
        t.text = t.kind == TokenKind::Indent
                     ? std::string_view(line_start_, pending_pos_ - line_start_)
                     : std::string_view(pending_pos_, 0);
      }
      return t;
    }
    if (done_) break;
    if (atbol_) {
      atbol_ = false;
      if (parser_indentation()) continue;
    }
    // Skip blanks between tokens (CPython's `again:` label).
    for (;;) {
      while (*p_ == ' ' || *p_ == '\t' || *p_ == '\f') ++p_;
      const char* start = p_;
      if (p_ == end_) {
        if (!brackets_.empty()) {
          const OpenBracket& b = brackets_.back();
          std::string_view line = line_text(b.line);
          last_error_ = TokenizerErrorKind::UnclosedBracket;
          SyntaxErrorInfo info;
          info.msg = std::string("'") + b.ch + "' was never closed";
          info.filename = filename_;
          info.lineno = info.end_lineno = b.line;
          info.offset = char_offset(b.line, b.col);
          info.end_offset = 0;
          // pegen takes the text from its line buffer when the bracket is on the last line
          // (newline kept), else from the source string (newline dropped).
          bool keep_nl = b.line == lineno_ - 1 || !line.ends_with('\n');
          info.text = std::string(keep_nl ? line : line.substr(0, line.size() - 1));
          throw SyntaxErrorException{std::move(info)};
        }
        done_ = true;
        break;
      }
      char c = *p_;
      if (c == '#') {
        p_ = static_cast<const char*>(std::memchr(p_, '\n', end_ - p_));
        c = '\n';
      }
      if (c == '\n') {
        const char* nl = p_++;
        bool skip = blankline_ || !brackets_.empty();
        blankline_ = false;
        Token t;
        if (!skip) {
          t = make(TokenKind::Newline, start, nl);
          t.text = std::string_view(nl, 0);
        }
        newline_at(nl);
        atbol_ = true;
        if (skip) break;  // next line: back to indentation handling
        return t;
      }
      if (c == '\\') {
        const char* bs = p_;
        const char* bs_line_start = line_start_;
        if (bs[1] != '\n') {
          pegen_error(SyntaxErrorInfo::Kind::SyntaxError,
                      "unexpected character after line continuation character",
                      cp_count(line_start_, bs + 1) + 1, 0);
        }
        p_ = bs + 2;
        if (p_ == end_) {
          pegen_error(SyntaxErrorInfo::Kind::SyntaxError, "unexpected EOF while parsing",
                      cp_count(bs_line_start, end_), -1, TokenizerErrorKind::EofInContinuation);
        }
        newline_at(bs + 1);
        continue;
      }
      if (is_id_start_byte(c)) return scan_name(start);
      if (is_digit(c) || (c == '.' && is_digit(p_[1]))) return scan_number(start);
      if (c == '"' || c == '\'') return scan_string(start, start);

      // CPython's tokenizer rejects a control byte where a token would start.
      if (unsigned char uc = static_cast<unsigned char>(c); (uc < 0x20 && uc != 0) || uc == 0x7f) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(uc));
        tok_error(buf, p_ + 1);
      }
      int len;
      TokenKind kind = match_operator(p_, len);
      p_ += len;
      switch (c) {
        case '(':
        case '[':
        case '{':
          if (brackets_.size() >= kMaxLevel) tok_error("too many nested parentheses", p_);
          brackets_.push_back({c, lineno_, static_cast<int>(start - line_start_)});
          break;
        case ')':
        case ']':
        case '}': {
          if (brackets_.empty()) tok_error(std::string("unmatched '") + c + "'", p_);
          OpenBracket open = brackets_.back();
          brackets_.pop_back();
          char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
          if (c != want) {
            std::string msg = std::string("closing parenthesis '") + c +
                              "' does not match opening parenthesis '" + open.ch + "'";
            if (open.line != lineno_) msg += " on line " + std::to_string(open.line);
            tok_error(msg, p_);
          }
          break;
        }
        default:
          break;
      }
      return make(kind, start, p_);
    }
    if (done_) break;
  }
  // ENDMARKER: CPython leaves it on the last line, its column past the final newline.
  Token t;
  t.kind = TokenKind::EndMarker;
  t.line = t.end_line = lineno_ - 1;
  t.col = t.end_col = static_cast<int>(line_text(lineno_ - 1).size());
  t.text = std::string_view(end_, 0);
  return t;
}

bool Tokenizer::parser_indentation() {
  int col = 0, altcol = 0, cont_line_col = 0;
  for (;;) {
    char c = *p_;
    if (p_ == end_) break;
    if (c == ' ') {
      ++col;
      ++altcol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++altcol;
    } else if (c == '\f') {
      col = altcol = 0;
    } else if (c == '\\') {
      // A continuation inside the indentation: the first backslash's column counts.
      cont_line_col = cont_line_col ? cont_line_col : col;
      const char* bs = p_;
      const char* bs_line_start = line_start_;
      if (bs[1] != '\n')
        pegen_error(SyntaxErrorInfo::Kind::SyntaxError,
                    "unexpected character after line continuation character",
                    cp_count(line_start_, bs + 1) + 1, 0);
      p_ = bs + 2;
      if (p_ == end_)
        pegen_error(SyntaxErrorInfo::Kind::SyntaxError, "unexpected EOF while parsing",
                    cp_count(bs_line_start, end_), -1, TokenizerErrorKind::EofInContinuation);
      newline_at(bs + 1);
      continue;
    } else {
      break;
    }
    ++p_;
  }
  char c = p_ == end_ ? '\0' : *p_;
  // Lines holding only blanks and/or a comment do not affect indentation.
  blankline_ = p_ != end_ && (c == '#' || c == '\n');
  if (!blankline_ && brackets_.empty()) {
    if (cont_line_col) col = altcol = cont_line_col;
    const char* line_end = p_ == end_ ? end_
                                      : static_cast<const char*>(std::memchr(p_, '\n', end_ - p_)) + 1;
    auto tab_error = [&] {
      pegen_error(SyntaxErrorInfo::Kind::TabError,
                  "inconsistent use of tabs and spaces in indentation", 1, 0);
    };
    if (p_ == end_) {
      // At EOF every open block closes; nothing can be inconsistent.
      pending_ -= static_cast<int>(indents_.size() - 1);
      indents_.resize(1);
    } else if (col == indents_.back().col) {
      if (altcol != indents_.back().altcol) tab_error();
    } else if (col > indents_.back().col) {
      if (indents_.size() >= kMaxIndent)
        pegen_error(SyntaxErrorInfo::Kind::IndentationError, "too many levels of indentation", 1,
                    0);
      if (altcol <= indents_.back().altcol) tab_error();
      ++pending_;
      indents_.push_back({col, altcol});
    } else {
      while (indents_.size() > 1 && col < indents_.back().col) {
        --pending_;
        indents_.pop_back();
      }
      if (col != indents_.back().col)
        pegen_error(SyntaxErrorInfo::Kind::IndentationError,
                    "unindent does not match any outer indentation level",
                    cp_count(line_start_, line_end), -1);
      if (altcol != indents_.back().altcol) tab_error();
    }
  }
  pending_pos_ = p_;
  return pending_ != 0;
}

Token Tokenizer::scan_name(const char* start) {
  const char* p = start;
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  for (;;) {
    char c = *p;
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
      saw_b = true;
    else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
      saw_u = true;
    else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
      saw_r = true;
    else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
      saw_f = true;
    else
      break;
    ++p;
    if (*p == '"' || *p == '\'') return scan_string(start, p);
  }
  bool nonascii = false;
  while (is_id_byte(*p)) {
    nonascii |= static_cast<unsigned char>(*p) >= 128;
    ++p;
  }
  p_ = p;
  if (nonascii) {
    // PEP 3131: XID_Start then XID_Continue; report the first offending character.
    std::string_view text(start, p - start);
    size_t i = 0;
    bool first = true;
    while (i < text.size()) {
      size_t at = i;
      char32_t ch = decode_utf8_at(text, i);
      bool ok = first ? (ch == '_' || is_xid_start(ch)) : is_xid_continue(ch);
      first = false;
      if (ok) continue;
      char buf[64];
      if (is_printable(ch)) {
        std::string chs(text.substr(at, i - at));
        std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(ch));
        tok_error("invalid character '" + chs + "'" + buf, start + i);
      }
      std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                    static_cast<unsigned>(ch));
      tok_error(buf, start + i);
    }
  }
  return make(TokenKind::Name, start, p);
}

Token Tokenizer::scan_string(const char* start, const char* quote) {
  const char q = *quote;
  const char* p = quote + 1;
  int quote_size = 1, end_quote_size = 0;
  const int first_line = lineno_;
  const char* first_line_start = line_start_;
  if (*p == q) {
    if (p[1] == q) {
      quote_size = 3;
      p += 2;
    } else {
      end_quote_size = 1;  // the empty string
      ++p;
    }
  }
  while (end_quote_size != quote_size) {
    if (p == end_ || (quote_size == 1 && *p == '\n')) {
      // Report from the opening quote's line, naming the line where the scan gave up.
      int detected = p == end_ ? lineno_ - 1 : lineno_;
      lineno_ = first_line;
      line_start_ = first_line_start;
      char msg[96];
      std::snprintf(msg, sizeof msg,
                    quote_size == 3
                        ? "unterminated triple-quoted string literal (detected at line %d)"
                        : "unterminated string literal (detected at line %d)",
                    detected);
      tok_error(msg, start + 1);
    }
    char c = *p++;
    if (c == q) {
      ++end_quote_size;
    } else {
      end_quote_size = 0;
      if (c == '\n') {
        newline_at(p - 1);
      } else if (c == '\\' && p < end_) {
        if (*p == '\n') newline_at(p);
        ++p;
      }
    }
  }
  p_ = p;
  Token t;
  t.kind = TokenKind::String;
  t.text = std::string_view(start, p - start);
  t.line = first_line;
  t.col = static_cast<int>(start - first_line_start);
  t.end_line = lineno_;
  t.end_col = static_cast<int>(p - line_start_);
  return t;
}

const char* Tokenizer::decimal_tail(const char* p) {
  for (;;) {
    while (is_digit(*p)) ++p;
    if (*p != '_') return p;
    ++p;
    if (!is_digit(*p)) tok_error("invalid decimal literal", p);
  }
}

// CPython's verify_end_of_number: `c` is *p (just read). A literal glued to one of the
// keywords that may follow a number in valid code only warns; glued to any other name
// character it is an error. Returns normally if the literal may end here.
bool Tokenizer::verify_end_of_number(const char*& p, const char* kind) {
  auto keyword_follows = [&](const char* rest) {
    size_t n = std::strlen(rest);
    return std::strncmp(p + 1, rest, n) == 0 && !is_id_byte(p[1 + n]);
  };
  char c = *p;
  bool r = false;
  switch (c) {
    case 'a': r = keyword_follows("nd"); break;
    case 'e': r = keyword_follows("lse"); break;
    case 'f': r = keyword_follows("or"); break;
    case 'i': r = p[1] == 'f' || p[1] == 'n' || p[1] == 's'; break;
    case 'o': r = keyword_follows("r"); break;
    case 'n': r = keyword_follows("ot"); break;
    default: break;
  }
  if (r) {
    SyntaxErrorInfo w;
    w.msg = std::string("invalid ") + kind + " literal";
    w.filename = filename_;
    w.lineno = w.end_lineno = lineno_;
    w.offset = w.end_offset = cp_count(line_start_, p);
    w.text = line_without_newline(line_start_, end_);
    warnings_.push_back(std::move(w));
  } else if (is_id_byte(c)) {
    // 3.11.2 counts any non-ASCII byte as a name character here (later 3.11 releases leave
    // it to the next token).
    tok_error(std::string("invalid ") + kind + " literal", p);
  }
  return true;
}

Token Tokenizer::scan_number(const char* start) {
  const char* p = start;
  if (*p == '.') {
    ++p;
    goto fraction;
  }
  if (*p == '0') {
    ++p;
    char c = *p;
    if (c == 'x' || c == 'X') {
      ++p;
      do {
        if (*p == '_') ++p;
        if (!is_xdigit(*p)) tok_error("invalid hexadecimal literal", p);
        while (is_xdigit(*p)) ++p;
      } while (*p == '_');
      verify_end_of_number(p, "hexadecimal");
    } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      const bool octal = c == 'o' || c == 'O';
      const char top = octal ? '8' : '2';
      const char* kind = octal ? "octal" : "binary";
      ++p;
      do {
        if (*p == '_') ++p;
        if (*p < '0' || *p >= top) {
          if (is_digit(*p))
            tok_error(std::string("invalid digit '") + *p + "' in " + kind + " literal", p + 1);
          tok_error(std::string("invalid ") + kind + " literal", p);
        }
        while (*p >= '0' && *p < top) ++p;
      } while (*p == '_');
      if (is_digit(*p))
        tok_error(std::string("invalid digit '") + *p + "' in " + kind + " literal", p + 1);
      verify_end_of_number(p, kind);
    } else {
      // "0", "00", "0_0", or a float/imaginary with leading zeros; "0777" is an error.
      bool nonzero = false;
      for (;;) {
        if (*p == '_') {
          ++p;
          if (!is_digit(*p)) tok_error("invalid decimal literal", p);
        }
        if (*p != '0') break;
        ++p;
      }
      const char* zeros_end = p + 1;
      if (is_digit(*p)) {
        nonzero = true;
        p = decimal_tail(p);
      }
      if (*p == '.') {
        ++p;
        goto fraction;
      }
      if (*p == 'e' || *p == 'E') goto exponent;
      if (*p == 'j' || *p == 'J') goto imaginary;
      if (nonzero)
        tok_error_range(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
            "octal integers",
            static_cast<int>(start + 1 - line_start_), static_cast<int>(zeros_end - line_start_));
      verify_end_of_number(p, "decimal");
    }
    p_ = p;
    return make(TokenKind::Number, start, p);
  }
  p = decimal_tail(p);
  if (*p == '.') {
    ++p;
  fraction:
    if (is_digit(*p)) p = decimal_tail(p);
  }
  if (*p == 'e' || *p == 'E') {
  exponent:
    const char* e = p++;
    if (*p == '+' || *p == '-') {
      ++p;
      if (!is_digit(*p)) tok_error("invalid decimal literal", p);
    } else if (!is_digit(*p)) {
      // "1else": the 'e' starts a keyword, so the number ends before it.
      p = e;
      verify_end_of_number(p, "decimal");
      p_ = e;
      return make(TokenKind::Number, start, e);
    }
    p = decimal_tail(p);
  }
  if (*p == 'j' || *p == 'J') {
  imaginary:
    ++p;
    verify_end_of_number(p, "imaginary");
  } else {
    verify_end_of_number(p, "decimal");
  }
  p_ = p;
  return make(TokenKind::Number, start, p);
}

}  // namespace coil::fe
