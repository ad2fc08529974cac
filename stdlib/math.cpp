// math.cpp — the math module's float functions: libm behind CPython's error rules
// ("math domain error" / "math range error"), logs of huge ints, hypot/dist with an
// extended-precision norm, exact fsum, and the constants. Integer functions
// (factorial, comb, perm, gcd, lcm, isqrt) are in math_integer.cpp, fsum/prod/hypot/dist
// in math_sums.cpp, gamma/lgamma in math_gamma.cpp.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/math_support.h"

namespace coil::lib {

using namespace coil::rt;

Value math_domain_error() { return raise_msg(ValueErrorType, "math domain error"); }
Value math_range_error() { return raise_msg(OverflowErrorType, "math range error"); }

bool math_arg_double(Value v, double* out) {
  if (is_float(v)) {
    *out = float_of(v);
    return true;
  }
  return as_double(v, out);
}

namespace {

// How a one-argument function may fail for a finite argument giving an infinite result.
enum class InfResult : uint8_t { domain, overflow };

// CPython's rule for libm functions: a nan from a non-nan argument is a domain error; an
// infinity from a finite argument is an overflow (range error) or a domain error.
Value checked_result(double x, double r, InfResult inf) {
  if (std::isnan(r) && !std::isnan(x)) return math_domain_error();
  if (std::isinf(r) && std::isfinite(x)) return inf == InfResult::overflow ? math_range_error() : math_domain_error();
  return float_value(r);
}

template <double (*F)(double), InfResult Inf>
Value unary(Value* args, int64_t nargs, TupleObject* kw, const char* name) {
  if (!check_args(name, nargs, kw, 1, 1)) return Value();
  double x;
  if (!math_arg_double(args[0], &x)) return Value();
  return checked_result(x, F(x), Inf);
}

#define MATH_UNARY(name, fn, inf)                                                         \
  Value math_##name(Value* a, int64_t n, TupleObject* k) {                                 \
    return unary<static_cast<double (*)(double)>(fn), InfResult::inf>(a, n, k, #name);     \
  }
MATH_UNARY(acos, std::acos, domain)
MATH_UNARY(acosh, std::acosh, domain)
MATH_UNARY(asin, std::asin, domain)
MATH_UNARY(asinh, std::asinh, domain)
MATH_UNARY(atan, std::atan, domain)
MATH_UNARY(atanh, std::atanh, domain)
MATH_UNARY(cbrt, std::cbrt, domain)
MATH_UNARY(cos, std::cos, domain)
MATH_UNARY(cosh, std::cosh, overflow)
MATH_UNARY(erf, std::erf, domain)
MATH_UNARY(erfc, std::erfc, domain)
MATH_UNARY(exp, std::exp, overflow)
MATH_UNARY(exp2, std::exp2, overflow)
MATH_UNARY(expm1, std::expm1, overflow)
MATH_UNARY(fabs, std::fabs, domain)
MATH_UNARY(sin, std::sin, domain)
MATH_UNARY(sinh, std::sinh, overflow)
MATH_UNARY(sqrt, std::sqrt, domain)
MATH_UNARY(tan, std::tan, domain)
MATH_UNARY(tanh, std::tanh, domain)
#undef MATH_UNARY

Value math_log1p(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("log1p", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  if (x == -1.0) return math_domain_error();  // log1p(-1) is -inf: CPython calls it a domain error
  return checked_result(x, std::log1p(x), InfResult::domain);
}

// --- logarithms ---------------------------------------------------------------------------

enum class LogKind : uint8_t { natural, base2, base10 };

double log_of(double x, LogKind kind) {
  switch (kind) {
    case LogKind::natural: return std::log(x);
    case LogKind::base2: return std::log2(x);
    default: return std::log10(x);
  }
}

// log of any positive int or float; huge ints go through their bit length so they never
// overflow a double. False with the error pending.
bool log_helper(Value v, LogKind kind, double* out) {
  if (is_int(v)) {
    if (int_sign(v) <= 0) {
      math_domain_error();
      return false;
    }
    bool overflow;
    double d = int_to_double(v, &overflow);
    if (!overflow) {
      *out = log_of(d, kind);
      return true;
    }
    // v = m * 2**e with 0.5 <= m < 1: log(v) = log(m) + e * log(2).
    BigInt b = int_to_bigint(v);
    uint64_t e = b.bit_length();
    double m;
    ldexp_rounded(b, -static_cast<int64_t>(e), &m);
    *out = log_of(m, kind) + static_cast<double>(e) * log_of(2.0, kind);
    return true;
  }
  double x;
  if (!math_arg_double(v, &x)) return false;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) {
    *out = x;
    return true;
  }
  if (!(x > 0)) {
    math_domain_error();
    return false;
  }
  *out = log_of(x, kind);
  return true;
}

Value math_log(Value* a, int64_t n, TupleObject* k) {
  if (k && k->size) return raise_msg(TypeErrorType, "math.log() takes no keyword arguments");
  if (n < 1 || n > 2) return raise_msg(TypeErrorType, "math.log requires 1 to 2 arguments");
  double num;
  if (!log_helper(a[0], LogKind::natural, &num)) return Value();
  if (n == 1) return float_value(num);
  double den;
  if (!log_helper(a[1], LogKind::natural, &den)) return Value();
  if (den == 0.0) return raise_msg(ZeroDivisionErrorType, "float division by zero");
  return float_value(num / den);
}

Value math_log2(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("log2", n, k, 1, 1)) return Value();
  double r;
  return log_helper(a[0], LogKind::base2, &r) ? float_value(r) : Value();
}

Value math_log10(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("log10", n, k, 1, 1)) return Value();
  double r;
  return log_helper(a[0], LogKind::base10, &r) ? float_value(r) : Value();
}

// --- two-argument functions ---------------------------------------------------------------

bool two_doubles(const char* name, Value* a, int64_t n, TupleObject* k, double* x, double* y) {
  if (!check_args(name, n, k, 2, 2)) return false;
  return math_arg_double(a[0], x) && math_arg_double(a[1], y);
}

Value math_pow(Value* a, int64_t n, TupleObject* k) {
  double x, y, r;
  if (!two_doubles("pow", a, n, k, &x, &y)) return Value();
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // IEEE special cases decided here, not by the platform's pow.
    if (std::isnan(x)) r = y == 0.0 ? 1.0 : x;
    else if (std::isnan(y)) r = x == 1.0 ? 1.0 : y;
    else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0) r = odd_y ? x : std::fabs(x);
      else if (y == 0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {
      double ax = std::fabs(x);
      if (ax == 1.0) r = 1.0;
      else if (y > 0 && ax > 1.0) r = y;
      else if (y < 0 && ax < 1.0) r = -y;
      else r = 0.0;
    }
    return float_value(r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return math_domain_error();
  if (std::isinf(r)) return x == 0.0 ? math_domain_error() : math_range_error();
  return float_value(r);
}

Value math_atan2(Value* a, int64_t n, TupleObject* k) {
  double y, x;
  if (!two_doubles("atan2", a, n, k, &y, &x)) return Value();
  return float_value(std::atan2(y, x));
}

Value math_copysign(Value* a, int64_t n, TupleObject* k) {
  double x, y;
  if (!two_doubles("copysign", a, n, k, &x, &y)) return Value();
  return float_value(std::copysign(x, y));
}

Value math_fmod(Value* a, int64_t n, TupleObject* k) {
  double x, y;
  if (!two_doubles("fmod", a, n, k, &x, &y)) return Value();
  if (std::isinf(y) && std::isfinite(x)) return float_value(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return math_domain_error();
  return float_value(r);
}

Value math_remainder(Value* a, int64_t n, TupleObject* k) {
  double x, y;
  if (!two_doubles("remainder", a, n, k, &x, &y)) return Value();
  double r = std::remainder(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return math_domain_error();
  return float_value(r);
}

Value math_nextafter(Value* a, int64_t n, TupleObject* k) {
  double x, y;
  if (!two_doubles("nextafter", a, n, k, &x, &y)) return Value();
  return float_value(std::nextafter(x, y));
}

Value math_ulp(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("ulp", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  if (std::isnan(x) || std::isinf(x)) return float_value(std::fabs(x));
  x = std::fabs(x);
  double up = std::nextafter(x, HUGE_VAL);
  if (std::isinf(up)) return float_value(x - std::nextafter(x, -HUGE_VAL));  // x is the largest double
  return float_value(up - x);
}

Value math_ldexp(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("ldexp", n, k, 2, 2)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  if (!is_int(a[1])) return raise_msg(TypeErrorType, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_int64(a[1], &e)) e = int_sign(a[1]) > 0 ? INT64_MAX : INT64_MIN;
  if (x == 0.0 || !std::isfinite(x)) return float_value(x);
  if (e > INT32_MAX) return math_range_error();
  if (e < INT32_MIN) return float_value(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return math_range_error();
  return float_value(r);
}

Value pair(Value a, Value b) {
  if (a.is_empty_slot() || b.is_empty_slot()) return Value();
  TupleObject* t = tuple_of({a, b});
  return t ? Value::from_obj(t) : Value();
}

Value math_frexp(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("frexp", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  int e = 0;
  double m = x;
  if (x != 0.0 && std::isfinite(x)) m = std::frexp(x, &e);
  return pair(float_value(m), Value::from_small_int(e));
}

Value math_modf(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("modf", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  if (std::isinf(x)) return pair(float_value(std::copysign(0.0, x)), float_value(x));
  double ip;
  double frac = std::modf(x, &ip);
  return pair(float_value(frac), float_value(ip));
}

Value math_degrees(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("degrees", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  return float_value(x * (180.0 / M_PI));
}

Value math_radians(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("radians", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  return float_value(x * (M_PI / 180.0));
}

template <bool (*Pred)(double)>
Value predicate(Value* a, int64_t n, TupleObject* k, const char* name) {
  if (!check_args(name, n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  return bool_value(Pred(x));
}
bool finite_p(double x) { return std::isfinite(x); }
bool inf_p(double x) { return std::isinf(x); }
bool nan_p(double x) { return std::isnan(x); }
Value math_isfinite(Value* a, int64_t n, TupleObject* k) { return predicate<finite_p>(a, n, k, "isfinite"); }
Value math_isinf(Value* a, int64_t n, TupleObject* k) { return predicate<inf_p>(a, n, k, "isinf"); }
Value math_isnan(Value* a, int64_t n, TupleObject* k) { return predicate<nan_p>(a, n, k, "isnan"); }

Value math_isclose(Value* a, int64_t n, TupleObject* k) {
  if (n != 2) {
    if (n < 2)
      return raise_fmt(TypeErrorType, "isclose() missing required argument '%s' (pos %lld)", n == 0 ? "a" : "b",
                       static_cast<long long>(n + 1));
    return raise_fmt(TypeErrorType, "isclose() takes exactly 2 positional arguments (%lld given)",
                     static_cast<long long>(n));
  }
  for (int64_t i = 0; k && i < k->size; ++i) {
    std::string_view key = as_str(k->items[i])->view();
    if (key != "rel_tol" && key != "abs_tol")
      return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for isclose()", std::string(key).c_str());
  }
  double x, y, rel = 1e-09, abs_tol = 0.0;
  if (!math_arg_double(a[0], &x) || !math_arg_double(a[1], &y)) return Value();
  Value r = kwarg(a, n, k, "rel_tol"), ab = kwarg(a, n, k, "abs_tol");
  if (!r.is_empty_slot() && !math_arg_double(r, &rel)) return Value();
  if (!ab.is_empty_slot() && !math_arg_double(ab, &abs_tol)) return Value();
  if (rel < 0.0 || abs_tol < 0.0) return raise_msg(ValueErrorType, "tolerances must be non-negative");
  if (x == y) return True;
  if (std::isinf(x) || std::isinf(y)) return False;
  double diff = std::fabs(y - x);
  return bool_value(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

// --- floor, ceil, trunc: the dunders first, like CPython -------------------------------------

Value rounding(Value v, StrObject* dunder, double (*fn)(double), const char* name) {
  if (is_float(v)) return int_from_float_value(fn(float_of(v)));
  if (is_int(v)) return int_exact(v);
  Value m = lookup_special(v, dunder);
  if (!m.is_empty_slot()) return call_special0(m, v);
  double x;
  if (!math_arg_double(v, &x)) return Value();
  return int_from_float_value(fn(x));
}

Value math_floor(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("floor", n, k, 1, 1)) return Value();
  return rounding(a[0], names::dunder_floor, std::floor, "floor");
}
Value math_ceil(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("ceil", n, k, 1, 1)) return Value();
  return rounding(a[0], names::dunder_ceil, std::ceil, "ceil");
}
Value math_trunc(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("trunc", n, k, 1, 1)) return Value();
  if (is_float(a[0])) return int_from_float_value(std::trunc(float_of(a[0])));
  Value m = lookup_special(a[0], names::dunder_trunc);
  if (m.is_empty_slot())
    return raise_fmt(TypeErrorType, "type %s doesn't define __trunc__ method", type_name(a[0]));
  return call_special0(m, a[0]);
}

const NativeFunctionDef kMathFunctions[] = {
    {"acos", math_acos}, {"acosh", math_acosh}, {"asin", math_asin}, {"asinh", math_asinh},
    {"atan", math_atan}, {"atan2", math_atan2}, {"atanh", math_atanh}, {"cbrt", math_cbrt},
    {"ceil", math_ceil}, {"comb", math_comb}, {"copysign", math_copysign}, {"cos", math_cos},
    {"cosh", math_cosh}, {"degrees", math_degrees}, {"dist", math_dist}, {"erf", math_erf},
    {"erfc", math_erfc}, {"exp", math_exp}, {"exp2", math_exp2}, {"expm1", math_expm1},
    {"fabs", math_fabs}, {"factorial", math_factorial}, {"floor", math_floor}, {"fmod", math_fmod},
    {"frexp", math_frexp}, {"fsum", math_fsum}, {"gamma", math_gamma}, {"gcd", math_gcd},
    {"hypot", math_hypot}, {"isclose", math_isclose}, {"isfinite", math_isfinite}, {"isinf", math_isinf},
    {"isnan", math_isnan}, {"isqrt", math_isqrt}, {"lcm", math_lcm}, {"ldexp", math_ldexp},
    {"lgamma", math_lgamma}, {"log", math_log}, {"log10", math_log10}, {"log1p", math_log1p},
    {"log2", math_log2}, {"modf", math_modf}, {"nextafter", math_nextafter}, {"perm", math_perm},
    {"pow", math_pow}, {"prod", math_prod}, {"radians", math_radians}, {"remainder", math_remainder},
    {"sin", math_sin}, {"sinh", math_sinh}, {"sqrt", math_sqrt}, {"tan", math_tan},
    {"tanh", math_tanh}, {"trunc", math_trunc}, {"ulp", math_ulp},
};

bool init_math(ModuleObject* m) {
  return module_add(m, "pi", float_value(M_PI)) && module_add(m, "e", float_value(M_E)) &&
         module_add(m, "tau", float_value(2 * M_PI)) && module_add(m, "inf", float_value(HUGE_VAL)) &&
         module_add(m, "nan", float_value(NAN));
}

}  // namespace

extern const NativeModuleDef kMathModule;
const NativeModuleDef kMathModule = {"math", kMathFunctions, std::size(kMathFunctions), init_math};

}  // namespace coil::lib
