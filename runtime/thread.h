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

// A saved level of the handled-exception stack (CPython's _PyErr_StackItem chain): while a
// generator runs, `handled` is the generator's own, and its resumer's waits in one of these,
// on the C++ stack of the resume (so the conservative stack scan keeps it alive).
struct ExcStackItem {
  Value value;
  ExcStackItem* previous;
};

struct ThreadState {
  Value pending;               // exception being raised (empty: none)
  Value handled;               // exception handled at the innermost level (empty: none)
  ExcStackItem* exc_outer = nullptr;  // the levels of the generators' resumers, innermost first
  Frame* frame = nullptr;      // innermost Python frame
  Value context;               // the current contextvars.Context (empty: none made yet)
  Value trace_func;            // sys.settrace's function (empty: none); runtime/trace.h
  Value profile_func;          // sys.setprofile's function (empty: none)
  int tracing = 0;             // > 0 while a trace or profile function runs (no events then)
  bool use_tracing = false;    // a trace or profile function is set: the dispatch loop traces
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

// The exception being handled as sys.exc_info() and context chaining see it: the innermost
// level's, or the first one set further out (empty: none).
Value topmost_handled(const ThreadState& ts);

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
