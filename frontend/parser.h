// parser.h — Python 3.11 source -> AST (the public entry point of the parser).
#pragma once

#include <string>
#include <string_view>

#include "frontend/ast.h"
#include "frontend/syntax_error.h"

namespace coil::fe {

// What the source is, as compile()'s mode: 'exec', 'eval', 'single', 'func_type'.
enum class ParseMode : uint8_t { Exec, Eval, Single, FuncType };

// Parses UTF-8 source (already decoded: see decode_source in source.h) into a tree owned by
// `arena`. Throws SyntaxErrorException with the error CPython 3.11 reports (kind, message,
// line, offset, end, text). Source nesting deeper than CPython's parser allows throws it
// with kind TooComplex: CPython raises that as a MemoryError with an empty message.
// Strings in the tree are UTF-8; a str constant holding lone surrogates ('\udc80') keeps
// them as 3-byte (CESU-style) sequences.
// `escape_warnings`, when given, receives CPython's DeprecationWarnings for invalid escape
// sequences in string literals ("invalid escape sequence '\d'"), located at their tokens.
// `token_warnings`, when given, receives the tokenizer's SyntaxWarnings (a number glued to
// a keyword: "invalid decimal literal"), also when parsing fails.
ModNode* parse(std::string_view utf8_source, const std::string& filename, ParseMode mode,
               Arena& arena, std::vector<SyntaxErrorInfo>* escape_warnings = nullptr,
               std::vector<SyntaxErrorInfo>* token_warnings = nullptr);

}  // namespace coil::fe
