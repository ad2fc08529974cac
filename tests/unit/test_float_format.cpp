// test_float_format.cpp — float repr/format/%/round/hex and number parsing against CPython 3.11.
#include <doctest/doctest.h>

#include <cmath>

#include "number_cases.h"
#include "runtime/float_format.h"
#include "runtime/float_ops.h"
#include "runtime/number_parse.h"

using namespace coil::rt;
using coil::test::big;
using coil::test::bits;
using coil::test::check_cases;
using coil::test::dbl;
using coil::test::Fields;

namespace {

std::string error_text(const FormatStatus& st) {
  return (st.kind == FormatErrorKind::overflow_error ? "!OverflowError: " : "!ValueError: ") + st.message;
}

// "%[flags][width][.precision]conv" -> PercentSpec, conv.
PercentSpec parse_percent(const std::string& s, char* conv) {
  PercentSpec p;
  size_t i = 1;
  for (; i < s.size() && std::string("-+ #0").find(s[i]) != std::string::npos; ++i) {
    switch (s[i]) {
      case '-': p.left = true; break;
      case '+': p.plus = true; break;
      case ' ': p.space = true; break;
      case '#': p.alt = true; break;
      case '0': p.zero = true; break;
    }
  }
  size_t j = i;
  while (j < s.size() && isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j > i) p.width = std::stoll(s.substr(i, j - i));
  if (j < s.size() && s[j] == '.') {
    size_t k = ++j;
    while (k < s.size() && isdigit(static_cast<unsigned char>(s[k]))) ++k;
    p.precision = k > j ? std::stoll(s.substr(j, k - j)) : 0;
    j = k;
  }
  *conv = s[j];
  return p;
}

}  // namespace

TEST_CASE("float: repr") {
  check_cases("repr", [](const Fields& f) { return float_repr(dbl(f[0])); });
  CHECK(float_repr(1e16) == "1e+16");
  CHECK(float_repr(1e-5) == "1e-05");
  CHECK(float_repr(-0.0) == "-0.0");
  CHECK(float_repr(-std::nan("")) == "nan");
  CHECK(float_repr(123456789012345678.0) == "1.2345678901234568e+17");
}

TEST_CASE("float: format() mini-language") {
  check_cases("format_float", [](const Fields& f) {
    std::string out;
    FormatStatus st = format_float(dbl(f[0]), f[1], &out);
    return st.ok() ? out : error_text(st);
  });
}

TEST_CASE("int: format() mini-language") {
  check_cases("format_int", [](const Fields& f) {
    std::string out;
    FormatStatus st = format_int(big(f[0]), f[1], &out);
    return st.ok() ? out : error_text(st);
  });
  std::string out;
  CHECK(format_int(BigInt(1), "q", &out, "bool").message == "Unknown format code 'q' for object of type 'bool'");
}

TEST_CASE("complex: format() mini-language") {
  check_cases("format_complex", [](const Fields& f) {
    std::string out;
    FormatStatus st = format_complex(dbl(f[0]), dbl(f[1]), f[2], &out);
    return st.ok() ? out : error_text(st);
  });
}

TEST_CASE("float arithmetic: divmod, %, **") {
  check_cases("float_divmod", [](const Fields& f) {
    double q, r;
    if (float_divmod(dbl(f[0]), dbl(f[1]), &q, &r) != NumStatus::ok) return std::string("!ZeroDivisionError");
    return bits(q) + "," + bits(r);
  });
  check_cases("float_mod", [](const Fields& f) {
    double r;
    if (float_mod(dbl(f[0]), dbl(f[1]), &r) != NumStatus::ok) return std::string("!ZeroDivisionError");
    return bits(r);
  });
  check_cases("float_pow", [](const Fields& f) {
    double r;
    switch (float_pow(dbl(f[0]), dbl(f[1]), &r)) {
      case PowStatus::ok: return bits(r);
      case PowStatus::zero_to_negative: return std::string("!ZeroDivisionError");
      case PowStatus::complex_result: return std::string("complex");
      case PowStatus::overflow: return std::string("!OverflowError");
    }
    return std::string("?");
  });
}

TEST_CASE("str: format() mini-language") {
  check_cases("format_str", [](const Fields& f) {
    std::string out;
    FormatStatus st = format_str(f[0], f[1], &out);
    return st.ok() ? out : error_text(st);
  });
}

TEST_CASE("percent formatting of numbers") {
  check_cases("percent_float", [](const Fields& f) {
    char conv;
    PercentSpec p = parse_percent(f[1], &conv);
    return percent_format_float(dbl(f[0]), conv, p);
  });
  check_cases("percent_int", [](const Fields& f) {
    char conv;
    PercentSpec p = parse_percent(f[1], &conv);
    std::string out;
    FormatStatus st = percent_format_int(big(f[0]), conv, p, &out);
    return st.ok() ? out : error_text(st);
  });
}

TEST_CASE("float: round, as_integer_ratio, hex") {
  check_cases("round", [](const Fields& f) {
    double r;
    NumStatus st = float_round(dbl(f[0]), std::stoll(f[1]), &r);
    return st == NumStatus::ok ? bits(r) : std::string("!OverflowError");
  });
  check_cases("round0", [](const Fields& f) { return BigInt::from_double(float_round_half_even(dbl(f[0]))).to_string(); });
  check_cases("ratio", [](const Fields& f) {
    BigInt n, d;
    float_as_integer_ratio(dbl(f[0]), &n, &d);
    CHECK(n.to_string() == f[1]);
    return d.to_string();
  });
  check_cases("hex", [](const Fields& f) { return float_hex(dbl(f[0])); });
  check_cases("fromhex", [](const Fields& f) {
    double d;
    return float_fromhex(f[0], &d) == NumStatus::ok ? bits(d) : std::string("!");
  });
  check_cases("parse_hex", [](const Fields& f) {
    double d;
    NumStatus st = float_fromhex(f[0], &d);
    if (st == NumStatus::overflow) return std::string("!OverflowError");
    if (st != NumStatus::ok) return std::string("!ValueError");
    return std::isnan(d) ? bits(std::copysign(std::nan(""), d)) : bits(d);
  });
  CHECK(float_is_integer(2.0));
  CHECK(!float_is_integer(2.5));
  CHECK(!float_is_integer(INFINITY));
}

TEST_CASE("float() and complex() parsing, complex repr") {
  check_cases("parse_float", [](const Fields& f) {
    double d;
    return parse_float(f[0], &d) ? bits(d) : std::string("!ValueError");
  });
  check_cases("parse_complex", [](const Fields& f) {
    double re, im;
    return parse_complex(f[0], &re, &im) ? bits(re) + "," + bits(im) : std::string("!ValueError");
  });
  check_cases("complex_repr", [](const Fields& f) { return complex_repr(dbl(f[0]), dbl(f[1])); });
}
