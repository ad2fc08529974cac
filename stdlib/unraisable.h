// unraisable.h — reporting an exception that cannot propagate (an error in __del__, in an
// atexit callback, in a generator's finalizer) through sys.unraisablehook.
#pragma once

#include "runtime/builtin_types.h"

namespace coil::lib {

// PyErr_WriteUnraisable / _PyErr_WriteUnraisableMsg: hands (exc, err_msg, obj) to
// sys.unraisablehook as an UnraisableHookArgs; the default hook (or a failing one) prints
// "Exception ignored in: ..." with the traceback. `err_msg` may be null ("Exception ignored
// in"). Leaves the thread's pending exception as it was.
void write_unraisable(rt::Value exc, const char* err_msg, rt::Value obj);

}  // namespace coil::lib
