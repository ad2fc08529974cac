// thread.h — per-thread interpreter state: the pending exception, the handled exception
// stack (sys.exc_info), the current frame, the recursion depth and the frames' data stack.
// Every thread that runs Python code has one; all of them are linked in a registry (changed
// and read only with the GIL held) so a collection can report each thread's roots.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/value.h"

namespace coil::rt {

struct Frame;

struct ThreadState {
  Value pending;               // exception being raised (empty: none)
  Value handled;               // exception being handled (sys.exc_info()[1]); empty: none
  Frame* frame = nullptr;      // innermost Python frame
  Value context;               // the current contextvars.Context (empty: none made yet)
  int depth = 0;               // Python call depth (RecursionError past the limit)
  int recursion_limit = 1000;
  int native_depth = 0;        // nested native re-entries (repr of deep containers, ...)
  const char* stack_limit = nullptr;  // lowest safe native stack address (RecursionError below)
  char* data_stack_base = nullptr;    // this thread's frame stack (mmap'd on first use)
  char** data_stack_top = nullptr;    // the thread's TLS top-of-stack variable (interpreter.cpp)
  size_t data_stack_bytes = 0;
  ThreadState* next_thread = nullptr;  // registry link (GIL held)
  uint64_t thread_id = 0;      // threading.get_ident() of the thread (pthread_self), for dumps
  bool registered = false;
  bool is_main = false;
};

// The current thread's state: a constinit thread_local, so access needs no init guard.
extern constinit thread_local ThreadState g_thread_state;
inline ThreadState& thread_state() { return g_thread_state; }

// Enters a nested call; false (RecursionError raised) past the limit. Pair with leave_call.
bool enter_call(const char* where);
// Records the native stack bounds of the calling thread (for the stack guard of enter_call).
void init_stack_guard();
inline void leave_call() { --thread_state().depth; }

// Adds the calling thread's state to the registry (GIL held); the first caller is the main thread.
void register_thread_state();
// Removes it and frees its data stack (GIL held; the thread runs no more Python code).
void unregister_thread_state();
// Calls fn for every registered thread state (GIL held).
void for_each_thread_state(void (*fn)(ThreadState&, void*), void* ctx);
// Is the calling thread the main thread (the one that initialised the runtime)?
inline bool is_main_thread() { return thread_state().is_main; }

}  // namespace coil::rt
