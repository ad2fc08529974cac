// signals.cpp — the C signal handler records the signal (and writes the wakeup fd); the main
// thread runs the Python handler later, between instructions, where Python code may run.
#include "runtime/signals.h"

#include <atomic>
#include <cerrno>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/frame_object.h"
#include "runtime/int.h"
#include "runtime/roots.h"
#include "runtime/thread.h"

namespace coil::rt {

namespace {

Value g_handlers[kNumSignals];              // reported by visit_signal_roots
std::atomic<bool> g_tripped[kNumSignals];
std::atomic<int> g_wakeup_fd{-1};

void visit_signal_roots(Visitor& v) {
  for (Value& h : g_handlers) v.visit(h);
}

void on_signal(int sig) {
  int saved = errno;
  trip_signal(sig);
  int fd = g_wakeup_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    unsigned char byte = static_cast<unsigned char>(sig);
    [[maybe_unused]] ssize_t n = ::write(fd, &byte, 1);
  }
  errno = saved;
}

// KeyboardInterrupt() without arguments.
void raise_keyboard_interrupt() {
  ExceptionObject* e = new_exception(KeyboardInterruptType, nullptr);
  if (e) raise(Value::from_obj(e));
}

}  // namespace

void trip_signal(int sig) {
  g_tripped[sig].store(true, std::memory_order_relaxed);
  g_eval_breaker.fetch_or(kBreakSignals, std::memory_order_release);
}

void init_signals() {
  add_runtime_root_hook(visit_signal_roots);
  install_signal_trampoline(SIGINT);
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
}

bool install_signal_trampoline(int sig) {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  // No SA_RESTART: blocking calls return EINTR so the handler runs promptly (PEP 475 retries).
  return sigaction(sig, &sa, nullptr) == 0;
}

Value python_signal_handler(int sig) { return g_handlers[sig]; }
void set_python_signal_handler(int sig, Value handler) { g_handlers[sig] = handler; }

int set_signal_wakeup_fd(int fd, bool) { return g_wakeup_fd.exchange(fd); }

bool run_signal_handlers() {
  for (int sig = 1; sig < kNumSignals; ++sig) {
    if (!g_tripped[sig].exchange(false, std::memory_order_acquire)) continue;
    Value h = g_handlers[sig];
    bool ok = true;
    if (h.is_empty_slot()) {
      // `_signal` never imported: the default SIGINT behaviour.
      if (sig == SIGINT) {
        raise_keyboard_interrupt();
        ok = false;
      }
    } else if (!is_int(h) && h != None) {
      Value frame = frame_object_for(thread_state().frame);
      if (frame.is_empty_slot()) return false;
      Value args[2] = {Value::from_small_int(sig), frame};
      ok = !call(h, args, 2).is_empty_slot();
    }
    if (!ok) {
      // The others run at the next check.
      for (int s = sig + 1; s < kNumSignals; ++s)
        if (g_tripped[s].load(std::memory_order_relaxed)) g_eval_breaker.fetch_or(kBreakSignals);
      return false;
    }
  }
  return true;
}

}  // namespace coil::rt
