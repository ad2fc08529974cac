// float_ops.h — float arithmetic with Python's semantics where C's differs: divmod, %, //, **.
#pragma once

#include "runtime/bigint.h"

namespace coil::rt {

// divmod(a, b) for floats: q = floor(a / b) computed so that q * b + r == a as closely as
// CPython does, r takes b's sign (zero results keep the right sign). zero_division when
// b == 0 ("float divmod()", "float floor division by zero", "float modulo").
NumStatus float_divmod(double a, double b, double* q, double* r);
NumStatus float_floordiv(double a, double b, double* q);
NumStatus float_mod(double a, double b, double* r);

// Outcome of float ** float beyond a plain number.
enum class PowStatus : uint8_t {
  ok,
  zero_to_negative,  // ZeroDivisionError "0.0 cannot be raised to a negative power"
  complex_result,    // negative base, fractional exponent: the caller computes the complex power
  overflow,          // OverflowError "(34, 'Numerical result out of range')"
};
PowStatus float_pow(double base, double exp, double* out);

}  // namespace coil::rt
