// gc_stack.h — native stack hygiene for explicit collections: the conservative stack scan keeps
// whatever stale words lie in the frames it scans, so gc.collect() runs its collection in frames
// laid over freshly zeroed stack.
#pragma once

#include <cstddef>

namespace coil::rt::gc {

// Zeroes `bytes` of the native stack below the caller's frame (the room the caller's next
// callees' frames take). Call it right before a non-inlined call that collects.
void clear_stack_below(size_t bytes = 32 * 1024);

}  // namespace coil::rt::gc
