// digest_sponge.cpp — Keccak-f[1600] with the SHA-3/SHAKE padding (FIPS 202) and BLAKE2b/BLAKE2s
// (RFC 7693). Keccak's round constants and rotation offsets are generated from their
// definitions (the LFSR and the (x, y) walk) at first use.
#include <cstring>

#include "stdlib/hash_algos.h"

namespace coil::lib::digest {

namespace {

inline uint64_t rotl64(uint64_t x, int n) { return n == 0 ? x : (x << n) | (x >> (64 - n)); }
inline uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
inline uint32_t rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

struct KeccakTables {
  uint64_t rc[24];
  int rot[25];  // by lane index x + 5y
};

// One output bit of FIPS 202's rc(t) LFSR.
bool rc_bit(int t) {
  if (t % 255 == 0) return true;
  unsigned r = 1;
  for (int i = 1; i <= t % 255; ++i) {
    r <<= 1;
    if (r & 0x100) r ^= 0x171;
  }
  return r & 1;
}

const KeccakTables& keccak_tables() {
  static const KeccakTables k = [] {
    KeccakTables t{};
    for (int ir = 0; ir < 24; ++ir)
      for (int j = 0; j <= 6; ++j)
        if (rc_bit(j + 7 * ir)) t.rc[ir] |= uint64_t{1} << ((1 << j) - 1);
    int x = 1, y = 0;
    for (int s = 0; s < 24; ++s) {
      t.rot[x + 5 * y] = ((s + 1) * (s + 2) / 2) % 64;
      int nx = y, ny = (2 * x + 3 * y) % 5;
      x = nx;
      y = ny;
    }
    return t;
  }();
  return k;
}

void keccak_f(uint64_t* a) {
  const KeccakTables& k = keccak_tables();
  for (int round = 0; round < 24; ++round) {
    uint64_t c[5], d[5], b[25];
    for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; ++x) d[x] = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
    for (int i = 0; i < 25; ++i) a[i] ^= d[i % 5];
    for (int x = 0; x < 5; ++x)
      for (int y = 0; y < 5; ++y) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(a[x + 5 * y], k.rot[x + 5 * y]);
    for (int x = 0; x < 5; ++x)
      for (int y = 0; y < 5; ++y)
        a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
    a[0] ^= k.rc[round];
  }
}

void xor_byte(uint64_t* lanes, size_t pos, uint8_t v) { lanes[pos / 8] ^= static_cast<uint64_t>(v) << (8 * (pos % 8)); }
uint8_t get_byte(const uint64_t* lanes, size_t pos) { return static_cast<uint8_t>(lanes[pos / 8] >> (8 * (pos % 8))); }

}  // namespace

void keccak_init(KeccakState* s, uint32_t rate, uint8_t suffix, uint32_t digest_size) {
  std::memset(s, 0, sizeof *s);
  s->rate = rate;
  s->suffix = suffix;
  s->digest_size = digest_size;
}

void keccak_update(KeccakState* s, const uint8_t* data, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    xor_byte(s->lanes, s->used++, data[i]);
    if (s->used == s->rate) {
      keccak_f(s->lanes);
      s->used = 0;
    }
  }
}

std::string keccak_final(const KeccakState* in, size_t out_len) {
  KeccakState s = *in;
  xor_byte(s.lanes, s.used, s.suffix);
  xor_byte(s.lanes, s.rate - 1, 0x80);
  keccak_f(s.lanes);
  std::string out;
  out.reserve(out_len);
  size_t pos = 0;
  while (out.size() < out_len) {
    if (pos == s.rate) {
      keccak_f(s.lanes);
      pos = 0;
    }
    out += static_cast<char>(get_byte(s.lanes, pos++));
  }
  return out;
}

// --- BLAKE2 ---

namespace {

const uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};
// BLAKE2b's IV is SHA-512's, BLAKE2s's SHA-256's.
const uint64_t kIvB[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                          0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
const uint32_t kIvS[8] = {0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19};

uint64_t load_le(const uint8_t* p, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = v << 8 | p[i];
  return v;
}

void compress_b(Blake2State* s, const uint8_t* block, bool last) {
  uint64_t m[16], v[16];
  for (int i = 0; i < 16; ++i) m[i] = load_le(block + 8 * i, 8);
  for (int i = 0; i < 8; ++i) v[i] = s->h[i], v[i + 8] = kIvB[i];
  v[12] ^= s->t[0];
  v[13] ^= s->t[1];
  if (last) {
    v[14] = ~v[14];
    if (s->last_node) v[15] = ~v[15];
  }
  auto g = [&](int a, int b, int c, int d, uint64_t x, uint64_t y) {
    v[a] = v[a] + v[b] + x; v[d] = rotr64(v[d] ^ v[a], 32);
    v[c] = v[c] + v[d];     v[b] = rotr64(v[b] ^ v[c], 24);
    v[a] = v[a] + v[b] + y; v[d] = rotr64(v[d] ^ v[a], 16);
    v[c] = v[c] + v[d];     v[b] = rotr64(v[b] ^ v[c], 63);
  };
  for (int r = 0; r < 12; ++r) {
    const uint8_t* sg = kSigma[r % 10];
    g(0, 4, 8, 12, m[sg[0]], m[sg[1]]);   g(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
    g(2, 6, 10, 14, m[sg[4]], m[sg[5]]);  g(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
    g(0, 5, 10, 15, m[sg[8]], m[sg[9]]);  g(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
    g(2, 7, 8, 13, m[sg[12]], m[sg[13]]); g(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
  }
  for (int i = 0; i < 8; ++i) s->h[i] ^= v[i] ^ v[i + 8];
}

void compress_s(Blake2State* s, const uint8_t* block, bool last) {
  uint32_t m[16], v[16];
  for (int i = 0; i < 16; ++i) m[i] = static_cast<uint32_t>(load_le(block + 4 * i, 4));
  for (int i = 0; i < 8; ++i) v[i] = static_cast<uint32_t>(s->h[i]), v[i + 8] = kIvS[i];
  v[12] ^= static_cast<uint32_t>(s->t[0]);
  v[13] ^= static_cast<uint32_t>(s->t[0] >> 32);
  if (last) {
    v[14] = ~v[14];
    if (s->last_node) v[15] = ~v[15];
  }
  auto g = [&](int a, int b, int c, int d, uint32_t x, uint32_t y) {
    v[a] = v[a] + v[b] + x; v[d] = rotr32(v[d] ^ v[a], 16);
    v[c] = v[c] + v[d];     v[b] = rotr32(v[b] ^ v[c], 12);
    v[a] = v[a] + v[b] + y; v[d] = rotr32(v[d] ^ v[a], 8);
    v[c] = v[c] + v[d];     v[b] = rotr32(v[b] ^ v[c], 7);
  };
  for (int r = 0; r < 10; ++r) {
    const uint8_t* sg = kSigma[r];
    g(0, 4, 8, 12, m[sg[0]], m[sg[1]]);   g(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
    g(2, 6, 10, 14, m[sg[4]], m[sg[5]]);  g(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
    g(0, 5, 10, 15, m[sg[8]], m[sg[9]]);  g(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
    g(2, 7, 8, 13, m[sg[12]], m[sg[13]]); g(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
  }
  for (int i = 0; i < 8; ++i) s->h[i] = static_cast<uint32_t>(s->h[i] ^ v[i] ^ v[i + 8]);
}

size_t block_of(const Blake2State* s) { return s->is_b ? 128 : 64; }

void add_counter(Blake2State* s, uint64_t n) {
  s->t[0] += n;
  if (s->t[0] < n) ++s->t[1];
}

}  // namespace

void blake2_init(Blake2State* s, bool is_b, const Blake2Params& p) {
  std::memset(s, 0, sizeof *s);
  s->is_b = is_b;
  s->digest_size = p.digest_size;
  s->last_node = p.last_node;
  // The parameter block, little-endian, then XORed into the IV.
  uint8_t pb[64] = {};
  pb[0] = static_cast<uint8_t>(p.digest_size);
  pb[1] = static_cast<uint8_t>(p.key.size());
  pb[2] = static_cast<uint8_t>(p.fanout);
  pb[3] = static_cast<uint8_t>(p.depth);
  for (int i = 0; i < 4; ++i) pb[4 + i] = static_cast<uint8_t>(p.leaf_size >> (8 * i));
  if (is_b) {
    for (int i = 0; i < 8; ++i) pb[8 + i] = static_cast<uint8_t>(p.node_offset >> (8 * i));
    pb[16] = static_cast<uint8_t>(p.node_depth);
    pb[17] = static_cast<uint8_t>(p.inner_size);
    std::memcpy(pb + 32, p.salt.data(), p.salt.size());
    std::memcpy(pb + 48, p.person.data(), p.person.size());
    for (int i = 0; i < 8; ++i) s->h[i] = kIvB[i] ^ load_le(pb + 8 * i, 8);
  } else {
    for (int i = 0; i < 6; ++i) pb[8 + i] = static_cast<uint8_t>(p.node_offset >> (8 * i));
    pb[14] = static_cast<uint8_t>(p.node_depth);
    pb[15] = static_cast<uint8_t>(p.inner_size);
    std::memcpy(pb + 16, p.salt.data(), p.salt.size());
    std::memcpy(pb + 24, p.person.data(), p.person.size());
    for (int i = 0; i < 8; ++i) s->h[i] = kIvS[i] ^ static_cast<uint32_t>(load_le(pb + 4 * i, 4));
  }
  if (!p.key.empty()) {
    uint8_t block[128] = {};
    std::memcpy(block, p.key.data(), p.key.size());
    blake2_update(s, block, block_of(s));
  }
}

// Keeps the last block buffered: it is compressed by final() with the last-block flag.
void blake2_update(Blake2State* s, const uint8_t* data, size_t n) {
  size_t bs = block_of(s);
  while (n) {
    if (s->used == bs) {
      add_counter(s, bs);
      if (s->is_b) compress_b(s, s->buf, false);
      else compress_s(s, s->buf, false);
      s->used = 0;
    }
    size_t take = std::min(n, bs - s->used);
    std::memcpy(s->buf + s->used, data, take);
    s->used += static_cast<uint32_t>(take);
    data += take;
    n -= take;
  }
}

std::string blake2_final(const Blake2State* in) {
  Blake2State s = *in;
  size_t bs = block_of(&s);
  add_counter(&s, s.used);
  std::memset(s.buf + s.used, 0, bs - s.used);
  if (s.is_b) compress_b(&s, s.buf, true);
  else compress_s(&s, s.buf, true);
  std::string out;
  size_t word = s.is_b ? 8 : 4;
  for (size_t i = 0; i < s.digest_size; ++i) out += static_cast<char>(s.h[i / word] >> (8 * (i % word)));
  return out;
}

}  // namespace coil::lib::digest
