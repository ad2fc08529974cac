// int_limbs.cpp — big-int +, -, *, //, % and comparisons computed straight on IntObject limbs
// with GMP's mpn layer, writing into the result object: no mpz temporaries, no malloc, no
// copies (the BigInt path converts both operands and the result). Used by int_binary and
// int_compare before their general path.
#include "runtime/int_limbs.h"

#include <gmp.h>

#include "runtime/gc.h"

namespace coil::rt {

namespace {

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "IntObject limbs are GMP limbs");

// Up to this many limbs per operand (the BigInt path handles the rest, and the limits).
constexpr int64_t kMaxFastLimbs = int64_t(1) << 20;

// The magnitude of an exact int: limbs (least significant first), count, sign. A small int
// borrows `scratch`; zero has n == 0.
struct Magnitude {
  const mp_limb_t* p;
  int64_t n;
  bool negative;
};

Magnitude magnitude_of(Value v, mp_limb_t* scratch) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    *scratch = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    return {scratch, i == 0 ? 0 : 1, i < 0};
  }
  auto* o = static_cast<IntObject*>(v.as_obj());
  return {reinterpret_cast<const mp_limb_t*>(o->limbs), o->size < 0 ? -int64_t(o->size) : int64_t(o->size),
          o->size < 0};
}

// A new IntObject with room for `cap` limbs (its limbs are then written by mpn), or null.
IntObject* new_int_object(int64_t cap) {
  return static_cast<IntObject*>(gc::allocate_object(IntType, sizeof(IntObject) + static_cast<size_t>(cap) * 8));
}

// Finishes a result written into o->limbs[0..n): strips high zero limbs and gives a small int
// when the value fits (the representation invariant: small-range values are never objects).
Value finish(IntObject* o, int64_t n, bool negative) {
  while (n > 0 && o->limbs[n - 1] == 0) --n;
  if (n == 0) return Value::from_small_int(0);
  if (n == 1 && o->limbs[0] <= static_cast<uint64_t>(Value::kMaxSmallInt)) {
    int64_t m = static_cast<int64_t>(o->limbs[0]);
    return Value::from_small_int(negative ? -m : m);
  }
  if (n == 1 && negative && o->limbs[0] == static_cast<uint64_t>(Value::kMaxSmallInt) + 1)
    return Value::from_small_int(Value::kMinSmallInt);
  o->size = negative ? -static_cast<int32_t>(n) : static_cast<int32_t>(n);
  return Value::from_obj(o);
}

// |x| + |y| (sign given) into a new object.
Value add_magnitudes(const Magnitude& x, const Magnitude& y, bool negative) {
  const Magnitude& big = x.n >= y.n ? x : y;
  const Magnitude& small = x.n >= y.n ? y : x;
  IntObject* o = new_int_object(big.n + 1);
  if (!o) return Value();
  auto* r = reinterpret_cast<mp_limb_t*>(o->limbs);
  r[big.n] = mpn_add(r, big.p, big.n, small.p, small.n);
  return finish(o, big.n + 1, negative);
}

// Compares magnitudes: -1, 0, 1.
int compare_magnitudes(const Magnitude& x, const Magnitude& y) {
  if (x.n != y.n) return x.n < y.n ? -1 : 1;
  int c = mpn_cmp(x.p, y.p, x.n);
  return (c > 0) - (c < 0);
}

// |x| - |y| where |x| >= |y| (sign given) into a new object.
Value sub_magnitudes(const Magnitude& x, const Magnitude& y, bool negative) {
  IntObject* o = new_int_object(x.n);
  if (!o) return Value();
  auto* r = reinterpret_cast<mp_limb_t*>(o->limbs);
  mpn_sub(r, x.p, x.n, y.p, y.n);
  return finish(o, x.n, negative);
}

// x + y, or x - y when `subtract`, with signs.
Value add_signed(const Magnitude& x, Magnitude y, bool subtract) {
  if (subtract) y.negative = !y.negative;
  if (x.negative == y.negative) return add_magnitudes(x, y, x.negative);
  int c = compare_magnitudes(x, y);
  if (c == 0) return Value::from_small_int(0);
  return c > 0 ? sub_magnitudes(x, y, x.negative) : sub_magnitudes(y, x, y.negative);
}

Value multiply(const Magnitude& x, const Magnitude& y) {
  const Magnitude& big = x.n >= y.n ? x : y;
  const Magnitude& small = x.n >= y.n ? y : x;
  IntObject* o = new_int_object(big.n + small.n);
  if (!o) return Value();
  auto* r = reinterpret_cast<mp_limb_t*>(o->limbs);
  if (small.n == 1)
    r[big.n] = mpn_mul_1(r, big.p, big.n, small.p[0]);
  else
    mpn_mul(r, big.p, big.n, small.p, small.n);
  return finish(o, big.n + small.n, x.negative != y.negative);
}

// x // y or x % y for x >= 0, y > 0 (truncation is flooring there).
Value divide_nonnegative(const Magnitude& x, const Magnitude& y, bool want_remainder) {
  IntObject* q = new_int_object(x.n - y.n + 1);
  if (!q) return Value();
  IntObject* r = new_int_object(y.n);
  if (!r) return Value();
  mpn_tdiv_qr(reinterpret_cast<mp_limb_t*>(q->limbs), reinterpret_cast<mp_limb_t*>(r->limbs), 0, x.p, x.n, y.p, y.n);
  return want_remainder ? finish(r, y.n, false) : finish(q, x.n - y.n + 1, false);
}

}  // namespace

Value int_limbs_binary(Value a, Value b, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  mp_limb_t sa, sb;
  Magnitude x = magnitude_of(a, &sa), y = magnitude_of(b, &sb);
  if (x.n == 0 || y.n == 0 || x.n > kMaxFastLimbs || y.n > kMaxFastLimbs) return Value();
  switch (op) {
    case K::Add: return add_signed(x, y, false);
    case K::Subtract: return add_signed(x, y, true);
    case K::Multiply: return multiply(x, y);
    case K::FloorDivide:
    case K::Remainder:
      if (x.negative || y.negative) return Value();
      if (x.n < y.n) return op == K::Remainder ? a : Value::from_small_int(0);  // |x| < |y|
      return divide_nonnegative(x, y, op == K::Remainder);
    default: return Value();
  }
}

int int_limbs_compare(Value a, Value b) {
  mp_limb_t sa, sb;
  Magnitude x = magnitude_of(a, &sa), y = magnitude_of(b, &sb);
  int sx = x.n == 0 ? 0 : x.negative ? -1 : 1;
  int sy = y.n == 0 ? 0 : y.negative ? -1 : 1;
  if (sx != sy) return sx < sy ? -1 : 1;
  int c = compare_magnitudes(x, y);
  return sx < 0 ? -c : c;
}

}  // namespace coil::rt
