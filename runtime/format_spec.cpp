// format_spec.cpp — the format() mini-language for float, int and str, and %-formatting of numbers.
//
// A number is laid out as [sign][prefix][integer digits][remainder], where the remainder
// is everything from the decimal point or exponent on (including a '%'). Grouping applies
// to the integer digits only. With fill '0' and '=' alignment the padding zeros are part
// of the digits and get grouped too ("0,001,234"), exactly as CPython does it.
#include <algorithm>
#include <cmath>
#include <vector>

#include "runtime/float_format.h"

namespace coil::rt {

namespace {

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

std::string hex_lower(uint32_t v) {
  static const char kHex[] = "0123456789abcdef";
  std::string s;
  do { s.insert(s.begin(), kHex[v & 0xf]); v >>= 4; } while (v);
  return s;
}

// A type code as CPython prints it in messages: the char, or \x.. beyond printable ASCII.
std::string code_text(char32_t code) {
  if (code > 32 && code < 128) return std::string(1, static_cast<char>(code));
  return "\\x" + hex_lower(static_cast<uint32_t>(code));
}

FormatStatus unknown_code(char32_t code, std::string_view type_name) {
  return FormatStatus::value_error("Unknown format code '" + code_text(code) + "' for object of type '" +
                                   std::string(type_name) + "'");
}

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Parses decimal digits at cps[*pos]; false on overflow of int64.
bool parse_count(const std::vector<char32_t>& cps, size_t* pos, int64_t* out, bool* any) {
  int64_t v = 0;
  *any = false;
  while (*pos < cps.size() && cps[*pos] >= '0' && cps[*pos] <= '9') {
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, int64_t(cps[*pos] - '0'), &v))
      return false;
    *any = true;
    ++*pos;
  }
  *out = v;
  return true;
}

void append_fill(std::string* out, char32_t fill, int64_t n) {
  if (fill < 0x80) {
    out->append(static_cast<size_t>(n), static_cast<char>(fill));
    return;
  }
  for (int64_t i = 0; i < n; ++i) append_utf8(out, fill);
}

// Groups `digits` from the right in groups of `group` separated by `sep`, extending with
// leading zeros until the text is at least min_width long (CPython's zero-pad grouping).
std::string group_digits(std::string_view digits, int64_t min_width, int group, char sep) {
  std::string rev;
  int64_t remaining = static_cast<int64_t>(digits.size());
  int64_t left = min_width;
  size_t src = digits.size();
  bool first = true;
  for (;;) {
    int64_t len = std::min<int64_t>(group, std::max<int64_t>({remaining, left, 1}));
    int64_t chars = std::min(remaining, len);
    int64_t zeros = len - chars;
    if (!first) rev.push_back(sep);
    for (int64_t i = 0; i < chars; ++i) rev.push_back(digits[--src]);
    rev.append(static_cast<size_t>(zeros), '0');
    first = false;
    remaining -= chars;
    left -= group;
    if (remaining <= 0 && left <= 0) break;
    left -= 1;  // the separator
  }
  return std::string(rev.rbegin(), rev.rend());
}

struct NumberParts {
  char sign = 0;        // '-', '+', ' ' or 0
  std::string prefix;   // "0x" ...
  std::string digits;   // integer digits, ungrouped
  std::string remainder;
};

// Joins the parts with grouping and padding as format() does for numbers.
std::string assemble_number(const NumberParts& n, const FormatSpec& spec) {
  char align = spec.align ? spec.align : '>';
  int group = 0;
  char sep = spec.grouping;
  // bin/oct/hex group every four digits (only '_' is allowed with them).
  if (sep) group = spec.type == 'b' || spec.type == 'o' || spec.type == 'x' || spec.type == 'X' ? 4 : 3;
  int64_t nondigit = (n.sign ? 1 : 0) + static_cast<int64_t>(n.prefix.size() + n.remainder.size());
  std::string digits = n.digits;
  if (sep && !digits.empty()) {
    int64_t min_width = (spec.fill == '0' && align == '=') ? spec.width - nondigit : 0;
    digits = group_digits(n.digits, min_width, group, sep);
  }
  int64_t total = nondigit + static_cast<int64_t>(digits.size());
  int64_t pad = spec.width > total ? spec.width - total : 0;
  std::string out;
  auto head = [&] { if (n.sign) out.push_back(n.sign); out += n.prefix; };
  switch (align) {
    case '<': head(); out += digits; out += n.remainder; append_fill(&out, spec.fill, pad); break;
    case '^':
      append_fill(&out, spec.fill, pad / 2);
      head(); out += digits; out += n.remainder;
      append_fill(&out, spec.fill, pad - pad / 2);
      break;
    case '=': head(); append_fill(&out, spec.fill, pad); out += digits; out += n.remainder; break;
    default: append_fill(&out, spec.fill, pad); head(); out += digits; out += n.remainder; break;
  }
  return out;
}

char sign_char(bool negative, char spec_sign) {
  if (negative) return '-';
  return spec_sign == '+' || spec_sign == ' ' ? spec_sign : 0;
}

}  // namespace

void append_utf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

FormatStatus parse_format_spec(std::string_view spec_text, char32_t default_type, char default_align,
                               std::string_view type_name, FormatSpec* out) {
  *out = FormatSpec();
  std::vector<char32_t> cps = decode_utf8(spec_text);
  size_t pos = 0, n = cps.size();
  bool fill_given = false, align_given = false;
  if (n >= 2 && is_align(cps[1])) {
    out->fill = cps[0];
    out->align = static_cast<char>(cps[1]);
    fill_given = align_given = true;
    pos = 2;
  } else if (n >= 1 && is_align(cps[0])) {
    out->align = static_cast<char>(cps[0]);
    align_given = true;
    pos = 1;
  }
  if (pos < n && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) out->sign = static_cast<char>(cps[pos++]);
  if (pos < n && cps[pos] == 'z') { out->no_neg_zero = true; ++pos; }
  if (pos < n && cps[pos] == '#') { out->alt = true; ++pos; }
  // A '0' before the width means zero padding, for numbers after the sign.
  if (!fill_given && pos < n && cps[pos] == '0') {
    out->fill = '0';
    if (!align_given && default_align == '>') out->align = '=';
    ++pos;
  }
  bool any;
  int64_t v;
  if (!parse_count(cps, &pos, &v, &any)) return FormatStatus::value_error("Too many decimal digits in format string");
  if (any) out->width = v;
  if (pos < n && cps[pos] == ',') { out->grouping = ','; ++pos; }
  if (pos < n && cps[pos] == '_') {
    if (out->grouping) return FormatStatus::value_error("Cannot specify both ',' and '_'.");
    out->grouping = '_';
    ++pos;
  }
  if (pos < n && cps[pos] == ',' && out->grouping == '_')
    return FormatStatus::value_error("Cannot specify both ',' and '_'.");
  if (pos < n && cps[pos] == '.') {
    ++pos;
    if (!parse_count(cps, &pos, &v, &any)) return FormatStatus::value_error("Too many decimal digits in format string");
    if (!any) return FormatStatus::value_error("Format specifier missing precision");
    out->precision = v;
  }
  if (n - pos > 1)
    return FormatStatus::value_error("Invalid format specifier '" + std::string(spec_text) + "' for object of type '" +
                                     std::string(type_name) + "'");
  out->type = n - pos == 1 ? cps[pos] : default_type;
  if (out->grouping) {
    switch (out->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (out->grouping == '_') break;
        [[fallthrough]];
      default:
        return FormatStatus::value_error(std::string("Cannot specify '") + out->grouping + "' with '" +
                                         code_text(out->type) + "'.");
    }
  }
  return {};
}

std::string pad_to_width(std::string_view body, const FormatSpec& spec, char default_align) {
  int64_t len = static_cast<int64_t>(count_code_points(body));
  int64_t pad = spec.width > len ? spec.width - len : 0;
  char align = spec.align ? spec.align : default_align;
  std::string out;
  int64_t left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
  append_fill(&out, spec.fill, left);
  out += body;
  append_fill(&out, spec.fill, pad - left);
  return out;
}

// --- float ------------------------------------------------------------------------------

FormatStatus format_float(double x, std::string_view spec_text, std::string* out, std::string_view type_name) {
  FormatSpec spec;
  FormatStatus st = parse_format_spec(spec_text, 0, '>', type_name, &spec);
  if (!st.ok()) return st;
  return format_float(x, spec, out, type_name);
}

FormatStatus format_float(double x, const FormatSpec& spec, std::string* out, std::string_view type_name) {
  char32_t type = spec.type;
  switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: return unknown_code(type, type_name);
  }
  if (spec.precision > INT32_MAX) return FormatStatus::value_error("precision too big");
  unsigned flags = 0;
  if (spec.alt) flags |= kDtoaAlt;
  if (spec.no_neg_zero) flags |= kDtoaNoNegZero;
  int64_t default_precision = 6;
  char code = static_cast<char>(type);
  if (type == 0) {  // like repr without a precision, else like 'g' keeping a ".0"
    flags |= kDtoaAddDot0;
    code = 'r';
    default_precision = 0;
  }
  if (type == 'n') code = 'g';  // the C locale: no separators
  bool percent = type == '%';
  if (percent) { code = 'f'; x *= 100; }
  int64_t precision = spec.precision;
  if (precision < 0) precision = default_precision;
  else if (code == 'r') code = 'g';
  std::string text = double_to_string(x, code, precision, flags);
  if (percent) text.push_back('%');
  NumberParts parts;
  size_t i = 0;
  if (text[0] == '-') { parts.sign = '-'; i = 1; }
  else parts.sign = sign_char(false, spec.sign);
  size_t d = i;
  while (d < text.size() && text[d] >= '0' && text[d] <= '9') ++d;
  parts.digits = text.substr(i, d - i);
  parts.remainder = text.substr(d);
  *out = assemble_number(parts, spec);
  return {};
}

// --- complex ----------------------------------------------------------------------------

FormatStatus format_complex(double re, double im, std::string_view spec_text, std::string* out,
                            std::string_view type_name) {
  FormatSpec spec;
  FormatStatus st = parse_format_spec(spec_text, 0, '>', type_name, &spec);
  if (!st.ok()) return st;
  switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return unknown_code(spec.type, type_name);
  }
  if (spec.precision > INT32_MAX) return FormatStatus::value_error("precision too big");
  if (spec.fill == '0') return FormatStatus::value_error("Zero padding is not allowed in complex format specifier");
  if (spec.align == '=')
    return FormatStatus::value_error("'=' alignment flag is not allowed in complex format specifier");
  unsigned flags = 0;
  if (spec.alt) flags |= kDtoaAlt;
  if (spec.no_neg_zero) flags |= kDtoaNoNegZero;
  char code = static_cast<char>(spec.type);
  int64_t default_precision = 6;
  bool skip_re = false, parens = false;
  if (spec.type == 0) {  // like str(z): "1j" when the real part is +0.0, else "(re+imj)"
    code = 'r';
    default_precision = 0;
    if (re == 0.0 && !std::signbit(re)) skip_re = true;
    else parens = true;
  }
  if (code == 'n') code = 'g';
  int64_t precision = spec.precision;
  if (precision < 0) precision = default_precision;
  else if (code == 'r') code = 'g';
  // Each part is a number without padding; the imaginary one always signed after a real part.
  FormatSpec part = spec;
  part.width = -1;
  part.fill = ' ';
  part.align = '<';
  auto layout = [&](double x, char sign_spec) {
    std::string text = double_to_string(x, code, precision, flags);
    NumberParts parts;
    size_t i = 0;
    if (text[0] == '-') { parts.sign = '-'; i = 1; }
    else parts.sign = sign_char(false, sign_spec);
    size_t d = i;
    while (d < text.size() && text[d] >= '0' && text[d] <= '9') ++d;
    parts.digits = text.substr(i, d - i);
    parts.remainder = text.substr(d);
    return assemble_number(parts, part);
  };
  std::string body;
  if (parens) body.push_back('(');
  if (!skip_re) body += layout(re, spec.sign);
  body += layout(im, skip_re ? spec.sign : '+');
  body.push_back('j');
  if (parens) body.push_back(')');
  *out = pad_to_width(body, spec, '>');
  return {};
}

// --- int --------------------------------------------------------------------------------

FormatStatus format_int(const BigInt& v, std::string_view spec_text, std::string* out, std::string_view type_name,
                        int max_str_digits) {
  FormatSpec spec;
  FormatStatus st = parse_format_spec(spec_text, 'd', '>', type_name, &spec);
  if (!st.ok()) return st;
  return format_int(v, spec, out, type_name, max_str_digits);
}

FormatStatus format_int(const BigInt& v, const FormatSpec& spec, std::string* out, std::string_view type_name,
                        int max_str_digits) {
  switch (spec.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (v.to_double(&d) != NumStatus::ok) return FormatStatus::overflow_error("int too large to convert to float");
      return format_float(d, spec, out, type_name);
    }
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c': break;
    default: return unknown_code(spec.type, type_name);
  }
  if (spec.precision >= 0) return FormatStatus::value_error("Precision not allowed in integer format specifier");
  if (spec.no_neg_zero)
    return FormatStatus::value_error("Negative zero coercion (z) not allowed in integer format specifier");
  NumberParts parts;
  if (spec.type == 'c') {
    if (spec.sign) return FormatStatus::value_error("Sign not allowed with integer format specifier 'c'");
    if (spec.alt) return FormatStatus::value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!v.to_int64(&cp)) return FormatStatus::overflow_error("Python int too large to convert to C long");
    if (cp < 0 || cp > 0x10ffff) return FormatStatus::overflow_error("%c arg not in range(0x110000)");
    std::string ch;
    append_utf8(&ch, static_cast<char32_t>(cp));
    FormatSpec s = spec;
    if (s.align == '=') s.align = '>';  // no sign or prefix to pad after
    *out = pad_to_width(ch, s, '>');
    return {};
  }
  int base = 10;
  switch (spec.type) {
    case 'b': base = 2; parts.prefix = "0b"; break;
    case 'o': base = 8; parts.prefix = "0o"; break;
    case 'x': base = 16; parts.prefix = "0x"; break;
    case 'X': base = 16; parts.prefix = "0X"; break;
    default: break;
  }
  if (!spec.alt) parts.prefix.clear();
  if (base == 10 && exceeds_str_digit_limit(v, max_str_digits))
    return FormatStatus::value_error(digit_limit_message(max_str_digits));
  parts.sign = sign_char(v.sign() < 0, spec.sign);
  parts.digits = abs(v).to_string(base, spec.type == 'X');
  *out = assemble_number(parts, spec);
  return {};
}

// --- str --------------------------------------------------------------------------------

FormatStatus format_str(std::string_view utf8, std::string_view spec_text, std::string* out,
                        std::string_view type_name) {
  FormatSpec spec;
  FormatStatus st = parse_format_spec(spec_text, 's', '<', type_name, &spec);
  if (!st.ok()) return st;
  return format_str(utf8, spec, out, type_name);
}

FormatStatus format_str(std::string_view utf8, const FormatSpec& spec, std::string* out, std::string_view type_name) {
  if (spec.type != 0 && spec.type != 's') return unknown_code(spec.type, type_name);
  if (spec.sign == ' ') return FormatStatus::value_error("Space not allowed in string format specifier");
  if (spec.sign) return FormatStatus::value_error("Sign not allowed in string format specifier");
  if (spec.no_neg_zero)
    return FormatStatus::value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alt) return FormatStatus::value_error("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return FormatStatus::value_error("'=' alignment not allowed in string format specifier");
  std::string_view body = utf8;
  if (spec.precision >= 0) {
    size_t i = 0;
    int64_t cps = 0;
    while (i < utf8.size() && cps < spec.precision) {
      ++i;
      while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xc0) == 0x80) ++i;
      ++cps;
    }
    body = utf8.substr(0, i);
  }
  *out = pad_to_width(body, spec, '<');
  return {};
}

// --- % formatting -----------------------------------------------------------------------

namespace {

// Pads "[sign][prefix]digits" for %-formatting: zero fill goes after sign and prefix.
std::string percent_pad(char sign, std::string_view prefix, std::string_view body, const PercentSpec& spec) {
  int64_t len = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size() + body.size());
  int64_t pad = spec.width > len ? spec.width - len : 0;
  std::string out;
  if (spec.left) {
    if (sign) out.push_back(sign);
    out += prefix;
    out += body;
    out.append(static_cast<size_t>(pad), ' ');
  } else if (spec.zero) {
    if (sign) out.push_back(sign);
    out += prefix;
    out.append(static_cast<size_t>(pad), '0');
    out += body;
  } else {
    out.append(static_cast<size_t>(pad), ' ');
    if (sign) out.push_back(sign);
    out += prefix;
    out += body;
  }
  return out;
}

char percent_sign(bool negative, const PercentSpec& spec) {
  if (negative) return '-';
  if (spec.plus) return '+';
  if (spec.space) return ' ';
  return 0;
}

}  // namespace

FormatStatus percent_format_int(const BigInt& v, char conv, const PercentSpec& spec, std::string* out,
                                int max_str_digits) {
  int base = 10;
  std::string prefix;
  switch (conv) {
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
  }
  if (!spec.alt) prefix.clear();
  if (base == 10 && exceeds_str_digit_limit(v, max_str_digits))
    return FormatStatus::value_error(digit_limit_message(max_str_digits));
  std::string digits = abs(v).to_string(base, conv == 'X');
  if (spec.precision > static_cast<int64_t>(digits.size()))
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  *out = percent_pad(percent_sign(v.sign() < 0, spec), prefix, digits, spec);
  return {};
}

std::string percent_format_float(double x, char conv, const PercentSpec& spec) {
  int64_t precision = spec.precision < 0 ? 6 : spec.precision;
  std::string text = double_to_string(x, conv, precision, spec.alt ? unsigned(kDtoaAlt) : 0u);
  bool negative = text[0] == '-';
  std::string_view body(text);
  if (negative) body.remove_prefix(1);
  return percent_pad(percent_sign(negative, spec), "", body, spec);
}

}  // namespace coil::rt
