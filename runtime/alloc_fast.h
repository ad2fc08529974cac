// alloc_fast.h — inline allocation of small fixed-size objects (floats, bound methods, ...)
// for the interpreter's hot paths: the size class is a compile-time constant and the caller
// initialises every field, so the fast path is a free-list pop or a bump with no memset.
//
// Contract (as gc::allocate, docs/GC.md): the caller writes the whole header (type, gc_bits = 0,
// aux) and every field the type's visit reads before its next allocation or GC-observable
// call. Words of the cell past the object's size may hold stale bits; nothing reads them.
// Types with a Python finalizer must not come here (they need allocate_object's registration).
#pragma once

#include "runtime/gc.h"

namespace coil::rt {

// Returns an uninitialised cell for an object of `Bytes` bytes, or nullptr on exhaustion.
// The slow path (collection, page refill, stress mode) returns zeroed memory.
template <size_t Bytes>
inline void* allocate_fixed() noexcept {
  static_assert(Bytes >= sizeof(Object) && Bytes <= gc::kMaxSmallSize);
  constexpr size_t c = gc::detail::kClassOfGranules[(Bytes + gc::kGranule - 1) / gc::kGranule];
  constexpr size_t cs = gc::detail::kClassSize[c];
  gc::detail::AllocState& s = gc::detail::g_alloc;
  gc::detail::ClassCursor& cur = s.cls[c];
  if (s.budget >= 0) [[likely]] {
    if (gc::detail::FreeCell* f = cur.free) {
      cur.free = f->next;
      s.budget -= static_cast<int64_t>(cs);
      return f;
    }
    if (static_cast<size_t>(cur.bump_end - cur.bump) >= cs) {
      void* p = cur.bump;
      cur.bump += cs;
      s.budget -= static_cast<int64_t>(cs);
      return p;
    }
  }
  return gc::detail::allocate_slow(Bytes);
}

// Writes a fresh object header (the cell's gc_bits may still carry the free-list bit).
inline void init_header(Object* o, TypeObject* type) {
  o->type = type;
  o->gc_bits = 0;
  o->aux = 0;
}

}  // namespace coil::rt
