// bigint.cpp — BigInt storage, arithmetic, division, powers, shifts and conversions to double.
#include "runtime/bigint.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
#include <utility>

namespace coil::rt {

static_assert(sizeof(long) == 8 && sizeof(mp_limb_t) == 8, "BigInt assumes LP64 and 64-bit limbs");

namespace {

// Results beyond this many bits are refused with NumStatus::memory: GMP aborts the process
// when an mpz outgrows its 32-bit limb count, and Python raises MemoryError long before.
constexpr uint64_t kMaxResultBits = uint64_t(1) << 36;

uint64_t uabs(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// A read-only mpz view of a BigInt that lives on the stack; never copied.
class View {
 public:
  explicit View(const BigInt& b) { p_ = b.view(s_, &limb_); }
  View(const View&) = delete;
  View& operator=(const View&) = delete;
  operator mpz_srcptr() const { return p_; }  // NOLINT
 private:
  __mpz_struct s_[1];
  mp_limb_t limb_;
  mpz_srcptr p_;
};

// An owned temporary mpz that becomes a BigInt.
class Tmp {
 public:
  Tmp() { mpz_init(z_); }
  ~Tmp() { if (live_) mpz_clear(z_); }
  Tmp(const Tmp&) = delete;
  Tmp& operator=(const Tmp&) = delete;
  mpz_ptr get() { return z_; }
  operator mpz_ptr() { return z_; }  // NOLINT
  BigInt take() { live_ = false; return BigInt::from_mpz(z_); }
 private:
  mpz_t z_;
  bool live_ = true;
};

}  // namespace

// --- storage ------------------------------------------------------------------------------

BigInt BigInt::from_uint64(uint64_t v) {
  if (v <= static_cast<uint64_t>(INT64_MAX)) return BigInt(static_cast<int64_t>(v));
  BigInt r;
  mpz_init_set_ui(r.z_, v);
  r.big_ = true;
  return r;
}

BigInt BigInt::from_double(double d) {
  if (d > -9223372036854775808.0 && d < 9223372036854775808.0) return BigInt(static_cast<int64_t>(d));
  if (!std::isfinite(d)) return BigInt();
  Tmp t;
  mpz_set_d(t, d);
  return t.take();
}

BigInt BigInt::from_mpz(mpz_t z) {
  BigInt r;
  if (mpz_fits_slong_p(z)) {
    r.small_ = mpz_get_si(z);
    mpz_clear(z);
  } else {
    r.adopt(z);
  }
  return r;
}

void BigInt::adopt(mpz_ptr z) {
  if (big_) mpz_clear(z_);
  z_[0] = *z;  // steal the limbs; the source must not be cleared afterwards
  big_ = true;
}

void BigInt::set_from_mpz(mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) {
    if (big_) { mpz_clear(z_); big_ = false; }
    small_ = mpz_get_si(z);
    return;
  }
  if (big_) {
    mpz_set(z_, z);
  } else {
    mpz_init_set(z_, z);
    big_ = true;
  }
}

BigInt::BigInt(const BigInt& o) : small_(0) {
  if (o.big_) {
    mpz_init_set(z_, o.z_);
    big_ = true;
  } else {
    small_ = o.small_;
  }
}

BigInt::BigInt(BigInt&& o) noexcept : small_(0) {
  if (o.big_) {
    z_[0] = o.z_[0];
    big_ = true;
    o.big_ = false;
    o.small_ = 0;
  } else {
    small_ = o.small_;
  }
}

BigInt& BigInt::operator=(const BigInt& o) {
  if (this == &o) return *this;
  if (o.big_) {
    set_from_mpz(o.z_);
  } else {
    if (big_) { mpz_clear(z_); big_ = false; }
    small_ = o.small_;
  }
  return *this;
}

BigInt& BigInt::operator=(BigInt&& o) noexcept {
  if (this == &o) return *this;
  if (big_) { mpz_clear(z_); big_ = false; }
  if (o.big_) {
    z_[0] = o.z_[0];
    big_ = true;
    o.big_ = false;
    o.small_ = 0;
  } else {
    small_ = o.small_;
  }
  return *this;
}

mpz_srcptr BigInt::view(mpz_ptr scratch, mp_limb_t* limb) const {
  if (big_) return z_;
  *limb = uabs(small_);
  return mpz_roinit_n(scratch, limb, small_ < 0 ? -1 : (small_ > 0 ? 1 : 0));
}

size_t BigInt::limb_count() const {
  if (!big_) return small_ != 0;
  return static_cast<size_t>(std::abs(z_->_mp_size));
}

void BigInt::copy_limbs(uint64_t* dst) const {
  if (!big_) {
    if (small_ != 0) dst[0] = uabs(small_);
    return;
  }
  std::memcpy(dst, z_->_mp_d, limb_count() * sizeof(uint64_t));
}

BigInt BigInt::from_limbs(const uint64_t* limbs, size_t n, bool negative) {
  while (n > 0 && limbs[n - 1] == 0) --n;  // normalise: no high zero limbs
  if (n == 0) return BigInt(0);            // GMP reads limb 0 even of a zero mpz
  __mpz_struct s[1];
  mpz_srcptr view = mpz_roinit_n(s, reinterpret_cast<const mp_limb_t*>(limbs),
                                 negative ? -static_cast<mp_size_t>(n) : static_cast<mp_size_t>(n));
  BigInt r;
  r.set_from_mpz(view);
  return r;
}

bool BigInt::to_int64(int64_t* out) const {
  if (big_) return false;
  *out = small_;
  return true;
}

bool BigInt::to_uint64(uint64_t* out) const {
  if (!big_) {
    if (small_ < 0) return false;
    *out = static_cast<uint64_t>(small_);
    return true;
  }
  if (mpz_sgn(z_) < 0 || mpz_sizeinbase(z_, 2) > 64) return false;
  *out = mpz_getlimbn(z_, 0);
  return true;
}

int BigInt::sign() const {
  if (!big_) return (small_ > 0) - (small_ < 0);
  return mpz_sgn(z_);
}

bool BigInt::is_odd() const { return big_ ? mpz_odd_p(z_) : (small_ & 1); }

uint64_t BigInt::bit_length() const {
  if (!big_) {
    uint64_t u = uabs(small_);
    return u == 0 ? 0 : 64 - std::countl_zero(u);
  }
  return mpz_sizeinbase(z_, 2);
}

uint64_t BigInt::bit_count() const {
  if (!big_) return std::popcount(uabs(small_));
  return mpn_popcount(z_->_mp_d, std::abs(z_->_mp_size));
}

int compare(const BigInt& a, const BigInt& b) {
  if (!a.big_ && !b.big_) return (a.small_ > b.small_) - (a.small_ < b.small_);
  View va(a), vb(b);
  int c = mpz_cmp(va, vb);
  return (c > 0) - (c < 0);
}

int compare_int_double(const BigInt& a, double b) {
  if (std::isnan(b)) return 2;
  if (std::isinf(b)) return b > 0 ? -1 : 1;
  int64_t s;
  if (a.to_int64(&s) && s >= -(int64_t(1) << 53) && s <= (int64_t(1) << 53)) {
    double d = static_cast<double>(s);  // exact
    return (d > b) - (d < b);
  }
  double fb = std::floor(b);
  int c = compare(a, BigInt::from_double(fb));
  if (c != 0) return c;
  return b > fb ? -1 : 0;
}

// --- conversion to double -------------------------------------------------------------------

NumStatus BigInt::to_double(double* out) const {
  if (!big_) {
    *out = static_cast<double>(small_);  // the conversion rounds half-even
    return NumStatus::ok;
  }
  uint64_t bits = mpz_sizeinbase(z_, 2);
  if (bits > 1024) return NumStatus::overflow;
  // Keep the top 55 bits and fold everything below into a sticky bit, so the one
  // uint64 -> double conversion rounds exactly as rounding the full value would.
  uint64_t shift = bits - 55;
  __mpz_struct abs_s[1];
  mpz_srcptr absz = mpz_roinit_n(abs_s, z_->_mp_d, std::abs(z_->_mp_size));
  mpz_t top;
  mpz_init(top);
  mpz_tdiv_q_2exp(top, absz, shift);
  uint64_t q = mpz_get_ui(top);
  mpz_clear(top);
  if (mpz_scan1(absz, 0) < shift) q |= 1;
  double d = std::ldexp(static_cast<double>(q), static_cast<int>(shift));
  if (std::isinf(d)) return NumStatus::overflow;
  *out = mpz_sgn(z_) < 0 ? -d : d;
  return NumStatus::ok;
}

int64_t hash_int64(int64_t v) {
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  uint64_t m = uabs(v) % kModulus;
  int64_t h = v < 0 ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
  return h == -1 ? -2 : h;
}

int64_t BigInt::hash() const {
  if (!big_) return hash_int64(small_);
  constexpr unsigned long kModulus = (1UL << 61) - 1;
  int64_t m = static_cast<int64_t>(mpz_tdiv_ui(z_, kModulus));  // |z| mod P
  int64_t h = mpz_sgn(z_) < 0 ? -m : m;
  return h == -1 ? -2 : h;
}

// --- arithmetic ---------------------------------------------------------------------------

BigInt operator+(const BigInt& a, const BigInt& b) {
  int64_t x, y, r;
  if (a.to_int64(&x) && b.to_int64(&y) && checked_add(x, y, &r)) return BigInt(r);
  View va(a), vb(b);
  Tmp t;
  mpz_add(t, va, vb);
  return t.take();
}

BigInt operator-(const BigInt& a, const BigInt& b) {
  int64_t x, y, r;
  if (a.to_int64(&x) && b.to_int64(&y) && checked_sub(x, y, &r)) return BigInt(r);
  View va(a), vb(b);
  Tmp t;
  mpz_sub(t, va, vb);
  return t.take();
}

BigInt operator*(const BigInt& a, const BigInt& b) {
  int64_t x, y, r;
  if (a.to_int64(&x) && b.to_int64(&y) && checked_mul(x, y, &r)) return BigInt(r);
  View va(a), vb(b);
  Tmp t;
  mpz_mul(t, va, vb);
  return t.take();
}

BigInt operator-(const BigInt& a) {
  int64_t x;
  if (a.to_int64(&x) && x != INT64_MIN) return BigInt(-x);
  View va(a);
  Tmp t;
  mpz_neg(t, va);
  return t.take();
}

BigInt abs(const BigInt& a) { return a.sign() < 0 ? -a : a; }

BigInt operator~(const BigInt& a) {
  int64_t x;
  if (a.to_int64(&x)) return BigInt(~x);
  View va(a);
  Tmp t;
  mpz_com(t, va);
  return t.take();
}

// Two's complement on int64 agrees with Python's infinite two's complement.
#define COIL_BITWISE(OP, MPZ_FN)                                  \
  BigInt operator OP(const BigInt& a, const BigInt& b) {          \
    int64_t x, y;                                                 \
    if (a.to_int64(&x) && b.to_int64(&y)) return BigInt(x OP y);  \
    View va(a), vb(b);                                            \
    Tmp t;                                                        \
    MPZ_FN(t, va, vb);                                            \
    return t.take();                                              \
  }
COIL_BITWISE(&, mpz_and)
COIL_BITWISE(|, mpz_ior)
COIL_BITWISE(^, mpz_xor)
#undef COIL_BITWISE

NumStatus divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  if (b.is_zero()) return NumStatus::zero_division;
  int64_t x, y, d;
  if (a.to_int64(&x) && b.to_int64(&y) && checked_floordiv(x, y, &d)) {
    if (q) *q = BigInt(d);
    if (r) *r = BigInt(floormod(x, y));
    return NumStatus::ok;
  }
  View va(a), vb(b);
  Tmp tq, tr;
  mpz_fdiv_qr(tq, tr, va, vb);
  if (q) *q = tq.take();
  if (r) *r = tr.take();
  return NumStatus::ok;
}

NumStatus floordiv(const BigInt& a, const BigInt& b, BigInt* q) { return divmod(a, b, q, nullptr); }
NumStatus mod(const BigInt& a, const BigInt& b, BigInt* r) { return divmod(a, b, nullptr, r); }

NumStatus truediv(const BigInt& a, const BigInt& b, double* out) {
  if (b.is_zero()) return NumStatus::zero_division;
  int64_t x, y;
  constexpr int64_t kExact = int64_t(1) << 53;
  if (a.to_int64(&x) && b.to_int64(&y) && x >= -kExact && x <= kExact && y >= -kExact &&
      y <= kExact) {
    // Both operands are exact doubles, and IEEE division rounds correctly.
    *out = static_cast<double>(x) / static_cast<double>(y);
    return NumStatus::ok;
  }
  bool negative = (a.sign() < 0) != (b.sign() < 0);
  if (a.is_zero()) {
    *out = negative ? -0.0 : 0.0;
    return NumStatus::ok;
  }
  // Compute q = floor(|a| / |b| / 2^k0) with a sticky bit, keeping at least two bits
  // beyond the precision of the final result (or of the subnormal grid), then round once.
  const int64_t na = static_cast<int64_t>(a.bit_length());
  const int64_t nb = static_cast<int64_t>(b.bit_length());
  if (na - nb > 1025) return NumStatus::overflow;
  constexpr int64_t kPrec = 53, kMinExp = -1074;
  int64_t k0 = std::max(na - nb - kPrec - 3, kMinExp - 2);
  mpz_t num, den, q, r;
  View va(a), vb(b);
  mpz_init(num); mpz_init(den); mpz_init(q); mpz_init(r);
  mpz_abs(num, va);
  mpz_abs(den, vb);
  if (k0 < 0) mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(-k0));
  else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(k0));
  mpz_tdiv_qr(q, r, num, den);
  bool sticky = mpz_sgn(r) != 0;
  uint64_t qv = mpz_get_ui(q);  // < 2^57 by the choice of k0
  mpz_clear(num); mpz_clear(den); mpz_clear(q); mpz_clear(r);
  int64_t qbits = qv == 0 ? 0 : 64 - std::countl_zero(qv);
  int64_t k = std::max(qbits + k0 - kPrec, kMinExp);  // weight of the result's last bit
  int64_t drop = k - k0;                              // >= 2
  uint64_t kept = qv >> drop;
  uint64_t rest = qv & ((uint64_t(1) << drop) - 1);
  uint64_t half = uint64_t(1) << (drop - 1);
  if (rest > half || (rest == half && (sticky || (kept & 1)))) ++kept;
  double d = std::ldexp(static_cast<double>(kept), static_cast<int>(k));  // exact
  if (std::isinf(d)) return NumStatus::overflow;
  *out = negative ? -d : d;
  return NumStatus::ok;
}

// --- powers -------------------------------------------------------------------------------

NumStatus pow(const BigInt& a, const BigInt& e, BigInt* out) {
  uint64_t n;
  if (!e.to_uint64(&n)) {
    // Exponent beyond 2**64: only 0, 1 and -1 have representable powers.
    int64_t x;
    if (a.to_int64(&x) && (x == 0 || x == 1)) { *out = BigInt(x); return NumStatus::ok; }
    if (a.to_int64(&x) && x == -1) { *out = BigInt(e.is_odd() ? -1 : 1); return NumStatus::ok; }
    return NumStatus::memory;
  }
  int64_t x;
  if (a.to_int64(&x)) {
    if (x == 0) { *out = BigInt(n == 0 ? 1 : 0); return NumStatus::ok; }
    if (x == 1) { *out = BigInt(1); return NumStatus::ok; }
    if (x == -1) { *out = BigInt((n & 1) ? -1 : 1); return NumStatus::ok; }
    // Square-and-multiply in int64 while it fits.
    int64_t result = 1, base = x;
    uint64_t m = n;
    bool fits = true;
    while (m) {
      if ((m & 1) && !checked_mul(result, base, &result)) { fits = false; break; }
      m >>= 1;
      if (m && !checked_mul(base, base, &base)) { fits = false; break; }
    }
    if (fits) { *out = BigInt(result); return NumStatus::ok; }
  }
  if (static_cast<double>(a.bit_length() - 1) * static_cast<double>(n) > double(kMaxResultBits))
    return NumStatus::memory;
  View va(a);
  Tmp t;
  mpz_pow_ui(t, va, n);
  *out = t.take();
  return NumStatus::ok;
}

NumStatus powmod(const BigInt& a, const BigInt& e, const BigInt& m, BigInt* out) {
  if (m.is_zero()) return NumStatus::zero_division;
  View va(a), ve(e), vm(m);
  Tmp am, base, r;
  mpz_abs(am, vm);
  if (mpz_cmp_ui(am.get(), 1) == 0) { *out = BigInt(0); return NumStatus::ok; }
  mpz_mod(base, va, am);  // non-negative residue
  Tmp ea;
  mpz_abs(ea, ve);
  if (e.sign() < 0) {
    if (mpz_invert(base, base, am) == 0) return NumStatus::not_invertible;
  }
  mpz_powm(r, base, ea, am);
  if (m.sign() < 0 && mpz_sgn(r.get()) != 0) mpz_add(r, r, vm);  // result takes the modulus' sign
  *out = r.take();
  return NumStatus::ok;
}

// --- shifts -------------------------------------------------------------------------------

NumStatus lshift(const BigInt& a, uint64_t n, BigInt* out) {
  int64_t x, r;
  if (a.to_int64(&x) && checked_lshift(x, n, &r)) { *out = BigInt(r); return NumStatus::ok; }
  if (n > kMaxResultBits || a.bit_length() + n > kMaxResultBits) return NumStatus::memory;
  View va(a);
  Tmp t;
  mpz_mul_2exp(t, va, n);
  *out = t.take();
  return NumStatus::ok;
}

BigInt rshift(const BigInt& a, uint64_t n) {
  int64_t x;
  if (a.to_int64(&x)) return BigInt(floor_rshift(x, n));
  if (n >= a.bit_length()) return BigInt(a.sign() < 0 ? -1 : 0);
  View va(a);
  Tmp t;
  mpz_fdiv_q_2exp(t, va, n);
  return t.take();
}

NumStatus lshift(const BigInt& a, const BigInt& n, BigInt* out) {
  uint64_t c;
  if (n.to_uint64(&c)) return lshift(a, c, out);
  if (a.is_zero()) { *out = BigInt(0); return NumStatus::ok; }
  return NumStatus::memory;
}

BigInt rshift(const BigInt& a, const BigInt& n) {
  uint64_t c;
  if (n.to_uint64(&c)) return rshift(a, c);
  return BigInt(a.sign() < 0 ? -1 : 0);
}

NumStatus ldexp_rounded(const BigInt& m, int64_t e, double* out) {
  if (m.is_zero()) { *out = 0.0; return NumStatus::ok; }
  constexpr int64_t kPrec = 53, kMinExp = -1074;
  const int64_t bits = static_cast<int64_t>(m.bit_length());
  if (e > 0 && bits + e > 1025) return NumStatus::overflow;
  if (e < 0 && bits + e < kMinExp - 2) {  // below half the smallest subnormal
    *out = m.sign() < 0 ? -0.0 : 0.0;
    return NumStatus::ok;
  }
  int64_t k = std::max(bits + e - kPrec, kMinExp);  // weight of the result's last bit
  int64_t drop = k - e;
  BigInt a = abs(m);
  double d;
  if (drop <= 0) {
    double v;
    a.to_double(&v);  // fits in 53 bits: exact
    d = std::ldexp(v, static_cast<int>(e));
  } else {
    BigInt kept = rshift(a, static_cast<uint64_t>(drop));
    View va(a);
    // Round half-even on the dropped bits.
    bool above_half = mpz_tstbit(va, drop - 1) && mpz_scan1(va, 0) < static_cast<mp_bitcnt_t>(drop - 1);
    bool exactly_half = mpz_tstbit(va, drop - 1) && !above_half;
    if (above_half || (exactly_half && kept.is_odd())) kept = kept + BigInt(1);
    double v;
    kept.to_double(&v);  // at most 54 bits, a power of two if 54: exact
    d = std::ldexp(v, static_cast<int>(k));
  }
  if (std::isinf(d)) return NumStatus::overflow;
  *out = m.sign() < 0 ? -d : d;
  return NumStatus::ok;
}

BigInt int_round(const BigInt& a, int64_t ndigits) {
  if (ndigits >= 0 || a.is_zero()) return a;
  // 10**k exceeds 2*|a| once k is past the digit count: the result is then 0.
  uint64_t k = static_cast<uint64_t>(-(ndigits + 1)) + 1;
  if (k > a.bit_length() / 3 + 2) return BigInt(0);
  BigInt p;
  pow(BigInt(10), BigInt(static_cast<int64_t>(k)), &p);
  BigInt q, r;
  divmod(a, p, &q, &r);  // floor quotient, 0 <= r < p
  int c = compare(r + r, p);
  if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
  return q * p;
}

// --- number theory ------------------------------------------------------------------------

BigInt gcd(const BigInt& a, const BigInt& b) {
  int64_t x, y;
  if (a.to_int64(&x) && b.to_int64(&y)) return BigInt::from_uint64(std::gcd(uabs(x), uabs(y)));
  View va(a), vb(b);
  Tmp t;
  mpz_gcd(t, va, vb);
  return t.take();
}

BigInt isqrt(const BigInt& a) {
  int64_t x;
  if (a.to_int64(&x) && x >= 0) {
    // Start from the double estimate and correct it: sqrt of a 64-bit value may be off by one.
    uint64_t u = static_cast<uint64_t>(x);
    uint64_t s = static_cast<uint64_t>(std::sqrt(static_cast<double>(u)));
    while (s > 0 && (s > UINT32_MAX || s * s > u)) --s;
    while (s + 1 <= UINT32_MAX && (s + 1) * (s + 1) <= u) ++s;
    return BigInt(static_cast<int64_t>(s));
  }
  View va(a);
  Tmp t;
  mpz_sqrt(t, va);
  return t.take();
}

}  // namespace coil::rt
