// hashing.h — CPython 3.11's hash functions, bit for bit: int, float, complex, tuple, and
// SipHash-1-3 over str/bytes keyed by PYTHONHASHSEED. Pure C++, no GC objects.
//
// Matching CPython's values matters because set and dict iteration order (and so printed
// output) depends on them. Int hashing lives in bigint.h (BigInt::hash, hash_int64).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coil::rt {

constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;  // sys.hash_info.modulus
constexpr int64_t kHashInf = 314159;                        // sys.hash_info.inf
constexpr uint64_t kHashImag = 1000003;                     // sys.hash_info.imag

// hash(float): equal to hash(int) on integral values. A nan hashes by identity (3.10+),
// so the caller passes the float object's address.
int64_t hash_double(double x, const void* identity);
// CPython's pointer hash (object.__hash__ default): the address rotated right by 4 bits.
int64_t hash_pointer(const void* p);
// hash(complex).
int64_t hash_complex(double real, double imag, const void* identity);

// hash(tuple): feed each element's hash in order, then finish().
class TupleHasher {
 public:
  void add(int64_t item_hash);
  int64_t finish() const;
 private:
  uint64_t acc_ = 2870177450012600261ULL;  // xxHash64's PRIME64_5, CPython's starting value
  uint64_t len_ = 0;
};

// SipHash-1-3 of raw bytes under the process key (no -1 mapping, no empty special case).
uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t len);
// hash(bytes) and memoryview/bytearray-derived hashes: 0 for empty, -1 mapped to -2.
int64_t hash_bytes(const void* data, size_t len);
// hash(str) given its UTF-8 text. CPython hashes the string's internal 1/2/4-byte-per-code-
// point buffer, so this picks the same width from the largest code point. Pass
// known_ascii when the caller already knows (skips the scan).
int64_t hash_str_utf8(std::string_view utf8, bool known_ascii = false);

// --- the key (sys.flags.hash_randomization, PYTHONHASHSEED) ---------------------------------
// Installs a random key (getrandom) — CPython's default.
void hash_secret_init_random();
// Installs the key PYTHONHASHSEED=seed gives: all zero for 0, else CPython's LCG stream.
void hash_secret_init_seed(uint32_t seed);
// Reads a PYTHONHASHSEED value (nullptr or "" or "random" = random). On a bad value returns
// false and sets *error to CPython's fatal message; the key is then left unchanged.
bool hash_secret_init_from_env(const char* value, std::string* error);
// False only when PYTHONHASHSEED=0 (sys.flags.hash_randomization).
bool hash_randomization_enabled();
// The 128-bit key in use (k0, k1); also for other keyed hashes that CPython derives from it.
void hash_secret_key(uint64_t* k0, uint64_t* k1);

}  // namespace coil::rt
