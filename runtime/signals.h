// signals.h — Python-level signal handling: the handler table of the `_signal` module, the C
// handler that only records a signal and sets the eval breaker, and running the Python
// handlers in the main thread at its next eval-breaker check.
#pragma once

#include <csignal>

#include "runtime/value.h"

namespace coil::rt {

constexpr int kNumSignals = NSIG;

// Installs the start-up dispositions: SIGINT raises KeyboardInterrupt; SIGPIPE and SIGXFSZ are
// ignored (write errors become exceptions), as in CPython.
void init_signals();
// Runs the Python handlers of the signals that arrived; false with their exception pending.
bool run_signal_handlers();

// The Python-level handler of `sig`: a callable, or the int SIG_DFL / SIG_IGN, or None when it
// was installed outside Python; empty until the `_signal` module first looks.
Value python_signal_handler(int sig);
// Records `handler` for sig (no OS call).
void set_python_signal_handler(int sig, Value handler);
// Installs the C trampoline for sig (a Python callable handles it); false with errno set.
bool install_signal_trampoline(int sig);
// The fd written a byte on each signal (-1: none); returns the previous one.
int set_signal_wakeup_fd(int fd, bool warn_on_full_buffer);
// Simulates the arrival of sig (for _thread.interrupt_main and signal trampolines).
void trip_signal(int sig);

}  // namespace coil::rt
