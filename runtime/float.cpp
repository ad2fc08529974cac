// float.cpp — float boxing, arithmetic with Python's semantics, repr and hash.
#include "runtime/float.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"

namespace coil::rt {

Value float_value(double d) {
  auto* f = static_cast<FloatObject*>(allocate_object(FloatType, sizeof(FloatObject)));
  if (!f) return raise_memory_error();
  f->value = d;
  return Value::from_obj(f);
}

bool to_double(Value v, double* out) {
  if (is_float(v)) {
    *out = float_of(v);
    return true;
  }
  if (is_int(v)) {
    bool overflow;
    *out = int_to_double(v, &overflow);
    if (overflow) {
      raise_msg(OverflowErrorType, "int too large to convert to float");
      return false;
    }
    return true;
  }
  raise_fmt(TypeErrorType, "must be real number, not %s", type_name(v));
  return false;
}

// Python's float floor division and modulo: the result of % has the divisor's sign.
static void float_divmod(double x, double y, double* q, double* m) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  *q = floordiv;
  *m = mod;
}

static Value float_pow(double x, double y) {
  if (y == 0) return float_value(1.0);
  if (std::isnan(x)) return float_value(x);
  if (std::isnan(y)) return float_value(x == 1.0 ? 1.0 : y);
  if (x == 0 && y < 0 && !std::isinf(y))
    return raise_msg(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
  if (x < 0 && y != std::floor(y) && !std::isinf(y)) {
    // CPython returns a complex here; not supported until complex lands.
    return raise_msg(ValueErrorType, "math domain error");
  }
  errno = 0;
  double r = std::pow(x, y);
  if (std::isinf(r) && !std::isinf(x) && !std::isinf(y))
    return raise_fmt(OverflowErrorType, "(34, 'Numerical result out of range')");
  return float_value(r);
}

Value float_binary(Value a, Value b, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  if (static_cast<int>(op) >= fe::kInplace) op = static_cast<K>(static_cast<int>(op) - fe::kInplace);
  if (!(is_float(a) || is_int(a)) || !(is_float(b) || is_int(b))) return NotImplemented;
  double x, y;
  if (!to_double(a, &x) || !to_double(b, &y)) return Value();
  switch (op) {
    case K::Add: return float_value(x + y);
    case K::Subtract: return float_value(x - y);
    case K::Multiply: return float_value(x * y);
    case K::TrueDivide:
      if (y == 0) return raise_msg(ZeroDivisionErrorType, "float division by zero");
      return float_value(x / y);
    case K::FloorDivide: {
      if (y == 0) return raise_msg(ZeroDivisionErrorType, "float floor division by zero");
      double q, m;
      float_divmod(x, y, &q, &m);
      return float_value(q);
    }
    case K::Remainder: {
      if (y == 0) return raise_msg(ZeroDivisionErrorType, "float modulo");
      double q, m;
      float_divmod(x, y, &q, &m);
      return float_value(m);
    }
    case K::Power: return float_pow(x, y);
    default: return NotImplemented;
  }
}

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  // Shortest round-trip digits, then CPython's layout: scientific when the decimal
  // exponent is < -4 or >= 16, else positional with at least one fractional digit.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  bool neg = mant[0] == '-';
  if (neg) mant.erase(0, 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    out += digits[0];
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return out + eb;
  }
  if (exp < 0) {
    out += "0." + std::string(-exp - 1, '0') + digits;
  } else if (static_cast<int>(digits.size()) <= exp + 1) {
    out += digits + std::string(exp + 1 - digits.size(), '0') + ".0";
  } else {
    out += digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
  }
  return out;
}

int64_t float_hash(double d, Value self) {
  // CPython's numeric hash: consistent with int hashes for integral values.
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t(1) << kBits) - 1;
  if (std::isinf(d)) return d > 0 ? 314159 : -314159;
  if (std::isnan(d)) return static_cast<int64_t>(self.bits() >> 4);
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  int64_t h = static_cast<int64_t>(x) * sign;
  return h == -1 ? -2 : h;
}

}  // namespace coil::rt
