// py_tokenize.cpp — TokenizeModule mode: the token stream of CPython 3.11's Lib/tokenize.py.
//
// tokenize.py reads one physical line at a time (split on '\n' only) and matches a regex,
// PseudoToken = Whitespace + (PseudoExtras | Number | Funny | ContStr | Name), at each
// position; the first alternative that matches wins (ordered alternation, not longest match).
// The matchers below are hand-written equivalents of those regexes, in the same order, and
// module_line() follows the generator's control flow, including its quirks (a lone quote
// becomes ERRORTOKEN, `needcont` is never reset after an ERRORTOKEN, parenlev can go
// negative). Token columns are byte columns like everywhere else; `--dump tokens` converts
// them to the code-point columns tokenize.py prints.
#include "frontend/tokenizer.h"

#include "frontend/unicode_props.h"

namespace coil::fe {

namespace {

constexpr size_t kNoMatch = std::string_view::npos;
constexpr int kTabSize = 8;

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_xdigit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline char at(std::string_view s, size_t i) { return i < s.size() ? s[i] : '\0'; }

// [0-9](?:_?[0-9])*
size_t digitpart(std::string_view s, size_t i) {
  if (!is_digit(at(s, i))) return kNoMatch;
  ++i;
  for (;;) {
    if (at(s, i) == '_' && is_digit(at(s, i + 1)))
      i += 2;
    else if (is_digit(at(s, i)))
      ++i;
    else
      return i;
  }
}

// [eE][-+]?[0-9](?:_?[0-9])*
size_t exponent(std::string_view s, size_t i) {
  char c = at(s, i);
  if (c != 'e' && c != 'E') return kNoMatch;
  ++i;
  if (at(s, i) == '+' || at(s, i) == '-') ++i;
  return digitpart(s, i);
}

// (digitpart '.' digitpart? | '.' digitpart) exponent?
size_t pointfloat(std::string_view s, size_t i) {
  size_t e;
  size_t a = digitpart(s, i);
  if (a != kNoMatch && at(s, a) == '.') {
    e = a + 1;
    size_t d = digitpart(s, e);
    if (d != kNoMatch) e = d;
  } else if (at(s, i) == '.') {
    e = digitpart(s, i + 1);
    if (e == kNoMatch) return kNoMatch;
  } else {
    return kNoMatch;
  }
  size_t x = exponent(s, e);
  return x != kNoMatch ? x : e;
}

size_t expfloat(std::string_view s, size_t i) {
  size_t a = digitpart(s, i);
  return a == kNoMatch ? kNoMatch : exponent(s, a);
}

size_t floatnumber(std::string_view s, size_t i) {
  size_t f = pointfloat(s, i);
  return f != kNoMatch ? f : expfloat(s, i);
}

bool is_j(char c) { return c == 'j' || c == 'J'; }

size_t imagnumber(std::string_view s, size_t i) {
  size_t a = digitpart(s, i);
  if (a != kNoMatch && is_j(at(s, a))) return a + 1;
  size_t f = pointfloat(s, i);
  if (f != kNoMatch && is_j(at(s, f))) return f + 1;
  f = expfloat(s, i);
  if (f != kNoMatch && is_j(at(s, f))) return f + 1;
  return kNoMatch;
}

// 0[xX](?:_?[0-9a-fA-F])+ and friends: a radix prefix then at least one (_?digit).
template <typename Pred>
size_t radix_int(std::string_view s, size_t i, char lower, Pred digit) {
  if (at(s, i) != '0' || (at(s, i + 1) | 0x20) != lower) return kNoMatch;
  size_t j = i + 2, start = j;
  for (;;) {
    if (at(s, j) == '_' && digit(at(s, j + 1)))
      j += 2;
    else if (digit(at(s, j)))
      ++j;
    else
      break;
  }
  return j == start ? kNoMatch : j;
}

size_t intnumber(std::string_view s, size_t i) {
  size_t r = radix_int(s, i, 'x', is_xdigit);
  if (r == kNoMatch) r = radix_int(s, i, 'b', [](char c) { return c == '0' || c == '1'; });
  if (r == kNoMatch) r = radix_int(s, i, 'o', [](char c) { return c >= '0' && c <= '7'; });
  if (r != kNoMatch) return r;
  char c = at(s, i);
  if (c == '0') {  // 0(?:_?0)*
    size_t j = i + 1;
    for (;;) {
      if (at(s, j) == '_' && at(s, j + 1) == '0')
        j += 2;
      else if (at(s, j) == '0')
        ++j;
      else
        return j;
    }
  }
  if (c >= '1' && c <= '9') return digitpart(s, i);
  return kNoMatch;
}

size_t number(std::string_view s, size_t i) {
  size_t r = imagnumber(s, i);
  if (r == kNoMatch) r = floatnumber(s, i);
  if (r == kNoMatch) r = intnumber(s, i);
  return r;
}

// Length of a valid string prefix (any case of '', b, r, u, f, br, rb, fr, rf) at s[i] that is
// directly followed by a quote; kNoMatch if there is none.
size_t string_prefix(std::string_view s, size_t i) {
  auto lower = [&](size_t k) { return static_cast<char>(at(s, k) | 0x20); };
  auto quote = [&](size_t k) { return at(s, k) == '\'' || at(s, k) == '"'; };
  if (quote(i)) return 0;
  char a = lower(i);
  if ((a == 'b' || a == 'r' || a == 'u' || a == 'f') && quote(i + 1)) return 1;
  char b = lower(i + 1);
  bool two = (a == 'b' && b == 'r') || (a == 'r' && b == 'b') || (a == 'f' && b == 'r') ||
             (a == 'r' && b == 'f');
  if (two && quote(i + 2)) return 2;
  return kNoMatch;
}

// Rest of a single-quoted string on its first line (ContStr after the opening quote at j):
// ends at the closing quote or at a backslash-newline (a continued string).
size_t contstr_body(std::string_view s, size_t j, char q) {
  for (;;) {
    if (j >= s.size()) return kNoMatch;
    char c = s[j];
    if (c == q) return j + 1;
    if (c == '\n') return kNoMatch;
    if (c == '\\') {
      if (at(s, j + 1) == '\n') return j + 2;
      if (at(s, j + 1) == '\r' && at(s, j + 2) == '\n') return j + 3;
      if (j + 1 >= s.size()) return kNoMatch;
      j += 2;
    } else {
      ++j;
    }
  }
}

// Tail patterns Single/Double (triple=false) and Single3/Double3 (triple=true).
size_t string_tail(std::string_view s, size_t j, char q, bool triple) {
  for (;;) {
    if (j >= s.size()) return kNoMatch;
    char c = s[j];
    if (c == q && (!triple || (at(s, j + 1) == q && at(s, j + 2) == q))) return j + (triple ? 3 : 1);
    if (c == '\\') {
      if (j + 1 >= s.size() || s[j + 1] == '\n') return kNoMatch;
      j += 2;
    } else {
      ++j;
    }
  }
}

// \w+ (Unicode word characters).
size_t name(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    auto b = static_cast<unsigned char>(s[j]);
    if (b < 0x80) {
      if (!(is_digit(b) || b == '_' || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))) break;
      ++j;
    } else {
      size_t k = j;
      if (!is_word_char(decode_utf8_at(s, k))) break;
      j = k;
    }
  }
  return j == i ? kNoMatch : j;
}

bool initial_is_identifier(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return b == '_' || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
  return is_xid_start(decode_utf8_at(s, i));
}

size_t utf8_len(char lead) {
  auto b = static_cast<unsigned char>(lead);
  return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
}

// Code point length of a line prefix, as tokenize.py's str indices count it.
int cp_len(std::string_view s) { return count_code_points(s); }

}  // namespace

void Tokenizer::set_undecodable_line(int lineno, std::string message) {
  bad_line_ = lineno;
  bad_line_msg_ = std::move(message);
}

void Tokenizer::push(TokenKind kind, std::string_view text, int line, int col, int end_line,
                     int end_col) {
  Token t;
  t.kind = kind;
  t.text = text;
  t.line = line;
  t.col = col;
  t.end_line = end_line;
  t.end_col = end_col;
  queue_.push_back(t);
}

void Tokenizer::module_error(const std::string& msg, int lineno, int col,
                             SyntaxErrorInfo::Kind kind) {
  last_error_ = TokenizerErrorKind::Error;
  SyntaxErrorInfo info;
  info.kind = kind;
  info.msg = msg;
  info.filename = filename_;
  info.lineno = info.end_lineno = lineno;
  info.offset = info.end_offset = col;
  info.text = std::string(line_text(lineno));
  throw SyntaxErrorException{std::move(info)};
}

Token Tokenizer::module_next() {
  if (!sent_encoding_) {
    sent_encoding_ = true;
    if (!encoding_.empty()) {
      Token t;
      t.kind = TokenKind::Encoding;
      t.text = encoding_;
      return t;
    }
  }
  while (queue_.empty() && !finished_) module_fill();
  if (!queue_.empty()) {
    Token t = queue_.front();
    queue_.pop_front();
    return t;
  }
  Token t;  // past the end: ENDMARKER again
  t.kind = TokenKind::EndMarker;
  t.line = t.end_line = lnum_;
  return t;
}

bool Tokenizer::module_fill() {
  last_line_ = line_;
  if (next_line_ >= buf_.size()) {
    line_ = std::string_view(buf_.data() + buf_.size(), 0);
  } else {
    size_t nl = buf_.find('\n', next_line_);
    size_t stop = nl == std::string::npos ? buf_.size() : nl + 1;
    line_ = std::string_view(buf_).substr(next_line_, stop - next_line_);
    next_line_ = stop;
  }
  ++lnum_;
  if (bad_line_ && lnum_ == bad_line_) {
    // tokenize.py decodes each line as it reads it; the CLI reports "unexpected error".
    last_error_ = TokenizerErrorKind::Error;
    SyntaxErrorInfo info;
    info.msg = bad_line_msg_;
    info.filename = filename_;
    info.offset = -1;
    throw SyntaxErrorException{std::move(info)};
  }
  module_line(line_);
  return !finished_;
}

void Tokenizer::module_line(std::string_view line) {
  const int lnum = lnum_;
  const size_t max = line.size();
  size_t pos = 0;
  const char* base = line.data();
  auto col = [&](size_t i) { return static_cast<int>(i); };

  if (in_contstr_) {
    if (line.empty()) {
      int c = cp_len(line_text(strstart_line_).substr(0, strstart_col_));
      module_error("EOF in multi-line string", strstart_line_, c, SyntaxErrorInfo::Kind::SyntaxError);
    }
    size_t end = string_tail(line, 0, static_cast<char>(endquote_kind_ & 0xFF),
                             (endquote_kind_ >> 8) != 0);
    const char* str_begin = buf_.data() + contstr_start_;
    if (end != kNoMatch) {
      pos = end;
      std::string_view whole(str_begin, base + end - str_begin);
      push(TokenKind::String, whole, strstart_line_, strstart_col_, lnum, col(end));
      in_contstr_ = false;
      needcont_ = false;
    } else if (needcont_ && !line.ends_with("\\\n") && !line.ends_with("\\\r\n")) {
      std::string_view whole(str_begin, base + max - str_begin);
      push(TokenKind::ErrorToken, whole, strstart_line_, strstart_col_, lnum, col(max));
      in_contstr_ = false;
      return;
    } else {
      return;  // the string goes on
    }
  } else if (parenlev_ == 0 && !continued_) {  // a new statement
    if (line.empty()) {
      module_finish();
      return;
    }
    int column = 0;
    while (pos < max) {
      char c = line[pos];
      if (c == ' ')
        ++column;
      else if (c == '\t')
        column = (column / kTabSize + 1) * kTabSize;
      else if (c == '\f')
        column = 0;
      else
        break;
      ++pos;
    }
    if (pos == max) {  // blanks only, without a newline: the last line
      module_finish();
      return;
    }
    char c = line[pos];
    if (c == '#' || c == '\r' || c == '\n') {  // comment-only or blank line
      if (c == '#') {
        size_t stop = max;
        while (stop > pos && (line[stop - 1] == '\r' || line[stop - 1] == '\n')) --stop;
        push(TokenKind::Comment, line.substr(pos, stop - pos), lnum, col(pos), lnum, col(stop));
        pos = stop;
      }
      push(TokenKind::NL, line.substr(pos), lnum, col(pos), lnum, col(max));
      return;
    }
    if (column > mod_indents_.back()) {
      mod_indents_.push_back(column);
      push(TokenKind::Indent, line.substr(0, pos), lnum, 0, lnum, col(pos));
    }
    while (column < mod_indents_.back()) {
      bool known = false;
      for (int ind : mod_indents_) known |= ind == column;
      if (!known)
        module_error("unindent does not match any outer indentation level", lnum, col(pos),
                     SyntaxErrorInfo::Kind::IndentationError);
      mod_indents_.pop_back();
      push(TokenKind::Dedent, line.substr(pos, 0), lnum, col(pos), lnum, col(pos));
    }
  } else {  // a continued statement
    if (line.empty()) module_error("EOF in multi-line statement", lnum, 0, SyntaxErrorInfo::Kind::SyntaxError);
    continued_ = false;
  }

  while (pos < max) {
    size_t start = pos;
    while (start < max && (line[start] == ' ' || line[start] == '\f' || line[start] == '\t'))
      ++start;
    // PseudoExtras | Number | Funny | ContStr | Name, first match wins.
    size_t end = kNoMatch;
    enum class Alt { Empty, Continuation, Comment, Triple, Number, Newline, Op, ContStr, Name };
    Alt alt = Alt::Empty;
    char c = at(line, start);
    size_t plen = kNoMatch;
    if (c == '\\' && at(line, start + 1) == '\n') {
      end = start + 2, alt = Alt::Continuation;
    } else if (c == '\\' && at(line, start + 1) == '\r' && at(line, start + 2) == '\n') {
      end = start + 3, alt = Alt::Continuation;
    } else if (start == max) {
      end = start, alt = Alt::Empty;
    } else if (c == '#') {
      end = start;
      while (end < max && line[end] != '\r' && line[end] != '\n') ++end;
      alt = Alt::Comment;
    } else if ((plen = string_prefix(line, start)) != kNoMatch &&
               at(line, start + plen + 1) == at(line, start + plen) &&
               at(line, start + plen + 2) == at(line, start + plen)) {
      end = start + plen + 3, alt = Alt::Triple;
    } else if ((is_digit(c) || c == '.') && (end = number(line, start)) != kNoMatch) {
      alt = Alt::Number;
    } else if (c == '\n') {
      end = start + 1, alt = Alt::Newline;
    } else if (c == '\r' && at(line, start + 1) == '\n') {
      end = start + 2, alt = Alt::Newline;
    } else {
      int len = 0;
      TokenKind k = match_operator(line.data() + start, len);
      if (k == TokenKind::NotEqual && line[start] == '<') k = TokenKind::Less, len = 1;
      if (k != TokenKind::Op) {
        end = start + len, alt = Alt::Op;
      } else if (plen != kNoMatch &&
                 (end = contstr_body(line, start + plen + 1, line[start + plen])) != kNoMatch) {
        alt = Alt::ContStr;
      } else if ((end = name(line, start)) != kNoMatch) {
        alt = Alt::Name;
      }
    }
    if (end == kNoMatch) {  // nothing matched: one ERRORTOKEN character (maybe a blank)
      size_t n = utf8_len(line[pos]);
      push(TokenKind::ErrorToken, line.substr(pos, n), lnum, col(pos), lnum, col(pos) + 1);
      pos += n;
      continue;
    }
    pos = end;
    if (start == end) continue;
    std::string_view token = line.substr(start, end - start);
    switch (alt) {
      case Alt::Number:
        push(TokenKind::Number, token, lnum, col(start), lnum, col(end));
        break;
      case Alt::Newline:
        push(parenlev_ > 0 ? TokenKind::NL : TokenKind::Newline, token, lnum, col(start), lnum,
             col(end));
        break;
      case Alt::Comment:
        push(TokenKind::Comment, token, lnum, col(start), lnum, col(end));
        break;
      case Alt::Triple: {
        char q = line[end - 1];
        size_t close = string_tail(line, pos, q, true);
        if (close != kNoMatch) {
          pos = close;
          push(TokenKind::String, line.substr(start, close - start), lnum, col(start), lnum,
               col(close));
        } else {
          strstart_line_ = lnum, strstart_col_ = col(start);
          contstr_start_ = (base - buf_.data()) + start;
          endquote_kind_ = (1 << 8) | static_cast<unsigned char>(q);
          in_contstr_ = true;
          return;
        }
        break;
      }
      case Alt::ContStr:
        if (token.back() == '\n') {  // continued on the next line
          strstart_line_ = lnum, strstart_col_ = col(start);
          contstr_start_ = (base - buf_.data()) + start;
          endquote_kind_ = static_cast<unsigned char>(line[start + plen]);
          needcont_ = true;
          in_contstr_ = true;
          return;
        }
        push(TokenKind::String, token, lnum, col(start), lnum, col(end));
        break;
      case Alt::Continuation:
        continued_ = true;
        break;
      case Alt::Name:
        if (initial_is_identifier(line, start)) {
          push(TokenKind::Name, token, lnum, col(start), lnum, col(end));
          break;
        }
        push(TokenKind::Op, token, lnum, col(start), lnum, col(end));  // e.g. "²": OP
        break;
      case Alt::Op: {
        char o = token[0];
        if (o == '(' || o == '[' || o == '{') ++parenlev_;
        if (o == ')' || o == ']' || o == '}') --parenlev_;
        int len = 0;
        push(match_operator(token.data(), len), token, lnum, col(start), lnum, col(end));
        break;
      }
      case Alt::Empty:
        break;
    }
  }
}

void Tokenizer::module_finish() {
  finished_ = true;
  std::string_view last = last_line_;
  if (!last.empty() && last.back() != '\r' && last.back() != '\n') {
    size_t i = 0;
    while (i < last.size() && (last[i] == ' ' || last[i] == '\t' || last[i] == '\f' ||
                               last[i] == '\v' || (last[i] >= '\x1c' && last[i] <= '\x1f')))
      ++i;
    if (at(last, i) != '#') {
      int n = static_cast<int>(last.size());
      push(TokenKind::Newline, std::string_view(last.data() + last.size(), 0), lnum_ - 1, n,
           lnum_ - 1, n + 1);
    }
  }
  std::string_view empty(buf_.data() + buf_.size(), 0);
  for (size_t i = 1; i < mod_indents_.size(); ++i)
    push(TokenKind::Dedent, empty, lnum_, 0, lnum_, 0);
  mod_indents_.resize(1);
  push(TokenKind::EndMarker, empty, lnum_, 0, lnum_, 0);
}

}  // namespace coil::fe
