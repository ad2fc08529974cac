// object.h — the header every GC object starts with.
//
// An Object is 16 bytes of header followed by its type's payload. `type` is what the
// interpreter's caches and the JIT's guards read; `gc_bits` belongs to the collector
// (mark bit, finalizer flags); `aux` is free for the object's type (a str caches its
// hash there, a list its length, ...), so small objects need no extra word.
#pragma once

#include <cstdint>

#include "runtime/value.h"

namespace coil::rt {

struct TypeObject;
class Visitor;

struct Object {
  TypeObject* type;
  uint32_t gc_bits;
  uint32_t aux;
};
static_assert(sizeof(Object) == 16);

// Visits every Value and Object* a heap object holds; each type supplies one (the GC's
// precise tracing of the heap).
using VisitFn = void (*)(Object* self, Visitor& v);

// Receives the references a VisitFn reports.
class Visitor {
 public:
  virtual ~Visitor() = default;
  virtual void visit(Object* o) = 0;
  void visit(Value v) {
    if (v.is_obj()) visit(v.as_obj());
  }
  void visit_range(const Value* begin, const Value* end) {
    for (const Value* p = begin; p != end; ++p) visit(*p);
  }
};

}  // namespace coil::rt
