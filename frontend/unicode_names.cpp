// unicode_names.cpp — looks up "\N{...}" names in the generated table (built into a hash
// map on first use, since most programs never use \N).
#include "frontend/unicode_names.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "unicode_names.inc"

namespace coil::fe {

namespace {

struct NameTable {
  std::unordered_map<std::string_view, int32_t> by_name;
  std::unordered_map<std::string_view, int32_t> by_alias;
  struct Range {
    std::string_view prefix;
    int32_t first, last;
  };
  std::vector<Range> ranges;
};

int32_t parse_hex(std::string_view s) {
  int32_t v = 0;
  for (char c : s) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    if (v > 0x10FFFF) return -1;
    v = v * 16 + d;
  }
  return s.empty() ? -1 : v;
}

const NameTable& table() {
  static NameTable t;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string_view all(kUnicodeNames, sizeof kUnicodeNames - 1);
    t.by_name.reserve(40000);
    size_t pos = 0;
    while (pos < all.size()) {
      size_t nl = all.find('\n', pos);
      if (nl == std::string_view::npos) nl = all.size();
      std::string_view line = all.substr(pos, nl - pos);
      size_t semi = line.find(';');
      if (semi != std::string_view::npos)
        t.by_name.emplace(line.substr(0, semi), parse_hex(line.substr(semi + 1)));
      pos = nl + 1;
    }
    std::string_view al(kUnicodeAliases, sizeof kUnicodeAliases - 1);
    pos = 0;
    while (pos < al.size()) {
      size_t nl = al.find('\n', pos);
      if (nl == std::string_view::npos) nl = al.size();
      std::string_view line = al.substr(pos, nl - pos);
      size_t semi = line.find(';');
      if (semi != std::string_view::npos) t.by_alias.emplace(line.substr(0, semi), parse_hex(line.substr(semi + 1)));
      pos = nl + 1;
    }
    std::string_view rs(kUnicodeNameRanges, sizeof kUnicodeNameRanges - 1);
    pos = 0;
    while (pos < rs.size()) {
      size_t nl = rs.find('\n', pos);
      if (nl == std::string_view::npos) nl = rs.size();
      std::string_view line = rs.substr(pos, nl - pos);
      size_t a = line.find(';'), b = line.rfind(';');
      if (a != std::string_view::npos && b != a)
        t.ranges.push_back({line.substr(0, a), parse_hex(line.substr(a + 1, b - a - 1)),
                            parse_hex(line.substr(b + 1))});
      pos = nl + 1;
    }
  });
  return t;
}

}  // namespace

// Character names match case-insensitively, but, as in CPython's unicodedata, the
// algorithmic ones (Hangul syllables, "<IDEOGRAPH>-<HEX>") only in upper case.
int32_t lookup_unicode_name(std::string_view name, bool aliases) {
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  const NameTable& t = table();
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  bool hangul = upper.compare(0, kHangul.size(), kHangul) == 0;
  if (!hangul || upper == name) {
    auto it = t.by_name.find(upper);
    if (it != t.by_name.end()) return it->second;
  }
  if (aliases) {
    auto it = t.by_alias.find(upper);
    if (it != t.by_alias.end()) return it->second;
  }
  for (const auto& r : t.ranges) {
    if (name.size() > r.prefix.size() && name.compare(0, r.prefix.size(), r.prefix) == 0) {
      std::string_view hex = name.substr(r.prefix.size());
      if (hex.size() < 4 || hex.size() > 5) continue;
      int32_t cp = parse_hex(hex);
      if (cp >= r.first && cp <= r.last) return cp;
    }
  }
  return -1;
}

std::string unicode_name_of(int32_t cp) {
  // The reverse map is built on first use (the codecs' namereplace handler).
  static std::unordered_map<int32_t, std::string_view>* by_cp = nullptr;
  static std::once_flag once;
  const NameTable& t = table();
  std::call_once(once, [&t] {
    by_cp = new std::unordered_map<int32_t, std::string_view>();
    by_cp->reserve(t.by_name.size());
    for (const auto& [name, code] : t.by_name) by_cp->emplace(code, name);
  });
  auto it = by_cp->find(cp);
  if (it != by_cp->end()) return std::string(it->second);
  for (const auto& r : t.ranges) {
    if (cp >= r.first && cp <= r.last) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
      return std::string(r.prefix) + hex;
    }
  }
  return "";
}

}  // namespace coil::fe
