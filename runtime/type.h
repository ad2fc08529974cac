// type.h — TypeObject: every type is a GC object; its fields are what the GC, the
// interpreter's caches and the JIT read. (Grows with the runtime core.)
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"

namespace coil::rt {

// Runs when the collector finds an object of this type dead (before its memory is reused).
using FinalizeFn = void (*)(Object* self);

// What the collector needs to know about a type's instances (bits of TypeObject::gc_flags).
enum class GcTypeFlag : uint32_t {
  kNone = 0,
  kHasPythonFinalizer = 1u << 0,  // instances have __del__: queued once when found dead
};
constexpr GcTypeFlag operator|(GcTypeFlag a, GcTypeFlag b) {
  return static_cast<GcTypeFlag>(static_cast<uint32_t>(a) | static_cast<uint32_t>(b));
}
constexpr bool has_flag(GcTypeFlag set, GcTypeFlag f) {
  return (static_cast<uint32_t>(set) & static_cast<uint32_t>(f)) != 0;
}

struct TypeObject : Object {
  VisitFn visit = nullptr;        // reports the object's references; null: it holds none
  FinalizeFn finalize = nullptr;  // native cleanup (never runs Python code); null: none
  const char* name = nullptr;     // tp_name
  GcTypeFlag gc_flags = GcTypeFlag::kNone;
};

}  // namespace coil::rt
