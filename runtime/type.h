// type.h — TypeObject: every type is a GC object; its fields are what the GC, the
// interpreter's caches and the JIT read. (Grows with the runtime core.)
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"

namespace coil::rt {

// Runs when the collector finds an object of this type dead (before its memory is reused).
using FinalizeFn = void (*)(Object* self);

struct TypeObject : Object {
  VisitFn visit = nullptr;        // reports the object's references; null: it holds none
  FinalizeFn finalize = nullptr;  // native cleanup (never runs Python code); null: none
  const char* name = nullptr;     // tp_name
};

}  // namespace coil::rt
