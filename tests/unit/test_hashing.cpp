// test_hashing.cpp — float/complex/tuple/str/bytes hashes against CPython 3.11 (incl. PYTHONHASHSEED).
#include <doctest/doctest.h>

#include <cmath>

#include "number_cases.h"
#include "runtime/hashing.h"

using namespace coil::rt;
using coil::test::check_cases;
using coil::test::dbl;
using coil::test::Fields;

TEST_CASE("hash: float and complex") {
  check_cases("float_hash", [](const Fields& f) {
    double x = dbl(f[0]);
    return std::isnan(x) ? std::string("nan") : std::to_string(hash_double(x, nullptr));
  });
  check_cases("complex_hash", [](const Fields& f) { return std::to_string(hash_complex(dbl(f[0]), dbl(f[1]), nullptr)); });
  int dummy;
  CHECK(hash_double(std::nan(""), &dummy) == hash_pointer(&dummy));
  CHECK(hash_pointer(reinterpret_cast<void*>(0x1000)) == 0x100);
  CHECK(hash_double(-1.0, nullptr) == -2);
  CHECK(hash_double(1e100, nullptr) == coil::rt::BigInt::from_double(1e100).hash());
}

TEST_CASE("hash: tuples") {
  check_cases("tuple_hash", [](const Fields& f) {
    TupleHasher h;
    if (f[0] != "-") {
      size_t start = 0;
      for (;;) {
        size_t comma = f[0].find(',', start);
        h.add(std::stoll(f[0].substr(start, comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
    return std::to_string(h.finish());
  });
}

TEST_CASE("hash: str and bytes under PYTHONHASHSEED") {
  check_cases("str_hash", [](const Fields& f) {
    hash_secret_init_seed(static_cast<uint32_t>(std::stoul(f[0])));
    return std::to_string(hash_str_utf8(f[1] == "-" ? "" : f[1]));
  });
  check_cases("bytes_hash", [](const Fields& f) {
    hash_secret_init_seed(static_cast<uint32_t>(std::stoul(f[0])));
    std::string data;
    if (f[1] != "-")
      for (size_t i = 0; i + 1 < f[1].size(); i += 2) data.push_back(static_cast<char>(std::stoul(f[1].substr(i, 2), nullptr, 16)));
    return std::to_string(hash_bytes(data.data(), data.size()));
  });
  std::string err;
  CHECK(hash_secret_init_from_env("0", &err));
  CHECK(!hash_randomization_enabled());
  CHECK(!hash_secret_init_from_env("-1", &err));
  CHECK(err == "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
  CHECK(!hash_secret_init_from_env("4294967296", &err));
  CHECK(hash_secret_init_from_env("random", &err));
  CHECK(hash_randomization_enabled());
  CHECK(hash_str_utf8("") == 0);
  CHECK(hash_str_utf8("abc") == hash_str_utf8("abc", true));
}
