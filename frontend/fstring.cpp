// fstring.cpp — adjacent string literals and f-strings -> Constant / JoinedStr, as 3.11 builds
// them.
//
// Python 3.11 still parses f-strings outside the tokenizer: the whole f-string is one STRING
// token whose body is split here into literal text and `{expr!conv:spec}` fields. Each
// field's expression text is re-parsed as "(expr)" by a sub-parser whose token positions are
// shifted onto the original source exactly the way CPython's fstring_find_expr_location
// does it (only tokens on the field's first line get the column shift). Literal parts and
// FormattedValue nodes carry the span of the whole concatenation, as in 3.11.
#include <memory>

#include "frontend/parser_impl.h"
#include "frontend/string_literal.h"
#include "frontend/tokenizer.h"

namespace coil::fe {

namespace {

struct Span {
  int line, col, end_line, end_col;
};

template <class T>
T* place(T* n, const Span& s) {
  n->lineno = s.line;
  n->col_offset = s.col;
  n->end_lineno = s.end_line;
  n->end_col_offset = s.end_col;
  return n;
}

// Accumulates JoinedStr values, merging adjacent literal text.
struct FStringBuilder {
  std::vector<ExprNode*> values;
  std::string pending;
  bool kind_u = false;

  void flush(Parser& p, const Span& span) {
    if (pending.empty()) return;
    auto* c = p.make<Constant>();
    c->value.kind = ConstValue::Kind::Str;
    c->value.text = std::move(pending);
    if (kind_u) c->kind = std::string("u");
    values.push_back(place(c, span));
    pending.clear();
  }
};

class FStringScanner {
 public:
  // `whole`: the span of the entire concatenation, which FormattedValue nodes carry.
  FStringScanner(Parser& p, const PTok& tok, const StringToken& st, const Span& whole)
      : p_(p), tok_(tok), st_(st), whole_(whole), body_(st.body) {}

  // Scans body_[i..]: literal text and fields into `b`, until the end (depth 0) or a '}'
  // closing a format spec (depth > 0). Returns the index where it stopped.
  size_t parse(size_t i, int depth, FStringBuilder& b, const Span& span) {
    size_t n = body_.size();
    while (i < n) {
      size_t lit_start = i;
      bool doubled = false;
      // Find the literal run.
      while (i < n) {
        char ch = body_[i++];
        if (!st_.raw && ch == '\\' && i < n) {
          ch = body_[i++];
          if (ch == 'N') {
            if (i < n && body_[i++] == '{') {
              while (i < n && body_[i++] != '}') {
              }
            }
            continue;
          }
          // '\{' is not an escape: the brace opens a field, and CPython warns about it.
          if (ch == '{') p_.warn_invalid_escape(body_.data() + i - 1, tok_);
        }
        if (ch == '{' || ch == '}') {
          if (depth == 0) {
            if (i < n && body_[i] == ch) {
              doubled = true;
              break;
            }
            if (ch == '}') fail("f-string: single '}' is not allowed");
          }
          --i;
          break;
        }
      }
      size_t lit_end = i;  // for a doubled brace, includes the first brace
      if (lit_end > lit_start) append_literal(b, body_.substr(lit_start, lit_end - lit_start));
      if (doubled) {
        ++i;  // skip the second brace
        continue;
      }
      if (i >= n || body_[i] == '}') return i;
      i = field(i, depth, b, span);
    }
    return i;
  }

 private:
  [[noreturn]] void fail(const char* msg) { p_.error_tok(msg, p_.peek()); }

  void append_literal(FStringBuilder& b, std::string_view text) {
    if (st_.raw) {
      b.pending.append(text);
      return;
    }
    std::string err;
    const char* invalid = nullptr;
    if (!decode_escapes(text, false, b.pending, err, &invalid)) fail(err.c_str());
    p_.warn_invalid_escape(invalid, tok_);
  }

  // Parses one field starting at the '{' at body_[i]; returns the index after its '}'.
  size_t field(size_t i, int depth, FStringBuilder& b, const Span& span) {
    if (depth >= 2) fail("f-string: expressions nested too deeply");
    size_t n = body_.size();
    size_t brace = i;
    size_t expr_start = ++i;
    char quote = 0;
    int string_type = 0;
    std::vector<char> stack;
    for (; i < n; ++i) {
      char ch = body_[i];
      if (ch == '\\') fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (string_type == 3) {
            if (i + 2 < n && body_[i + 1] == ch && body_[i + 2] == ch) {
              i += 2;
              quote = 0;
              string_type = 0;
            }
          } else {
            quote = 0;
            string_type = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i + 2 < n && body_[i + 1] == ch && body_[i + 2] == ch) {
          string_type = 3;
          i += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (stack.size() >= 200) fail("f-string: too many nested parenthesis");
        stack.push_back(ch);
      } else if (ch == '#') {
        fail("f-string expression part cannot include '#'");
      } else if (stack.empty() &&
                 (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < n) {
          char next = body_[i + 1];
          if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
            ++i;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (stack.empty()) {
          std::string msg = std::string("f-string: unmatched '") + ch + "'";
          fail(msg.c_str());
        }
        char open = stack.back();
        stack.pop_back();
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
              (open == '{' && ch == '}'))) {
          std::string msg = std::string("f-string: closing parenthesis '") + ch +
                            "' does not match opening parenthesis '" + open + "'";
          fail(msg.c_str());
        }
      }
    }
    if (quote) fail("f-string: unterminated string");
    if (!stack.empty()) {
      std::string msg = std::string("f-string: unmatched '") + stack.back() + "'";
      fail(msg.c_str());
    }
    if (i >= n) fail("f-string: expecting '}'");
    size_t expr_end = i;
    ExprNode* value = compile_expr(brace, expr_start, expr_end);

    bool debug = false;
    if (body_[i] == '=') {
      ++i;
      while (i < n && (body_[i] == ' ' || body_[i] == '\t' || body_[i] == '\n' ||
                       body_[i] == '\r' || body_[i] == '\f' || body_[i] == '\v'))
        ++i;
      if (i >= n) fail("f-string: expecting '}'");
      b.pending.append(body_.substr(expr_start, i - expr_start));
      debug = true;
    }
    int conversion = -1;
    if (body_[i] == '!') {
      ++i;
      if (i >= n) fail("f-string: expecting '}'");
      char c = body_[i++];
      if (c != 's' && c != 'r' && c != 'a')
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      conversion = c;
    }
    ExprNode* spec = nullptr;
    if (i < n && body_[i] == ':') {
      ++i;
      if (i >= n) fail("f-string: expecting '}'");
      // A format spec and the literal text in it carry the span of its own token, not
      // the concatenation's (3.11 passes the token down); fields in it keep the whole span.
      Span tok_span{tok_.line, tok_.col, tok_.end_line, tok_.end_col};
      FStringBuilder sb;
      i = parse(i, depth + 1, sb, tok_span);
      sb.flush(p_, tok_span);
      auto* js = p_.make<JoinedStr>();
      js->values = std::move(sb.values);
      spec = place(js, tok_span);
    }
    if (i >= n || body_[i] != '}') fail("f-string: expecting '}'");
    ++i;
    if (debug && !spec && conversion == -1) conversion = 'r';
    b.flush(p_, span);
    auto* fv = p_.make<FormattedValue>();
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = spec;
    b.values.push_back(place(fv, whole_));
    return i;
  }

  // Parses the field text body_[start, end) as "(text)" with positions mapped onto the source.
  ExprNode* compile_expr(size_t brace, size_t start, size_t end) {
    bool blank = true;
    for (size_t k = start; k < end; ++k) {
      char c = body_[k];
      if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) {
        blank = false;
        break;
      }
    }
    if (blank) {
      char stop = end < body_.size() ? body_[end] : 0;
      if (stop == '!' || stop == ':' || stop == '=') {
        std::string msg = std::string("f-string: expression required before '") + stop + "'";
        fail(msg.c_str());
      }
      fail("f-string: empty expression not allowed");
    }

    // Where '{' sits in the token text decides the shift (fstring_find_expr_location).
    std::string_view text = tok_.text;
    size_t brace_off = st_.body_offset + brace;
    bool newline_after_brace = true;
    for (size_t k = brace_off + 1; k < text.size() && text[k] != '}' && text[k] != '\n'; ++k) {
      if (text[k] != ' ' && text[k] != '\t' && text[k] != '\f') {
        newline_after_brace = false;
        break;
      }
    }
    int lines = 0;
    for (size_t k = 0; k < brace_off; ++k) lines += text[k] == '\n';
    int cols = 0;
    if (!newline_after_brace) {
      size_t k = brace_off;
      while (k > 0 && text[k] != '\n') --k;
      cols = static_cast<int>(brace_off - k);
      if (text[k] == '\n') cols -= 1;
    }
    int line_base = tok_.line + lines;
    int col_base = lines != 0 ? cols : tok_.col + cols;

    std::string src = "(" + std::string(body_.substr(start, end - start)) + ")";
    Tokenizer sub(src, p_.filename_);
    TokenPull pull = [&sub, line_base, col_base]() {
      Token t = sub.next();
      if (t.line == 1) t.col += col_base;
      if (t.end_line == 1) t.end_col += col_base;
      t.line += line_base - 1;
      t.end_line += line_base - 1;
      return t;
    };
    Parser sp(sub.buffer(), p_.filename_, p_.arena_, std::move(pull));
    sp.depth_ = p_.depth_;
    sp.fs_line_base_ = line_base;
    sp.fs_col_base_ = col_base;
    return sp.parse_fstring_field();
  }

  Parser& p_;
  const PTok& tok_;
  const StringToken& st_;
  Span whole_;
  std::string_view body_;
};

}  // namespace

ExprNode* Parser::strings() {
  Pos s = start();
  std::vector<const PTok*> toks;
  while (at(TokenKind::String)) toks.push_back(&advance());
  Span span{s.line, s.col, prev_end_line_, prev_end_col_};
  std::vector<StringToken> parts;
  parts.reserve(toks.size());
  bool any_bytes = false, any_str = false, any_f = false;
  for (const PTok* t : toks) {
    parts.push_back(split_string_token(t->text));
    (parts.back().bytes ? any_bytes : any_str) = true;
    any_f |= parts.back().fstring;
  }
  if (any_bytes && any_str) error_tok("cannot mix bytes and nonbytes literals", peek());
  std::string err;
  if (any_bytes) {
    auto* c = make<Constant>();
    c->value.kind = ConstValue::Kind::Bytes;
    for (size_t k = 0; k < parts.size(); ++k) {
      const StringToken& st = parts[k];
      if (!is_ascii(st.body)) error_tok("bytes can only contain ASCII literal characters", peek());
      const char* invalid = nullptr;
      if (st.raw) c->value.text.append(st.body);
      else if (!decode_escapes(st.body, true, c->value.text, err, &invalid)) error_tok(err.c_str(), peek());
      warn_invalid_escape(invalid, *toks[k]);
    }
    return place(c, span);
  }
  if (!any_f) {
    auto* c = make<Constant>();
    c->value.kind = ConstValue::Kind::Str;
    for (size_t k = 0; k < parts.size(); ++k) {
      const StringToken& st = parts[k];
      const char* invalid = nullptr;
      if (st.raw) c->value.text.append(st.body);
      else if (!decode_escapes(st.body, false, c->value.text, err, &invalid)) error_tok(err.c_str(), peek());
      warn_invalid_escape(invalid, *toks[k]);
    }
    if (parts[0].unicode) c->kind = std::string("u");
    return place(c, span);
  }
  FStringBuilder b;
  b.kind_u = parts[0].unicode;
  for (size_t k = 0; k < parts.size(); ++k) {
    const StringToken& st = parts[k];
    if (!st.fstring) {
      const char* invalid = nullptr;
      if (st.raw) b.pending.append(st.body);
      else if (!decode_escapes(st.body, false, b.pending, err, &invalid)) error_tok(err.c_str(), peek());
      warn_invalid_escape(invalid, *toks[k]);
      continue;
    }
    FStringScanner scanner(*this, *toks[k], st, span);
    scanner.parse(0, 0, b, span);
  }
  b.flush(*this, span);
  auto* js = make<JoinedStr>();
  js->values = std::move(b.values);
  return place(js, span);
}

}  // namespace coil::fe
