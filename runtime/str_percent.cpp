// str_percent.cpp — printf-style `str % args`: %[(key)][flags][width][.precision]type with
// types s r a c d i u o x X e E f F g G %, '*' widths, and CPython's messages.
#include <cmath>
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/pending_features.h"
#include "runtime/str_util.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

struct Spec {
  bool left = false, zero = false, plus = false, space = false, alt = false;
  int64_t width = -1, precision = -1;
};

// Pads `body` (with its sign/prefix `head` kept in front of zero padding) to spec.width.
std::string pad_number(const std::string& head, const std::string& body, const Spec& s) {
  int64_t len = static_cast<int64_t>(head.size() + body.size());
  if (s.width <= len) return head + body;
  std::string fill(static_cast<size_t>(s.width - len), s.zero && !s.left ? '0' : ' ');
  if (s.left) return head + body + fill;
  if (s.zero) return head + fill + body;
  return fill + head + body;
}

bool format_integer(Value v, char type, const Spec& s, std::string& out) {
  Value n = v;
  if (!is_int(v)) {
    bool index_only = type == 'x' || type == 'X' || type == 'o';
    bool has_index = !type_lookup(type_of(v), names::dunder_index).is_empty_slot();
    if (index_only || (!is_float(v) && !has_index && lookup_special(v, names::dunder_int).is_empty_slot())) {
      if (index_only && !has_index) {
        raise_fmt(TypeErrorType, "%%%c format: an integer is required, not %s", type, type_name(v));
        return false;
      }
      if (!index_only) {
        raise_fmt(TypeErrorType, "%%%c format: a real number is required, not %s", type, type_name(v));
        return false;
      }
    }
    if (is_float(v)) {
      double d = float_of(v);
      if (std::isnan(d)) {
        raise_msg(ValueErrorType, "cannot convert float NaN to integer");
        return false;
      }
      if (std::isinf(d)) {
        raise_msg(OverflowErrorType, "cannot convert float infinity to integer");
        return false;
      }
      n = int_from_double_exact(std::trunc(d));
    } else if (has_index) {
      n = index(v);
    } else {
      n = call1(lookup_special(v, names::dunder_int), v);
    }
    if (n.is_empty_slot()) return false;
  }
  int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  bool neg = int_sign(n) < 0;
  std::string digits = int_to_string(neg ? int_negate(n) : int_exact(n), base);
  if (base != 10 && digits.size() > 2 && digits[0] == '0') digits = digits.substr(2);  // drop 0x / 0o
  if (type == 'X')
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (s.precision > static_cast<int64_t>(digits.size()))
    digits.insert(0, static_cast<size_t>(s.precision) - digits.size(), '0');
  std::string head = neg ? "-" : s.plus ? "+" : s.space ? " " : "";
  if (s.alt && base == 8) head += "0o";
  if (s.alt && base == 16) head += type == 'X' ? "0X" : "0x";
  out += pad_number(head, digits, s);
  return true;
}

bool format_float(Value v, char type, const Spec& s, std::string& out) {
  double d;
  if (!is_float(v) && !is_int(v)) {
    Value m = lookup_special(v, names::dunder_float);
    if (m.is_empty_slot()) {
      raise_fmt(TypeErrorType, "must be real number, not %s", type_name(v));
      return false;
    }
    v = call1(m, v);
    if (v.is_empty_slot()) return false;
  }
  if (!to_double(v, &d)) return false;
  std::string head = std::signbit(d) && !std::isnan(d) ? "-" : s.plus ? "+" : s.space ? " " : "";
  double a = std::fabs(d);
  std::string body;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (std::isnan(d) || std::isinf(d)) {
    body = std::isnan(d) ? "nan" : "inf";
    if (upper) body = std::isnan(d) ? "NAN" : "INF";
    Spec t = s;
    t.zero = false;
    out += pad_number(head, body, t);
    return true;
  }
  int prec = s.precision < 0 ? 6 : static_cast<int>(std::min<int64_t>(s.precision, 1000));
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, "%%%s.*%c", s.alt ? "#" : "", type);
  int n = std::snprintf(nullptr, 0, fmt, prec, a);
  body.resize(static_cast<size_t>(n) + 1);
  std::snprintf(body.data(), body.size(), fmt, prec, a);
  body.resize(static_cast<size_t>(n));
  out += pad_number(head, body, s);
  return true;
}

void pad_text(std::string_view text, int64_t len, const Spec& s, std::string& out) {
  if (s.width > len && !s.left) out.append(static_cast<size_t>(s.width - len), ' ');
  out.append(text);
  if (s.width > len && s.left) out.append(static_cast<size_t>(s.width - len), ' ');
}

bool format_text(Value v, char type, const Spec& s, std::string& out) {
  Value r = type == 's' ? str_of(v) : type == 'r' ? repr(v) : ascii_of(v);
  if (r.is_empty_slot()) return false;
  StrObject* t = as_str(r);
  std::string_view text = t->view();
  int64_t len = t->length;
  if (s.precision >= 0 && s.precision < len) {
    text = text.substr(0, static_cast<size_t>(str_byte_offset(t, s.precision)));
    len = s.precision;
  }
  pad_text(text, len, s, out);
  return true;
}

bool format_char(Value v, const Spec& s, std::string& out) {
  uint32_t cp;
  if (is_str(v)) {
    if (as_str(v)->length != 1) {
      raise_msg(TypeErrorType, "%c requires int or char");
      return false;
    }
    const char* p = as_str(v)->data;
    cp = decode_utf8(p);
  } else if (is_int(v)) {
    int64_t i;
    if (!int_to_int64(v, &i) || i < 0 || i > 0x10FFFF) {
      raise_msg(OverflowErrorType, "%c arg not in range(0x110000)");
      return false;
    }
    cp = static_cast<uint32_t>(i);
  } else {
    raise_msg(TypeErrorType, "%c requires int or char");
    return false;
  }
  std::string one;
  append_utf8(one, cp);
  pad_text(one, 1, s, out);
  return true;
}

}  // namespace

Value str_percent_format(Value fmt_v, Value args) {
  std::string_view fmt = as_str(fmt_v)->view();
  bool is_tuple_args = is_tuple(args);
  TupleObject* tup = is_tuple_args ? as_tuple(args) : nullptr;
  int64_t nargs = is_tuple_args ? tup->size : 1;
  int64_t argi = 0;
  bool mapping = !is_tuple_args && !is_str(args) && (is_dict(args) || !type_lookup(type_of(args), names::dunder_getitem).is_empty_slot());
  bool used_key = false;
  auto next_arg = [&]() -> Value {
    if (argi >= nargs) return raise_msg(TypeErrorType, "not enough arguments for format string");
    return is_tuple_args ? tup->items[argi++] : (argi++, args);
  };
  std::string out;
  size_t i = 0;
  while (i < fmt.size()) {
    size_t pct = fmt.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(fmt.substr(i));
      break;
    }
    out.append(fmt.substr(i, pct - i));
    i = pct + 1;
    Value arg;
    if (i < fmt.size() && fmt[i] == '(') {
      if (!mapping) return raise_msg(TypeErrorType, "format requires a mapping");
      int depth = 1;
      size_t k = ++i;
      while (k < fmt.size() && depth) {
        if (fmt[k] == '(') ++depth;
        else if (fmt[k] == ')') --depth;
        ++k;
      }
      if (depth) return raise_msg(ValueErrorType, "incomplete format key");
      Value key = str_value(fmt.substr(i, k - 1 - i));
      if (key.is_empty_slot()) return key;
      arg = get_item(args, key);
      if (arg.is_empty_slot()) return arg;
      used_key = true;
      i = k;
    }
    Spec s;
    for (; i < fmt.size(); ++i) {
      char c = fmt[i];
      if (c == '-') s.left = true;
      else if (c == '0') s.zero = true;
      else if (c == '+') s.plus = true;
      else if (c == ' ') s.space = true;
      else if (c == '#') s.alt = true;
      else break;
    }
    auto read_num = [&](int64_t* dst) -> bool {
      if (i < fmt.size() && fmt[i] == '*') {
        ++i;
        Value w = next_arg();
        if (w.is_empty_slot()) return false;
        if (!is_int(w)) {
          raise_msg(TypeErrorType, "* wants int");
          return false;
        }
        int64_t n;
        if (!int_to_int64(w, &n)) {
          raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
          return false;
        }
        if (dst == &s.width && n < 0) {
          s.left = true;
          n = -n;
        }
        *dst = n < 0 ? 0 : n;
        return true;
      }
      if (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        int64_t n = 0;
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
          if (n > (INT64_MAX - 9) / 10) {
            raise_msg(ValueErrorType, dst == &s.width ? "width too big" : "precision too big");
            return false;
          }
          n = n * 10 + (fmt[i++] - '0');
        }
        *dst = n;
      }
      return true;
    };
    if (!read_num(&s.width)) return Value();
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      s.precision = 0;
      if (!read_num(&s.precision)) return Value();
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;  // length modifiers
    if (i >= fmt.size()) return raise_msg(ValueErrorType, "incomplete format");
    char type = fmt[i];
    if (type == '%') {
      out += '%';
      ++i;
      continue;
    }
    if (arg.is_empty_slot()) {
      arg = next_arg();
      if (arg.is_empty_slot()) return arg;
    }
    bool ok;
    switch (type) {
      case 's': case 'r': case 'a': ok = format_text(arg, type, s, out); break;
      case 'c': ok = format_char(arg, s, out); break;
      case 'd': case 'i': case 'u': ok = format_integer(arg, 'd', s, out); break;
      case 'o': case 'x': case 'X': ok = format_integer(arg, type, s, out); break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': ok = format_float(arg, type, s, out); break;
      default: {
        const char* p = fmt.data() + i;
        uint32_t cp = decode_utf8(p);
        int64_t index = str_cp_index(as_str(fmt_v), static_cast<int64_t>(i));
        // CPython shows non-printable-ASCII format characters as '?'.
        char shown = cp >= 0x20 && cp < 0x7F ? static_cast<char>(cp) : '?';
        return raise_fmt(ValueErrorType, "unsupported format character '%c' (0x%x) at index %lld", shown, cp,
                         static_cast<long long>(index));
      }
    }
    if (!ok) return Value();
    const char* p = fmt.data() + i;
    decode_utf8(p);
    i = p - fmt.data();
  }
  if (argi < nargs && !mapping && !used_key)
    return raise_msg(TypeErrorType, "not all arguments converted during string formatting");
  return str_value(out);
}

}  // namespace coil::rt
