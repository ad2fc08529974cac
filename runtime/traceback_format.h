// traceback_format.h — formatting an exception the way CPython 3.11's default excepthook
// prints it (chain, tracebacks with caret lines, notes, exception groups).
#pragma once

#include <string>

#include "runtime/value.h"

namespace coil::rt {

// The full text sys.excepthook would write for `exc` ("" if it is not an exception).
std::string format_exception(Value exc);
// What sys.unraisablehook prints by default: "Exception ignored in: <repr(obj)>" (or
// "<err_msg>: <repr(obj)>", or "<err_msg>:"), the traceback and "Type: message" — no chain,
// no notes. Empty or None `err_msg` / `obj` are left out.
std::string format_unraisable(Value exc, Value err_msg, Value obj);
// During interpreter shutdown CPython can no longer read source files: tracebacks printed
// then (errors in __del__ at exit) have no source lines. The runner turns them off there.
void set_traceback_source_lines(bool on);

}  // namespace coil::rt
