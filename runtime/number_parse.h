// number_parse.h — float() and complex() text parsing with CPython's rules (pure C++, no GC objects).
#pragma once

#include <string>
#include <string_view>

namespace coil::rt {

bool is_ascii(std::string_view text);
// Rewrites UTF-8 numeric text to ASCII the way CPython does before parsing numbers: Unicode
// whitespace becomes ' ', Unicode decimal digits (category Nd) become '0'..'9', any other
// non-ASCII code point (or invalid UTF-8) becomes '?', which no number grammar accepts.
std::string ascii_numeric_text(std::string_view utf8);

// float(text): surrounding whitespace, sign, digits with single underscores between digits,
// optional fraction and exponent, or inf/infinity/nan in any case. No hex. Out-of-range
// values become inf or 0 like CPython. False -> "could not convert string to float: %R".
bool parse_float(std::string_view text, double* out);

// complex(text): "[ws][(][ws] real | imagj | real±imagj | ±j | j [ws][)][ws]".
// False -> ValueError "complex() arg is a malformed string".
bool parse_complex(std::string_view text, double* real, double* imag);

// Parses the longest float literal (no underscores, no whitespace) at the start of
// [begin, end); returns where it stopped, or `begin` when there is none.
const char* parse_float_prefix(const char* begin, const char* end, double* out);

}  // namespace coil::rt
