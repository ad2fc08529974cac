// int.cpp — int values: a fast path on tagged small ints, BigInt beyond 63 bits, and the
// mapping of BigInt's statuses to Python's exceptions (texts as CPython 3.11 words them).
#include "runtime/int.h"

#include <cmath>
#include <cstring>

#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int_limbs.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

// Past 2**34 bits a value is refused with MemoryError (CPython's own limit is similar).
constexpr size_t kMaxLimbs = size_t(1) << 28;

int g_max_str_digits = kDefaultMaxStrDigits;

IntObject* as_big(Value v) { return static_cast<IntObject*>(v.as_obj()); }

Value zero_division(fe::BinaryOpKind op) {
  return raise_msg(ZeroDivisionErrorType, op == fe::BinaryOpKind::Remainder ? "integer modulo by zero"
                                                                             : "integer division or modulo by zero");
}

}  // namespace

int int_max_str_digits() { return g_max_str_digits; }
void set_int_max_str_digits(int limit) { g_max_str_digits = limit; }

Value int_exact(Value v) {
  if (v.is_small_int()) return v;
  Object* o = v.as_obj();
  if (o->type == IntType) return v;
  if (o->type == BoolType) return Value::from_small_int(o->aux);
  return static_cast<IntSubObject*>(o)->value;
}

Value int_subclass_new(TypeObject* type, Value v) {
  v = int_exact(v);
  if (type == IntType) return v;
  Object* o = type->alloc ? type->alloc(type) : nullptr;
  if (!o) return has_pending_exception() ? Value() : raise_memory_error();
  static_cast<IntSubObject*>(o)->value = v;
  return Value::from_obj(o);
}

Value int_from_int64(int64_t i) {
  if (Value::fits_small_int(i)) return Value::from_small_int(i);
  auto* o = static_cast<IntObject*>(allocate_object(IntType, sizeof(IntObject) + sizeof(uint64_t)));
  if (!o) return raise_memory_error();
  o->limbs[0] = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  o->size = i < 0 ? -1 : 1;
  return Value::from_obj(o);
}

Value int_from_uint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(Value::kMaxSmallInt)) return Value::from_small_int(static_cast<int64_t>(u));
  auto* o = static_cast<IntObject*>(allocate_object(IntType, sizeof(IntObject) + sizeof(uint64_t)));
  if (!o) return raise_memory_error();
  o->limbs[0] = u;
  o->size = 1;
  return Value::from_obj(o);
}

Value int_from_bigint(const BigInt& b) {
  if (b.is_small()) return int_from_int64(b.small_value());
  size_t n = b.limb_count();
  if (n > kMaxLimbs) return raise_memory_error();
  auto* o = static_cast<IntObject*>(allocate_object(IntType, sizeof(IntObject) + n * sizeof(uint64_t)));
  if (!o) return raise_memory_error();
  b.copy_limbs(o->limbs);
  o->size = b.is_negative() ? -static_cast<int32_t>(n) : static_cast<int32_t>(n);
  return Value::from_obj(o);
}

BigInt int_to_bigint(Value v) {
  v = int_exact(v);
  if (v.is_small_int()) return BigInt(v.as_small_int());
  IntObject* o = as_big(v);
  return BigInt::from_limbs(o->limbs, o->size < 0 ? -o->size : o->size, o->size < 0);
}

Value int_from_double_exact(double d) {
  if (d >= -4.0e18 && d <= 4.0e18) return int_from_int64(static_cast<int64_t>(d));
  return int_from_bigint(BigInt::from_double(d));
}

bool int_to_int64(Value v, int64_t* out) {
  v = int_exact(v);
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  IntObject* o = as_big(v);
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
  return as_big(v)->size < 0 ? -1 : 1;
}

int int_compare(Value a, Value b) {
  a = int_exact(a);
  b = int_exact(b);
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    return (x > y) - (x < y);
  }
  return int_limbs_compare(a, b);
}

double int_to_double(Value v, bool* overflow) {
  *overflow = false;
  v = int_exact(v);
  if (v.is_small_int()) return static_cast<double>(v.as_small_int());
  double d;
  if (int_to_bigint(v).to_double(&d) != NumStatus::ok) {
    *overflow = true;
    return 0;
  }
  return d;
}

bool int_as_double(Value v, double* out) {
  bool overflow;
  *out = int_to_double(v, &overflow);
  if (overflow) {
    raise_msg(OverflowErrorType, "int too large to convert to float");
    return false;
  }
  return true;
}

int64_t int_hash(Value v) {
  v = int_exact(v);
  if (v.is_small_int()) return hash_int64(v.as_small_int());
  return int_to_bigint(v).hash();
}

Value int_negate(Value a) {
  a = int_exact(a);
  if (a.is_small_int()) return int_from_int64(-a.as_small_int());
  return int_from_bigint(-int_to_bigint(a));
}

Value int_invert(Value a) {
  a = int_exact(a);
  if (a.is_small_int()) return int_from_int64(~a.as_small_int());
  return int_from_bigint(~int_to_bigint(a));
}

Value int_abs(Value a) { return int_sign(a) < 0 ? int_negate(a) : int_exact(a); }

static Value int_pow(Value a, Value b) {
  if (int_sign(b) < 0) {
    // int ** negative int is a float power.
    double x, y;
    if (!int_as_double(a, &x) || !int_as_double(b, &y)) return Value();
    if (x == 0) return raise_msg(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
    return float_value(std::pow(x, y));
  }
  BigInt r;
  if (pow(int_to_bigint(a), int_to_bigint(b), &r) != NumStatus::ok) return raise_memory_error();
  return int_from_bigint(r);
}

Value int_pow_mod(Value a, Value b, Value m) {
  BigInt mod = int_to_bigint(m);
  if (mod.is_zero()) return raise_msg(ValueErrorType, "pow() 3rd argument cannot be 0");
  BigInt r;
  if (powmod(int_to_bigint(a), int_to_bigint(b), mod, &r) != NumStatus::ok)
    return raise_msg(ValueErrorType, "base is not invertible for the given modulus");
  return int_from_bigint(r);
}

// Small-int operations that cannot overflow int64 (operands are 63-bit); *done false when
// the result must be computed in BigInt.
static Value small_binary(int64_t x, int64_t y, fe::BinaryOpKind op, bool* done) {
  using K = fe::BinaryOpKind;
  *done = true;
  int64_t r;
  switch (op) {
    case K::Add: return int_from_int64(x + y);
    case K::Subtract: return int_from_int64(x - y);
    case K::Multiply: if (checked_mul(x, y, &r)) return int_from_int64(r); break;
    case K::FloorDivide:
      if (y == 0) return zero_division(op);
      checked_floordiv(x, y, &r);
      return int_from_int64(r);
    case K::Remainder:
      if (y == 0) return zero_division(op);
      return int_from_int64(floormod(x, y));
    case K::And: return Value::from_small_int(x & y);
    case K::Or: return Value::from_small_int(x | y);
    case K::Xor: return Value::from_small_int(x ^ y);
    case K::RShift:
      if (y < 0) return raise_msg(ValueErrorType, "negative shift count");
      return Value::from_small_int(floor_rshift(x, static_cast<uint64_t>(y)));
    case K::LShift:
      if (y < 0) return raise_msg(ValueErrorType, "negative shift count");
      if (checked_lshift(x, static_cast<uint64_t>(y), &r)) return int_from_int64(r);
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
  Value fast = int_limbs_binary(a, b, op);
  if (!fast.is_empty_slot()) return fast;
  BigInt x = int_to_bigint(a), y = int_to_bigint(b), r;
  switch (op) {
    case K::Add: r = x + y; break;
    case K::Subtract: r = x - y; break;
    case K::Multiply:
      if (x.limb_count() + y.limb_count() > kMaxLimbs) return raise_memory_error();
      r = x * y;
      break;
    case K::FloorDivide:
      if (floordiv(x, y, &r) != NumStatus::ok) return zero_division(op);
      break;
    case K::Remainder:
      if (mod(x, y, &r) != NumStatus::ok) return zero_division(op);
      break;
    case K::And: r = x & y; break;
    case K::Or: r = x | y; break;
    case K::Xor: r = x ^ y; break;
    case K::LShift:
      if (y.is_negative()) return raise_msg(ValueErrorType, "negative shift count");
      if (lshift(x, y, &r) != NumStatus::ok) return raise_memory_error();
      break;
    case K::RShift:
      if (y.is_negative()) return raise_msg(ValueErrorType, "negative shift count");
      r = rshift(x, y);
      break;
    default:
      return NotImplemented;
  }
  return int_from_bigint(r);
}

Value int_divmod(Value a, Value b) {
  a = int_exact(a);
  b = int_exact(b);
  Value q, r;
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int(), d;
    if (y == 0) return zero_division(fe::BinaryOpKind::FloorDivide);
    checked_floordiv(x, y, &d);
    q = int_from_int64(d);
    r = int_from_int64(floormod(x, y));
  } else {
    BigInt bq, br;
    if (divmod(int_to_bigint(a), int_to_bigint(b), &bq, &br) != NumStatus::ok)
      return zero_division(fe::BinaryOpKind::FloorDivide);
    q = int_from_bigint(bq);
    if (q.is_empty_slot()) return q;
    r = int_from_bigint(br);
  }
  if (q.is_empty_slot() || r.is_empty_slot()) return Value();
  TupleObject* t = tuple_of({q, r});
  return t ? Value::from_obj(t) : Value();
}

Value int_true_divide(Value a, Value b) {
  a = int_exact(a);
  b = int_exact(b);
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    if (y == 0) return raise_msg(ZeroDivisionErrorType, "division by zero");
    // Exact in doubles when both fit in 53 bits: one correctly rounded division.
    constexpr int64_t k53 = int64_t(1) << 53;
    if (x > -k53 && x < k53 && y > -k53 && y < k53)
      return float_value(static_cast<double>(x) / static_cast<double>(y));
  }
  double d;
  switch (truediv(int_to_bigint(a), int_to_bigint(b), &d)) {
    case NumStatus::ok: return float_value(d);
    case NumStatus::zero_division: return raise_msg(ZeroDivisionErrorType, "division by zero");
    default: return raise_msg(OverflowErrorType, "integer division result too large for a float");
  }
}

std::string int_to_string(Value v, int base) {
  v = int_exact(v);
  if (v.is_small_int() && base == 10) return std::to_string(v.as_small_int());
  std::string digits = int_to_bigint(v).to_string(base);
  const char* prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  if (digits[0] == '-') return "-" + std::string(prefix) + digits.substr(1);
  return prefix + digits;
}

Value int_repr(Value v) {
  v = int_exact(v);
  if (v.is_small_int()) return str_value(std::to_string(v.as_small_int()));
  BigInt b = int_to_bigint(v);
  if (exceeds_str_digit_limit(b, g_max_str_digits))
    return raise_msg(ValueErrorType, digit_limit_message(g_max_str_digits));
  return str_value(b.to_string(10));
}

Value int_from_string(std::string_view text, int base) {
  BigInt b;
  if (parse_int(text, base, &b) != NumStatus::ok)
    return raise_fmt(ValueErrorType, "invalid literal for int() with base %d: %s", base, str_repr(text).c_str());
  return int_from_bigint(b);
}

Value int_parse_for_constructor(std::string_view text, int base, const std::string& shown) {
  BigInt b;
  int64_t ndigits = 0;
  switch (parse_int(text, base, &b, g_max_str_digits, &ndigits)) {
    case NumStatus::ok: return int_from_bigint(b);
    case NumStatus::too_many_digits:
      return raise_msg(ValueErrorType, digit_limit_message(g_max_str_digits, ndigits));
    default:
      return raise_fmt(ValueErrorType, "invalid literal for int() with base %d: %s", base, shown.c_str());
  }
}

}  // namespace coil::rt
