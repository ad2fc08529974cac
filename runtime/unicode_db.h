// unicode_db.h — the per-character Unicode facts str's methods need (predicates, digit
// values, full case mappings), exactly as CPython 3.11 (Unicode 14.0.0) sees them.
#pragma once

#include <cstdint>

namespace coil::rt {

bool uni_is_alpha(char32_t cp);
bool uni_is_decimal(char32_t cp);
bool uni_is_digit(char32_t cp);
bool uni_is_numeric(char32_t cp);
bool uni_is_alnum(char32_t cp);
bool uni_is_space(char32_t cp);
bool uni_is_lower(char32_t cp);   // the Lowercase property
bool uni_is_upper(char32_t cp);   // the Uppercase property
bool uni_is_title(char32_t cp);   // category Lt
bool uni_is_cased(char32_t cp);
bool uni_is_case_ignorable(char32_t cp);
bool uni_is_printable(char32_t cp);
bool uni_is_linebreak(char32_t cp);  // what str.splitlines splits on
// The value of a decimal digit (category Nd), or -1.
int uni_decimal_value(char32_t cp);

enum class CaseKind { Lower = 0, Upper = 1, Title = 2, Fold = 3 };
// Writes the full mapping of cp (1-3 chars) to out; returns how many.
int uni_case_map(char32_t cp, CaseKind kind, char32_t out[3]);

}  // namespace coil::rt
