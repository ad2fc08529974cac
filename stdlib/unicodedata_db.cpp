// unicodedata_db.cpp — record lookup through the generated two-level tables, and normalization:
// full (compatibility) decomposition with Hangul done algorithmically, canonical ordering by
// combining class, and canonical composition (UAX #15) over the generated primary composites.
#include "stdlib/unicodedata_db.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/str.h"

namespace coil::lib::ucd {

namespace {

struct NamedSequence {
  const char* name;
  uint32_t cps[4];
  int n;
};

#include "unicodedata_tables.inc"

constexpr int kShift = 7;

// Hangul syllables (Unicode ch. 3.12).
constexpr uint32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr uint32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

}  // namespace

struct Database {
  const char* version;
  const char* const* categories;
  const char* const* bidis;
  const char* const* eaws;
  const double* numerics;
  const char* const* decomps;
  const Record* records;
  const uint16_t* index1;
  const uint16_t* index2;
  const Composite* composites;
  size_t ncomposites;
  const Composite* overrides;  // {cp, 0, what it normalizes to}, ending with a zero row
};

const Database& current() {
  static const Database db = {"14.0.0", kUcd14_categories, kUcd14_bidis, kUcd14_eaws, kUcd14_numerics,
                              kUcd14_decomps, kUcd14_records, kUcd14_index1, kUcd14_index2, kUcd14_composites,
                              std::size(kUcd14_composites), kUcd14_overrides};
  return db;
}

const Database& v3_2_0() {
  static const Database db = {"3.2.0", kUcd32_categories, kUcd32_bidis, kUcd32_eaws, kUcd32_numerics,
                              kUcd32_decomps, kUcd32_records, kUcd32_index1, kUcd32_index2, kUcd32_composites,
                              std::size(kUcd32_composites), kUcd32_overrides};
  return db;
}

const char* version(const Database& db) { return db.version; }

const Record& record(const Database& db, uint32_t cp) {
  if (cp > 0x10FFFF) cp = 0x10FFFF;  // unassigned, like every code point past the tables
  uint32_t block = db.index1[cp >> kShift];
  return db.records[db.index2[(block << kShift) + (cp & ((1u << kShift) - 1))]];
}

const char* category(const Database& db, const Record& r) { return db.categories[r.category]; }
const char* bidirectional(const Database& db, const Record& r) { return db.bidis[r.bidi]; }
const char* east_asian_width(const Database& db, const Record& r) { return db.eaws[r.eaw]; }
const char* decomposition(const Database& db, const Record& r) { return db.decomps[r.decomp]; }

bool numeric_value(const Database& db, const Record& r, double* out) {
  if (r.numeric < 0) return false;
  *out = db.numerics[r.numeric];
  return true;
}

namespace {

// Canonical ordering and composition use the current combining classes even for the 3.2.0
// database (CPython's ucd_3_2_0 normalizes that way: its change records do not cover them).
int ccc(const Database&, uint32_t cp) { return record(current(), cp).combining; }

// Appends the full decomposition of cp (canonical, or compatibility too when `compat`).
void decompose(const Database& db, uint32_t cp, bool compat, std::u32string& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    uint32_t s = cp - kSBase;
    out += static_cast<char32_t>(kLBase + s / kNCount);
    out += static_cast<char32_t>(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount) out += static_cast<char32_t>(kTBase + s % kTCount);
    return;
  }
  for (const Composite* o = db.overrides; o->first; ++o)
    if (o->first == cp) return decompose(db, o->composed, compat, out);
  const char* d = decomposition(db, record(db, cp));
  if (!*d || (*d == '<' && !compat)) {
    out += static_cast<char32_t>(cp);
    return;
  }
  if (*d == '<') d = std::strchr(d, '>') + 1;
  while (*d) {
    while (*d == ' ') ++d;
    if (!*d) break;
    char* end;
    uint32_t part = static_cast<uint32_t>(std::strtoul(d, &end, 16));
    d = end;
    decompose(db, part, compat, out);
  }
}

// Stable-sorts each run of non-starters by combining class.
void canonical_order(const Database& db, std::u32string& s) {
  size_t i = 0;
  while (i < s.size()) {
    if (ccc(db, s[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && ccc(db, s[j]) != 0) ++j;
    std::stable_sort(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(j),
                     [&](char32_t a, char32_t b) { return ccc(db, a) < ccc(db, b); });
    i = j;
  }
}

// The primary composite of a + b, or 0.
uint32_t compose_pair(const Database& db, uint32_t a, uint32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
    return a + (b - kTBase);
  const Composite* end = db.composites + db.ncomposites;
  const Composite* it = std::lower_bound(db.composites, end, std::make_pair(a, b), [](const Composite& c, auto key) {
    return c.first < key.first || (c.first == key.first && c.second < key.second);
  });
  return it != end && it->first == a && it->second == b ? it->composed : 0;
}

void compose(const Database& db, std::u32string& s) {
  if (s.empty()) return;
  std::u32string out;
  out += s[0];
  size_t starter = 0;
  int last = ccc(db, s[0]);
  if (last != 0) last = 256;  // a leading non-starter composes with nothing
  for (size_t i = 1; i < s.size(); ++i) {
    char32_t c = s[i];
    int cc = ccc(db, c);
    uint32_t comp = compose_pair(db, out[starter], c);
    if (comp && (last < cc || last == 0)) {
      out[starter] = static_cast<char32_t>(comp);
      continue;
    }
    if (cc == 0) starter = out.size();
    last = cc;
    out += c;
  }
  s = std::move(out);
}

}  // namespace

std::string normalize(const Database& db, Form form, std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(utf8);  // ASCII is invariant under every form
  bool compat = form == Form::NFKC || form == Form::NFKD;
  std::u32string s;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) decompose(db, rt::decode_utf8(p), compat, s);
  canonical_order(db, s);
  if (form == Form::NFC || form == Form::NFKC) compose(db, s);
  std::string out;
  for (char32_t c : s) rt::append_utf8(out, c);
  return out;
}

bool lookup_named_sequence(std::string_view upper, std::u32string* out) {
  for (const NamedSequence* s = kNamedSequences; s->name[0]; ++s)
    if (upper == s->name) {
      out->assign(s->cps, s->cps + s->n);
      return true;
    }
  return false;
}

}  // namespace coil::lib::ucd
