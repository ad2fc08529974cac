// hash_algos.h — the message digests behind _md5, _sha1, _sha256, _sha512, _sha3 and _blake2,
// written from their specifications (RFC 1321, FIPS 180-4, FIPS 202, RFC 7693). Plain data:
// a state is copied with memcpy (hash.copy()) and holds no pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace coil::lib::digest {

// Merkle–Damgård hashes: MD5, SHA-1, SHA-224/256, SHA-384/512.
enum class MdKind : uint8_t { Md5, Sha1, Sha224, Sha256, Sha384, Sha512 };
struct MdState {
  MdKind kind;
  uint64_t h[8];        // chaining value (32-bit algorithms use the low halves)
  uint64_t length;      // bytes hashed so far (wraps after 2**64, as the specs allow)
  uint8_t buf[128];
  uint32_t used;        // bytes in buf
};
void md_init(MdState* s, MdKind kind);
void md_update(MdState* s, const uint8_t* data, size_t n);
std::string md_final(const MdState* s);  // the digest; s is unchanged
size_t md_block_size(MdKind kind);
size_t md_digest_size(MdKind kind);

// Keccak sponge: SHA3-224/256/384/512 and SHAKE128/256.
struct KeccakState {
  uint64_t lanes[25];
  uint32_t rate;        // bytes
  uint32_t used;        // bytes absorbed into the current block
  uint8_t suffix;       // 0x06 for SHA-3, 0x1f for SHAKE
  uint32_t digest_size; // 0 for SHAKE (the caller says how much)
};
void keccak_init(KeccakState* s, uint32_t rate, uint8_t suffix, uint32_t digest_size);
void keccak_update(KeccakState* s, const uint8_t* data, size_t n);
std::string keccak_final(const KeccakState* s, size_t out_len);

// BLAKE2b (64-bit) and BLAKE2s (32-bit) with the full parameter block.
struct Blake2Params {
  uint32_t digest_size;
  std::string key, salt, person;
  uint32_t fanout = 1, depth = 1, leaf_size = 0, node_depth = 0, inner_size = 0;
  uint64_t node_offset = 0;
  bool last_node = false;
};
struct Blake2State {
  bool is_b;            // BLAKE2b; else BLAKE2s
  uint64_t h[8];
  uint64_t t[2];        // byte counter
  uint8_t buf[128];
  uint32_t used;
  uint32_t digest_size;
  bool last_node;
};
void blake2_init(Blake2State* s, bool is_b, const Blake2Params& p);
void blake2_update(Blake2State* s, const uint8_t* data, size_t n);
std::string blake2_final(const Blake2State* s);

}  // namespace coil::lib::digest
