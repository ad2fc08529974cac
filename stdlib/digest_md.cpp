// digest_md.cpp — MD5 (RFC 1321), SHA-1 and SHA-2 (FIPS 180-4). The SHA-2 constants are derived
// at first use from their definitions (fractional bits of square and cube roots of primes, by
// exact integer roots), MD5's from |sin(i)|.
#include <gmp.h>

#include <cmath>
#include <cstring>

#include "stdlib/hash_algos.h"

namespace coil::lib::digest {

namespace {

inline uint32_t rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
inline uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

struct Constants {
  uint32_t md5_k[64];
  uint32_t sha256_k[64];
  uint64_t sha512_k[80];
  uint64_t sqrt_first16[16];  // 64 fractional bits of sqrt of the first 16 primes
  uint32_t sqrt32_first8[8];  // 32 fractional bits of sqrt of the first 8 primes
};

// floor(frac(p ** (1/root)) * 2**bits): the low `bits` bits of the integer root of p << (root*bits).
uint64_t root_fraction(unsigned p, unsigned root, unsigned bits) {
  mpz_t z, r;
  mpz_init_set_ui(z, p);
  mpz_mul_2exp(z, z, root * bits);
  mpz_init(r);
  mpz_root(r, z, root);
  mpz_tdiv_r_2exp(r, r, bits);
  uint64_t v = 0;
  size_t count = 0;
  mpz_export(&v, &count, -1, sizeof v, 0, 0, r);
  mpz_clear(z);
  mpz_clear(r);
  return v;
}

const Constants& constants() {
  static const Constants c = [] {
    Constants k{};
    unsigned primes[80];
    for (unsigned n = 2, found = 0; found < 80; ++n) {
      bool prime = true;
      for (unsigned d = 2; d * d <= n; ++d)
        if (n % d == 0) prime = false;
      if (prime) primes[found++] = n;
    }
    for (int i = 0; i < 64; ++i) k.md5_k[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
    for (int i = 0; i < 64; ++i) k.sha256_k[i] = static_cast<uint32_t>(root_fraction(primes[i], 3, 32));
    for (int i = 0; i < 80; ++i) k.sha512_k[i] = root_fraction(primes[i], 3, 64);
    for (int i = 0; i < 16; ++i) k.sqrt_first16[i] = root_fraction(primes[i], 2, 64);
    for (int i = 0; i < 8; ++i) k.sqrt32_first8[i] = static_cast<uint32_t>(root_fraction(primes[i], 2, 32));
    return k;
  }();
  return c;
}

uint32_t load_le32(const uint8_t* p) { return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24; }
uint32_t load_be32(const uint8_t* p) { return static_cast<uint32_t>(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
uint64_t load_be64(const uint8_t* p) { return static_cast<uint64_t>(load_be32(p)) << 32 | load_be32(p + 4); }

void md5_block(uint64_t* h, const uint8_t* block) {
  static const int shifts[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
  const uint32_t* K = constants().md5_k;
  uint32_t m[16];
  for (int i = 0; i < 16; ++i) m[i] = load_le32(block + 4 * i);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
  for (int i = 0; i < 64; ++i) {
    uint32_t f;
    int g;
    if (i < 16) f = (b & c) | (~b & d), g = i;
    else if (i < 32) f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
    else if (i < 48) f = b ^ c ^ d, g = (3 * i + 5) % 16;
    else f = c ^ (b | ~d), g = (7 * i) % 16;
    f += a + K[i] + m[g];
    a = d;
    d = c;
    c = b;
    b += rotl32(f, shifts[i / 16][i % 4]);
  }
  h[0] = static_cast<uint32_t>(h[0] + a);
  h[1] = static_cast<uint32_t>(h[1] + b);
  h[2] = static_cast<uint32_t>(h[2] + c);
  h[3] = static_cast<uint32_t>(h[3] + d);
}

void sha1_block(uint64_t* h, const uint8_t* block) {
  uint32_t w[80];
  for (int i = 0; i < 16; ++i) w[i] = load_be32(block + 4 * i);
  for (int i = 16; i < 80; ++i) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; ++i) {
    uint32_t f, k;
    if (i < 20) f = (b & c) | (~b & d), k = 0x5A827999;
    else if (i < 40) f = b ^ c ^ d, k = 0x6ED9EBA1;
    else if (i < 60) f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
    else f = b ^ c ^ d, k = 0xCA62C1D6;
    uint32_t t = rotl32(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rotl32(b, 30);
    b = a;
    a = t;
  }
  uint32_t add[5] = {a, b, c, d, e};
  for (int i = 0; i < 5; ++i) h[i] = static_cast<uint32_t>(h[i] + add[i]);
}

void sha256_block(uint64_t* h, const uint8_t* block) {
  const uint32_t* K = constants().sha256_k;
  uint32_t w[64];
  for (int i = 0; i < 16; ++i) w[i] = load_be32(block + 4 * i);
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t t1 = hh + (rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g; g = f; f = e; e = d + t1;
    d = c; c = b; b = a; a = t1 + t2;
  }
  uint32_t v[8] = {a, b, c, d, e, f, g, hh};
  for (int i = 0; i < 8; ++i) h[i] = static_cast<uint32_t>(h[i] + v[i]);
}

void sha512_block(uint64_t* h, const uint8_t* block) {
  const uint64_t* K = constants().sha512_k;
  uint64_t w[80];
  for (int i = 0; i < 16; ++i) w[i] = load_be64(block + 8 * i);
  for (int i = 16; i < 80; ++i) {
    uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; ++i) {
    uint64_t t1 = hh + (rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint64_t t2 = (rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g; g = f; f = e; e = d + t1;
    d = c; c = b; b = a; a = t1 + t2;
  }
  uint64_t v[8] = {a, b, c, d, e, f, g, hh};
  for (int i = 0; i < 8; ++i) h[i] += v[i];
}

void process(MdState* s, const uint8_t* block) {
  switch (s->kind) {
    case MdKind::Md5: md5_block(s->h, block); break;
    case MdKind::Sha1: sha1_block(s->h, block); break;
    case MdKind::Sha224: case MdKind::Sha256: sha256_block(s->h, block); break;
    case MdKind::Sha384: case MdKind::Sha512: sha512_block(s->h, block); break;
  }
}

}  // namespace

size_t md_block_size(MdKind kind) { return kind == MdKind::Sha384 || kind == MdKind::Sha512 ? 128 : 64; }

size_t md_digest_size(MdKind kind) {
  switch (kind) {
    case MdKind::Md5: return 16;
    case MdKind::Sha1: return 20;
    case MdKind::Sha224: return 28;
    case MdKind::Sha256: return 32;
    case MdKind::Sha384: return 48;
    case MdKind::Sha512: return 64;
  }
  return 0;
}

void md_init(MdState* s, MdKind kind) {
  std::memset(s, 0, sizeof *s);
  s->kind = kind;
  const Constants& k = constants();
  switch (kind) {
    case MdKind::Md5: {
      const uint64_t iv[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
      std::memcpy(s->h, iv, sizeof iv);
      break;
    }
    case MdKind::Sha1: {
      const uint64_t iv[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
      std::memcpy(s->h, iv, sizeof iv);
      break;
    }
    case MdKind::Sha224:  // the low halves of SHA-384's initial value
      for (int i = 0; i < 8; ++i) s->h[i] = static_cast<uint32_t>(k.sqrt_first16[8 + i]);
      break;
    case MdKind::Sha256:
      for (int i = 0; i < 8; ++i) s->h[i] = k.sqrt32_first8[i];
      break;
    case MdKind::Sha384:
      for (int i = 0; i < 8; ++i) s->h[i] = k.sqrt_first16[8 + i];
      break;
    case MdKind::Sha512:
      for (int i = 0; i < 8; ++i) s->h[i] = k.sqrt_first16[i];
      break;
  }
}

void md_update(MdState* s, const uint8_t* data, size_t n) {
  size_t bs = md_block_size(s->kind);
  s->length += n;
  while (n) {
    if (s->used == 0 && n >= bs) {  // whole blocks straight from the input
      process(s, data);
      data += bs;
      n -= bs;
      continue;
    }
    size_t take = std::min(n, bs - s->used);
    std::memcpy(s->buf + s->used, data, take);
    s->used += static_cast<uint32_t>(take);
    data += take;
    n -= take;
    if (s->used == bs) {
      process(s, s->buf);
      s->used = 0;
    }
  }
}

std::string md_final(const MdState* in) {
  MdState s = *in;
  size_t bs = md_block_size(s.kind);
  size_t len_bytes = bs == 128 ? 16 : 8;
  uint64_t bits = s.length * 8;
  uint64_t high = s.length >> 61;
  uint8_t pad[256] = {0x80};
  size_t padlen = (s.used + 1 + len_bytes <= bs ? bs : 2 * bs) - s.used - len_bytes;
  uint8_t lenbuf[16] = {};
  if (s.kind == MdKind::Md5) {
    for (int i = 0; i < 8; ++i) lenbuf[i] = static_cast<uint8_t>(bits >> (8 * i));
  } else {
    for (size_t i = 0; i < 8; ++i) lenbuf[len_bytes - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
    if (len_bytes == 16)
      for (size_t i = 0; i < 8; ++i) lenbuf[7 - i] = static_cast<uint8_t>(high >> (8 * i));
  }
  uint64_t saved = s.length;
  md_update(&s, pad, padlen);
  md_update(&s, lenbuf, len_bytes);
  (void)saved;
  std::string out;
  size_t ds = md_digest_size(s.kind);
  if (s.kind == MdKind::Md5) {
    for (int i = 0; i < 4; ++i)
      for (int b = 0; b < 4; ++b) out += static_cast<char>(s.h[i] >> (8 * b));
  } else if (bs == 64) {
    for (size_t i = 0; i < ds / 4; ++i)
      for (int b = 3; b >= 0; --b) out += static_cast<char>(s.h[i] >> (8 * b));
  } else {
    for (size_t i = 0; i < 8; ++i)
      for (int b = 7; b >= 0; --b) out += static_cast<char>(s.h[i] >> (8 * b));
    out.resize(ds);
  }
  return out;
}

}  // namespace coil::lib::digest
