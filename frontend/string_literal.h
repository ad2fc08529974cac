// string_literal.h — values of literal tokens: number text -> ConstValue, string token
// prefixes and bodies, backslash escapes.
#pragma once

#include <string>
#include <string_view>

#include "frontend/ast.h"

namespace coil::fe {

// Converts a NUMBER token's text to its value: Int as decimal digits (any size, via GMP),
// Float via strtod, Complex as the imaginary part. Returns false with CPython's message
// in `err` for text the tokenizer let through but Python rejects.
bool parse_number(std::string_view text, ConstValue& out, std::string& err);

// A STRING token split into its parts.
struct StringToken {
  bool raw = false, bytes = false, fstring = false, unicode = false;
  std::string_view body;  // between the quotes
  int body_offset = 0;    // byte offset of `body` within the token text
};

// Splits a STRING token's text into prefix flags and body.
StringToken split_string_token(std::string_view text);

// Decodes backslash escapes of a non-raw body into UTF-8 (str) or raw bytes (bytes).
// Returns false with CPython's SyntaxError message in `err` (e.g. "(unicode error) ...").
// `first_invalid`, when given and still null, receives the position (in `body`) just after
// the backslash of the first escape CPython 3.11 warns about: an unknown escape, or an
// octal one above \377 (then it points at the three digits).
bool decode_escapes(std::string_view body, bool is_bytes, std::string& out, std::string& err,
                    const char** first_invalid = nullptr);

// Whether a bytes literal body holds only ASCII characters, as Python requires.
bool is_ascii(std::string_view body);

}  // namespace coil::fe
