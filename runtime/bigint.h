// bigint.h — arbitrary-precision integers with Python's semantics, over GMP (no GC objects).
//
// A BigInt holds either an inline int64 (no allocation) or a GMP mpz whose value does not
// fit in int64; every operation re-normalises its result, so `is_small()` is exactly
// "fits in int64". The runtime keeps 63-bit ints tagged in a Value and uses BigInt for
// the rest; the int64 helpers at the bottom are the overflow-checked fast paths.
//
// Operations that Python can refuse report a NumStatus instead of throwing; the caller
// raises the matching exception (message texts are listed next to each status).
#pragma once

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coil::rt {

// Why a numeric operation failed; the caller raises the exception named here.
enum class NumStatus : uint8_t {
  ok,
  zero_division,     // ZeroDivisionError ("integer division or modulo by zero", ...)
  overflow,          // OverflowError (text depends on the operation, see each function)
  memory,            // MemoryError (result would be absurdly large)
  not_invertible,    // ValueError "base is not invertible for the given modulus"
  invalid_literal,   // ValueError "invalid literal for int() with base N: '...'"
  too_many_digits,   // ValueError, int<->str digit limit (see digit_limit_message)
  negative_unsigned, // OverflowError "can't convert negative int to unsigned"
};

class BigInt {
 public:
  BigInt() noexcept : small_(0) {}
  BigInt(int64_t v) noexcept : small_(v) {}  // NOLINT: implicit from int64 is the point
  BigInt(int v) noexcept : small_(v) {}      // NOLINT
  static BigInt from_uint64(uint64_t v);
  // Truncates toward zero like int(float). The caller rejects inf and nan first.
  static BigInt from_double(double d);
  // Takes ownership of an initialised mpz (cleared afterwards) and normalises.
  static BigInt from_mpz(mpz_t z);

  BigInt(const BigInt& o);
  BigInt(BigInt&& o) noexcept;
  BigInt& operator=(const BigInt& o);
  BigInt& operator=(BigInt&& o) noexcept;
  ~BigInt() { if (big_) mpz_clear(z_); }

  bool is_small() const { return !big_; }              // fits in int64
  int64_t small_value() const { return small_; }      // only when is_small()
  bool to_int64(int64_t* out) const;
  bool to_uint64(uint64_t* out) const;                  // false when negative or too big
  int sign() const;                                     // -1, 0, 1
  bool is_zero() const { return !big_ && small_ == 0; }
  bool is_negative() const { return sign() < 0; }
  bool is_odd() const;

  // Magnitude limbs, least significant first, for keeping a value inline in a GC object
  // (no malloc'd limbs, so no finalizer) and rebuilding it when needed.
  size_t limb_count() const;                  // limbs of |x|: 0 for zero
  void copy_limbs(uint64_t* dst) const;       // writes limb_count() limbs of |x|
  static BigInt from_limbs(const uint64_t* limbs, size_t n, bool negative);

  // Read-only view as an mpz (no allocation for small values: uses `scratch`).
  mpz_srcptr view(mpz_ptr scratch, mp_limb_t* limb) const;

  // Correctly rounded (half-even); overflow -> "int too large to convert to float".
  NumStatus to_double(double* out) const;

  uint64_t bit_length() const;
  uint64_t bit_count() const;  // popcount of |x|
  // Number of decimal digits of |x| (1 for zero), exact.
  uint64_t decimal_digits() const;

  // Digits in `base` (2..36), lowercase unless `upper`, with a leading '-' if negative.
  // No prefix; no digit-limit check (see exceeds_str_digit_limit).
  std::string to_string(int base = 10, bool upper = false) const;
  // Python's hash(int): |x| mod (2**61-1) with the sign, -1 mapped to -2.
  int64_t hash() const;

  friend int compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
  friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }
  friend bool operator!=(const BigInt& a, const BigInt& b) { return compare(a, b) != 0; }
  friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }
  friend bool operator<=(const BigInt& a, const BigInt& b) { return compare(a, b) <= 0; }
  friend bool operator>(const BigInt& a, const BigInt& b) { return compare(a, b) > 0; }
  friend bool operator>=(const BigInt& a, const BigInt& b) { return compare(a, b) >= 0; }

 private:
  void set_from_mpz(mpz_srcptr z);  // copies, normalises
  void adopt(mpz_ptr z);            // steals z's limbs (z is left cleared-equivalent)

  union {
    int64_t small_;
    __mpz_struct z_[1];
  };
  bool big_ = false;
};

// Compares an int with a double exactly (Python's int/float comparison); nan is unordered:
// returns -1/0/1, or 2 for nan.
int compare_int_double(const BigInt& a, double b);

// --- arithmetic (Python semantics) -------------------------------------------------------
BigInt operator+(const BigInt& a, const BigInt& b);
BigInt operator-(const BigInt& a, const BigInt& b);
BigInt operator*(const BigInt& a, const BigInt& b);
BigInt operator-(const BigInt& a);
BigInt abs(const BigInt& a);
BigInt operator~(const BigInt& a);                    // -(a+1)
BigInt operator&(const BigInt& a, const BigInt& b);   // infinite two's complement
BigInt operator|(const BigInt& a, const BigInt& b);
BigInt operator^(const BigInt& a, const BigInt& b);

// Floor division and modulo (result of % has the divisor's sign). zero_division if b == 0.
NumStatus floordiv(const BigInt& a, const BigInt& b, BigInt* q);
NumStatus mod(const BigInt& a, const BigInt& b, BigInt* r);
NumStatus divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);
// Correctly rounded a / b. zero_division ("division by zero"), overflow
// ("integer division result too large for a float").
NumStatus truediv(const BigInt& a, const BigInt& b, double* out);

// a ** e for e >= 0. memory when the result cannot be represented (e huge, |a| > 1).
NumStatus pow(const BigInt& a, const BigInt& e, BigInt* out);
// pow(a, e, m): zero_division never; m == 0 is the caller's ValueError
// ("pow() 3rd argument cannot be 0"); not_invertible for e < 0 without an inverse.
NumStatus powmod(const BigInt& a, const BigInt& e, const BigInt& m, BigInt* out);

// a << n and a >> n (floor) for n >= 0 (the caller raises "negative shift count").
// lshift returns memory when the result would be too large.
NumStatus lshift(const BigInt& a, uint64_t n, BigInt* out);
BigInt rshift(const BigInt& a, uint64_t n);
// Shift counts given as ints (any size): huge right shifts give 0 or -1.
NumStatus lshift(const BigInt& a, const BigInt& n, BigInt* out);
BigInt rshift(const BigInt& a, const BigInt& n);

// m * 2**e correctly rounded (half-even) to a double, subnormals included; overflow when
// the rounded magnitude reaches 2**1024.
NumStatus ldexp_rounded(const BigInt& m, int64_t e, double* out);

// round(a, ndigits) for an int: a itself when ndigits >= 0, else to a multiple of
// 10**-ndigits with ties to even.
BigInt int_round(const BigInt& a, int64_t ndigits);

BigInt gcd(const BigInt& a, const BigInt& b);  // non-negative
BigInt isqrt(const BigInt& a);                 // a >= 0 (caller checks)

// --- int <-> bytes -----------------------------------------------------------------------
// int.to_bytes: overflow ("int too big to convert") or negative_unsigned.
NumStatus to_bytes(const BigInt& a, size_t length, bool little_endian, bool is_signed,
                   std::string* out);
BigInt from_bytes(const uint8_t* data, size_t n, bool little_endian, bool is_signed);

// --- int <-> str -------------------------------------------------------------------------
// CPython 3.11's default sys.int_info.default_max_str_digits and its lower bound.
constexpr int kDefaultMaxStrDigits = 4300;
constexpr int kMaxStrDigitsThreshold = 640;

// True when str(a) in base 10 would exceed `limit` digits (limit 0 = unlimited).
bool exceeds_str_digit_limit(const BigInt& a, int limit);
// The ValueError text for int->str ("...; use sys.set_int_max_str_digits()...") when
// value_digits < 0, or for str->int ("...: value has N digits; ...") otherwise.
std::string digit_limit_message(int limit, int64_t value_digits = -1);

// int(text, base) with base 0 or 2..36 (the caller validates base). `text` is UTF-8;
// Unicode whitespace and decimal digits are accepted like CPython. On too_many_digits,
// *ndigits holds the digit count for digit_limit_message. max_digits 0 = unlimited; the
// limit applies only to bases that are not powers of two.
NumStatus parse_int(std::string_view text, int base, BigInt* out, int max_digits = 0,
                    int64_t* ndigits = nullptr);

// --- int64 fast paths --------------------------------------------------------------------
// *_overflows return true on overflow (the builtins' convention); checked_* return true on
// success. On overflow, redo the operation in BigInt.
inline bool add_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_add_overflow(a, b, r); }
inline bool sub_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_sub_overflow(a, b, r); }
inline bool mul_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_mul_overflow(a, b, r); }
inline bool checked_add(int64_t a, int64_t b, int64_t* r) { return !__builtin_add_overflow(a, b, r); }
inline bool checked_sub(int64_t a, int64_t b, int64_t* r) { return !__builtin_sub_overflow(a, b, r); }
inline bool checked_mul(int64_t a, int64_t b, int64_t* r) { return !__builtin_mul_overflow(a, b, r); }
// Python floor division / modulo on int64; b != 0; false only for INT64_MIN // -1.
inline bool checked_floordiv(int64_t a, int64_t b, int64_t* q) {
  if (b == -1 && a == INT64_MIN) return false;
  int64_t d = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --d;
  *q = d;
  return true;
}
inline int64_t floormod(int64_t a, int64_t b) {  // b != 0; never overflows
  if (b == -1) return 0;
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}
// a << n for 0 <= n; false when the result does not fit int64.
inline bool checked_lshift(int64_t a, uint64_t n, int64_t* r) {
  if (a == 0) { *r = 0; return true; }
  if (n >= 63) return false;
  int64_t v = static_cast<int64_t>(static_cast<uint64_t>(a) << n);
  if ((v >> n) != a) return false;
  *r = v;
  return true;
}
inline int64_t floor_rshift(int64_t a, uint64_t n) { return n >= 63 ? (a < 0 ? -1 : 0) : a >> n; }
// hash(int) for an int64.
int64_t hash_int64(int64_t v);

}  // namespace coil::rt
