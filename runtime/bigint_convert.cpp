// bigint_convert.cpp — BigInt <-> text (any base, Python's int() grammar, digit limit) and bytes.
#include <algorithm>
#include <cstring>

#include "runtime/bigint.h"
#include "runtime/number_parse.h"

namespace coil::rt {

namespace {

uint64_t uabs(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// Value of an ASCII digit or letter in bases up to 36; 99 for anything else.
int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Python's Py_ISSPACE: the six ASCII whitespace characters (Unicode ones were mapped to ' ').
bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

std::string BigInt::to_string(int base, bool upper) const {
  const char* digits = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
  if (!big_) {
    char buf[72];
    char* p = buf + sizeof buf;
    uint64_t u = uabs(small_);
    if (base == 10) {  // the common case, with a constant divisor (a multiply, not a divide)
      do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
      } while (u);
    } else {
      do {
        *--p = digits[u % static_cast<unsigned>(base)];
        u /= static_cast<unsigned>(base);
      } while (u);
    }
    if (small_ < 0) *--p = '-';
    return std::string(p, buf + sizeof buf);
  }
  std::string s(mpz_sizeinbase(z_, base) + 2, '\0');
  mpz_get_str(s.data(), upper ? -base : base, z_);
  s.resize(std::strlen(s.c_str()));
  return s;
}

uint64_t BigInt::decimal_digits() const {
  if (!big_) {
    uint64_t u = uabs(small_), n = 1;
    while (u >= 10) { u /= 10; ++n; }
    return n;
  }
  // mpz_sizeinbase is exact or one too big; settle it against 10^(n-1).
  uint64_t n = mpz_sizeinbase(z_, 10);
  mpz_t p, a;
  mpz_init(p);
  mpz_init(a);
  mpz_ui_pow_ui(p, 10, n - 1);
  mpz_abs(a, z_);
  if (mpz_cmp(a, p) < 0) --n;
  mpz_clear(p);
  mpz_clear(a);
  return n;
}

bool exceeds_str_digit_limit(const BigInt& a, int limit) {
  if (limit <= 0 || a.is_small()) return false;
  // digits = floor(bits * log10(2)) + {0 or 1}; decide from the bit length when clear-cut.
  double est = static_cast<double>(a.bit_length()) * 0.30102999566398120;
  if (est + 2 < limit) return false;
  if (est - 2 > limit) return true;
  return a.decimal_digits() > static_cast<uint64_t>(limit);
}

std::string digit_limit_message(int limit, int64_t value_digits) {
  std::string s = "Exceeds the limit (" + std::to_string(limit) + " digits) for integer string conversion";
  if (value_digits >= 0) s += ": value has " + std::to_string(value_digits) + " digits";
  s += "; use sys.set_int_max_str_digits() to increase the limit";
  return s;
}

NumStatus parse_int(std::string_view text, int base, BigInt* out, int max_digits, int64_t* ndigits_out) {
  if (base != 0 && (base < 2 || base > 36)) return NumStatus::invalid_literal;  // caller's ValueError first
  std::string converted;
  if (!is_ascii(text)) {
    converted = ascii_numeric_text(text);
    text = converted;
  }
  const char* s = text.data();
  const char* end = s + text.size();
  while (s < end && is_ascii_space(*s)) ++s;
  bool negative = false;
  if (s < end && (*s == '+' || *s == '-')) negative = *s++ == '-';

  bool prefixed = false, zero_led = false;
  auto has_prefix = [&](char lower) {
    return end - s >= 2 && s[0] == '0' && (s[1] | 0x20) == lower;
  };
  if (base == 0) {
    if (has_prefix('x')) base = 16, prefixed = true;
    else if (has_prefix('o')) base = 8, prefixed = true;
    else if (has_prefix('b')) base = 2, prefixed = true;
    else { zero_led = s < end && *s == '0'; base = 10; }
  } else if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) ||
             (base == 2 && has_prefix('b'))) {
    prefixed = true;
  }
  if (prefixed) s += 2;

  // The digit run: underscores only singly, between digits or right after a prefix.
  const char* digits_begin = s;
  int64_t ndigits = 0;
  bool last_underscore = false, nonzero = false;
  for (; s < end; ++s) {
    if (*s == '_') {
      if (last_underscore || (ndigits == 0 && !prefixed)) return NumStatus::invalid_literal;
      last_underscore = true;
      continue;
    }
    int d = digit_value(static_cast<unsigned char>(*s));
    if (d >= base) break;
    nonzero |= d != 0;
    ++ndigits;
    last_underscore = false;
  }
  const char* digits_end = s;
  if (ndigits == 0 || last_underscore) return NumStatus::invalid_literal;
  if (ndigits_out) *ndigits_out = ndigits;
  if ((base & (base - 1)) != 0 && max_digits > 0 && ndigits > max_digits)
    return NumStatus::too_many_digits;
  while (s < end && is_ascii_space(*s)) ++s;
  if (s != end) return NumStatus::invalid_literal;
  if (zero_led && nonzero) return NumStatus::invalid_literal;  // "010" is not a base-0 literal

  // Short runs accumulate in a uint64; long ones go through GMP.
  if (ndigits <= 12) {
    uint64_t v = 0;
    for (const char* p = digits_begin; p < digits_end; ++p)
      if (*p != '_') v = v * static_cast<unsigned>(base) + digit_value(static_cast<unsigned char>(*p));
    BigInt r = BigInt::from_uint64(v);
    *out = negative ? -r : r;
    return NumStatus::ok;
  }
  std::string clean;
  clean.reserve(static_cast<size_t>(ndigits) + 1);
  for (const char* p = digits_begin; p < digits_end; ++p)
    if (*p != '_') clean.push_back(*p);
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, clean.c_str(), base);
  if (negative) mpz_neg(z, z);
  *out = BigInt::from_mpz(z);
  return NumStatus::ok;
}

// --- bytes --------------------------------------------------------------------------------

NumStatus to_bytes(const BigInt& a, size_t length, bool little_endian, bool is_signed, std::string* out) {
  int sign = a.sign();
  if (sign < 0 && !is_signed) return NumStatus::negative_unsigned;
  // Bits the two's complement form needs beyond the sign.
  uint64_t need = sign < 0 ? (~a).bit_length() : a.bit_length();
  if (is_signed && sign != 0) need += 1;
  if (sign < 0 && length == 0 && a == BigInt(-1)) need = 0;  // CPython quirk: (-1).to_bytes(0, signed=True) == b''
  if (need > static_cast<uint64_t>(length) * 8) return NumStatus::overflow;
  out->assign(length, sign < 0 ? '\xff' : '\0');
  // Little-endian bytes of the low 8*length bits of the two's complement value.
  int64_t x;
  if (a.to_int64(&x)) {
    uint64_t u = static_cast<uint64_t>(x);
    for (size_t i = 0; i < length && i < 8; ++i) (*out)[i] = static_cast<char>(u >> (8 * i));
  } else {
    mpz_t t;
    mpz_init(t);
    __mpz_struct s[1];
    mp_limb_t limb;
    mpz_srcptr va = a.view(s, &limb);
    if (sign < 0) {
      mpz_set_ui(t, 1);
      mpz_mul_2exp(t, t, length * 8);
      mpz_add(t, t, va);
    } else {
      mpz_set(t, va);
    }
    size_t count = 0;
    mpz_export(out->data(), &count, -1, 1, 0, 0, t);  // least significant byte first
    mpz_clear(t);
  }
  if (!little_endian) std::reverse(out->begin(), out->end());
  return NumStatus::ok;
}

BigInt from_bytes(const uint8_t* data, size_t n, bool little_endian, bool is_signed) {
  if (n == 0) return BigInt(0);
  uint8_t top = little_endian ? data[n - 1] : data[0];
  bool negative = is_signed && (top & 0x80);
  if (n <= 8) {
    uint64_t u = 0;
    for (size_t i = 0; i < n; ++i) {
      uint8_t byte = little_endian ? data[n - 1 - i] : data[i];
      u = (u << 8) | byte;
    }
    if (negative && n < 8) u |= ~uint64_t(0) << (8 * n);  // sign-extend
    return negative ? BigInt(static_cast<int64_t>(u)) : BigInt::from_uint64(u);
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, n, little_endian ? -1 : 1, 1, 0, 0, data);
  if (negative) {
    mpz_t p;
    mpz_init(p);
    mpz_set_ui(p, 1);
    mpz_mul_2exp(p, p, n * 8);
    mpz_sub(z, z, p);
    mpz_clear(p);
  }
  return BigInt::from_mpz(z);
}

}  // namespace coil::rt
