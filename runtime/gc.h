// gc.h — TEMPORARY allocator interface until the tracing collector lands (branch `gc`).
// Memory is never freed here; the real collector replaces this file and gc_stub.cpp.
#pragma once

#include <cstddef>

namespace coil::rt::gc {

// Returns zeroed, 16-byte-aligned memory of at least `bytes`, or nullptr when out of memory.
void* allocate(size_t bytes);

}  // namespace coil::rt::gc
