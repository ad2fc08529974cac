// eval_breaker.cpp — what the interpreter does when the eval breaker is set: hand the GIL to a
// waiting thread, run queued finalizers, and (main thread only) run signal handlers.
#include "runtime/eval_breaker.h"

#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/thread.h"

namespace coil::rt {

std::atomic<uint32_t> g_eval_breaker{0};

void request_finalizers() { g_eval_breaker.fetch_or(kBreakFinalizers, std::memory_order_relaxed); }

bool handle_eval_breaker() {
  uint32_t bits = g_eval_breaker.load(std::memory_order_relaxed);
  if (bits & kBreakGilDrop) gil_yield();
  if (bits & kBreakFinalizers) {
    g_eval_breaker.fetch_and(~uint32_t(kBreakFinalizers), std::memory_order_relaxed);
    gc::run_pending_finalizers();
  }
  // Python signal handlers run in the main thread only, as in CPython; other threads leave the
  // bit set for it.
  if ((bits & kBreakSignals) && is_main_thread()) {
    g_eval_breaker.fetch_and(~uint32_t(kBreakSignals), std::memory_order_relaxed);
    if (!run_signal_handlers()) return false;
  }
  return true;
}

void install_signal_handlers() { init_signals(); }

}  // namespace coil::rt
