// float_ops.cpp — float divmod and power with CPython's special cases.
#include "runtime/float_ops.h"

#include <cmath>

namespace coil::rt {

NumStatus float_divmod(double a, double b, double* q, double* r) {
  if (b == 0.0) return NumStatus::zero_division;
  double m = std::fmod(a, b);  // exact
  double div = (a - m) / b;    // nearly an integer; floor-rounded below
  if (m != 0.0) {
    if ((b < 0) != (m < 0)) {  // the remainder takes the divisor's sign
      m += b;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, b);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;  // (a - m) / b may land just below an integer
  } else {
    fd = std::copysign(0.0, a / b);
  }
  if (q) *q = fd;
  if (r) *r = m;
  return NumStatus::ok;
}

NumStatus float_floordiv(double a, double b, double* q) { return float_divmod(a, b, q, nullptr); }

NumStatus float_mod(double a, double b, double* r) {
  if (b == 0.0) return NumStatus::zero_division;
  double m = std::fmod(a, b);
  if (m != 0.0) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = std::copysign(0.0, b);
  }
  *r = m;
  return NumStatus::ok;
}

namespace {
bool is_odd_integer(double w) { return std::isfinite(w) && std::fmod(std::fabs(w), 2.0) == 1.0; }
}  // namespace

PowStatus float_pow(double v, double w, double* out) {
  if (w == 0.0) { *out = 1.0; return PowStatus::ok; }  // even nan ** 0
  if (std::isnan(v)) { *out = v; return PowStatus::ok; }
  if (std::isnan(w)) { *out = v == 1.0 ? 1.0 : w; return PowStatus::ok; }
  if (std::isinf(w)) {
    double av = std::fabs(v);
    if (av == 1.0) *out = 1.0;
    else *out = (w > 0) == (av > 1.0) ? HUGE_VAL : 0.0;
    return PowStatus::ok;
  }
  if (std::isinf(v)) {
    bool odd = is_odd_integer(w);
    if (w > 0) *out = odd ? v : std::fabs(v);
    else *out = odd ? std::copysign(0.0, v) : 0.0;
    return PowStatus::ok;
  }
  if (v == 0.0) {
    if (w < 0) return PowStatus::zero_to_negative;
    *out = is_odd_integer(w) ? v : 0.0;
    return PowStatus::ok;
  }
  bool negate = false;
  if (v < 0) {
    if (w != std::floor(w)) return PowStatus::complex_result;
    negate = is_odd_integer(w);
    v = -v;
  }
  if (v == 1.0) { *out = negate ? -1.0 : 1.0; return PowStatus::ok; }
  double r = std::pow(v, w);
  if (std::isinf(r)) return PowStatus::overflow;
  *out = negate ? -r : r;
  return PowStatus::ok;
}

}  // namespace coil::rt
