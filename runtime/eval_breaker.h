// eval_breaker.h — the one word checked on loop back-edges and calls: pending signals,
// GIL hand-off requests and queued finalizers.
#pragma once

#include <atomic>
#include <cstdint>

namespace coil::rt {

extern std::atomic<uint32_t> g_eval_breaker;

// The bits of g_eval_breaker. Signals are handled by the main thread only.
enum EvalBreakerBit : uint32_t {
  kBreakSignals = 1,
  kBreakFinalizers = 2,
  kBreakGilDrop = 4,
};

inline bool eval_breaker_set() { return g_eval_breaker.load(std::memory_order_relaxed) != 0; }
// Handles whatever is pending; false with an exception (KeyboardInterrupt, or whatever a
// signal handler raised) pending.
bool handle_eval_breaker();
// Asks the interpreter to run queued __del__ methods at its next check (called by the GC).
void request_finalizers();
// A thread waiting for the GIL asks the holder to hand it over.
inline void request_gil_drop() { g_eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_relaxed); }
inline void clear_gil_drop_request() { g_eval_breaker.fetch_and(~uint32_t(kBreakGilDrop), std::memory_order_relaxed); }
// Installs the SIGINT handler that raises KeyboardInterrupt at the next check.
void install_signal_handlers();

}  // namespace coil::rt
