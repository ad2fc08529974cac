// number_cases.h — reads tests/unit/data/number_cases.tsv (CPython 3.11's answers, written by
// tools/gen_number_cases.py) for the number, formatting and hashing unit tests.
#pragma once

#include <doctest/doctest.h>

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "coil_config.h"
#include "runtime/bigint.h"
#include "runtime/float_format.h"

namespace coil::test {

using Fields = std::vector<std::string>;

// Undoes the generator's escaping: "\\" and "\xHH" (a code point, written as UTF-8).
inline std::string unescape_field(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\\') { out.push_back('\\'); ++i; continue; }
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      rt::append_utf8(&out, static_cast<char32_t>(std::stoul(s.substr(i + 2, 2), nullptr, 16)));
      i += 3;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// All cases grouped by op (read once).
inline const std::map<std::string, std::vector<Fields>>& all_cases() {
  static const auto cases = [] {
    std::map<std::string, std::vector<Fields>> m;
    // COIL_NUMBER_CASES points at another table, e.g. random stress cases from the generator.
    const char* override_path = std::getenv("COIL_NUMBER_CASES");
    std::ifstream in(override_path ? override_path : COIL_SOURCE_ROOT "/tests/unit/data/number_cases.tsv");
    std::string line;
    while (std::getline(in, line)) {
      Fields f;
      size_t start = 0;
      for (;;) {
        size_t tab = line.find('\t', start);
        f.push_back(unescape_field(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      std::string op = f[0];
      f.erase(f.begin());
      m[op].push_back(std::move(f));
    }
    return m;
  }();
  return cases;
}

// Runs `fn` on every case of `op`; fn returns what we computed, compared with the last field.
// Reports at most a few mismatches per op so a broken function does not flood the log.
inline void check_cases(const std::string& op, const std::function<std::string(const Fields&)>& fn) {
  auto it = all_cases().find(op);
  if (it == all_cases().end()) {
    WARN_MESSAGE(std::getenv("COIL_NUMBER_CASES") != nullptr, "no cases for " << op);
    CHECK(std::getenv("COIL_NUMBER_CASES") != nullptr);
    return;
  }
  int failures = 0;
  for (const Fields& f : it->second) {
    std::string got = fn(f);
    if (got != f.back()) {
      if (++failures <= 8) {
        std::string args;
        for (size_t i = 0; i + 1 < f.size(); ++i) args += (i ? " | " : "") + f[i];
        FAIL_CHECK(op << "(" << args << "): got [" << got << "] want [" << f.back() << "]");
      }
    }
  }
  CHECK_MESSAGE(failures == 0, op << ": " << failures << " of " << it->second.size() << " cases differ");
}

inline rt::BigInt big(const std::string& s) {
  rt::BigInt v;
  rt::NumStatus st = rt::parse_int(s, 0, &v);
  REQUIRE_MESSAGE(st == rt::NumStatus::ok, "bad int in cases: " << s);
  return v;
}
inline std::string str(const rt::BigInt& v) { return v.to_string(10); }
inline double dbl(const std::string& hex_bits) { return std::bit_cast<double>(std::strtoull(hex_bits.c_str(), nullptr, 16)); }
inline std::string bits(double d) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(std::bit_cast<uint64_t>(d)));
  return buf;
}

}  // namespace coil::test
