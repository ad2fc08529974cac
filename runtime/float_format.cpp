// float_format.cpp — double -> text with CPython's layout rules, float.hex/fromhex, round().
//
// Digits come from std::to_chars, which is exact: the shortest round-trip form for repr,
// and correctly rounded (ties to even on the exact binary value) for a given precision,
// the same digits CPython's dtoa produces. What remains is CPython's layout: where the
// exponent starts, trailing zeros, '#', the ".0" of repr, and signs.
#include "runtime/float_format.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

namespace coil::rt {

namespace {

// A double has at most 767 significant decimal digits and 1074 fractional ones; beyond
// that the digits of an exact expansion are zeros, which we append instead of computing.
constexpr int64_t kMaxExactSig = 800;
constexpr int64_t kMaxExactFrac = 1100;

// The decimal digits of |x| (no trailing zeros, "0" for zero) and decpt, so that
// |x| = 0.DIGITS * 10**decpt. sig_digits < 0 asks for the shortest round-trip digits.
void decimal_digits(double x, int64_t sig_digits, std::string* digits, int* decpt) {
  char buf[kMaxExactSig + 32];
  std::to_chars_result r;
  x = std::fabs(x);
  if (sig_digits < 0) {
    r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  } else {
    int prec = static_cast<int>(std::min(sig_digits, kMaxExactSig) - 1);
    r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific, prec);
  }
  digits->clear();
  const char* p = buf;
  for (; p < r.ptr && *p != 'e'; ++p)
    if (*p != '.') digits->push_back(*p);
  int exp = 0;
  std::from_chars(p + 1 + (p[1] == '+'), r.ptr, exp);
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
  *decpt = exp + 1;
}

void append_exponent(std::string* out, char e, int exp) {
  out->push_back(e);
  out->push_back(exp < 0 ? '-' : '+');
  unsigned u = static_cast<unsigned>(exp < 0 ? -exp : exp);
  if (u < 10) out->push_back('0');
  out->append(std::to_string(u));
}

// Fixed notation with `precision` decimals of |x|, exact.
std::string fixed_digits(double x, int64_t precision) {
  int prec = static_cast<int>(std::min(precision, kMaxExactFrac));
  std::string s(330 + static_cast<size_t>(prec), '\0');
  auto r = std::to_chars(s.data(), s.data() + s.size(), std::fabs(x), std::chars_format::fixed, prec);
  s.resize(static_cast<size_t>(r.ptr - s.data()));
  if (precision > prec) s.append(static_cast<size_t>(precision - prec), '0');
  return s;
}

}  // namespace

std::string double_to_string(double x, char code, int64_t precision, unsigned flags) {
  const bool upper = code == 'E' || code == 'F' || code == 'G';
  const char lower = static_cast<char>(code | 0x20);  // 'e' 'f' 'g' 'r'
  const bool alt = flags & kDtoaAlt;
  std::string out;
  bool negative = std::signbit(x);
  auto put_sign = [&](bool neg) {
    if (neg) out.push_back('-');
    else if (flags & kDtoaSign) out.push_back('+');
  };
  if (std::isnan(x)) {  // CPython never shows a sign on nan, except a forced '+'
    put_sign(false);
    out += upper ? "NAN" : "nan";
    return out;
  }
  if (std::isinf(x)) {
    put_sign(negative);
    out += upper ? "INF" : "inf";
    return out;
  }

  if (lower == 'f') {
    std::string body = fixed_digits(x, precision);
    if ((flags & kDtoaNoNegZero) && body.find_first_not_of("0.") == std::string::npos) negative = false;
    put_sign(negative);
    out += body;
    if (alt && precision == 0) out.push_back('.');
    return out;
  }

  if (lower == 'g' && precision == 0) precision = 1;
  std::string digits;
  int decpt;
  decimal_digits(x, lower == 'r' ? -1 : (lower == 'e' ? precision + 1 : precision), &digits, &decpt);
  if ((flags & kDtoaNoNegZero) && digits == "0") negative = false;

  bool use_exp;
  int64_t frac_min = 0;  // minimum count of digits after the point
  const bool add_dot_0 = flags & kDtoaAddDot0;
  switch (lower) {
    case 'e':
      use_exp = true;
      frac_min = precision;
      break;
    case 'g':
      use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
      if (alt) frac_min = use_exp ? precision - 1 : precision - decpt;
      break;
    default:  // 'r'
      use_exp = decpt <= -4 || decpt > 16;
      break;
  }

  put_sign(negative);
  std::string frac;
  if (use_exp) {
    out.push_back(digits[0]);
    frac = digits.substr(1);
  } else if (decpt <= 0) {
    out.push_back('0');
    frac.assign(static_cast<size_t>(-decpt), '0');
    frac += digits;
  } else if (static_cast<size_t>(decpt) >= digits.size()) {
    out += digits;
    out.append(static_cast<size_t>(decpt) - digits.size(), '0');
  } else {
    out.append(digits, 0, static_cast<size_t>(decpt));
    frac = digits.substr(static_cast<size_t>(decpt));
  }
  if (static_cast<int64_t>(frac.size()) < frac_min) frac.append(static_cast<size_t>(frac_min) - frac.size(), '0');
  if (!use_exp && add_dot_0 && frac.empty()) frac = "0";
  if (!frac.empty() || alt) {
    out.push_back('.');
    out += frac;
  }
  if (use_exp) append_exponent(&out, upper ? 'E' : 'e', decpt - 1);
  return out;
}

std::string float_repr(double x) { return double_to_string(x, 'r', 0, kDtoaAddDot0); }

std::string complex_repr(double real, double imag) {
  if (real == 0.0 && !std::signbit(real)) return double_to_string(imag, 'r', 0, 0) + "j";
  return "(" + double_to_string(real, 'r', 0, 0) + double_to_string(imag, 'r', 0, kDtoaSign) + "j)";
}

// --- float.hex / float.fromhex -------------------------------------------------------------

std::string float_hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  std::string out = std::signbit(x) ? "-" : "";
  if (x == 0.0) return out + "0x0.0p+0";
  uint64_t bits = std::bit_cast<uint64_t>(x);
  uint64_t mant = bits & ((uint64_t(1) << 52) - 1);
  int biased = static_cast<int>((bits >> 52) & 0x7ff);
  // Normal numbers lead with 1 and their own exponent; subnormals lead with 0 at -1022.
  int exp = biased == 0 ? -1022 : biased - 1023;
  out += biased == 0 ? "0x0." : "0x1.";
  static const char kHex[] = "0123456789abcdef";
  for (int shift = 48; shift >= 0; shift -= 4) out.push_back(kHex[(mant >> shift) & 0xf]);
  out.push_back('p');
  out.push_back(exp < 0 ? '-' : '+');
  out += std::to_string(exp < 0 ? -exp : exp);
  return out;
}

NumStatus float_fromhex(std::string_view text, double* out) {
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end && space(*p)) ++p;
  while (end > p && space(end[-1])) --end;
  bool negative = false;
  if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
  auto word = [&](const char* w) {
    size_t n = std::strlen(w);
    if (static_cast<size_t>(end - p) != n) return false;
    for (size_t i = 0; i < n; ++i)
      if ((p[i] | 0x20) != w[i]) return false;
    return true;
  };
  if (word("inf") || word("infinity")) { *out = negative ? -HUGE_VAL : HUGE_VAL; return NumStatus::ok; }
  if (word("nan")) { *out = negative ? -std::nan("") : std::nan(""); return NumStatus::ok; }
  if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') p += 2;
  auto hexval = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  std::string hex;
  int64_t frac_digits = 0;
  bool seen_point = false;
  for (; p < end; ++p) {
    if (*p == '.' && !seen_point) { seen_point = true; continue; }
    if (hexval(*p) < 0) break;
    hex.push_back(*p);
    if (seen_point) ++frac_digits;
  }
  if (hex.empty()) return NumStatus::invalid_literal;
  int64_t exp = 0;
  if (p < end && (*p | 0x20) == 'p') {
    ++p;
    bool eneg = false;
    if (p < end && (*p == '+' || *p == '-')) eneg = *p++ == '-';
    if (p == end || *p < '0' || *p > '9') return NumStatus::invalid_literal;
    for (; p < end && *p >= '0' && *p <= '9'; ++p)
      if (exp < (int64_t(1) << 40)) exp = exp * 10 + (*p - '0');  // saturates; any larger is inf/0
    if (eneg) exp = -exp;
  }
  // CPython reports overflow before looking at trailing junk, so the value comes first.
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, hex.c_str(), 16);
  BigInt m = BigInt::from_mpz(z);
  double d;
  if (m.is_zero()) {
    d = 0.0;
  } else if (ldexp_rounded(m, exp - 4 * frac_digits, &d) != NumStatus::ok) {
    return NumStatus::overflow;
  }
  if (p != end) return NumStatus::invalid_literal;
  *out = negative ? -d : d;
  return NumStatus::ok;
}

// --- round() and friends --------------------------------------------------------------------

NumStatus float_round(double x, int64_t ndigits, double* out) {
  // Beyond these, rounding cannot change x or always gives zero (CPython's NDIGITS_MAX/MIN).
  constexpr int64_t kNdigitsMax = static_cast<int64_t>((53 - (-1021)) * 0.30103);
  constexpr int64_t kNdigitsMin = -static_cast<int64_t>((1024 + 1) * 0.30103);
  if (!std::isfinite(x) || x == 0.0 || ndigits > kNdigitsMax) { *out = x; return NumStatus::ok; }
  if (ndigits < kNdigitsMin) { *out = 0.0 * x; return NumStatus::ok; }
  double r;
  if (ndigits >= 0) {
    std::string s = fixed_digits(x, ndigits);  // exact decimal, ties to even
    std::from_chars(s.data(), s.data() + s.size(), r);
  } else {
    // Integer result: q = round_half_even(|x| / 10**k) exactly, then q * 10**k rounded once.
    BigInt num, den;
    float_as_integer_ratio(std::fabs(x), &num, &den);
    BigInt p10;
    pow(BigInt(10), BigInt(-ndigits), &p10);
    BigInt scaled_den = den * p10;
    BigInt q, rem;
    divmod(num, scaled_den, &q, &rem);
    int c = compare(rem + rem, scaled_den);
    if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
    if ((q * p10).to_double(&r) != NumStatus::ok) return NumStatus::overflow;
  }
  if (std::isinf(r)) return NumStatus::overflow;
  *out = std::copysign(r, x);
  return NumStatus::ok;
}

double float_round_half_even(double x) {
  double r = std::round(x);  // ties away from zero
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
  return r;
}

void float_as_integer_ratio(double x, BigInt* numerator, BigInt* denominator) {
  if (x == 0.0) { *numerator = BigInt(0); *denominator = BigInt(1); return; }
  uint64_t bits = std::bit_cast<uint64_t>(x);
  int biased = static_cast<int>((bits >> 52) & 0x7ff);
  uint64_t mant = bits & ((uint64_t(1) << 52) - 1);
  int exp;
  if (biased == 0) {
    exp = -1074;
  } else {
    mant |= uint64_t(1) << 52;
    exp = biased - 1075;
  }
  int tz = std::countr_zero(mant);  // lowest terms: the denominator is a power of two
  mant >>= tz;
  exp += tz;
  BigInt m(static_cast<int64_t>(mant));
  if (std::signbit(x)) m = -m;
  if (exp >= 0) {
    lshift(m, static_cast<uint64_t>(exp), numerator);
    *denominator = BigInt(1);
  } else {
    *numerator = m;
    lshift(BigInt(1), static_cast<uint64_t>(-exp), denominator);
  }
}

bool float_is_integer(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace coil::rt
