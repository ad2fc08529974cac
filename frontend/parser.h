// parser.h — Python 3.11 source -> AST (the public entry point of the parser).
#pragma once

#include <string>
#include <string_view>

#include "frontend/ast.h"
#include "frontend/syntax_error.h"

namespace coil::fe {

// What the source is, as compile()'s mode: 'exec', 'eval', 'single', 'func_type'.
enum class ParseMode : uint8_t { Exec, Eval, Single, FuncType };

// Parses UTF-8 source into a tree owned by `arena`. Throws SyntaxErrorException on the
// first error, as CPython reports it (type, message, line, offset). Source that nests too
// deeply for the parser throws it with kind TooComplex, which the runtime raises as
// MemoryError("Parser stack overflowed - Python source too complex to parse"... CPython's
// message is empty) — see SyntaxErrorInfo::Kind.
ModNode* parse(std::string_view utf8_source, const std::string& filename, ParseMode mode,
               Arena& arena);

}  // namespace coil::fe
