// thread_state.cpp — the registry of per-thread interpreter states, read by the collector to
// report every thread's exception state and data stack.
#include "runtime/thread.h"

#include "runtime/builtin_types.h"
#include <pthread.h>

namespace coil::rt {

void release_data_stack(ThreadState& ts);  // interpreter.cpp

namespace {
// Changed and walked only with the GIL held.
ThreadState* g_thread_states = nullptr;
}  // namespace

Value topmost_handled(const ThreadState& ts) {
  Value h = ts.handled;
  for (const ExcStackItem* i = ts.exc_outer; (h.is_empty_slot() || h == None) && i; i = i->previous) h = i->value;
  return h.is_empty_slot() || h == None ? Value() : h;
}

void register_thread_state() {
  ThreadState& ts = thread_state();
  if (ts.registered) return;
  ts.is_main = g_thread_states == nullptr;
  ts.thread_id = static_cast<uint64_t>(pthread_self());
  ts.registered = true;
  ts.next_thread = g_thread_states;
  g_thread_states = &ts;
}

void unregister_thread_state() {
  ThreadState& ts = thread_state();
  if (!ts.registered) return;
  for (ThreadState** link = &g_thread_states; *link; link = &(*link)->next_thread) {
    if (*link == &ts) {
      *link = ts.next_thread;
      break;
    }
  }
  ts.registered = false;
  ts.pending = Value();
  ts.handled = Value();
  ts.exc_outer = nullptr;
  ts.context = Value();
  ts.trace_func = Value();
  ts.profile_func = Value();
  ts.use_tracing = false;
  ts.frame = nullptr;
  release_data_stack(ts);
}

void for_each_thread_state(void (*fn)(ThreadState&, void*), void* ctx) {
  for (ThreadState* ts = g_thread_states; ts; ts = ts->next_thread) fn(*ts, ctx);
}

}  // namespace coil::rt
