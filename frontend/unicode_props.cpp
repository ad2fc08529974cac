// unicode_props.cpp — Unicode property lookups over tables generated from python3.11, and NFKC.
#include "frontend/unicode_props.h"

#include <algorithm>
#include <cstdlib>

#include <utf8proc.h>

namespace coil::fe {

namespace {

struct CodeRange {
  char32_t lo, hi;
};

#include "frontend/unicode_tables.inc"

template <size_t N>
bool in_table(const CodeRange (&table)[N], char32_t cp) {
  const CodeRange* end = table + N;
  const CodeRange* it =
      std::upper_bound(table, end, cp, [](char32_t c, const CodeRange& r) { return c < r.lo; });
  return it != table && cp <= it[-1].hi;
}

}  // namespace

bool is_xid_start(char32_t cp) { return in_table(kXidStart, cp); }
bool is_xid_continue(char32_t cp) { return in_table(kXidContinue, cp); }
bool is_printable(char32_t cp) { return in_table(kPrintable, cp); }
bool is_word_char(char32_t cp) { return in_table(kWordChar, cp); }

char32_t decode_utf8_at(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
  char32_t cp = b & (0x3F >> extra);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int count_code_points(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string nfkc_identifier(std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(utf8);
  std::string in(utf8);  // utf8proc wants a NUL-terminated string
  utf8proc_uint8_t* out = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(in.c_str()));
  if (!out) return in;
  std::string result(reinterpret_cast<char*>(out));
  std::free(out);
  return result;
}

}  // namespace coil::fe
