// token_dump.h — `coil --dump tokens FILE`: exactly what `python3.11 -m tokenize FILE` prints.
#pragma once

#include <string>
#include <string_view>

#include "frontend/syntax_error.h"

namespace coil::fe {

// Returns the lines `python3.11 -m tokenize FILE` writes to stdout for a file holding
// `file_bytes` (`filename` as typed on the command line). On failure tokenize prints nothing
// to stdout; this throws SyntaxErrorException instead — print format_tokenize_error(e.info)
// and a newline to stderr and exit with status 1.
std::string dump_tokens(std::string_view file_bytes, const std::string& filename);

// The stderr line (without newline) of `python3.11 -m tokenize` for an error thrown by
// dump_tokens:
//   lineno > 0                 "FILE:LINE:COL: error: MSG"   (TokenError, IndentationError;
//                                                              COL = info.offset, 0-based)
//   lineno == 0, offset == -1  "unexpected error: MSG"       (undecodable line; CPython then
//                                                              also prints a traceback)
//   otherwise                  "FILE: error: MSG"            (bad encoding declaration)
std::string format_tokenize_error(const SyntaxErrorInfo& info);

// Python's repr() of a str given as UTF-8.
std::string py_repr(std::string_view utf8);

}  // namespace coil::fe
