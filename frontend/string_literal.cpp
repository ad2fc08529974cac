// string_literal.cpp — number literal values and string literal prefixes and escapes.
#include "frontend/string_literal.h"

#include <gmp.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "frontend/unicode_names.h"

namespace coil::fe {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string unicode_error(size_t start, size_t end, const char* what) {
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                start, end, what);
  return buf;
}

}  // namespace

bool parse_number(std::string_view text, ConstValue& out, std::string& err) {
  std::string t;
  t.reserve(text.size());
  for (char c : text)
    if (c != '_') t += c;
  char last = t.empty() ? 0 : t.back();
  if (last == 'j' || last == 'J') {
    t.pop_back();
    out.kind = ConstValue::Kind::Complex;
    out.number = std::strtod(t.c_str(), nullptr);
    return true;
  }
  if (t.size() > 1 && t[0] == '0' &&
      (t[1] == 'x' || t[1] == 'X' || t[1] == 'o' || t[1] == 'O' || t[1] == 'b' || t[1] == 'B')) {
    int base = (t[1] == 'x' || t[1] == 'X') ? 16 : (t[1] == 'o' || t[1] == 'O') ? 8 : 2;
    mpz_t z;
    if (mpz_init_set_str(z, t.c_str() + 2, base) != 0) {
      mpz_clear(z);
      err = "invalid syntax";
      return false;
    }
    char* s = mpz_get_str(nullptr, 10, z);
    out.kind = ConstValue::Kind::Int;
    out.text = s;
    void (*freefunc)(void*, size_t);
    mp_get_memory_functions(nullptr, nullptr, &freefunc);
    freefunc(s, std::char_traits<char>::length(s) + 1);
    mpz_clear(z);
    return true;
  }
  if (t.find_first_of(".eE") != std::string::npos) {
    out.kind = ConstValue::Kind::Float;
    out.number = std::strtod(t.c_str(), nullptr);
    return true;
  }
  size_t nz = t.find_first_not_of('0');
  out.kind = ConstValue::Kind::Int;
  out.text = nz == std::string::npos ? "0" : t.substr(nz);
  if (out.text.size() > 4300) {
    err = "Exceeds the limit (4300 digits) for integer string conversion: value has " +
          std::to_string(out.text.size()) +
          " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
          "hexadecimal for huge integer literals to avoid decimal conversion limits.";
    return false;
  }
  return true;
}

StringToken split_string_token(std::string_view text) {
  StringToken st;
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') {
    switch (text[i]) {
      case 'r': case 'R': st.raw = true; break;
      case 'b': case 'B': st.bytes = true; break;
      case 'f': case 'F': st.fstring = true; break;
      case 'u': case 'U': st.unicode = true; break;
      default: break;
    }
    ++i;
  }
  size_t quote = 1;
  if (i + 2 < text.size() && text[i + 1] == text[i] && text[i + 2] == text[i] &&
      text.size() - i >= 6)
    quote = 3;
  st.body_offset = static_cast<int>(i + quote);
  st.body = text.substr(i + quote, text.size() - i - 2 * quote);
  return st;
}

bool is_ascii(std::string_view body) {
  for (unsigned char c : body)
    if (c >= 0x80) return false;
  return true;
}

bool decode_escapes(std::string_view body, bool is_bytes, std::string& out, std::string& err,
                    const char** first_invalid) {
  auto note_invalid = [&](size_t at) {
    if (first_invalid && !*first_invalid) *first_invalid = body.data() + at;
  };
  out.reserve(out.size() + body.size());
  size_t n = body.size();
  for (size_t i = 0; i < n; ++i) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    size_t start = i;
    if (i + 1 >= n) {
      out += '\\';
      break;
    }
    char e = body[++i];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = e - '0';
        for (int k = 0; k < 2 && i + 1 < n && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
          v = v * 8 + (body[++i] - '0');
        if (v > 0377) note_invalid(start + 1);
        if (is_bytes) out += static_cast<char>(v & 0xFF);
        else append_utf8(out, v);
        break;
      }
      case 'x': {
        uint32_t v = 0;
        int digits = 0;
        while (digits < 2 && i + 1 < n && hex_value(body[i + 1]) >= 0) {
          v = v * 16 + hex_value(body[++i]);
          ++digits;
        }
        if (digits < 2) {
          if (is_bytes) {
            err = "(value error) invalid \\x escape at position " + std::to_string(start);
          } else {
            err = unicode_error(start, i, "truncated \\xXX escape");
          }
          return false;
        }
        if (is_bytes) out += static_cast<char>(v);
        else append_utf8(out, v);
        break;
      }
      case 'u': case 'U': {
        if (is_bytes) {
          note_invalid(i);
          out += '\\';
          out += e;
          break;
        }
        int want = e == 'u' ? 4 : 8;
        uint32_t v = 0;
        int digits = 0;
        while (digits < want && i + 1 < n && hex_value(body[i + 1]) >= 0) {
          v = v * 16 + hex_value(body[++i]);
          ++digits;
        }
        if (digits < want) {
          err = unicode_error(start, i, e == 'u' ? "truncated \\uXXXX escape"
                                                 : "truncated \\UXXXXXXXX escape");
          return false;
        }
        if (v > 0x10FFFF) {
          err = unicode_error(start, i, "illegal Unicode character");
          return false;
        }
        append_utf8(out, v);
        break;
      }
      case 'N': {
        if (is_bytes) {
          note_invalid(i);
          out += "\\N";
          break;
        }
        if (i + 1 >= n || body[i + 1] != '{') {
          err = unicode_error(start, i, "malformed \\N character escape");
          return false;
        }
        size_t close = body.find('}', i + 2);
        if (close == std::string_view::npos || close == i + 2) {
          err = unicode_error(start, close == std::string_view::npos ? n - 1 : close,
                              "malformed \\N character escape");
          return false;
        }
        std::string_view name = body.substr(i + 2, close - i - 2);
        int32_t cp = lookup_unicode_name(name);
        if (cp < 0) {
          err = unicode_error(start, close, "unknown Unicode character name");
          return false;
        }
        append_utf8(out, static_cast<uint32_t>(cp));
        i = close;
        break;
      }
      default:
        // Unknown escapes stay as written (CPython only warns).
        note_invalid(i);
        out += '\\';
        out += e;
        break;
    }
  }
  return true;
}

}  // namespace coil::fe
