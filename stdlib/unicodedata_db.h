// unicodedata_db.h — the Unicode Character Database as unicodedata sees it: the 14.0.0 database
// of CPython 3.11 and the 3.2.0 one behind ucd_3_2_0 (tables generated from python3.11 by
// tools/gen_unicodedata.py), per-character properties and the four normalization forms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace coil::lib::ucd {

struct Record {
  uint8_t category, bidi, combining, eaw, mirrored;
  int8_t decimal, digit;  // -1: none
  int16_t numeric;        // index into the numeric values; -1: none
  uint16_t decomp;        // index into the decomposition strings ("" at 0)
};

struct Composite {
  uint32_t first, second, composed;
};

struct Database;
const Database& current();  // Unicode 14.0.0
const Database& v3_2_0();

const char* version(const Database& db);
const Record& record(const Database& db, uint32_t cp);
const char* category(const Database& db, const Record& r);
const char* bidirectional(const Database& db, const Record& r);
const char* east_asian_width(const Database& db, const Record& r);
bool numeric_value(const Database& db, const Record& r, double* out);
const char* decomposition(const Database& db, const Record& r);

enum class Form { NFC, NFD, NFKC, NFKD };
// Normalizes UTF-8 text (lone surrogates pass through unchanged).
std::string normalize(const Database& db, Form form, std::string_view utf8);

// unicodedata.lookup's named sequences (false when `upper`, the upper-cased name, is none).
bool lookup_named_sequence(std::string_view upper, std::u32string* out);

}  // namespace coil::lib::ucd
