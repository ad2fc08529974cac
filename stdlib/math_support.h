// math_support.h — what the math module's files (math.cpp, math_integer.cpp, math_sums.cpp,
// math_gamma.cpp) share: CPython's error raising and argument conversion, and each file's functions.
#pragma once

#include "runtime/builtin_types.h"
#include "runtime/function.h"

namespace coil::lib {

// ValueError "math domain error" / OverflowError "math range error"; both return empty.
rt::Value math_domain_error();
rt::Value math_range_error();
// float(x) for a math argument (float, int, __float__, __index__), "must be real number".
bool math_arg_double(rt::Value v, double* out);

// math_integer.cpp
rt::Value math_comb(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_perm(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_factorial(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_gcd(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_lcm(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_isqrt(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
// math_gamma.cpp
rt::Value math_gamma(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_lgamma(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
// math_sums.cpp
rt::Value math_fsum(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_prod(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_hypot(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value math_dist(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);

}  // namespace coil::lib
