// run.h — running a program the way `python3` does: the __main__ module from a file, -c,
// -m or stdin, uncaught exceptions printed as tracebacks, SystemExit, exit codes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "frontend/syntax_error.h"
#include "runtime/config.h"

namespace coil::rt {

// Runs the program described by `cfg`; returns the process exit code.
int run(const Config& cfg);

// Compiles source text to a code object (null with SyntaxError pending).
struct CodeObject;
struct TypeObject;
// `future` holds CO_FUTURE_* bits to compile with (compile()'s flags, inherited features). The
// parser's and compiler's warnings go through the warnings machinery.
CodeObject* compile_source(std::string_view source, const std::string& filename, int mode, int optimize,
                           uint32_t future = 0);
// Issues frontend warnings (parser: DeprecationWarning, compiler: SyntaxWarning) as CPython
// does; false with an exception pending (a SyntaxError when a filter made one an error).
bool emit_compile_warnings(const std::vector<fe::SyntaxErrorInfo>& warnings, TypeObject* category);
// Raises the Python SyntaxError for a frontend error.
void raise_syntax_error(const fe::SyntaxErrorInfo& info);
// sys.is_finalizing(): true once the exit sequence has run the atexit callbacks and flushed
// the standard streams, while what remains is torn down.
bool is_finalizing();
// Prints the pending exception (with traceback) to stderr the way CPython does, and clears it.
void print_pending_exception();
// The text print_pending_exception would print for the exception `exc` (chain and traceback).
class Value;
std::string format_exception_text(Value exc);

}  // namespace coil::rt
