// binascii_module.cpp — the binascii module: hex, base64, uuencode and quoted-printable
// conversions, crc32 and crc_hqx, binascii.Error / Incomplete. base64, quopri and uu are
// CPython's pure-Python modules over these.
#include <array>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "stdlib/buffer.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

TypeObject* g_error = nullptr;
TypeObject* g_incomplete = nullptr;

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kHexLower[] = "0123456789abcdef";
constexpr char kHexUpper[] = "0123456789ABCDEF";

// The input of the a2b_* functions: bytes-like, or a str of ASCII characters.
bool ascii_input(Value v, std::string_view* out) {
  if (is_str(v)) {
    StrObject* s = as_str(v);
    if (!s->is_ascii()) {
      raise_msg(ValueErrorType, "string argument should contain only ASCII characters");
      return false;
    }
    *out = s->view();
    return true;
  }
  ByteBuffer b;
  if (!get_buffer(v, &b)) {
    raise_fmt(TypeErrorType, "argument should be bytes, buffer or ASCII string, not '%s'", type_name(v));
    return false;
  }
  *out = b.data;
  return true;
}

// The input of the b2a_* functions and checksums: bytes-like only.
bool binary_input(Value v, std::string_view* out) {
  ByteBuffer b;
  if (!require_buffer(v, &b)) return false;
  *out = b.data;
  return true;
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A flag argument read by truth value (CPython's `bool` converter for keyword flags).
bool flag_arg(Value v, bool dflt, bool* out) {
  if (v.is_empty_slot()) {
    *out = dflt;
    return true;
  }
  int t = is_true(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

// An `unsigned int(bitwise=True)` argument: any int, reduced modulo 2**32.
bool u32_arg(Value v, uint32_t* out) {
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  int64_t small;
  if (int_to_int64(v, &small)) {
    *out = static_cast<uint32_t>(small);
    return true;
  }
  Value masked = int_binary(v, int_from_int64(0xFFFFFFFFll), fe::BinaryOpKind::And);
  if (masked.is_empty_slot() || !int_to_int64(masked, &small)) return false;
  *out = static_cast<uint32_t>(small);
  return true;
}

// ---- hex ------------------------------------------------------------------------------------------------
// b2a_hex(data, sep=None, bytes_per_sep=1); sep groups count from the right when positive.
Value hexlify_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args(fname, args, nargs, kwnames, {"data", "sep", "bytes_per_sep"}, 1, a)) return Value();
  std::string_view data;
  if (!binary_input(a[0], &data)) return Value();
  char sep = 0;
  int64_t per = 1;
  if (!a[1].is_empty_slot() && a[1] != None) {
    std::string_view s;
    if (is_str(a[1])) {
      s = as_str(a[1])->view();
      if (!as_str(a[1])->is_ascii()) return raise_msg(ValueErrorType, "sep must be ASCII.");
      if (as_str(a[1])->length != 1) return raise_msg(ValueErrorType, "sep must be length 1.");
    } else if (!bytes_like_view(a[1], &s)) {
      return raise_fmt(TypeErrorType, "sep must be str or bytes.");
    } else if (s.size() != 1) {
      return raise_msg(ValueErrorType, "sep must be length 1.");
    }
    sep = s[0];
    if (!a[2].is_empty_slot()) {
      if (!is_int(a[2]))
        return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(a[2]));
      if (!int_to_int64(a[2], &per)) return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
    }
  }
  std::string out;
  out.reserve(data.size() * 3);
  const int64_t n = static_cast<int64_t>(data.size());
  const int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; ++i) {
    if (sep && group && i > 0) {
      // Positive: groups end at the right end; negative: groups start at the left.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += kHexLower[c >> 4];
    out += kHexLower[c & 15];
  }
  return bytes_value(out);
}
Value b2a_hex(Value* a, int64_t n, TupleObject* k) { return hexlify_impl("b2a_hex", a, n, k); }
Value hexlify(Value* a, int64_t n, TupleObject* k) { return hexlify_impl("hexlify", a, n, k); }

Value unhexlify_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args(fname, args, nargs, kwnames, {"hexstr"}, 1, a)) return Value();
  std::string_view s;
  if (!ascii_input(a[0], &s)) return Value();
  if (s.size() % 2) return raise_msg(g_error, "Odd-length string");
  std::string out(s.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = hex_value(s[2 * i]), lo = hex_value(s[2 * i + 1]);
    if (hi < 0 || lo < 0) return raise_msg(g_error, "Non-hexadecimal digit found");
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return bytes_value(out);
}
Value a2b_hex(Value* a, int64_t n, TupleObject* k) { return unhexlify_impl("a2b_hex", a, n, k); }
Value unhexlify(Value* a, int64_t n, TupleObject* k) { return unhexlify_impl("unhexlify", a, n, k); }

// ---- base64 ---------------------------------------------------------------------------------------------
Value b2a_base64(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("b2a_base64", args, nargs, kwnames, {"data", "newline"}, 1, a, 1)) return Value();
  std::string_view data;
  bool newline;
  if (!binary_input(a[0], &data) || !flag_arg(a[1], true, &newline)) return Value();
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = static_cast<unsigned char>(data[i]) << 16 | static_cast<unsigned char>(data[i + 1]) << 8 |
                 static_cast<unsigned char>(data[i + 2]);
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < data.size()) {
    uint32_t v = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < data.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  if (newline) out += '\n';
  return bytes_value(out);
}

Value a2b_base64(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("a2b_base64", args, nargs, kwnames, {"data", "strict_mode"}, 1, a, 1)) return Value();
  std::string_view s;
  bool strict;
  if (!ascii_input(a[0], &s) || !flag_arg(a[1], false, &strict)) return Value();
  static const std::array<uint8_t, 256> table = [] {
    std::array<uint8_t, 256> t{};
    t.fill(0xFF);
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kBase64[i])] = static_cast<uint8_t>(i);
    return t;
  }();
  std::string out;
  out.reserve(s.size() / 4 * 3 + 3);
  int quad = 0, pads = 0;
  bool padding_started = false;
  unsigned leftchar = 0;
  if (strict && !s.empty() && s[0] == '=') return raise_msg(g_error, "Leading padding not allowed");
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '=') {
      padding_started = true;
      if (strict && quad == 0) return raise_msg(g_error, "Excess padding not allowed");
      if (quad >= 2 && quad + ++pads >= 4) {
        // Complete padding ends the data; in strict mode nothing may follow.
        if (strict && i + 1 < s.size()) return raise_msg(g_error, "Excess data after padding");
        return bytes_value(out);
      }
      continue;
    }
    uint8_t v = table[c];
    if (v >= 64) {
      if (strict) return raise_msg(g_error, "Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return raise_msg(g_error, "Discontinuous padding not allowed");
    pads = 0;
    switch (quad) {
      case 0: quad = 1; leftchar = v; break;
      case 1: quad = 2; out += static_cast<char>(leftchar << 2 | v >> 4); leftchar = v & 0x0f; break;
      case 2: quad = 3; out += static_cast<char>(leftchar << 4 | v >> 2); leftchar = v & 0x03; break;
      default: quad = 0; out += static_cast<char>(leftchar << 6 | v); leftchar = 0; break;
    }
  }
  if (quad == 1)
    return raise_fmt(g_error,
                     "Invalid base64-encoded string: number of data characters (%lld) cannot be 1 more than a "
                     "multiple of 4",
                     static_cast<long long>(out.size() / 3 * 4 + 1));
  if (quad != 0) return raise_msg(g_error, "Incorrect padding");
  return bytes_value(out);
}

// ---- uuencode -------------------------------------------------------------------------------------------
Value b2a_uu(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("b2a_uu", args, nargs, kwnames, {"data", "backtick"}, 1, a, 1)) return Value();
  std::string_view data;
  bool backtick;
  if (!binary_input(a[0], &data) || !flag_arg(a[1], false, &backtick)) return Value();
  if (data.size() > 45) return raise_msg(g_error, "At most 45 bytes at once");
  auto enc = [backtick](unsigned v) { return static_cast<char>(backtick && v == 0 ? '`' : ' ' + v); };
  std::string out;
  out += enc(static_cast<unsigned>(data.size()));
  for (size_t i = 0; i < data.size(); i += 3) {
    unsigned v = 0;
    for (size_t k = 0; k < 3; ++k)
      v = v << 8 | (i + k < data.size() ? static_cast<unsigned char>(data[i + k]) : 0);
    out += enc(v >> 18);
    out += enc((v >> 12) & 63);
    out += enc((v >> 6) & 63);
    out += enc(v & 63);
  }
  out += '\n';
  return bytes_value(out);
}

Value a2b_uu(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("a2b_uu", args, nargs, kwnames, {"data"}, 1, a)) return Value();
  std::string_view s;
  if (!ascii_input(a[0], &s)) return Value();
  // The first char is the byte count; an empty line decodes to 32 NULs (CPython's reading).
  size_t pos = 0;
  int64_t remaining = s.empty() ? 0 : s.size();
  unsigned bin_len = s.empty() ? (0 - ' ') & 077 : (static_cast<unsigned char>(s[pos++]) - ' ') & 077;
  remaining = s.empty() ? 0 : remaining - 1;
  std::string out;
  unsigned leftchar = 0;
  int leftbits = 0;
  for (; bin_len > 0; --remaining, ++pos) {
    unsigned c = remaining > 0 ? static_cast<unsigned char>(s[pos]) : 0;
    if (c == '\n' || c == '\r' || remaining <= 0) {
      c = 0;  // assume trailing spaces were eaten
    } else {
      if (c < ' ' || c > ' ' + 64) return raise_msg(g_error, "Illegal char");
      c = (c - ' ') & 077;
    }
    leftchar = leftchar << 6 | c;
    leftbits += 6;
    if (leftbits >= 8) {
      leftbits -= 8;
      out += static_cast<char>((leftchar >> leftbits) & 0xff);
      leftchar &= (1u << leftbits) - 1;
      --bin_len;
    }
  }
  for (; remaining > 0; --remaining, ++pos) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') return raise_msg(g_error, "Trailing garbage");
  }
  return bytes_value(out);
}

// ---- quoted-printable -----------------------------------------------------------------------------------
Value a2b_qp(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("a2b_qp", args, nargs, kwnames, {"data", "header"}, 1, a)) return Value();
  std::string_view s;
  bool header;
  if (!ascii_input(a[0], &s) || !flag_arg(a[1], false, &header)) return Value();
  std::string out;
  size_t i = 0, n = s.size();
  while (i < n) {
    if (s[i] == '=') {
      if (++i >= n) break;
      if (s[i] == '\n' || s[i] == '\r') {  // soft line break
        if (s[i] != '\n')
          while (i < n && s[i] != '\n') ++i;
        if (i < n) ++i;
      } else if (s[i] == '=') {
        out += '=';
        ++i;
      } else if (i + 1 < n && hex_value(s[i]) >= 0 && hex_value(s[i + 1]) >= 0) {
        out += static_cast<char>(hex_value(s[i]) << 4 | hex_value(s[i + 1]));
        i += 2;
      } else {
        out += '=';
      }
    } else if (header && s[i] == '_') {
      out += ' ';
      ++i;
    } else {
      out += s[i++];
    }
  }
  return bytes_value(out);
}

Value b2a_qp(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("b2a_qp", args, nargs, kwnames, {"data", "quotetabs", "istext", "header"}, 1, a)) return Value();
  std::string_view d;
  bool quotetabs, istext, header;
  if (!binary_input(a[0], &d) || !flag_arg(a[1], false, &quotetabs) || !flag_arg(a[2], true, &istext) ||
      !flag_arg(a[3], false, &header))
    return Value();
  constexpr size_t kMaxLine = 76;
  const size_t n = d.size();
  auto at = [&](size_t i) { return static_cast<unsigned char>(d[i]); };
  // CRLF line ends are kept when the first newline is preceded by \r.
  size_t nl = d.find('\n');
  bool crlf = nl != std::string_view::npos && nl > 0 && d[nl - 1] == '\r';
  std::string out;
  size_t i = 0, linelen = 0;
  auto soft_break = [&] {
    out += '=';
    if (crlf) out += '\r';
    out += '\n';
    linelen = 0;
  };
  while (i < n) {
    unsigned char c = at(i);
    bool encode = c > 126 || c == '=' || (header && c == '_') ||
                  (c == '.' && linelen == 0 && (i + 1 == n || d[i + 1] == '\n' || d[i + 1] == '\r' || d[i + 1] == 0)) ||
                  (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && i + 1 == n) ||
                  (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (encode) {
      if (linelen + 3 >= kMaxLine) soft_break();
      out += '=';
      out += kHexUpper[c >> 4];
      out += kHexUpper[c & 15];
      ++i;
      linelen += 3;
    } else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && d[i + 1] == '\n'))) {
      linelen = 0;
      // Whitespace before a line end would be lost: encode it.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char w = static_cast<unsigned char>(out.back());
        out.back() = '=';
        out += kHexUpper[w >> 4];
        out += kHexUpper[w & 15];
      }
      if (crlf) out += '\r';
      out += '\n';
      i += c == '\r' ? 2 : 1;
    } else {
      if (i + 1 != n && d[i + 1] != '\n' && linelen + 1 >= kMaxLine) soft_break();
      ++linelen;
      out += header && c == ' ' ? '_' : static_cast<char>(c);
      ++i;
    }
  }
  return bytes_value(out);
}

// ---- checksums ------------------------------------------------------------------------------------------
Value crc32(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("crc32", kwnames) || !check_positional("crc32", nargs, 1, 2)) return Value();
  std::string_view data;
  uint32_t crc = 0;
  if (!binary_input(args[0], &data) || (nargs > 1 && !u32_arg(args[1], &crc))) return Value();
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (unsigned char c : data) crc = table[(crc ^ c) & 0xff] ^ (crc >> 8);
  return int_from_int64(static_cast<uint32_t>(~crc));
}

Value crc_hqx(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("crc_hqx", kwnames) || !check_positional("crc_hqx", nargs, 2, 2)) return Value();
  std::string_view data;
  uint32_t crc;
  if (!binary_input(args[0], &data) || !u32_arg(args[1], &crc)) return Value();
  crc &= 0xffff;
  for (unsigned char c : data) {
    crc ^= static_cast<uint32_t>(c) << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return int_from_int64(crc);
}

const NativeFunctionDef kBinasciiFunctions[] = {
    {"a2b_uu", a2b_uu},       {"b2a_uu", b2a_uu},         {"a2b_base64", a2b_base64}, {"b2a_base64", b2a_base64},
    {"a2b_qp", a2b_qp},       {"b2a_qp", b2a_qp},         {"a2b_hex", a2b_hex},       {"b2a_hex", b2a_hex},
    {"hexlify", hexlify},     {"unhexlify", unhexlify},   {"crc32", crc32},           {"crc_hqx", crc_hqx},
};

bool init_binascii(ModuleObject* m) {
  if (!g_error) {
    g_error = make_exception_class("binascii", "Error", ValueErrorType);
    g_incomplete = make_exception_class("binascii", "Incomplete", ExceptionType);
    if (!g_error || !g_incomplete) return false;
  }
  return module_add(m, "Error", Value::from_obj(g_error)) && module_add(m, "Incomplete", Value::from_obj(g_incomplete));
}

}  // namespace

extern const NativeModuleDef kBinasciiModule;
const NativeModuleDef kBinasciiModule = {"binascii", kBinasciiFunctions, std::size(kBinasciiFunctions), init_binascii};

}  // namespace coil::lib
