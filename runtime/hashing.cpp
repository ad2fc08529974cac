// hashing.cpp — CPython-identical hashes: float, complex, tuple, pointer, SipHash-1-3 str/bytes.
#include "runtime/hashing.h"

#include <sys/random.h>

#include <bit>
#include <cmath>
#include <cstring>

namespace coil::rt {

namespace {

// CPython keeps a 24-byte secret; SipHash uses its first 16 bytes as k0, k1.
struct Secret {
  unsigned char bytes[24] = {};
  bool randomized = true;
};
Secret g_secret;
uint64_t g_k0 = 0, g_k1 = 0;

void load_key() {
  std::memcpy(&g_k0, g_secret.bytes, 8);
  std::memcpy(&g_k1, g_secret.bytes + 8, 8);
}

// The key is random unless the program says otherwise; make sure a key exists before main.
struct InitRandom {
  InitRandom() { hash_secret_init_random(); }
} g_init_random;

constexpr uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// SipHash with one compression and three finalization rounds, fed incrementally so that
// str hashing can widen code points on the fly without a buffer.
class SipHash13 {
 public:
  SipHash13(uint64_t k0, uint64_t k1)
      : v0_(k0 ^ 0x736f6d6570736575ULL), v1_(k1 ^ 0x646f72616e646f6dULL),
        v2_(k0 ^ 0x6c7967656e657261ULL), v3_(k1 ^ 0x7465646279746573ULL) {}

  void byte(uint8_t b) {
    tail_ |= uint64_t(b) << (8 * (len_ & 7));
    ++len_;
    if ((len_ & 7) == 0) {
      compress(tail_);
      tail_ = 0;
    }
  }
  void bytes(const uint8_t* p, size_t n) {
    while (n && (len_ & 7)) { byte(*p++); --n; }
    for (; n >= 8; n -= 8, p += 8) {
      uint64_t m;
      std::memcpy(&m, p, 8);  // little-endian host (x86-64, AArch64)
      compress(m);
      len_ += 8;
    }
    while (n--) byte(*p++);
  }
  uint64_t finish() {
    uint64_t b = (uint64_t(len_) << 56) | tail_;
    compress(b);
    v2_ ^= 0xff;
    round();
    round();
    round();
    return v0_ ^ v1_ ^ v2_ ^ v3_;
  }

 private:
  void round() {
    v0_ += v1_; v1_ = rotl(v1_, 13); v1_ ^= v0_; v0_ = rotl(v0_, 32);
    v2_ += v3_; v3_ = rotl(v3_, 16); v3_ ^= v2_;
    v0_ += v3_; v3_ = rotl(v3_, 21); v3_ ^= v0_;
    v2_ += v1_; v1_ = rotl(v1_, 17); v1_ ^= v2_; v2_ = rotl(v2_, 32);
  }
  void compress(uint64_t m) {
    v3_ ^= m;
    round();
    v0_ ^= m;
  }
  uint64_t v0_, v1_, v2_, v3_;
  uint64_t tail_ = 0;
  size_t len_ = 0;
};

int64_t fix_minus_one(uint64_t h) {
  int64_t v = static_cast<int64_t>(h);
  return v == -1 ? -2 : v;
}

// Decodes one UTF-8 sequence (input assumed valid); advances i.
char32_t next_code_point(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < n && *i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3f);
  *i += static_cast<size_t>(n);
  return cp;
}

}  // namespace

int64_t hash_pointer(const void* p) {
  uint64_t y = reinterpret_cast<uintptr_t>(p);
  return fix_minus_one((y >> 4) | (y << 60));
}

int64_t hash_double(double x, const void* identity) {
  if (std::isnan(x)) return hash_pointer(identity);
  if (std::isinf(x)) return x > 0 ? kHashInf : -kHashInf;
  if (x == 0.0) return 0;
  // |x| = M * 2**E with integer M < 2**53 < P. Since 2**61 = 1 (mod P), multiplying by
  // 2**E mod P is a rotation of the 61-bit residue by E mod 61.
  int e;
  double m = std::frexp(std::fabs(x), &e);
  uint64_t h = static_cast<uint64_t>(std::ldexp(m, 53));
  int64_t E = e - 53;
  int r = static_cast<int>(((E % 61) + 61) % 61);
  if (r) h = ((h << r) & kHashModulus) | (h >> (61 - r));
  int64_t v = x < 0 ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
  return v == -1 ? -2 : v;
}

int64_t hash_complex(double real, double imag, const void* identity) {
  uint64_t hr = static_cast<uint64_t>(hash_double(real, identity));
  uint64_t hi = static_cast<uint64_t>(hash_double(imag, identity));
  return fix_minus_one(hr + kHashImag * hi);
}

void TupleHasher::add(int64_t item_hash) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL, kPrime2 = 14029467366897019727ULL;
  acc_ += static_cast<uint64_t>(item_hash) * kPrime2;
  acc_ = rotl(acc_, 31);
  acc_ *= kPrime1;
  ++len_;
}

int64_t TupleHasher::finish() const {
  // The length is mixed in with a constant chosen (by CPython) to keep hash(()) stable.
  uint64_t acc = acc_ + (len_ ^ (2870177450012600261ULL ^ 3527539ULL));
  if (acc == ~uint64_t(0)) return 1546275796;
  return static_cast<int64_t>(acc);
}

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t len) {
  SipHash13 h(k0, k1);
  h.bytes(static_cast<const uint8_t*>(data), len);
  return h.finish();
}

int64_t hash_bytes(const void* data, size_t len) {
  if (len == 0) return 0;
  return fix_minus_one(siphash13(g_k0, g_k1, data, len));
}

int64_t hash_str_utf8(std::string_view utf8, bool known_ascii) {
  if (utf8.empty()) return 0;
  char32_t max_cp = 0;
  if (!known_ascii) {
    for (unsigned char c : utf8) max_cp |= c;
    if (max_cp >= 0x80) {
      max_cp = 0;
      for (size_t i = 0; i < utf8.size();) max_cp = std::max(max_cp, next_code_point(utf8, &i));
    }
  }
  if (max_cp < 0x80) return hash_bytes(utf8.data(), utf8.size());
  int width = max_cp < 0x100 ? 1 : max_cp < 0x10000 ? 2 : 4;
  SipHash13 h(g_k0, g_k1);
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = next_code_point(utf8, &i);
    for (int k = 0; k < width; ++k) h.byte(static_cast<uint8_t>(cp >> (8 * k)));
  }
  return fix_minus_one(h.finish());
}

void hash_secret_init_random() {
  size_t got = 0;
  while (got < sizeof g_secret.bytes) {
    ssize_t n = getrandom(g_secret.bytes + got, sizeof g_secret.bytes - got, 0);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  g_secret.randomized = true;
  load_key();
}

void hash_secret_init_seed(uint32_t seed) {
  g_secret.randomized = seed != 0;
  if (seed == 0) {
    std::memset(g_secret.bytes, 0, sizeof g_secret.bytes);
  } else {
    // CPython's linear congruential generator (the MSVC rand() constants), one byte per step.
    uint32_t x = seed;
    for (unsigned char& b : g_secret.bytes) {
      x = x * 214013u + 2531011u;
      b = static_cast<unsigned char>((x >> 16) & 0xff);
    }
  }
  load_key();
}

bool hash_secret_init_from_env(const char* value, std::string* error) {
  if (value == nullptr || *value == '\0' || std::strcmp(value, "random") == 0) {
    hash_secret_init_random();
    return true;
  }
  uint64_t seed = 0;
  const char* p = value;
  bool any = false;
  for (; *p >= '0' && *p <= '9'; ++p) {
    seed = seed * 10 + static_cast<uint64_t>(*p - '0');
    any = true;
    if (seed > 4294967295ULL) break;
  }
  if (!any || *p != '\0' || seed > 4294967295ULL) {
    *error = "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]";
    return false;
  }
  hash_secret_init_seed(static_cast<uint32_t>(seed));
  return true;
}

bool hash_randomization_enabled() { return g_secret.randomized; }

void hash_secret_key(uint64_t* k0, uint64_t* k1) {
  *k0 = g_k0;
  *k1 = g_k1;
}

}  // namespace coil::rt
