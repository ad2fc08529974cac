// struct_format.cpp — format parsing and per-item packing for _struct (see struct_format.h).
//
// CPython's messages depend on which of its three code tables handles an item, and this file
// reproduces that split: b/B/h/H/i/I/q/Q/n/N (and, on this little-endian host, the same codes
// with '<' or '=') go through native conversions that report C-long overflow as "argument
// out of range" and range errors per type ("byte format requires ..."), while '>'/'!' and the
// 4-byte '<l'/'<L' use the standard-size path ("'h' format requires ...", and "int too large
// to convert" for 8-byte big-endian ints).
#include "stdlib/struct_format.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/names.h"

namespace coil::lib::structfmt {

using namespace coil::rt;

namespace {

// Native size (and alignment) of a code; 0 when unknown.
uint32_t native_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': return 8;
    default: return 0;
  }
}
// Standard size of a code ('=<>!'); 0 when the code is native-only or unknown.
uint32_t standard_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

bool little_endian(Order o) { return o != Order::Big; }

// Does CPython handle this standard-size item with its native functions? (On a
// little-endian host the '<' and '=' tables borrow the native ones where sizes agree.)
bool uses_native_path(const Item& it) {
  if (it.order == Order::Native) return true;
  if (it.order == Order::Big) return it.code == 'b' || it.code == 'B';
  switch (it.code) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'q': case 'Q': case 'e': return true;
    default: return false;
  }
}

void store(char* p, uint64_t v, uint32_t size, bool little) {
  for (uint32_t i = 0; i < size; ++i) {
    uint32_t k = little ? i : size - 1 - i;
    p[k] = static_cast<char>(v >> (8 * i));
  }
}
uint64_t load(const char* p, uint32_t size, bool little) {
  uint64_t v = 0;
  for (uint32_t i = 0; i < size; ++i) {
    uint32_t k = little ? i : size - 1 - i;
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * i);
  }
  return v;
}

// get_pylong: an int, or __index__ of the argument; struct.error otherwise.
Value as_int(Value v, TypeObject* error) {
  if (is_int(v)) return v;
  if (!lookup_special(v, names::dunder_index).is_empty_slot()) return index(v);
  return raise_msg(error, "required argument is not an integer");
}

bool range_error(TypeObject* error, const Item& it, bool is_unsigned) {
  if (is_unsigned) {
    uint64_t max = it.size >= 8 ? UINT64_MAX : (uint64_t(1) << (8 * it.size)) - 1;
    raise_fmt(error, "'%c' format requires 0 <= number <= %llu", it.code, static_cast<unsigned long long>(max));
  } else {
    int64_t max = it.size >= 8 ? INT64_MAX : (int64_t(1) << (8 * it.size - 1)) - 1;
    raise_fmt(error, "'%c' format requires %lld <= number <= %lld", it.code, static_cast<long long>(-max - 1),
              static_cast<long long>(max));
  }
  return false;
}

bool pack_int(const Item& it, Value v, char* p, TypeObject* error) {
  Value n = as_int(v, error);
  if (n.is_empty_slot()) return false;
  const bool is_unsigned = it.code == 'B' || it.code == 'H' || it.code == 'I' || it.code == 'L' ||
                           it.code == 'Q' || it.code == 'N';
  const bool little = it.order == Order::Native || little_endian(it.order);
  int64_t s = 0;
  uint64_t u = 0;
  bool fits_signed = int_to_int64(n, &s);
  bool fits_unsigned = int_to_bigint(n).to_uint64(&u);
  if (it.order == Order::Big && it.size == 8) {
    // Big-endian 8-byte ints: CPython's byte conversion; its OverflowError becomes this.
    if (is_unsigned ? !fits_unsigned : !fits_signed) return raise_msg(error, "int too large to convert"), false;
    store(p, is_unsigned ? u : static_cast<uint64_t>(s), 8, false);
    return true;
  }
  if (uses_native_path(it)) {
    // Native conversions: C long / unsigned long first ("argument out of range").
    if (it.code == 'P') {
      if (!fits_signed && !fits_unsigned) return raise_msg(error, "argument out of range"), false;
      store(p, fits_signed ? static_cast<uint64_t>(s) : u, 8, little);
      return true;
    }
    if (is_unsigned && it.code != 'B' && it.code != 'H') {
      if (!fits_unsigned) return raise_msg(error, "argument out of range"), false;
      if (it.size < 8 && u > (uint64_t(1) << (8 * it.size)) - 1) return range_error(error, it, true);
      store(p, u, it.size, little);
      return true;
    }
    if (!fits_signed) return raise_msg(error, "argument out of range"), false;
    switch (it.code) {
      case 'b':
        if (s < -128 || s > 127) return raise_msg(error, "byte format requires -128 <= number <= 127"), false;
        break;
      case 'B':
        if (s < 0 || s > 255) return raise_msg(error, "ubyte format requires 0 <= number <= 255"), false;
        break;
      case 'h':
        if (s < -32768 || s > 32767) return raise_msg(error, "short format requires -32768 <= number <= 32767"), false;
        break;
      case 'H':
        if (s < 0 || s > 65535) return raise_msg(error, "ushort format requires 0 <= number <= 65535"), false;
        break;
      default:
        if (it.size < 8 && (s < -(int64_t(1) << (8 * it.size - 1)) || s >= (int64_t(1) << (8 * it.size - 1))))
          return range_error(error, it, false);
    }
    store(p, static_cast<uint64_t>(s), it.size, little);
    return true;
  }
  // Standard-size path (bp_int/lp_int and the unsigned ones): C long first, then the range.
  if (is_unsigned) {
    if (!fits_unsigned) return raise_msg(error, "argument out of range"), false;
    if (it.size < 8 && u > (uint64_t(1) << (8 * it.size)) - 1) return range_error(error, it, true);
    store(p, u, it.size, little);
    return true;
  }
  if (!fits_signed) return raise_msg(error, "argument out of range"), false;
  if (it.size < 8 && (s < -(int64_t(1) << (8 * it.size - 1)) || s >= (int64_t(1) << (8 * it.size - 1))))
    return range_error(error, it, false);
  store(p, static_cast<uint64_t>(s), it.size, little);
  return true;
}

// IEEE 754 binary16 with round-half-even; false when |x| is too large.
bool pack_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 1 : 0;
  uint16_t bits;
  if (x == 0.0) {
    bits = 0;
  } else if (std::isinf(x)) {
    bits = 0x7c00;
  } else if (std::isnan(x)) {
    bits = 0x7e00;
  } else {
    if (sign) x = -x;
    int e;
    double f = std::frexp(x, &e);  // x = f * 2**e, 0.5 <= f < 1
    f *= 2.0;
    e -= 1;                        // 1 <= f < 2
    if (e >= 16) return false;
    if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);   // subnormal
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    uint32_t m = static_cast<uint32_t>(f);
    double rest = f - m;
    if (rest > 0.5 || (rest == 0.5 && (m & 1))) {
      ++m;
      if (m == 1024) {
        m = 0;
        if (++e == 31) return false;
      }
    }
    bits = static_cast<uint16_t>(m | (e << 10));
  }
  *out = static_cast<uint16_t>(bits | (sign << 15));
  return true;
}

double unpack_half(uint16_t h) {
  int sign = h >> 15, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  double x;
  if (e == 0) x = std::ldexp(m, -24);
  else if (e == 31) x = m ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
  else x = std::ldexp(m + 1024, e - 25);
  return sign ? -x : x;
}

bool pack_float(const Item& it, Value v, char* p, TypeObject* error) {
  double x;
  if (!as_double(v, &x)) {
    clear_exception();
    return raise_msg(error, "required argument is not a float"), false;
  }
  const bool little = it.order == Order::Native || little_endian(it.order);
  if (it.code == 'e') {
    uint16_t h;
    if (!pack_half(x, &h)) return raise_msg(OverflowErrorType, "float too large to pack with e format"), false;
    store(p, h, 2, little);
    return true;
  }
  if (it.code == 'f') {
    float f = static_cast<float>(x);
    if (it.order != Order::Native && std::isinf(f) && !std::isinf(x))
      return raise_msg(OverflowErrorType, "float too large to pack with f format"), false;
    uint32_t w;
    std::memcpy(&w, &f, 4);
    store(p, w, 4, little);
    return true;
  }
  uint64_t w;
  std::memcpy(&w, &x, 8);
  store(p, w, 8, little);
  return true;
}

}  // namespace

bool parse(std::string_view fmt, Layout* out, TypeObject* error) {
  Order order = Order::Native;
  size_t i = 0;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': order = Order::Native; ++i; break;
      case '=': order = Order::NativeStd; ++i; break;
      case '<': order = Order::Little; ++i; break;
      case '>': case '!': order = Order::Big; ++i; break;
      default: break;
    }
  }
  constexpr int64_t kMaxSize = INT64_MAX / 2;
  int64_t offset = 0, nvalues = 0;
  out->items.clear();
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    int64_t num = 1;
    if (c >= '0' && c <= '9') {
      num = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        if (num > (kMaxSize - 9) / 10) return raise_msg(error, "total struct size too long"), false;
        num = num * 10 + (fmt[i++] - '0');
      }
      if (i == fmt.size()) return raise_msg(error, "repeat count given without format specifier"), false;
      c = fmt[i];
    }
    ++i;
    uint32_t size = order == Order::Native ? native_size(c) : standard_size(c);
    if (!size) return raise_msg(error, "bad char in struct format"), false;
    if (order == Order::Native) offset = (offset + size - 1) / size * size;  // align
    Item it{c, order, size, num, offset};
    if (c == 's' || c == 'p') {
      it.size = static_cast<uint32_t>(num);
      it.count = 1;
      if (num > kMaxSize - offset) return raise_msg(error, "total struct size too long"), false;
      offset += num;
      nvalues += 1;
    } else {
      if (num && static_cast<int64_t>(size) > (kMaxSize - offset) / num)
        return raise_msg(error, "total struct size too long"), false;
      offset += num * size;
      if (c != 'x') nvalues += num;
    }
    if (num || c == 's' || c == 'p') out->items.push_back(it);
  }
  out->size = offset;
  out->nvalues = nvalues;
  return true;
}

bool pack_value(const Item& it, Value v, char* p, TypeObject* error) {
  switch (it.code) {
    case 'c': {
      if (!is_bytes(v) || as_bytes(v)->size != 1)
        return raise_msg(error, "char format requires a bytes object of length 1"), false;
      p[0] = as_bytes(v)->data[0];
      return true;
    }
    case 's':
    case 'p': {
      std::string_view data;
      if (!bytes_like_view(v, &data)) return raise_fmt(error, "argument for '%c' must be a bytes object", it.code), false;
      size_t room = it.code == 'p' ? (it.size ? it.size - 1 : 0) : it.size;
      size_t n = data.size() < room ? data.size() : room;
      std::memcpy(p + (it.code == 'p' ? 1 : 0), data.data(), n);
      if (it.code == 'p' && it.size) p[0] = static_cast<char>(n > 255 ? 255 : n);
      return true;
    }
    case '?': {
      int t = is_true(v);
      if (t < 0) return false;
      p[0] = static_cast<char>(t);
      return true;
    }
    case 'e': case 'f': case 'd':
      return pack_float(it, v, p, error);
    default:
      if (!pack_int(it, v, p, error)) {
        // CPython turns an OverflowError raised while packing an int into this.
        if (is_int(v) && pending_matches(OverflowErrorType)) {
          clear_exception();
          raise_msg(error, "int too large to convert");
        }
        return false;
      }
      return true;
  }
}

Value unpack_value(const Item& it, const char* p) {
  const bool little = it.order == Order::Native || little_endian(it.order);
  switch (it.code) {
    case 'c': return bytes_value(std::string_view(p, 1));
    case 's': return bytes_value(std::string_view(p, it.size));
    case 'p': {
      size_t n = it.size ? static_cast<unsigned char>(p[0]) : 0;
      if (it.size && n > it.size - 1) n = it.size - 1;
      return bytes_value(std::string_view(p + 1, n));
    }
    case '?': return bool_value(p[0] != 0);
    case 'e': return float_value(unpack_half(static_cast<uint16_t>(load(p, 2, little))));
    case 'f': {
      uint32_t w = static_cast<uint32_t>(load(p, 4, little));
      float f;
      std::memcpy(&f, &w, 4);
      return float_value(f);
    }
    case 'd': {
      uint64_t w = load(p, 8, little);
      double d;
      std::memcpy(&d, &w, 8);
      return float_value(d);
    }
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': case 'P':
      return int_from_uint64(load(p, it.size, little));
    default: {
      uint64_t u = load(p, it.size, little);
      if (it.size < 8) {
        uint64_t sign = uint64_t(1) << (8 * it.size - 1);
        if (u & sign) u |= ~((sign << 1) - 1);
      }
      return int_from_int64(static_cast<int64_t>(u));
    }
  }
}

}  // namespace coil::lib::structfmt
