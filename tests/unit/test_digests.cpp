// test_digests.cpp — the message digests of stdlib/hash_algos.h against their specifications'
// test vectors (RFC 1321, FIPS 180-4 examples, FIPS 202, RFC 7693 appendices).
#include <doctest/doctest.h>

#include <string>

#include "stdlib/hash_algos.h"

using namespace coil::lib::digest;

namespace {

std::string hex(const std::string& d) {
  static const char digits[] = "0123456789abcdef";
  std::string r;
  for (unsigned char c : d) {
    r += digits[c >> 4];
    r += digits[c & 15];
  }
  return r;
}

std::string md(MdKind kind, const std::string& msg, size_t repeat = 1) {
  MdState s;
  md_init(&s, kind);
  for (size_t i = 0; i < repeat; ++i) md_update(&s, reinterpret_cast<const uint8_t*>(msg.data()), msg.size());
  return hex(md_final(&s));
}

std::string keccak(uint32_t rate, uint8_t suffix, size_t out, const std::string& msg) {
  KeccakState s;
  keccak_init(&s, rate, suffix, static_cast<uint32_t>(out));
  keccak_update(&s, reinterpret_cast<const uint8_t*>(msg.data()), msg.size());
  return hex(keccak_final(&s, out));
}

std::string blake2(bool b, const std::string& msg, Blake2Params p) {
  Blake2State s;
  blake2_init(&s, b, p);
  blake2_update(&s, reinterpret_cast<const uint8_t*>(msg.data()), msg.size());
  return hex(blake2_final(&s));
}

const std::string k448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

}  // namespace

TEST_CASE("MD5: RFC 1321 test suite") {
  CHECK(md(MdKind::Md5, "") == "d41d8cd98f00b204e9800998ecf8427e");
  CHECK(md(MdKind::Md5, "abc") == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(md(MdKind::Md5, "message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
  CHECK(md(MdKind::Md5, "12345678901234567890123456789012345678901234567890123456789012345678901234567890") ==
        "57edf4a22be3c955ac49da2e2107b67a");
}

TEST_CASE("SHA-1 and SHA-2: FIPS 180-4 examples") {
  CHECK(md(MdKind::Sha1, "abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(md(MdKind::Sha1, k448) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(md(MdKind::Sha1, "a", 1000000) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  CHECK(md(MdKind::Sha224, "abc") == "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
  CHECK(md(MdKind::Sha256, "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(md(MdKind::Sha256, k448) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(md(MdKind::Sha384, "abc") ==
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
  CHECK(md(MdKind::Sha512, "abc") ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d44236"
        "43ce80e2a9ac94fa54ca49f");
}

TEST_CASE("SHA-3 and SHAKE: FIPS 202") {
  CHECK(keccak(136, 0x06, 32, "") == "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
  CHECK(keccak(136, 0x06, 32, "abc") == "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
  CHECK(keccak(168, 0x1f, 32, "") == "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26");
}

TEST_CASE("BLAKE2: RFC 7693 appendices") {
  Blake2Params b;
  b.digest_size = 64;
  CHECK(blake2(true, "abc", b) ==
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8d"
        "bf1925ab92386edd4009923");
  Blake2Params s;
  s.digest_size = 32;
  CHECK(blake2(false, "abc", s) == "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982");
}
