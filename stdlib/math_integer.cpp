// math_integer.cpp — the math module's integer functions: factorial, comb, perm, gcd, lcm
// and isqrt, exact over BigInt/GMP, with CPython's argument errors.
#include <gmp.h>

#include <cmath>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/tuple.h"
#include "stdlib/math_support.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// An mpz initialised from an int (the caller clears it).
struct Mpz {
  mpz_t z;
  explicit Mpz(const BigInt& b) {
    mpz_t scratch;
    mp_limb_t limb;
    mpz_init_set(z, b.view(scratch, &limb));
  }
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  Value to_value() {
    mpz_t copy;
    mpz_init_set(copy, z);
    return int_from_bigint(BigInt::from_mpz(copy));
  }
};

// Past this many bits of result, GMP's work would be unbounded: MemoryError instead.
constexpr double kMaxResultBits = double(uint64_t(1) << 34);

}  // namespace

Value math_factorial(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("factorial", nargs, kw, 1, 1)) return Value();
  Value n = index(args[0]);
  if (n.is_empty_slot()) return n;
  if (int_sign(n) < 0) return raise_msg(ValueErrorType, "factorial() not defined for negative values");
  int64_t v;
  if (!int_to_int64(n, &v)) return raise_msg(OverflowErrorType, "factorial() argument should not exceed 9223372036854775807");
  if (static_cast<double>(v) * std::log2(static_cast<double>(v) + 1) > kMaxResultBits) return raise_memory_error();
  Mpz r;
  mpz_fac_ui(r.z, static_cast<unsigned long>(v));
  return r.to_value();
}

// n and k for comb/perm: non-negative ints.
static bool comb_args(const char* fname, Value* args, int64_t nargs, TupleObject* kw, int64_t min, Value* n, Value* k) {
  if (!check_args(fname, nargs, kw, min, 2)) return false;
  *n = index(args[0]);
  if (n->is_empty_slot()) return false;
  *k = nargs == 2 && args[1] != None ? index(args[1]) : *n;
  if (k->is_empty_slot()) return false;
  if (int_sign(*n) < 0) {
    raise_msg(ValueErrorType, "n must be a non-negative integer");
    return false;
  }
  if (int_sign(*k) < 0) {
    raise_msg(ValueErrorType, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value math_comb(Value* args, int64_t nargs, TupleObject* kw) {
  Value n, k;
  if (!comb_args("comb", args, nargs, kw, 2, &n, &k)) return Value();
  if (int_compare(k, n) > 0) return Value::from_small_int(0);
  // comb(n, k) == comb(n, n - k): use the smaller one.
  Value nk = int_binary(n, k, fe::BinaryOpKind::Subtract);
  if (nk.is_empty_slot()) return nk;
  if (int_compare(nk, k) < 0) k = nk;
  int64_t kk;
  if (!int_to_int64(k, &kk))
    return raise_msg(OverflowErrorType, "min(n - k, k) must not exceed 9223372036854775807");
  Mpz nz(int_to_bigint(n)), r;
  mpz_bin_ui(r.z, nz.z, static_cast<unsigned long>(kk));
  return r.to_value();
}

Value math_perm(Value* args, int64_t nargs, TupleObject* kw) {
  Value n, k;
  if (!comb_args("perm", args, nargs, kw, 1, &n, &k)) return Value();
  if (int_compare(k, n) > 0) return Value::from_small_int(0);
  int64_t kk;
  if (!int_to_int64(k, &kk)) return raise_msg(OverflowErrorType, "k must not exceed 9223372036854775807");
  // n * (n-1) * ... * (n-k+1) = n! / (n-k)!, as a product tree through GMP.
  Mpz nz(int_to_bigint(n)), r, lo;
  mpz_sub_ui(lo.z, nz.z, static_cast<unsigned long>(kk));
  int64_t nn;
  if (int_to_int64(n, &nn)) {
    mpz_fac_ui(r.z, static_cast<unsigned long>(nn));
    Mpz d;
    mpz_fac_ui(d.z, static_cast<unsigned long>(nn - kk));
    mpz_divexact(r.z, r.z, d.z);
  } else {
    mpz_set_ui(r.z, 1);
    Mpz f;
    mpz_set(f.z, nz.z);
    for (int64_t i = 0; i < kk; ++i) {
      mpz_mul(r.z, r.z, f.z);
      mpz_sub_ui(f.z, f.z, 1);
    }
  }
  return r.to_value();
}

Value math_gcd(Value* args, int64_t nargs, TupleObject* kw) {
  if (kw && kw->size) return raise_msg(TypeErrorType, "gcd() takes no keyword arguments");
  BigInt g(0);
  for (int64_t i = 0; i < nargs; ++i) {
    Value v = index(args[i]);
    if (v.is_empty_slot()) return v;
    g = gcd(g, int_to_bigint(v));
  }
  return int_from_bigint(g);
}

Value math_lcm(Value* args, int64_t nargs, TupleObject* kw) {
  if (kw && kw->size) return raise_msg(TypeErrorType, "lcm() takes no keyword arguments");
  BigInt l(1);
  for (int64_t i = 0; i < nargs; ++i) {
    Value v = index(args[i]);
    if (v.is_empty_slot()) return v;
    BigInt b = abs(int_to_bigint(v));
    if (l.is_zero() || b.is_zero()) {
      l = BigInt(0);
      continue;
    }
    BigInt q;
    floordiv(l, gcd(l, b), &q);
    l = q * b;
  }
  return int_from_bigint(l);
}

Value math_isqrt(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("isqrt", nargs, kw, 1, 1)) return Value();
  Value n = index(args[0]);
  if (n.is_empty_slot()) return n;
  if (int_sign(n) < 0) return raise_msg(ValueErrorType, "isqrt() argument must be nonnegative");
  return int_from_bigint(isqrt(int_to_bigint(n)));
}

}  // namespace coil::lib
