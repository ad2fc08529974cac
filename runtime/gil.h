// gil.h — the global interpreter lock: one thread at a time runs Python code or touches GC
// objects. A thread that waits longer than the switch interval asks the holder (through the
// eval breaker) to hand the GIL over; blocking natives release it with without_gil.
#pragma once

#include <atomic>
#include <type_traits>

namespace coil::rt {

// Takes the GIL for the calling thread (the main thread at start-up; a new thread first thing).
// The caller must hold no GC references the collector cannot see: it is not parked.
void gil_acquire();
void gil_release();
// Hands the GIL to a thread waiting for it and takes it back after (the eval breaker's GIL
// drop request). Parks the calling thread while it waits.
void gil_yield();

// In the child of fork(): only the calling thread survives, and it holds the GIL; the lock's
// state (possibly mid-use by a thread that no longer exists) is rebuilt.
void gil_after_fork_child();

// Has a second thread ever been started? Until then releasing the GIL is skipped.
extern std::atomic<bool> g_threads_started;
inline bool threads_started() { return g_threads_started.load(std::memory_order_relaxed); }
void note_thread_started();

// sys.setswitchinterval / getswitchinterval, in seconds.
double switch_interval();
void set_switch_interval(double seconds);

namespace detail {
void call_without_gil(void (*fn)(void*), void* arg);
}

// Runs f() with the GIL released and the thread parked (its registers spilled in a frame that
// stays alive while f runs, so a collection on another thread scans them). f must not touch GC
// objects, raise, or run Python code: copy what it needs into C++ locals first. This is a call
// rather than a scope guard because the spill frame must enclose the blocking call.
template <class F>
void without_gil(F&& f) {
  if (!threads_started()) {
    f();
    return;
  }
  using Fn = std::remove_reference_t<F>;
  detail::call_without_gil([](void* p) { (*static_cast<Fn*>(p))(); }, static_cast<void*>(&f));
}

}  // namespace coil::rt
