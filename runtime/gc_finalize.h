// gc_finalize.h — taking an object's __del__ out of the collector's hands, for the runner's
// exit-time finalization of __main__ (kept apart from gc.h, which nearly everything includes).
#pragma once

#include <cstddef>

#include "runtime/object.h"

namespace coil::rt::gc {

// If `o` is registered for __del__ and its finalizer has not run or been queued, marks it
// finalized (the collector will never queue it) and returns true: the caller runs __del__.
bool claim_python_finalizer(Object* o);
// How many objects are registered for __del__ and not yet queued or claimed.
size_t python_finalizable_count();

}  // namespace coil::rt::gc

namespace coil::rt {

// Calls o.__del__(); an error is reported as CPython does ("Exception ignored in: ...").
void run_python_finalizer(Object* o);

}  // namespace coil::rt
