// hashing_stub.cpp — TEMPORARY str/bytes hashes (FNV-1a) until CPython's SipHash-1-3
// lands from the number/hash work (branch `num`).
#include "runtime/hashing.h"

namespace coil::rt {

int64_t hash_bytes(std::string_view data) {
  if (data.empty()) return 0;
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ULL;
  auto r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

int64_t hash_str_utf8(std::string_view utf8, bool ascii) { return hash_bytes(utf8); }

}  // namespace coil::rt
