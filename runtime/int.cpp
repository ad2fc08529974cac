// int.cpp — int arithmetic: a fast path on tagged small ints, GMP (mpz over the
// object's limbs) beyond 63 bits, Python's floor-division and shift semantics.
#include "runtime/int.h"

#include <cmath>
#include <cstring>

#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/str.h"

namespace coil::rt {

namespace {

// An int subclass instance keeps its value as a Value (small or IntObject).
struct IntSubObject : Object {
  Value value;
};

struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  explicit Mpz(Value v) { mpz_init(z); int_to_mpz(v, z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

constexpr size_t kMaxLimbs = size_t(1) << 28;  // 2**34 bits: past this, MemoryError

}  // namespace

Value int_exact(Value v) {
  if (v.is_small_int()) return v;
  Object* o = v.as_obj();
  if (o->type == IntType) return v;
  if (o->type == BoolType) return Value::from_small_int(o->aux);
  return static_cast<IntSubObject*>(o)->value;
}

Value int_from_int64(int64_t i) {
  if (Value::fits_small_int(i)) return Value::from_small_int(i);
  auto* o = static_cast<IntObject*>(allocate_object(IntType, sizeof(IntObject) + sizeof(mp_limb_t)));
  if (!o) return raise_memory_error();
  uint64_t mag = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  o->limbs[0] = mag;
  o->size = i < 0 ? -1 : 1;
  return Value::from_obj(o);
}

Value int_from_uint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(Value::kMaxSmallInt)) return Value::from_small_int(static_cast<int64_t>(u));
  auto* o = static_cast<IntObject*>(allocate_object(IntType, sizeof(IntObject) + sizeof(mp_limb_t)));
  if (!o) return raise_memory_error();
  o->limbs[0] = u;
  o->size = 1;
  return Value::from_obj(o);
}

Value int_from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long l = mpz_get_si(z);
    if (Value::fits_small_int(l)) return Value::from_small_int(l);
  }
  size_t n = mpz_size(z);
  if (n > kMaxLimbs) return raise_memory_error();
  auto* o = static_cast<IntObject*>(allocate_object(IntType, sizeof(IntObject) + n * sizeof(mp_limb_t)));
  if (!o) return raise_memory_error();
  std::memcpy(o->limbs, mpz_limbs_read(z), n * sizeof(mp_limb_t));
  o->size = mpz_sgn(z) < 0 ? -static_cast<int32_t>(n) : static_cast<int32_t>(n);
  return Value::from_obj(o);
}

void int_to_mpz(Value v, mpz_t z) {
  v = int_exact(v);
  if (v.is_small_int()) {
    mpz_set_si(z, v.as_small_int());
    return;
  }
  auto* o = static_cast<IntObject*>(v.as_obj());
  mpz_t view;
  mpz_roinit_n(view, o->limbs, o->size);
  mpz_set(z, view);
}

bool int_to_int64(Value v, int64_t* out) {
  v = int_exact(v);
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  auto* o = static_cast<IntObject*>(v.as_obj());
  if (o->size == 1 && o->limbs[0] <= static_cast<uint64_t>(INT64_MAX)) {
    *out = static_cast<int64_t>(o->limbs[0]);
    return true;
  }
  if (o->size == -1 && o->limbs[0] <= uint64_t(1) << 63) {
    *out = static_cast<int64_t>(0 - o->limbs[0]);
    return true;
  }
  return false;
}

bool int_is_zero(Value v) {
  v = int_exact(v);
  return v.is_small_int() && v.as_small_int() == 0;
}

int int_sign(Value v) {
  v = int_exact(v);
  if (v.is_small_int()) return (v.as_small_int() > 0) - (v.as_small_int() < 0);
  return static_cast<IntObject*>(v.as_obj())->size < 0 ? -1 : 1;
}

int int_compare(Value a, Value b) {
  a = int_exact(a);
  b = int_exact(b);
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    return (x > y) - (x < y);
  }
  Mpz x(a), y(b);
  int c = mpz_cmp(x.z, y.z);
  return (c > 0) - (c < 0);
}

double int_to_double(Value v, bool* overflow) {
  *overflow = false;
  v = int_exact(v);
  if (v.is_small_int()) return static_cast<double>(v.as_small_int());
  // Correct rounding (round-half-even) for big values: take the top 64+ bits with a
  // sticky bit, then let the hardware round the 64-bit integer, and scale.
  Mpz z(v);
  int sign = mpz_sgn(z.z);
  mpz_abs(z.z, z.z);
  size_t bits = mpz_sizeinbase(z.z, 2);
  if (bits > 1024) {
    *overflow = true;
    return 0;
  }
  double result;
  if (bits <= 63) {
    result = static_cast<double>(mpz_get_ui(z.z));
  } else {
    size_t shift = bits - 63;
    Mpz top;
    mpz_tdiv_q_2exp(top.z, z.z, shift);
    uint64_t t = mpz_get_ui(top.z);
    if (mpz_scan1(z.z, 0) < shift) t |= 1;  // sticky: lost bits were not all zero
    result = std::ldexp(static_cast<double>(t), static_cast<int>(shift));
    if (std::isinf(result)) {
      *overflow = true;
      return 0;
    }
  }
  return sign < 0 ? -result : result;
}

int64_t int_hash(Value v) {
  // CPython: the value modulo the Mersenne prime 2**61 - 1, sign kept, -1 becomes -2.
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  v = int_exact(v);
  int64_t h;
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    uint64_t mag = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    h = static_cast<int64_t>(mag % kModulus);
    if (i < 0) h = -h;
  } else {
    auto* o = static_cast<IntObject*>(v.as_obj());
    int n = o->size < 0 ? -o->size : o->size;
    unsigned __int128 acc = 0;
    for (int k = n - 1; k >= 0; --k) {
      acc = ((acc << 64) | o->limbs[k]) % kModulus;
    }
    h = static_cast<int64_t>(acc);
    if (o->size < 0) h = -h;
  }
  return h == -1 ? -2 : h;
}

Value int_negate(Value a) {
  a = int_exact(a);
  if (a.is_small_int()) return int_from_int64(-a.as_small_int());
  Mpz z(a);
  mpz_neg(z.z, z.z);
  return int_from_mpz(z.z);
}

Value int_invert(Value a) {
  a = int_exact(a);
  if (a.is_small_int()) return int_from_int64(~a.as_small_int());
  Mpz z(a);
  mpz_com(z.z, z.z);
  return int_from_mpz(z.z);
}

static Value int_pow(Value a, Value b) {
  if (int_sign(b) < 0) {
    // int ** negative int is a float.
    bool ofa, ofb;
    double x = int_to_double(a, &ofa), y = int_to_double(b, &ofb);
    if (ofa || ofb) return raise_msg(OverflowErrorType, "int too large to convert to float");
    if (x == 0) return raise_msg(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
    return float_value(std::pow(x, y));
  }
  Mpz base(a), exp(b);
  if (!mpz_fits_ulong_p(exp.z)) {
    // Only 0, 1 and -1 survive astronomically large exponents.
    if (mpz_cmpabs_ui(base.z, 1) <= 0) {
      if (mpz_sgn(base.z) < 0 && mpz_even_p(exp.z)) mpz_neg(base.z, base.z);
      return int_from_mpz(base.z);
    }
    return raise_memory_error();
  }
  unsigned long e = mpz_get_ui(exp.z);
  size_t bits = mpz_sizeinbase(base.z, 2);
  if (mpz_cmpabs_ui(base.z, 1) > 0 && static_cast<double>(bits) * e > double(kMaxLimbs) * 64)
    return raise_memory_error();
  Mpz r;
  mpz_pow_ui(r.z, base.z, e);
  return int_from_mpz(r.z);
}

static Value small_binary(int64_t x, int64_t y, fe::BinaryOpKind op, bool* done) {
  using K = fe::BinaryOpKind;
  *done = true;
  int64_t r;
  switch (op) {
    case K::Add: if (!__builtin_add_overflow(x, y, &r)) return int_from_int64(r); break;
    case K::Subtract: if (!__builtin_sub_overflow(x, y, &r)) return int_from_int64(r); break;
    case K::Multiply: if (!__builtin_mul_overflow(x, y, &r)) return int_from_int64(r); break;
    case K::FloorDivide:
    case K::Remainder: {
      if (y == 0) {
        return raise_msg(ZeroDivisionErrorType, op == K::FloorDivide
                                                    ? "integer division or modulo by zero"
                                                    : "integer modulo by zero");
      }
      int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        --q;
        m += y;
      }
      return int_from_int64(op == K::FloorDivide ? q : m);
    }
    case K::And: return Value::from_small_int(x & y);
    case K::Or: return Value::from_small_int(x | y);
    case K::Xor: return Value::from_small_int(x ^ y);
    case K::RShift:
      if (y < 0) return raise_msg(ValueErrorType, "negative shift count");
      return Value::from_small_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case K::LShift:
      if (y < 0) return raise_msg(ValueErrorType, "negative shift count");
      if (x == 0) return Value::from_small_int(0);
      if (y < 62) {
        int64_t s = x << y;
        if ((s >> y) == x) return int_from_int64(s);
      }
      break;
    default: break;
  }
  *done = false;
  return Value();
}

Value int_binary(Value a, Value b, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  if (static_cast<int>(op) >= fe::kInplace) op = static_cast<K>(static_cast<int>(op) - fe::kInplace);
  a = int_exact(a);
  b = int_exact(b);
  if (op == K::TrueDivide) return int_true_divide(a, b);
  if (op == K::Power) return int_pow(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    bool done;
    Value r = small_binary(a.as_small_int(), b.as_small_int(), op, &done);
    if (done) return r;
  }
  Mpz x(a), y(b), r;
  switch (op) {
    case K::Add: mpz_add(r.z, x.z, y.z); break;
    case K::Subtract: mpz_sub(r.z, x.z, y.z); break;
    case K::Multiply:
      if (mpz_size(x.z) + mpz_size(y.z) > kMaxLimbs) return raise_memory_error();
      mpz_mul(r.z, x.z, y.z);
      break;
    case K::FloorDivide:
    case K::Remainder:
      if (mpz_sgn(y.z) == 0) {
        return raise_msg(ZeroDivisionErrorType, op == K::FloorDivide
                                                    ? "integer division or modulo by zero"
                                                    : "integer modulo by zero");
      }
      if (op == K::FloorDivide) mpz_fdiv_q(r.z, x.z, y.z);
      else mpz_fdiv_r(r.z, x.z, y.z);
      break;
    case K::And: mpz_and(r.z, x.z, y.z); break;
    case K::Or: mpz_ior(r.z, x.z, y.z); break;
    case K::Xor: mpz_xor(r.z, x.z, y.z); break;
    case K::LShift:
    case K::RShift: {
      if (mpz_sgn(y.z) < 0) return raise_msg(ValueErrorType, "negative shift count");
      if (!mpz_fits_ulong_p(y.z)) {
        if (op == K::RShift || mpz_sgn(x.z) == 0)
          return Value::from_small_int(mpz_sgn(x.z) < 0 ? -1 : 0);
        return raise_msg(OverflowErrorType, "too many digits in integer");
      }
      unsigned long s = mpz_get_ui(y.z);
      if (op == K::LShift) {
        if (mpz_sgn(x.z) != 0 && mpz_sizeinbase(x.z, 2) + s > kMaxLimbs * 64) return raise_memory_error();
        mpz_mul_2exp(r.z, x.z, s);
      } else {
        mpz_fdiv_q_2exp(r.z, x.z, s);
      }
      break;
    }
    default:
      return raise_msg(TypeErrorType, "unsupported operand type(s) for int operation");
  }
  return int_from_mpz(r.z);
}

Value int_true_divide(Value a, Value b) {
  a = int_exact(a);
  b = int_exact(b);
  if (int_is_zero(b)) return raise_msg(ZeroDivisionErrorType, "division by zero");
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    // Exact in doubles when both fit in 53 bits: one correctly rounded division.
    if (x > -(int64_t(1) << 53) && x < (int64_t(1) << 53) && y > -(int64_t(1) << 53) && y < (int64_t(1) << 53))
      return float_value(static_cast<double>(x) / static_cast<double>(y));
  }
  // Correctly rounded quotient of big ints: scale so the integer quotient has 55+ bits,
  // keep a sticky bit for the remainder, and round once when converting.
  Mpz x(a), y(b);
  int sign = mpz_sgn(x.z) * mpz_sgn(y.z);
  mpz_abs(x.z, x.z);
  mpz_abs(y.z, y.z);
  if (mpz_sgn(x.z) == 0) return float_value(sign < 0 ? -0.0 : 0.0);
  long shift = 55 - (static_cast<long>(mpz_sizeinbase(x.z, 2)) - static_cast<long>(mpz_sizeinbase(y.z, 2)));
  if (shift > 0) mpz_mul_2exp(x.z, x.z, shift);
  else mpz_mul_2exp(y.z, y.z, -shift);
  Mpz q, r;
  mpz_tdiv_qr(q.z, r.z, x.z, y.z);
  if (mpz_sgn(r.z) != 0) mpz_setbit(q.z, 0);  // sticky
  // q has 55 or 56 significant bits; the conversion rounds the last bits correctly.
  size_t qbits = mpz_sizeinbase(q.z, 2);
  Mpz top;
  long extra = static_cast<long>(qbits) - 63;
  double d;
  if (extra > 0) {
    mpz_tdiv_q_2exp(top.z, q.z, extra);
    uint64_t t = mpz_get_ui(top.z) | (mpz_scan1(q.z, 0) < static_cast<mp_bitcnt_t>(extra) ? 1 : 0);
    d = std::ldexp(static_cast<double>(t), static_cast<int>(extra - shift));
  } else {
    d = std::ldexp(static_cast<double>(mpz_get_ui(q.z)), static_cast<int>(-shift));
  }
  if (std::isinf(d)) return raise_msg(OverflowErrorType, "integer division result too large for a float");
  return float_value(sign < 0 ? -d : d);
}

std::string int_to_string(Value v, int base) {
  v = int_exact(v);
  if (v.is_small_int() && base == 10) return std::to_string(v.as_small_int());
  Mpz z(v);
  bool neg = mpz_sgn(z.z) < 0;
  mpz_abs(z.z, z.z);
  std::string digits(mpz_sizeinbase(z.z, base) + 2, '\0');
  mpz_get_str(digits.data(), base, z.z);
  digits.resize(std::strlen(digits.c_str()));
  const char* prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  return (neg ? "-" : "") + std::string(prefix) + digits;
}

Value int_from_string(std::string_view text, int base) {
  auto fail = [&]() {
    return raise_fmt(ValueErrorType, "invalid literal for int() with base %d: %s", base,
                     str_repr(text).c_str());
  };
  size_t i = 0, n = text.size();
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < n && space(text[i])) ++i;
  while (n > i && space(text[n - 1])) --n;
  bool neg = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
  int b = base;
  auto has_prefix = [&](char lower) {
    return i + 1 < n && text[i] == '0' && (text[i + 1] | 0x20) == lower;
  };
  if (b == 0) {
    if (has_prefix('x')) b = 16, i += 2;
    else if (has_prefix('o')) b = 8, i += 2;
    else if (has_prefix('b')) b = 2, i += 2;
    else b = 10;
    if (b != 10 && i < n && text[i] == '_') ++i;
  } else if ((b == 16 && has_prefix('x')) || (b == 8 && has_prefix('o')) || (b == 2 && has_prefix('b'))) {
    i += 2;
    if (i < n && text[i] == '_') ++i;
  }
  std::string digits;
  bool last_underscore = true;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (last_underscore) return fail();
      last_underscore = true;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= b) return fail();
    digits += c;
    last_underscore = false;
  }
  if (digits.empty() || last_underscore) return fail();
  // base 0: a decimal literal may not have leading zeros ("010"), but "000" is fine.
  if (base == 0 && b == 10 && digits.size() > 1 && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos)
    return fail();
  Mpz z;
  mpz_set_str(z.z, digits.c_str(), b);
  if (neg) mpz_neg(z.z, z.z);
  return int_from_mpz(z.z);
}

}  // namespace coil::rt

namespace coil::rt {

Value int_from_double_exact(double d) {
  if (d >= -4.0e18 && d <= 4.0e18) return int_from_int64(static_cast<int64_t>(d));
  mpz_t z;
  mpz_init_set_d(z, d);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

}  // namespace coil::rt
