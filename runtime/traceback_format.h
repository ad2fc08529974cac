// traceback_format.h — formatting an exception the way CPython 3.11's default excepthook
// prints it (chain, tracebacks with caret lines, notes, exception groups).
#pragma once

#include <string>

#include "runtime/value.h"

namespace coil::rt {

// The full text sys.excepthook would write for `exc` ("" if it is not an exception).
std::string format_exception(Value exc);
// During interpreter shutdown CPython can no longer read source files: tracebacks printed
// then (errors in __del__ at exit) have no source lines. The runner turns them off there.
void set_traceback_source_lines(bool on);

}  // namespace coil::rt
