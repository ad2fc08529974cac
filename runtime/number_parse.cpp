// number_parse.cpp — float() and complex() text parsing with CPython's rules.
#include "runtime/number_parse.h"

#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <charconv>
#include <locale.h>
#include <utf8proc.h>

namespace coil::rt {

namespace {

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Python's str.isspace for a code point: bidi class WS, B or S, or category Zs.
bool is_unicode_space(utf8proc_int32_t cp) {
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  return p->category == UTF8PROC_CATEGORY_ZS || p->bidi_class == UTF8PROC_BIDI_CLASS_WS ||
         p->bidi_class == UTF8PROC_BIDI_CLASS_B || p->bidi_class == UTF8PROC_BIDI_CLASS_S;
}

// The decimal value of a category-Nd code point, or -1. Unicode encodes decimal digits in
// runs of ten from 0 to 9, so the value is the count of Nd code points before it, mod 10.
int unicode_decimal(utf8proc_int32_t cp) {
  if (utf8proc_get_property(cp)->category != UTF8PROC_CATEGORY_ND) return -1;
  int before = 0;
  while (before < 60 && utf8proc_get_property(cp - before - 1)->category == UTF8PROC_CATEGORY_ND)
    ++before;
  return before % 10;
}

bool ieq(const char* p, const char* end, const char* word) {
  size_t n = std::strlen(word);
  if (static_cast<size_t>(end - p) < n) return false;
  for (size_t i = 0; i < n; ++i)
    if ((p[i] | 0x20) != word[i]) return false;
  return true;
}

// Converts a plain decimal literal (digits, '.', exponent; no sign) correctly rounded.
double convert_decimal(const char* begin, const char* end) {
  double d = 0;
  auto r = std::from_chars(begin, end, d, std::chars_format::general);
  if (r.ec == std::errc() && r.ptr == end) return d;
  // Overflow or underflow: glibc's strtod rounds correctly and saturates; use the C locale
  // so a program's setlocale cannot change the decimal point.
  static locale_t c_locale = newlocale(LC_ALL_MASK, "C", nullptr);
  std::string s(begin, end);
  return strtod_l(s.c_str(), nullptr, c_locale);
}

// Copies the text without underscores, accepting each only between two ASCII digits.
bool strip_underscores(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '_') { out->push_back(in[i]); continue; }
    if (i == 0 || i + 1 >= in.size() || !is_digit(in[i - 1]) || !is_digit(in[i + 1])) return false;
  }
  return true;
}

// Applies the common preparation: ASCII rewrite and underscore removal.
bool prepare(std::string_view text, std::string* buf) {
  std::string ascii;
  if (!is_ascii(text)) {
    ascii = ascii_numeric_text(text);
    text = ascii;
  }
  if (text.find('_') == std::string_view::npos) {
    buf->assign(text);
    return true;
  }
  return strip_underscores(text, buf);
}

}  // namespace

bool is_ascii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

std::string ascii_numeric_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) { out.push_back('?'); ++p; --left; continue; }
    p += n;
    left -= n;
    if (cp < 0x80) { out.push_back(static_cast<char>(cp)); continue; }
    if (is_unicode_space(cp)) { out.push_back(' '); continue; }
    int d = unicode_decimal(cp);
    out.push_back(d >= 0 ? static_cast<char>('0' + d) : '?');
  }
  return out;
}

const char* parse_float_prefix(const char* begin, const char* end, double* out) {
  const char* p = begin;
  bool negative = false;
  if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
  if (ieq(p, end, "infinity") || ieq(p, end, "inf")) {
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return p + (ieq(p, end, "infinity") ? 8 : 3);
  }
  if (ieq(p, end, "nan")) {
    *out = negative ? -std::nan("") : std::nan("");
    return p + 3;
  }
  const char* num = p;
  int ndigits = 0;
  while (p < end && is_digit(*p)) ++p, ++ndigits;
  if (p < end && *p == '.') {
    ++p;
    while (p < end && is_digit(*p)) ++p, ++ndigits;
  }
  if (ndigits == 0) return begin;
  // An exponent counts only with at least one digit; "1e" parses as "1".
  if (p < end && (*p | 0x20) == 'e') {
    const char* q = p + 1;
    if (q < end && (*q == '+' || *q == '-')) ++q;
    if (q < end && is_digit(*q)) {
      while (q < end && is_digit(*q)) ++q;
      p = q;
    }
  }
  double d = convert_decimal(num, p);
  *out = negative ? -d : d;
  return p;
}

bool parse_float(std::string_view text, double* out) {
  std::string buf;
  if (!prepare(text, &buf)) return false;
  const char* p = buf.data();
  const char* end = p + buf.size();
  while (p < end && is_ascii_space(*p)) ++p;
  while (end > p && is_ascii_space(end[-1])) --end;
  if (p == end) return false;
  const char* stop = parse_float_prefix(p, end, out);
  return stop != p && stop == end;
}

bool parse_complex(std::string_view text, double* real, double* imag) {
  std::string buf;
  if (!prepare(text, &buf)) return false;
  const char* s = buf.data();
  const char* end = s + buf.size();
  while (s < end && is_ascii_space(*s)) ++s;
  bool bracket = s < end && *s == '(';
  if (bracket) {
    ++s;
    while (s < end && is_ascii_space(*s)) ++s;
  }
  auto is_j = [&](const char* p) { return p < end && (*p == 'j' || *p == 'J'); };
  double x = 0.0, y = 0.0, z;
  const char* after = parse_float_prefix(s, end, &z);
  if (after != s) {
    s = after;
    if (s < end && (*s == '+' || *s == '-')) {
      // real part followed by a signed imaginary part, or by a bare sign and 'j'
      x = z;
      after = parse_float_prefix(s, end, &y);
      if (after != s) s = after;
      else y = *s++ == '+' ? 1.0 : -1.0;
      if (!is_j(s)) return false;
      ++s;
    } else if (is_j(s)) {
      y = z;
      ++s;
    } else {
      x = z;
    }
  } else {
    if (s < end && (*s == '+' || *s == '-')) y = *s++ == '+' ? 1.0 : -1.0;
    else y = 1.0;
    if (!is_j(s)) return false;
    ++s;
  }
  while (s < end && is_ascii_space(*s)) ++s;
  if (bracket) {
    if (s >= end || *s != ')') return false;
    ++s;
    while (s < end && is_ascii_space(*s)) ++s;
  }
  if (s != end) return false;
  *real = x;
  *imag = y;
  return true;
}

}  // namespace coil::rt
