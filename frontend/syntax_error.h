// syntax_error.h — how the frontend reports a program CPython would reject.
//
// The tokenizer, parser, symbol table and compiler all report through this one struct;
// the runtime turns it into the Python exception (SyntaxError, IndentationError,
// TabError) and prints it the way CPython does (file, line, source line, carets, message).
#pragma once

#include <string>

namespace coil::fe {

struct SyntaxErrorInfo {
  // TooComplex: the source nests deeper than the parser's limit; CPython's parser raises
  // MemoryError (with an empty message) for it, and the runtime maps it the same way.
  enum class Kind { SyntaxError, IndentationError, TabError, TooComplex };
  Kind kind = Kind::SyntaxError;
  std::string msg;       // CPython's message, e.g. "expected ':'"
  std::string filename;
  int lineno = 0;        // 1-based
  int offset = 0;        // 1-based column in code points, as SyntaxError.offset (0: none)
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;      // the offending source line, with its newline, as SyntaxError.text
};

// Thrown by the frontend on the first error (CPython also stops at the first one).
struct SyntaxErrorException {
  SyntaxErrorInfo info;
};

}  // namespace coil::fe
