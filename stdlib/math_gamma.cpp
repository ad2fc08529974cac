// math_gamma.cpp — math.gamma and math.lgamma by the Lanczos approximation CPython uses
// (g = 6.0246..., 13 terms, Boost's lanczos13m53 coefficients), so results agree with
// CPython to the last bit where a libm tgamma/lgamma would differ by an ulp or two.
#include <cmath>

#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/native_module.h"
#include "stdlib/math_support.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr int kLanczosN = 13;
// Numerator and denominator of the rational function of the approximation; the
// denominator is x(x+1)...(x+11).
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                           1925.0,    66.0,       1.0};
// gamma(n) for n = 1..23: exact factorials.
constexpr int kGammaIntegralN = 23;
constexpr double kGammaIntegral[kGammaIntegralN] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
    1124000727777607680000.0};

// The rational part of the approximation, evaluated so that it does not overflow: Horner
// in x for small x, in 1/x for large x.
double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; ++i) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x), exact at integers and half-integers.
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

enum class Fail : uint8_t { none, domain, range };

double tgamma_lanczos(double x, Fail* fail) {
  *fail = Fail::none;
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0) return x;
    *fail = Fail::domain;
    return NAN;
  }
  if (x == 0) {
    *fail = Fail::domain;
    return 1.0 / x;
  }
  if (x == std::floor(x)) {
    if (x < 0) {
      *fail = Fail::domain;
      return NAN;
    }
    if (x <= kGammaIntegralN) return kGammaIntegral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *fail = Fail::range;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0) return 0.0 / sin_pi(x);
    *fail = Fail::range;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  double q, z;
  // (y - absx) - (g - 1/2) computed in the order that loses nothing.
  if (absx > kLanczosGMinusHalf) {
    q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *fail = Fail::range;
  return r;
}

double lgamma_lanczos(double x, Fail* fail) {
  *fail = Fail::none;
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *fail = Fail::domain;
      return HUGE_VAL;
    }
    return 0.0;  // lgamma(1) == lgamma(2) == 0
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) *fail = Fail::range;
  return r;
}

Value finish(double r, Fail fail) {
  if (fail == Fail::domain) return math_domain_error();
  if (fail == Fail::range) return math_range_error();
  return float_value(r);
}

}  // namespace

Value math_gamma(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("gamma", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  Fail fail;
  double r = tgamma_lanczos(x, &fail);
  return finish(r, fail);
}

Value math_lgamma(Value* a, int64_t n, TupleObject* k) {
  if (!check_args("lgamma", n, k, 1, 1)) return Value();
  double x;
  if (!math_arg_double(a[0], &x)) return Value();
  Fail fail;
  double r = lgamma_lanczos(x, &fail);
  return finish(r, fail);
}

}  // namespace coil::lib
