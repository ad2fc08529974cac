// gil.cpp — the GIL: a mutex-guarded flag with two condition variables (waiters for the GIL,
// and the dropping holder waiting to see another thread take it).
//
// Hand-off: a waiter that times out after the switch interval without seeing any switch sets
// the eval breaker's GIL-drop bit; the holder, at its next check, releases the GIL and waits
// until a waiter has taken it (forced switching, so the same thread cannot grab it back at
// once), then queues for it again. Waiting for the GIL always happens parked, so a collection
// by the holder can scan the waiting thread's stack.
#include "runtime/gil.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "runtime/eval_breaker.h"
#include "runtime/gc.h"

namespace coil::rt {

std::atomic<bool> g_threads_started{false};

namespace {

struct Gil {
  std::mutex mu;
  std::condition_variable free_cv;      // signalled when the GIL is released
  std::condition_variable switched_cv;  // signalled when a thread takes the GIL
  bool locked = false;
  uint64_t switches = 0;                // number of acquisitions so far
  int waiting = 0;
};

// Never destroyed: daemon threads may still wait on it while the process exits.
Gil* g_gil = new Gil();
Gil& gil() { return *g_gil; }

std::atomic<int64_t> g_interval_us{5000};

// Waits (lock held) until the GIL is free and takes it.
void take_locked(Gil& g, std::unique_lock<std::mutex>& lk) {
  if (g.locked) {
    ++g.waiting;
    while (g.locked) {
      uint64_t seen = g.switches;
      auto wait = std::chrono::microseconds(std::max<int64_t>(1, g_interval_us.load(std::memory_order_relaxed)));
      if (g.free_cv.wait_for(lk, wait) == std::cv_status::timeout && g.locked && g.switches == seen)
        request_gil_drop();
    }
    --g.waiting;
  }
  g.locked = true;
  ++g.switches;
  g.switched_cv.notify_all();
}

}  // namespace

void gil_after_fork_child() {
  // The old lock may be held by a thread that does not exist here: leak it, start afresh.
  g_gil = new Gil();
  g_gil->locked = true;
  g_gil->switches = 1;
  clear_gil_drop_request();
}

void note_thread_started() { g_threads_started.store(true, std::memory_order_relaxed); }

void gil_acquire() {
  Gil& g = gil();
  std::unique_lock<std::mutex> lk(g.mu);
  take_locked(g, lk);
}

void gil_release() {
  Gil& g = gil();
  {
    std::lock_guard<std::mutex> lk(g.mu);
    g.locked = false;
  }
  g.free_cv.notify_one();
}

void gil_yield() {
  gc::call_parked([] {
    Gil& g = gil();
    std::unique_lock<std::mutex> lk(g.mu);
    clear_gil_drop_request();
    if (g.waiting == 0) return;
    uint64_t before = g.switches;
    g.locked = false;
    g.free_cv.notify_one();
    while (g.switches == before) g.switched_cv.wait(lk);
    take_locked(g, lk);
  });
}

// Microseconds times 1e-6, as CPython computes it (0.0001 reads back as 9.999999999999999e-05).
double switch_interval() { return 1e-6 * static_cast<double>(g_interval_us.load()); }

void set_switch_interval(double seconds) {
  int64_t us = static_cast<int64_t>(seconds * 1e6);
  g_interval_us.store(us < 0 ? 0 : us);
}

namespace detail {

void call_without_gil(void (*fn)(void*), void* arg) {
  struct Call {
    void (*fn)(void*);
    void* arg;
  } call{fn, arg};
  gc::call_parked(
      [](void* p) {
        auto* c = static_cast<Call*>(p);
        gil_release();
        c->fn(c->arg);
        gil_acquire();
      },
      &call);
}

}  // namespace detail

}  // namespace coil::rt
