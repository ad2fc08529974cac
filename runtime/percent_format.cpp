// percent_format.cpp — str % args: printf-style formatting with CPython's argument
// rules (a tuple of values, one value, or a mapping for %(key)s) and error texts. The
// number conversions themselves are float_format.h's percent_format_int/float.
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/float_format.h"
#include "runtime/formatting.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

// The argument cursor, mirroring CPython's: a tuple is consumed item by item; any other
// value counts as a single argument (arglen -1, taken when idx moves from -2 to -1).
struct ArgCursor {
  Value args;
  int64_t len;
  int64_t idx;
  Value mapping;  // set when args may be indexed by %(key)

  Value next() {
    if (idx < len) {
      int64_t i = idx++;
      if (len < 0) return args;
      return as_tuple(args)->items[i];
    }
    return raise_msg(TypeErrorType, "not enough arguments for format string");
  }
};

bool is_mapping_arg(Value v, bool bytes_mode) {
  if (is_tuple(v) || is_str(v)) return false;
  if (bytes_mode && (is_bytes(v) || is_bytearray(v))) return false;
  if (is_dict(v) || is_list(v) || is_bytes(v)) return true;
  return !lookup_special(v, names::dunder_getitem).is_empty_slot();
}

// Appends `body` (UTF-8) padded with spaces to `width` code points.
void append_padded(std::string* out, std::string_view body, int64_t width, bool left) {
  bool ascii;
  int64_t n = utf8_length(body, &ascii);
  int64_t pad = width > n ? width - n : 0;
  if (!left) out->append(static_cast<size_t>(pad), ' ');
  out->append(body);
  if (left) out->append(static_cast<size_t>(pad), ' ');
}

// The first `n` code points of a UTF-8 string.
std::string_view utf8_prefix(std::string_view s, int64_t n) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end && n > 0) {
    decode_utf8(p);
    --n;
  }
  return s.substr(0, static_cast<size_t>(p - s.data()));
}

bool has_number_protocol(Value v) {
  return is_int(v) || is_float_instance(v) || is_complex_instance(v) ||
         !lookup_special(v, names::dunder_index).is_empty_slot() ||
         !lookup_special(v, names::dunder_int).is_empty_slot() ||
         !lookup_special(v, names::dunder_float).is_empty_slot();
}

// %d %i %u %o %x %X: the int the conversion formats, or empty with the error pending.
Value int_operand(Value v, char conv) {
  if (is_int(v)) return v;
  bool index_only = conv == 'o' || conv == 'x' || conv == 'X';
  Value r;
  if (has_number_protocol(v)) {
    r = index_only ? index(v) : call1(Value::from_obj(IntType), v);
    if (!r.is_empty_slot() || !pending_matches(TypeErrorType)) return r;
    clear_exception();
  }
  return raise_fmt(TypeErrorType, "%%%c format: %s is required, not %s", conv,
                   index_only ? "an integer" : "a real number", type_name(v));
}

// Reads a '*' width or precision from the arguments.
bool star_value(ArgCursor& cur, int64_t* out) {
  Value v = cur.next();
  if (v.is_empty_slot()) return false;
  if (!is_int(v)) {
    raise_msg(TypeErrorType, "* wants int");
    return false;
  }
  if (!int_to_int64(v, out)) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

Value unsupported_char(std::string_view fmt, size_t pos) {
  bool ascii;
  int64_t index = utf8_length(fmt.substr(0, pos), &ascii);
  const char* p = fmt.data() + pos;
  uint32_t cp = decode_utf8(p);
  // CPython shows a non-ASCII character as '?' (with its code point in hex).
  char ch = cp < 0x80 ? static_cast<char>(cp) : '?';
  return raise_fmt(ValueErrorType, "unsupported format character '%c' (0x%x) at index %lld", ch, cp,
                   static_cast<long long>(index));
}

// %s/%b of bytes formatting: the bytes of a buffer or of __bytes__'s result.
bool bytes_operand(Value v, std::string* out) {
  std::string_view view;
  if (buffer_view(v, &view)) {
    out->assign(view);
    return true;
  }
  if (has_pending_exception()) clear_exception();
  Value m = lookup_special(v, names::dunder_bytes);
  if (!m.is_empty_slot()) {
    Value r = call1(m, v);
    if (r.is_empty_slot()) return false;
    if (!is_bytes(r)) {
      raise_fmt(TypeErrorType, "__bytes__ returned non-bytes (type %s)", type_name(r));
      return false;
    }
    out->assign(as_bytes(r)->view());
    return true;
  }
  raise_fmt(TypeErrorType, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
            type_name(v));
  return false;
}

// Formats `fmt` (str text, or raw bytes when bytes_mode) with `args` into *out.
bool percent_format(std::string_view fmt, Value args, bool bytes_mode, std::string& out);

}  // namespace

Value str_percent_format(Value fmt_value, Value args) {
  std::string out;
  if (!percent_format(as_str(fmt_value)->view(), args, false, out)) return Value();
  return str_value(out);
}

Value bytes_percent_format(Value fmt_value, Value args) {
  std::string_view fmt;
  if (!bytes_like_view(fmt_value, &fmt)) return NotImplemented;
  std::string out;
  if (!percent_format(std::string(fmt), args, true, out)) return Value();
  if (is_bytearray(fmt_value)) return new_bytearray(ByteArrayType, out);
  return bytes_value(out);
}

namespace {

bool percent_format(std::string_view fmt, Value args, bool bytes_mode, std::string& out) {
  ArgCursor cur;
  cur.args = args;
  if (is_tuple(args)) {
    cur.len = as_tuple(args)->size;
    cur.idx = 0;
  } else {
    cur.len = -1;
    cur.idx = -2;
  }
  if (is_mapping_arg(args, bytes_mode)) cur.mapping = args;
  size_t i = 0, n = fmt.size();
  while (i < n) {
    size_t pct = fmt.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(fmt.substr(i));
      break;
    }
    out.append(fmt.substr(i, pct - i));
    i = pct + 1;
    if (i < n && fmt[i] == '%') {
      out += '%';
      ++i;
      continue;
    }
    // %(key): the value of args[key] becomes the only argument.
    if (i < n && fmt[i] == '(') {
      if (cur.mapping.is_empty_slot()) return (raise_msg(TypeErrorType, "format requires a mapping"), false);
      size_t start = ++i;
      int depth = 1;
      while (i < n && depth > 0) {
        if (fmt[i] == '(') ++depth;
        else if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth > 0) return (raise_msg(ValueErrorType, "incomplete format key"), false);
      Value key = bytes_mode ? bytes_value(fmt.substr(start, i - 1 - start)) : str_value(fmt.substr(start, i - 1 - start));
      if (key.is_empty_slot()) return false;
      Value v = get_item(cur.mapping, key);
      if (v.is_empty_slot()) return false;
      cur.args = v;
      cur.len = -1;
      cur.idx = -2;
    }
    PercentSpec spec;
    for (; i < n; ++i) {
      char c = fmt[i];
      if (c == '-') spec.left = true;
      else if (c == '+') spec.plus = true;
      else if (c == ' ') spec.space = true;
      else if (c == '#') spec.alt = true;
      else if (c == '0') spec.zero = true;
      else break;
    }
    if (i < n && fmt[i] == '*') {
      ++i;
      if (!star_value(cur, &spec.width)) return false;
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
    } else {
      int64_t w = -1;
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        w = (w < 0 ? 0 : w) * 10 + (fmt[i++] - '0');
        if (w > INT32_MAX) return (raise_msg(ValueErrorType, "width too big"), false);
      }
      spec.width = w;
    }
    if (i < n && fmt[i] == '.') {
      ++i;
      if (i < n && fmt[i] == '*') {
        ++i;
        if (!star_value(cur, &spec.precision)) return false;
        if (spec.precision < 0) spec.precision = 0;
      } else {
        int64_t p = 0;
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
          p = p * 10 + (fmt[i++] - '0');
          if (p > INT32_MAX) return (raise_msg(ValueErrorType, "precision too big"), false);
        }
        spec.precision = p;
      }
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= n) return (raise_msg(ValueErrorType, "incomplete format"), false);
    size_t conv_pos = i;
    char conv = fmt[i++];
    if (!bytes_mode && static_cast<unsigned char>(conv) >= 0x80) {
      const char* p = fmt.data() + conv_pos;
      decode_utf8(p);
      i = static_cast<size_t>(p - fmt.data());
    }
    Value v = cur.next();
    if (v.is_empty_slot()) return false;
    if (spec.left) spec.zero = false;
    if (bytes_mode) {
      // bytes % args: %s and %b take bytes, %r and %a the ASCII repr, %c one byte.
      std::string body;
      bool handled = true;
      if (conv == 's' || conv == 'b') {
        if (!bytes_operand(v, &body)) return false;
      } else if (conv == 'r' || conv == 'a') {
        Value r = ascii_of(v);
        if (r.is_empty_slot()) return false;
        body = as_str(r)->view();
      } else if (conv == 'c') {
        std::string_view one;
        if (bytes_like_view(v, &one) && one.size() == 1) {
          body = one;
        } else if (is_int(v) || !lookup_special(v, names::dunder_index).is_empty_slot()) {
          Value iv = index(v);
          if (iv.is_empty_slot()) return false;
          int64_t c;
          if (!int_to_int64(iv, &c) || c < 0 || c > 255) {
            raise_msg(OverflowErrorType, "%c arg not in range(256)");
            return false;
          }
          body = std::string(1, static_cast<char>(c));
        } else {
          raise_msg(TypeErrorType, "%c requires an integer in range(256) or a single byte");
          return false;
        }
      } else {
        handled = false;
      }
      if (handled) {
        std::string_view shown = body;
        if (spec.precision >= 0 && conv != 'c' && static_cast<int64_t>(shown.size()) > spec.precision)
          shown = shown.substr(0, static_cast<size_t>(spec.precision));
        int64_t pad = spec.width > static_cast<int64_t>(shown.size()) ? spec.width - static_cast<int64_t>(shown.size()) : 0;
        if (!spec.left) out.append(static_cast<size_t>(pad), ' ');
        out.append(shown);
        if (spec.left) out.append(static_cast<size_t>(pad), ' ');
        continue;
      }
    }
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        Value s = conv == 's' ? str_of(v) : conv == 'r' ? repr(v) : ascii_of(v);
        if (s.is_empty_slot()) return false;
        std::string_view body = as_str(s)->view();
        if (spec.precision >= 0) body = utf8_prefix(body, spec.precision);
        append_padded(&out, body, spec.width, spec.left);
        break;
      }
      case 'c': {
        std::string ch;
        if (is_str(v)) {
          if (as_str(v)->length != 1) return (raise_msg(TypeErrorType, "%c requires int or char"), false);
          ch = as_str(v)->view();
        } else {
          Value iv = is_int(v) ? v : index(v);  // any __index__ object is a code point
          if (iv.is_empty_slot()) {
            clear_exception();
            return (raise_msg(TypeErrorType, "%c requires int or char"), false);
          }
          int64_t cp;
          if (!int_to_int64(iv, &cp) || cp < 0 || cp > 0x10FFFF)
            return (raise_msg(OverflowErrorType, "%c arg not in range(0x110000)"), false);
          append_utf8(ch, static_cast<uint32_t>(cp));
        }
        append_padded(&out, ch, spec.width, spec.left);
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        Value iv = int_operand(v, conv);
        if (iv.is_empty_slot()) return false;
        std::string text;
        FormatStatus st = percent_format_int(int_to_bigint(iv), conv == 'i' || conv == 'u' ? 'd' : conv, spec,
                                             &text, int_max_str_digits());
        if (!st.ok()) return (raise_msg(ValueErrorType, st.message), false);
        out += text;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!as_double(v, &d)) return false;
        out += percent_format_float(d, conv, spec);
        break;
      }
      default:
        return (unsupported_char(fmt, conv_pos), false);
    }
  }
  if (cur.idx < cur.len && cur.mapping.is_empty_slot()) {
    raise_fmt(TypeErrorType, "not all arguments converted during %s formatting", bytes_mode ? "bytes" : "string");
    return false;
  }
  return true;
}

}  // namespace

}  // namespace coil::rt
