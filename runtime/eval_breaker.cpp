// eval_breaker.cpp — signal delivery through the eval breaker: the handler only sets a
// flag; the interpreter raises KeyboardInterrupt at its next check.
#include "runtime/eval_breaker.h"

#include <csignal>

#include "runtime/exceptions.h"
#include "runtime/gc.h"

namespace coil::rt {

std::atomic<uint32_t> g_eval_breaker{0};

namespace {
constexpr uint32_t kSigint = 1, kFinalizers = 2;
volatile std::sig_atomic_t g_sigint = 0;

void on_sigint(int) {
  g_sigint = 1;
  g_eval_breaker.fetch_or(kSigint, std::memory_order_relaxed);
}
}  // namespace

void request_finalizers() { g_eval_breaker.fetch_or(kFinalizers, std::memory_order_relaxed); }

bool handle_eval_breaker() {
  uint32_t bits = g_eval_breaker.exchange(0);
  if (bits & kFinalizers) gc::run_pending_finalizers();
  if ((bits & kSigint) && g_sigint) {
    g_sigint = 0;
    raise_msg(KeyboardInterruptType, "");
    // KeyboardInterrupt() has no args: replace the message-carrying instance.
    take_exception();
    ExceptionObject* e = new_exception(KeyboardInterruptType, nullptr);
    if (e) raise(Value::from_obj(e));
    return false;
  }
  return true;
}

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  // As CPython: a closed pipe or an oversized file is an OSError from write(), not a signal.
  signal(SIGPIPE, SIG_IGN);
  signal(SIGXFSZ, SIG_IGN);
}

}  // namespace coil::rt
