// eval_breaker.h — the one word checked on loop back-edges and calls: pending signals
// (Ctrl-C), and later GIL hand-offs and finalizers.
#pragma once

#include <atomic>
#include <cstdint>

namespace coil::rt {

extern std::atomic<uint32_t> g_eval_breaker;

inline bool eval_breaker_set() { return g_eval_breaker.load(std::memory_order_relaxed) != 0; }
// Handles whatever is pending; false with an exception (KeyboardInterrupt) pending.
bool handle_eval_breaker();
// Asks the interpreter to run queued __del__ methods at its next check (called by the GC).
void request_finalizers();
// Installs the SIGINT handler that raises KeyboardInterrupt at the next check.
void install_signal_handlers();

}  // namespace coil::rt
