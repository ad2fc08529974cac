// unicode_db.cpp — Unicode property and case-mapping lookups over tables generated from
// python3.11 (tools/gen-str-tables), with ASCII fast paths.
#include "runtime/unicode_db.h"

#include <algorithm>

#include "frontend/unicode_props.h"

namespace coil::rt {

namespace {

struct CodeRange {
  char32_t lo, hi;
};
struct DecimalRange {
  char32_t lo, hi, zero;
};
struct CaseEntry {
  char32_t cp;
  int32_t map[4];  // indexed by CaseKind
};

#include "runtime/unicode_tables.inc"

template <size_t N>
bool in_table(const CodeRange (&table)[N], char32_t cp) {
  const CodeRange* end = table + N;
  const CodeRange* it = std::upper_bound(table, end, cp, [](char32_t c, const CodeRange& r) { return c < r.lo; });
  return it != table && cp <= it[-1].hi;
}

}  // namespace

bool uni_is_alpha(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return in_table(kAlpha, cp);
}
bool uni_is_decimal(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_table(kDecimal, cp);
}
bool uni_is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_table(kDigit, cp);
}
bool uni_is_numeric(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_table(kNumeric, cp);
}
bool uni_is_alnum(char32_t cp) { return uni_is_alpha(cp) || uni_is_numeric(cp); }
bool uni_is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return in_table(kSpace, cp);
}
bool uni_is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return in_table(kLower, cp);
}
bool uni_is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return in_table(kUpper, cp);
}
bool uni_is_title(char32_t cp) { return cp >= 0x80 && in_table(kTitle, cp); }
bool uni_is_cased(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return in_table(kCased, cp);
}
bool uni_is_case_ignorable(char32_t cp) { return in_table(kCaseIgnorable, cp); }
bool uni_is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return fe::is_printable(cp);
}
bool uni_is_linebreak(char32_t cp) {
  switch (cp) {
    case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x1C: case 0x1D: case 0x1E:
    case 0x85: case 0x2028: case 0x2029:
      return true;
    default:
      return false;
  }
}

int uni_decimal_value(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
  const DecimalRange* end = kDecimalValue + std::size(kDecimalValue);
  const DecimalRange* it =
      std::upper_bound(kDecimalValue, end, cp, [](char32_t c, const DecimalRange& r) { return c < r.lo; });
  if (it == kDecimalValue || cp > it[-1].hi) return -1;
  return static_cast<int>(cp - it[-1].zero);
}

int uni_case_map(char32_t cp, CaseKind kind, char32_t out[3]) {
  if (cp < 0x80) {
    bool up = cp >= 'A' && cp <= 'Z', low = cp >= 'a' && cp <= 'z';
    bool to_upper = kind == CaseKind::Upper || kind == CaseKind::Title;
    out[0] = to_upper ? (low ? cp - 32 : cp) : (up ? cp + 32 : cp);
    return 1;
  }
  const CaseEntry* end = kCase + std::size(kCase);
  const CaseEntry* it = std::lower_bound(kCase, end, cp, [](const CaseEntry& e, char32_t c) { return e.cp < c; });
  if (it == end || it->cp != cp) {
    out[0] = cp;
    return 1;
  }
  int32_t m = it->map[static_cast<int>(kind)];
  if (m >= 0) {
    out[0] = static_cast<char32_t>(m);
    return 1;
  }
  const char32_t* s = kCaseSpecial[-m - 1];
  int n = s[2] ? 3 : 2;
  for (int i = 0; i < n; ++i) out[i] = s[i];
  return n;
}

}  // namespace coil::rt
