// math_sums.cpp — the math module's reductions: fsum (exactly rounded, Shewchuk's
// partials), prod, and hypot/dist through an extended-precision Euclidean norm so results
// match CPython's to the last bit.
#include <cfloat>
#include <cmath>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/tuple.h"
#include "stdlib/math_support.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// Iterates `iterable`, calling f(item) -> bool for each; false on error.
template <class F>
bool for_each_item(Value iterable, F f) {
  Value it = get_iter(iterable);
  if (it.is_empty_slot()) return false;
  while (true) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) return true;
    if (x.is_empty_slot() || !f(x)) return false;
  }
}

// hi + lo == a + b exactly when |a| >= |b| (Fast2Sum).
struct TwoDouble {
  double hi, lo;
};
TwoDouble fast_sum(double a, double b) {
  double hi = a + b;
  return {hi, (a - hi) + b};
}
// hi + lo == a * b exactly.
TwoDouble exact_mul(double a, double b) {
  double hi = a * b;
  return {hi, std::fma(a, b, -hi)};
}

// sqrt(sum(v*v)) for finite |v| <= max: the squares of the values scaled into [0.5, 1)
// are summed without rounding error in hi/lo pairs, then the square root is corrected
// by one Newton step on the exact residual.
double vector_norm(std::vector<double>& v, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || v.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // Scaling by 2**-max_e would overflow: lift subnormals into the normal range first.
    for (double& x : v) x /= DBL_MIN;
    return DBL_MIN * vector_norm(v, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : v) {
    x *= scale;
    TwoDouble sq = exact_mul(x, x);
    TwoDouble s = fast_sum(csum, sq.hi);
    csum = s.hi;
    frac1 += sq.lo;
    frac2 += s.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  TwoDouble sq = exact_mul(-h, h);
  TwoDouble s = fast_sum(csum, sq.hi);
  csum = s.hi;
  frac1 += sq.lo;
  frac2 += s.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

// Collects |values| for a norm; false on a non-number.
bool collect(Value v, std::vector<double>* out, double* max, bool* found_nan) {
  double x;
  if (!math_arg_double(v, &x)) return false;
  x = std::fabs(x);
  out->push_back(x);
  *found_nan |= std::isnan(x);
  if (x > *max) *max = x;
  return true;
}

}  // namespace

Value math_hypot(Value* args, int64_t nargs, TupleObject* kw) {
  if (kw && kw->size) return raise_msg(TypeErrorType, "hypot() takes no keyword arguments");
  std::vector<double> v;
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < nargs; ++i)
    if (!collect(args[i], &v, &max, &found_nan)) return Value();
  return float_value(vector_norm(v, max, found_nan));
}

Value math_dist(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("dist", nargs, kw, 2, 2)) return Value();
  Value p = sequence_to_tuple(args[0]);
  if (p.is_empty_slot()) return p;
  Value q = sequence_to_tuple(args[1]);
  if (q.is_empty_slot()) return q;
  TupleObject* tp = as_tuple(p);
  TupleObject* tq = as_tuple(q);
  if (tp->size != tq->size) return raise_msg(ValueErrorType, "both points must have the same number of dimensions");
  std::vector<double> v;
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < tp->size; ++i) {
    double a, b;
    if (!math_arg_double(tp->items[i], &a) || !math_arg_double(tq->items[i], &b)) return Value();
    double d = std::fabs(a - b);
    v.push_back(d);
    found_nan |= std::isnan(d);
    if (d > max) max = d;
  }
  return float_value(vector_norm(v, max, found_nan));
}

Value math_fsum(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("fsum", nargs, kw, 1, 1)) return Value();
  // Non-overlapping partials whose exact sum is the running total (Shewchuk).
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  bool ok = for_each_item(args[0], [&](Value item) {
    double x;
    if (!math_arg_double(item, &x)) return false;
    double xsave = x;
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // inf or nan: an intermediate overflow when the input itself was finite.
        if (std::isfinite(xsave)) {
          raise_msg(OverflowErrorType, "intermediate overflow in fsum");
          return false;
        }
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
    return true;
  });
  if (!ok) return Value();
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise_msg(ValueErrorType, "-inf + inf in fsum");
    return float_value(special_sum);
  }
  double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    // Add the partials from the top until the sum stops being exact.
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the remaining partials push a tie one way.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return float_value(hi);
}

Value math_prod(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs != 1) {
    if (nargs == 0) return raise_msg(TypeErrorType, "prod() missing required argument 'iterable' (pos 1)");
    return raise_fmt(TypeErrorType, "prod() takes exactly 1 positional argument (%lld given)", static_cast<long long>(nargs));
  }
  if (!check_kwargs("prod", kw, {"start"})) return Value();
  Value acc = kwarg(args, nargs, kw, "start");
  if (acc.is_empty_slot()) acc = Value::from_small_int(1);
  bool ok = for_each_item(args[0], [&](Value item) {
    acc = binary_op(acc, item, fe::BinaryOpKind::Multiply);
    return !acc.is_empty_slot();
  });
  return ok ? acc : Value();
}

}  // namespace coil::lib
