// test_bigint.cpp — BigInt against CPython 3.11 (tables in data/number_cases.tsv) and edge cases.
#include <doctest/doctest.h>

#include <cmath>

#include "number_cases.h"
#include "runtime/bigint.h"

using namespace coil::rt;
using coil::test::big;
using coil::test::bits;
using coil::test::check_cases;
using coil::test::Fields;

namespace {

// How the generator prints an int: decimal, or hex past 10000 bits (str()'s digit limit).
std::string pystr(const BigInt& v) {
  if (v.bit_length() <= 10000) return v.to_string(10);
  std::string h = abs(v).to_string(16);
  return (v.sign() < 0 ? "-0x" : "0x") + h;
}

std::string status_name(NumStatus st) {
  switch (st) {
    case NumStatus::ok: return "";
    case NumStatus::zero_division: return "!ZeroDivisionError";
    case NumStatus::overflow: return "!OverflowError";
    case NumStatus::memory: return "!MemoryError";
    case NumStatus::not_invertible: return "!ValueError";
    case NumStatus::invalid_literal: return "!ValueError";
    case NumStatus::too_many_digits: return "!ValueError";
    case NumStatus::negative_unsigned: return "!OverflowError";
  }
  return "?";
}

using BinOp = BigInt (*)(const BigInt&, const BigInt&);
void check_binop(const char* op, BinOp fn) {
  check_cases(op, [&](const Fields& f) { return pystr(fn(big(f[0]), big(f[1]))); });
}

}  // namespace

TEST_CASE("bigint: arithmetic matches CPython") {
  check_binop("add", [](const BigInt& a, const BigInt& b) { return a + b; });
  check_binop("sub", [](const BigInt& a, const BigInt& b) { return a - b; });
  check_binop("mul", [](const BigInt& a, const BigInt& b) { return a * b; });
  check_binop("and", [](const BigInt& a, const BigInt& b) { return a & b; });
  check_binop("or", [](const BigInt& a, const BigInt& b) { return a | b; });
  check_binop("xor", [](const BigInt& a, const BigInt& b) { return a ^ b; });
  check_binop("gcd", [](const BigInt& a, const BigInt& b) { return gcd(a, b); });
  check_cases("cmp", [](const Fields& f) { return std::to_string(compare(big(f[0]), big(f[1]))); });
  check_cases("floordiv", [](const Fields& f) {
    BigInt q;
    NumStatus st = floordiv(big(f[0]), big(f[1]), &q);
    return st == NumStatus::ok ? pystr(q) : status_name(st);
  });
  check_cases("mod", [](const Fields& f) {
    BigInt r;
    NumStatus st = mod(big(f[0]), big(f[1]), &r);
    return st == NumStatus::ok ? pystr(r) : status_name(st);
  });
  check_cases("neg", [](const Fields& f) { return pystr(-big(f[0])); });
  check_cases("invert", [](const Fields& f) { return pystr(~big(f[0])); });
}

TEST_CASE("bigint: true division is correctly rounded") {
  check_cases("truediv", [](const Fields& f) {
    double d;
    NumStatus st = truediv(big(f[0]), big(f[1]), &d);
    return st == NumStatus::ok ? bits(d) : status_name(st);
  });
  check_cases("to_double", [](const Fields& f) {
    double d;
    NumStatus st = big(f[0]).to_double(&d);
    return st == NumStatus::ok ? bits(d) : status_name(st);
  });
}

TEST_CASE("bigint: powers and shifts") {
  check_cases("pow", [](const Fields& f) {
    BigInt r;
    NumStatus st = pow(big(f[0]), big(f[1]), &r);
    return st == NumStatus::ok ? pystr(r) : status_name(st);
  });
  check_cases("powmod", [](const Fields& f) {
    BigInt r;
    NumStatus st = powmod(big(f[0]), big(f[1]), big(f[2]), &r);
    return st == NumStatus::ok ? pystr(r) : status_name(st);
  });
  check_cases("lshift", [](const Fields& f) {
    BigInt r;
    NumStatus st = lshift(big(f[0]), big(f[1]), &r);
    return st == NumStatus::ok ? pystr(r) : status_name(st);
  });
  check_cases("rshift", [](const Fields& f) { return pystr(rshift(big(f[0]), big(f[1]))); });
  BigInt r;
  CHECK(lshift(BigInt(1), uint64_t(1) << 62, &r) == NumStatus::memory);
  CHECK(lshift(BigInt(0), big("18446744073709551616"), &r) == NumStatus::ok);
  CHECK(r.is_zero());
  CHECK(rshift(BigInt(-5), big("18446744073709551616")) == BigInt(-1));
  CHECK(pow(BigInt(2), big("100000000000000000000"), &r) == NumStatus::memory);
  CHECK(pow(BigInt(-1), big("100000000000000000001"), &r) == NumStatus::ok);
  CHECK(r == BigInt(-1));
  CHECK(powmod(BigInt(3), BigInt(-1), BigInt(6), &r) == NumStatus::not_invertible);
  CHECK(powmod(BigInt(0), BigInt(-1), BigInt(1), &r) == NumStatus::ok);
  CHECK(powmod(BigInt(5), BigInt(-1), BigInt(-7), &r) == NumStatus::ok);
  CHECK(r == BigInt(-4));
}

TEST_CASE("bigint: bits, hashes, strings, isqrt") {
  check_cases("bit_length", [](const Fields& f) { return std::to_string(big(f[0]).bit_length()); });
  check_cases("bit_count", [](const Fields& f) { return std::to_string(big(f[0]).bit_count()); });
  check_cases("hash", [](const Fields& f) { return std::to_string(big(f[0]).hash()); });
  check_cases("str", [](const Fields& f) { return big(f[0]).to_string(std::stoi(f[1])); });
  check_cases("isqrt", [](const Fields& f) { return pystr(isqrt(big(f[0]))); });
  CHECK(hash_int64(-1) == -2);
  CHECK(hash_int64(INT64_MIN) == BigInt(INT64_MIN).hash());
  CHECK(BigInt(255).to_string(16, true) == "FF");
}

TEST_CASE("bigint: limbs round-trip") {
  for (const char* text : {"0", "1", "-1", "-9223372036854775808", "18446744073709551616",
                           "-340282366920938463463374607431768211457", "123456789012345678901234567890123"}) {
    BigInt v = big(text);
    std::vector<uint64_t> limbs(v.limb_count());
    v.copy_limbs(limbs.data());
    BigInt back = BigInt::from_limbs(limbs.data(), limbs.size(), v.sign() < 0);
    CHECK(back == v);
    CHECK(back.is_small() == v.is_small());
  }
  uint64_t padded[3] = {5, 0, 0};
  CHECK(BigInt::from_limbs(padded, 3, true) == BigInt(-5));
}

TEST_CASE("bigint: round(int, ndigits)") {
  check_cases("int_round", [](const Fields& f) { return pystr(int_round(big(f[0]), std::stoll(f[1]))); });
  CHECK(int_round(BigInt(25), -1) == BigInt(20));
  CHECK(int_round(BigInt(35), -1) == BigInt(40));
  CHECK(int_round(BigInt(-25), -1) == BigInt(-20));
  CHECK(int_round(BigInt(5), INT64_MIN) == BigInt(0));
}

TEST_CASE("bigint: bytes conversions") {
  check_cases("to_bytes", [](const Fields& f) {
    std::string out;
    NumStatus st = to_bytes(big(f[0]), std::stoul(f[1]), f[2] == "little", f[3] == "1", &out);
    if (st != NumStatus::ok) return status_name(st);
    static const char* hex = "0123456789abcdef";
    std::string h;
    for (unsigned char c : out) { h.push_back(hex[c >> 4]); h.push_back(hex[c & 15]); }
    return h.empty() ? std::string("-") : h;
  });
  check_cases("from_bytes", [](const Fields& f) {
    std::vector<uint8_t> data;
    for (size_t i = 0; i + 1 < f[0].size(); i += 2) data.push_back(static_cast<uint8_t>(std::stoul(f[0].substr(i, 2), nullptr, 16)));
    return pystr(from_bytes(data.data(), data.size(), f[1] == "little", f[2] == "1"));
  });
}

TEST_CASE("bigint: int() parsing") {
  check_cases("parse_int", [](const Fields& f) {
    BigInt v;
    NumStatus st = parse_int(f[0], std::stoi(f[1]), &v, kDefaultMaxStrDigits);
    return st == NumStatus::ok ? pystr(v) : status_name(st);
  });
  BigInt v;
  int64_t nd = 0;
  CHECK(parse_int(std::string(5000, '1') + "x", 10, &v, 4300, &nd) == NumStatus::too_many_digits);
  CHECK(nd == 5000);
  CHECK(digit_limit_message(4300, 5000) ==
        "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use "
        "sys.set_int_max_str_digits() to increase the limit");
  CHECK(parse_int(std::string(5000, '1'), 16, &v, 4300) == NumStatus::ok);  // powers of two are exempt
}

TEST_CASE("bigint: digit limit and decimal digits") {
  BigInt p;
  pow(BigInt(10), BigInt(4299), &p);
  CHECK(p.decimal_digits() == 4300);
  CHECK(!exceeds_str_digit_limit(p * BigInt(9), 4300));
  CHECK(exceeds_str_digit_limit(p * BigInt(10), 4300));
  CHECK((p - BigInt(1)).decimal_digits() == 4299);
  CHECK(!exceeds_str_digit_limit(p * BigInt(10), 0));
}

TEST_CASE("bigint: int64 fast paths and normalisation") {
  int64_t r;
  CHECK(!checked_add(INT64_MAX, 1, &r));
  CHECK(checked_mul(-3, 7, &r));
  CHECK(r == -21);
  CHECK(!checked_floordiv(INT64_MIN, -1, &r));
  CHECK(checked_floordiv(-7, 2, &r));
  CHECK(r == -4);
  CHECK(floormod(-7, 2) == 1);
  CHECK(floormod(7, -2) == -1);
  CHECK(floormod(INT64_MIN, -1) == 0);
  CHECK(checked_lshift(-1, 62, &r));
  CHECK(r == INT64_MIN / 2);
  CHECK(!checked_lshift(1, 63, &r));
  CHECK(floor_rshift(-1, 100) == -1);
  // Results that come back into int64 range are small again.
  BigInt big_v = BigInt(INT64_MAX) + BigInt(1);
  CHECK(!big_v.is_small());
  CHECK((big_v - BigInt(1)).is_small());
  CHECK(BigInt::from_uint64(UINT64_MAX).to_string() == "18446744073709551615");
  CHECK(BigInt::from_double(-1e20).to_string() == "-100000000000000000000");
  CHECK(BigInt::from_double(-2.9).small_value() == -2);
  CHECK(compare_int_double(big("9007199254740993"), 9007199254740992.0) == 1);
  CHECK(compare_int_double(BigInt(3), 3.5) == -1);
  CHECK(compare_int_double(BigInt(-4), -3.5) == -1);
  CHECK(compare_int_double(BigInt(1), std::nan("")) == 2);
  BigInt moved = std::move(big_v);
  CHECK(moved.to_string() == "9223372036854775808");
  BigInt copy = moved;
  copy = copy;
  CHECK(copy == moved);
}
