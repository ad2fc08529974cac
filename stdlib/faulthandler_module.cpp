// faulthandler_module.cpp — the faulthandler module: on a fatal signal (SIGSEGV, SIGFPE, SIGABRT,
// SIGBUS, SIGILL) write "Fatal Python error: ..." and the Python tracebacks of the threads, then
// let the previous handler kill the process; dump tracebacks on demand, after a timeout (a
// watchdog thread), or on a user signal.
//
// The handlers and the watchdog run without the GIL and may interrupt anything, so they only
// read thread states and frames in place and write with write(2) (faulthandler_dump.cpp), as
// CPython's do. The file objects passed in are kept alive here so their descriptors stay open.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "stdlib/faulthandler_dump.h"
#include "stdlib/faulthandler_module.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// The fatal signals, with the names CPython prints for them.
struct FatalSignal {
  int signum;
  const char* name;
  struct sigaction previous;
};
FatalSignal g_fatal_signals[] = {
    {SIGBUS, "Bus error", {}},
    {SIGILL, "Illegal instruction", {}},
    {SIGFPE, "Floating point exception", {}},
    {SIGABRT, "Aborted", {}},
    {SIGSEGV, "Segmentation fault", {}},
};

struct FatalState {
  bool enabled = false;
  int fd = 2;
  bool all_threads = true;
  Value file;  // kept alive (rooted) so that fd stays open
} g_fatal;

struct UserSignal {
  bool enabled = false;
  int fd = 2;
  bool all_threads = true;
  bool chain = false;
  Value file;
  struct sigaction previous;
};
UserSignal g_user[kNumSignals];

// dump_traceback_later's watchdog. Its thread is detached: it never touches GC state, and a
// pending one is cancelled at exit (faulthandler_fini).
struct Watchdog {
  std::mutex mu;
  std::condition_variable cv;
  bool cancel = false;
  bool running = false;
  int fd = 2;
  int64_t timeout_us = 0;
  bool repeat = false;
  bool exit = false;
  char header[64] = {};
  Value file;
};
Watchdog* g_watchdog = new Watchdog();  // never destroyed: the thread may outlive static destructors

// An alternate signal stack, so a stack overflow's SIGSEGV can still be reported.
void ensure_alt_stack() {
  static bool done = false;
  if (done) return;
  done = true;
  stack_t ss{};
  ss.ss_size = SIGSTKSZ * 2 + 64 * 1024;
  ss.ss_sp = std::malloc(ss.ss_size);
  if (ss.ss_sp && sigaltstack(&ss, nullptr) != 0) {
    std::free(ss.ss_sp);
  }
}

void dump_for_signal(int fd, bool all_threads) {
  static volatile sig_atomic_t reentrant = 0;
  if (reentrant) return;
  reentrant = 1;
  // A synchronous fault is delivered to the thread that caused it: its own state (thread-local,
  // readable without the GIL) is the current one.
  const ThreadState& ts = thread_state();
  if (all_threads) dump_all_thread_tracebacks(fd, &ts);
  else if (ts.registered) dump_thread_traceback(fd, ts, true);
  reentrant = 0;
}

void restore_fatal_handler(FatalSignal& s) { sigaction(s.signum, &s.previous, nullptr); }

void fatal_handler(int signum) {
  int saved_errno = errno;
  if (!g_fatal.enabled) return;
  FatalSignal* sig = nullptr;
  for (FatalSignal& s : g_fatal_signals)
    if (s.signum == signum) sig = &s;
  if (!sig) return;
  // Back to the previous handler first: re-raising below must not come back here.
  restore_fatal_handler(*sig);
  fault_puts(g_fatal.fd, "Fatal Python error: ");
  fault_puts(g_fatal.fd, sig->name);
  fault_puts(g_fatal.fd, "\n\n");
  dump_for_signal(g_fatal.fd, g_fatal.all_threads);
  errno = saved_errno;
  // The faulting instruction runs again on return for SIGSEGV/SIGBUS/SIGILL/SIGFPE; raise()
  // covers the others (SIGABRT from abort()).
  ::raise(signum);
}

bool install_fatal_handlers() {
  if (g_fatal.enabled) return true;
  ensure_alt_stack();
  g_fatal.enabled = true;
  for (FatalSignal& s : g_fatal_signals) {
    struct sigaction action{};
    action.sa_handler = fatal_handler;
    sigemptyset(&action.sa_mask);
    // SA_NODEFER: a fault inside the handler reaches the previous handler at once.
    action.sa_flags = SA_NODEFER | SA_ONSTACK;
    if (sigaction(s.signum, &action, &s.previous) != 0) {
      int err = errno;
      for (FatalSignal& undo : g_fatal_signals) {
        if (&undo == &s) break;
        restore_fatal_handler(undo);
      }
      g_fatal.enabled = false;
      raise_errno(OSErrorType, err);
      return false;
    }
  }
  return true;
}

void remove_fatal_handlers() {
  if (!g_fatal.enabled) return;
  g_fatal.enabled = false;
  for (FatalSignal& s : g_fatal_signals) restore_fatal_handler(s);
}

void user_handler(int signum) {
  int saved_errno = errno;
  if (signum <= 0 || signum >= kNumSignals) return;
  UserSignal& u = g_user[signum];
  if (!u.enabled) return;
  dump_for_signal(u.fd, u.all_threads);
  if (u.chain) {
    // Run the previous handler too, then take the signal back.
    struct sigaction mine;
    sigaction(signum, &u.previous, &mine);
    errno = saved_errno;
    ::raise(signum);
    saved_errno = errno;
    sigaction(signum, &mine, nullptr);
  }
  errno = saved_errno;
}

// The descriptor behind `file` (None: sys.stderr), flushing a file object first; -1 with an
// exception pending. *keep receives the object to keep alive (empty for a plain fd).
int file_descriptor(Value file, Value* keep) {
  *keep = Value();
  if (file.is_empty_slot() || file == None) {
    file = sys_attr("stderr");
    if (file.is_empty_slot()) {
      clear_exception();
      raise_msg(RuntimeErrorType, "unable to get sys.stderr");
      return -1;
    }
    if (file == None) {
      raise_msg(RuntimeErrorType, "sys.stderr is None");
      return -1;
    }
  } else if (is_int(file)) {
    int64_t fd;
    if (!int_to_int64(file, &fd)) return -1;
    if (fd < 0 || fd > INT32_MAX) {
      if (fd > INT32_MAX) raise_msg(OverflowErrorType, "signed integer is greater than maximum");
      else raise_msg(ValueErrorType, "file is not a valid file descripter");  // sic, CPython 3.11's message
      return -1;
    }
    return static_cast<int>(fd);
  }
  Value r = call_method(file, intern("fileno"), nullptr, 0);
  if (r.is_empty_slot()) return -1;
  int64_t fd = -1;
  if (is_int(r) && !int_to_int64(r, &fd)) clear_exception();
  if (fd < 0 || fd > INT32_MAX) {
    raise_msg(RuntimeErrorType, "file.fileno() is not a valid file descriptor");
    return -1;
  }
  if (call_method(file, intern("flush"), nullptr, 0).is_empty_slot()) clear_exception();  // as CPython: ignored
  *keep = file;
  return static_cast<int>(fd);
}

// The truth of an optional boolean argument (empty: the default).
int flag_arg(Value v, bool dflt) { return v.is_empty_slot() ? dflt : is_true(v); }

Value fh_enable(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("enable", args, nargs, kwnames, {"file", "all_threads"}, 0, a)) return Value();
  Value keep;
  int fd = file_descriptor(a[0], &keep);
  if (fd < 0) return Value();
  int all = flag_arg(a[1], true);
  if (all < 0) return Value();
  g_fatal.file = keep;
  g_fatal.fd = fd;
  g_fatal.all_threads = all;
  return install_fatal_handlers() ? None : Value();
}

Value fh_disable(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("disable", nargs, kwnames, 0, 0)) return Value();
  if (!g_fatal.enabled) return False;
  remove_fatal_handlers();
  g_fatal.file = Value();
  return True;
}

Value fh_is_enabled(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("is_enabled", nargs, kwnames, 0, 0)) return Value();
  return bool_value(g_fatal.enabled);
}

Value fh_dump_traceback(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("dump_traceback", args, nargs, kwnames, {"file", "all_threads"}, 0, a)) return Value();
  Value keep;
  int fd = file_descriptor(a[0], &keep);
  if (fd < 0) return Value();
  int all = flag_arg(a[1], true);
  if (all < 0) return Value();
  if (all) dump_all_thread_tracebacks(fd, &thread_state());
  else dump_thread_traceback(fd, thread_state(), true);
  if (is_main_thread() && !run_signal_handlers()) return Value();
  return None;
}

void watchdog_main() {
  Watchdog& w = *g_watchdog;
  std::unique_lock<std::mutex> lock(w.mu);
  while (true) {
    bool cancelled = w.cv.wait_for(lock, std::chrono::microseconds(w.timeout_us), [&] { return w.cancel; });
    if (cancelled) break;
    fault_puts(w.fd, w.header);
    // No thread is "current" for the watchdog; the others are read without the GIL, as CPython does.
    dump_all_thread_tracebacks(w.fd, nullptr);
    if (w.exit) _exit(1);
    if (!w.repeat) break;
  }
  w.running = false;
  w.cv.notify_all();
}

// Stops a pending watchdog and waits until its thread is done with the file.
void cancel_watchdog() {
  Watchdog& w = *g_watchdog;
  std::unique_lock<std::mutex> lock(w.mu);
  if (!w.running) return;
  w.cancel = true;
  w.cv.notify_all();
  w.cv.wait(lock, [&] { return !w.running; });
}

// Microseconds of a timeout in seconds (int or float), rounded up as CPython's _PyTime_ROUND_TIMEOUT.
bool timeout_microseconds(Value v, int64_t* out) {
  double secs;
  if (is_int(v)) {
    int64_t i;
    if (!int_to_int64(v, &i) || i > INT64_MAX / 1000000 || i < INT64_MIN / 1000000) {
      clear_exception();
      raise_msg(OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *out = i * 1000000;
    return true;
  }
  if (!is_float(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  secs = float_of(v);
  if (std::isnan(secs)) {
    raise_msg(ValueErrorType, "Invalid value NaN (not a number)");
    return false;
  }
  double us = std::ceil(secs * 1e6);
  if (!(us < 9.2e18 && us > -9.2e18)) {
    raise_msg(OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  *out = static_cast<int64_t>(us);
  return true;
}

Value fh_dump_traceback_later(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("dump_traceback_later", args, nargs, kwnames, {"timeout", "repeat", "file", "exit"}, 1, a))
    return Value();
  int64_t us;
  if (!timeout_microseconds(a[0], &us)) return Value();
  if (us <= 0) return raise_msg(ValueErrorType, "timeout must be greater than 0");
  // CPython's limit: the timeout must fit a lock wait (PY_TIMEOUT_MAX microseconds).
  if (us >= INT64_MAX / 1000) return raise_msg(OverflowErrorType, "timeout value is too large");
  int repeat = flag_arg(a[1], false);
  if (repeat < 0) return Value();
  int exit_after = flag_arg(a[3], false);
  if (exit_after < 0) return Value();
  Value keep;
  int fd = file_descriptor(a[2], &keep);
  if (fd < 0) return Value();
  cancel_watchdog();
  Watchdog& w = *g_watchdog;
  {
    std::lock_guard<std::mutex> lock(w.mu);
    w.cancel = false;
    w.running = true;
    w.fd = fd;
    w.file = keep;
    w.timeout_us = us;
    w.repeat = repeat;
    w.exit = exit_after;
    format_timeout_header(us, w.header, sizeof w.header);
  }
  try {
    std::thread(watchdog_main).detach();
  } catch (const std::system_error&) {
    std::lock_guard<std::mutex> lock(w.mu);
    w.running = false;
    w.file = Value();
    return raise_msg(RuntimeErrorType, "unable to start watchdog thread");
  }
  return None;
}

Value fh_cancel_dump_traceback_later(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("cancel_dump_traceback_later", nargs, kwnames, 0, 0)) return Value();
  without_gil([] { cancel_watchdog(); });
  g_watchdog->file = Value();
  return None;
}

// The signal number argument of register/unregister, with CPython's checks.
bool check_signum(int64_t signum) {
  for (const FatalSignal& s : g_fatal_signals)
    if (s.signum == signum) {
      raise_fmt(RuntimeErrorType, "signal %d cannot be registered, use enable() instead", static_cast<int>(signum));
      return false;
    }
  if (signum < 1 || signum >= kNumSignals) {
    raise_msg(ValueErrorType, "signal number out of range");
    return false;
  }
  return true;
}

bool signum_arg(Value v, int64_t* out) {
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  if (!int_to_int64(v, out) || *out > INT32_MAX || *out < INT32_MIN) {
    clear_exception();
    raise_msg(OverflowErrorType, *out < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  return true;
}

Value fh_register(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("register", args, nargs, kwnames, {"signum", "file", "all_threads", "chain"}, 1, a)) return Value();
  int64_t signum;
  if (!signum_arg(a[0], &signum) || !check_signum(signum)) return Value();
  Value keep;
  int fd = file_descriptor(a[1], &keep);
  if (fd < 0) return Value();
  int all = flag_arg(a[2], true);
  if (all < 0) return Value();
  int chain = flag_arg(a[3], false);
  if (chain < 0) return Value();
  UserSignal& u = g_user[signum];
  if (!u.enabled) {
    ensure_alt_stack();
    struct sigaction action{};
    action.sa_handler = user_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_ONSTACK | (chain ? SA_NODEFER : 0);
    if (sigaction(static_cast<int>(signum), &action, &u.previous) != 0) return raise_errno(OSErrorType, errno);
  }
  u.file = keep;
  u.fd = fd;
  u.all_threads = all;
  u.chain = chain;
  u.enabled = true;
  return None;
}

Value fh_unregister(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("unregister", nargs, kwnames, 1, 1)) return Value();
  int64_t signum;
  if (!signum_arg(args[0], &signum) || !check_signum(signum)) return Value();
  UserSignal& u = g_user[signum];
  bool change = u.enabled;
  if (u.enabled) {
    u.enabled = false;
    sigaction(static_cast<int>(signum), &u.previous, nullptr);
  }
  u.file = Value();
  return bool_value(change);
}

// Test helpers of CPython's test_faulthandler: each really faults, to exercise the handlers.
Value fh_sigsegv(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_sigsegv", nargs, kwnames, 0, 1)) return Value();
  int release = nargs ? is_true(args[0]) : 0;
  if (release < 0) return Value();
  if (release) without_gil([] { ::raise(SIGSEGV); });
  else ::raise(SIGSEGV);
  return None;
}

Value fh_sigabrt(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_sigabrt", nargs, kwnames, 0, 0)) return Value();
  std::abort();
}

Value fh_sigfpe(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_sigfpe", nargs, kwnames, 0, 0)) return Value();
  ::raise(SIGFPE);
  return None;
}

Value fh_read_null(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_read_null", nargs, kwnames, 0, 0)) return Value();
  volatile int* null = nullptr;
  return int_from_int64(*null);
}

const NativeFunctionDef kFaulthandlerFunctions[] = {
    {"enable", fh_enable},
    {"disable", fh_disable},
    {"is_enabled", fh_is_enabled},
    {"dump_traceback", fh_dump_traceback},
    {"dump_traceback_later", fh_dump_traceback_later},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later},
    {"register", fh_register},
    {"unregister", fh_unregister},
    {"_sigsegv", fh_sigsegv},
    {"_sigabrt", fh_sigabrt},
    {"_sigfpe", fh_sigfpe},
    {"_read_null", fh_read_null},
};

bool init_faulthandler(ModuleObject*) {
  static bool rooted = false;
  if (!rooted) {
    rooted = true;
    add_runtime_root_hook([](Visitor& v) {
      v.visit(g_fatal.file);
      v.visit(g_watchdog->file);
      for (UserSignal& u : g_user) v.visit(u.file);
    });
  }
  return true;
}

}  // namespace

// Interpreter exit: no watchdog may dump while the runtime is torn down, and the signal handlers
// go back to what they were.
void faulthandler_fini() {
  cancel_watchdog();
  for (int s = 1; s < kNumSignals; ++s)
    if (g_user[s].enabled) {
      g_user[s].enabled = false;
      sigaction(s, &g_user[s].previous, nullptr);
    }
  remove_fatal_handlers();
}

extern const NativeModuleDef kFaulthandlerModule;
const NativeModuleDef kFaulthandlerModule = {"faulthandler", kFaulthandlerFunctions, std::size(kFaulthandlerFunctions),
                                             init_faulthandler};

}  // namespace coil::lib
