// thread.h — per-thread interpreter state: the pending exception, the handled exception
// stack (sys.exc_info), the current frame and the recursion depth.
#pragma once

#include <cstdint>

#include "runtime/value.h"

namespace coil::rt {

struct Frame;

struct ThreadState {
  Value pending;               // exception being raised (empty: none)
  Value handled;               // exception being handled (sys.exc_info()[1]); empty: none
  Frame* frame = nullptr;      // innermost Python frame
  int depth = 0;               // Python call depth (RecursionError past the limit)
  int recursion_limit = 1000;
  int native_depth = 0;        // nested native re-entries (repr of deep containers, ...)
  const char* stack_limit = nullptr;  // lowest safe native stack address (RecursionError below)
};

// The current thread's state: a constinit thread_local, so access needs no init guard.
extern constinit thread_local ThreadState g_thread_state;
inline ThreadState& thread_state() { return g_thread_state; }

// Enters a nested call; false (RecursionError raised) past the limit. Pair with leave_call.
bool enter_call(const char* where);
// Records the native stack bounds of the calling thread (for the stack guard of enter_call).
void init_stack_guard();
inline void leave_call() { --thread_state().depth; }

}  // namespace coil::rt
