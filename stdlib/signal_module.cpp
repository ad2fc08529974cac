// signal_module.cpp — the `_signal` module: Python signal handlers (run by the main thread at
// its next eval-breaker check, see runtime/signals.cpp), signal masks, alarms and interval
// timers, the wakeup fd, and the SIG* constants.
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/bigint.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/set.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

TypeObject* g_itimer_error = nullptr;

// The SIG* names of Linux, defined once.
struct NamedInt {
  const char* name;
  int value;
};
const NamedInt kConstants[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},     {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},     {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},       {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},     {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},     {"SIGCLD", SIGCHLD},      {"SIGCONT", SIGCONT},
    {"SIGSTOP", SIGSTOP},     {"SIGTSTP", SIGTSTP},     {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},
    {"SIGURG", SIGURG},       {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},     {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},         {"SIGPOLL", SIGPOLL},
    {"SIGPWR", SIGPWR},       {"SIGSYS", SIGSYS},       {"SIG_DFL", 0},           {"SIG_IGN", 1},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
    {"NSIG", kNumSignals},
};

// An int argument as a C int with CPython's messages.
bool int_arg(Value v, int* out) {
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  int64_t n;
  if (!int_to_int64(v, &n) || n > INT32_MAX || n < INT32_MIN) {
    raise_msg(OverflowErrorType, "signal number is greater than maximum");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

bool signum_arg(Value v, int* out) {
  if (!int_arg(v, out)) return false;
  if (*out < 1 || *out >= kNumSignals) {
    raise_msg(ValueErrorType, "signal number out of range");
    return false;
  }
  return true;
}

// The handler getsignal reports for a signal Python has not touched: from the OS disposition.
Value initial_handler(int sig) {
  struct sigaction sa {};
  if (sigaction(sig, nullptr, &sa) != 0) return None;
  if (sa.sa_handler == SIG_DFL) return Value::from_small_int(0);
  if (sa.sa_handler == SIG_IGN) return Value::from_small_int(1);
  return None;
}

Value current_handler(int sig) {
  Value h = python_signal_handler(sig);
  return h.is_empty_slot() ? initial_handler(sig) : h;
}

Value signal_default_int_handler(Value*, int64_t, TupleObject*) {
  ExceptionObject* e = new_exception(KeyboardInterruptType, nullptr);
  if (!e) return Value();
  return raise(Value::from_obj(e));
}

Value signal_signal(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("signal", nargs, kwnames, 2, 2)) return Value();
  int sig;
  if (!int_arg(args[0], &sig)) return Value();
  if (!is_main_thread())
    return raise_msg(ValueErrorType, "signal only works in main thread of the main interpreter");
  if (sig < 1 || sig >= kNumSignals) return raise_msg(ValueErrorType, "signal number out of range");
  Value handler = args[1];
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  bool is_default = false, is_ignore = false;
  if (is_int(handler)) {
    int64_t n;
    if (int_to_int64(handler, &n)) {
      is_default = n == 0;
      is_ignore = n == 1;
    }
  }
  if (!is_default && !is_ignore && !is_callable(handler))
    return raise_msg(TypeErrorType,
                     "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  // Signals that arrived before now are handled first, as in CPython.
  if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  Value old = current_handler(sig);
  bool ok;
  if (is_default || is_ignore) {
    sa.sa_handler = is_default ? SIG_DFL : SIG_IGN;
    ok = sigaction(sig, &sa, nullptr) == 0;
  } else {
    ok = install_signal_trampoline(sig);
  }
  if (!ok) return raise_errno(OSErrorType, errno);
  set_python_signal_handler(sig, handler);
  return old;
}

Value signal_getsignal(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getsignal", nargs, kwnames, 1, 1)) return Value();
  int sig;
  if (!signum_arg(args[0], &sig)) return Value();
  return current_handler(sig);
}

Value signal_raise_signal(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("raise_signal", nargs, kwnames, 1, 1)) return Value();
  int sig;
  if (!int_arg(args[0], &sig)) return Value();
  if (::raise(sig) != 0) return raise_errno(OSErrorType, errno);
  // The handler runs now rather than at the next instruction, as CPython's does.
  if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  return None;
}

Value signal_strsignal(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("strsignal", nargs, kwnames, 1, 1)) return Value();
  int sig;
  if (!signum_arg(args[0], &sig)) return Value();
  const char* s = strsignal(sig);
  if (!s || std::strncmp(s, "Unknown signal", 14) == 0) return None;
  return str_value(s);
}

// A set of ints from a sigset_t.
Value set_of_signals(const sigset_t& set) {
  SetObject* s = new_set(SetType);
  if (!s) return Value();
  for (int sig = 1; sig < kNumSignals; ++sig)
    if (sigismember(&set, sig) == 1 && !set_add_key(s, Value::from_small_int(sig))) return Value();
  return Value::from_obj(s);
}

// A sigset_t from an iterable of signal numbers.
bool signals_from_iterable(Value it, sigset_t* out) {
  sigemptyset(out);
  Value iter = get_iter(it);
  if (iter.is_empty_slot()) return false;
  for (;;) {
    bool done;
    Value v = iter_next(iter, &done);
    if (done) return true;
    if (v.is_empty_slot()) return false;
    int sig;
    if (!int_arg(v, &sig)) return false;
    if (sig < 1 || sig >= kNumSignals) {
      raise_fmt(ValueErrorType, "signal number %d out of range [1; %d]", sig, kNumSignals - 1);
      return false;
    }
    sigaddset(out, sig);
  }
}

Value signal_valid_signals(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("valid_signals", nargs, kwnames, 0, 0)) return Value();
  sigset_t set;
  sigfillset(&set);
  return set_of_signals(set);
}

Value signal_pthread_sigmask(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("pthread_sigmask", nargs, kwnames, 2, 2)) return Value();
  int how;
  if (!int_arg(args[0], &how)) return Value();
  sigset_t set, old;
  if (!signals_from_iterable(args[1], &set)) return Value();
  if (int err = pthread_sigmask(how, &set, &old)) return raise_errno(OSErrorType, err);
  if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  return set_of_signals(old);
}

Value signal_sigpending(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("sigpending", nargs, kwnames, 0, 0)) return Value();
  sigset_t set;
  if (sigpending(&set) != 0) return raise_errno(OSErrorType, errno);
  return set_of_signals(set);
}

Value signal_sigwait(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("sigwait", nargs, kwnames, 1, 1)) return Value();
  sigset_t set;
  if (!signals_from_iterable(args[0], &set)) return Value();
  int sig = 0, err = 0;
  without_gil([&] { err = sigwait(&set, &sig); });
  if (err) return raise_errno(OSErrorType, err);
  return Value::from_small_int(sig);
}

Value signal_pthread_kill(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("pthread_kill", nargs, kwnames, 2, 2)) return Value();
  if (!is_int(args[0]))
    return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  BigInt id = int_to_bigint(args[0]);
  uint64_t tid;
  if (!id.to_uint64(&tid)) return raise_msg(OverflowErrorType, "Python int too large to convert to C unsigned long");
  int sig;
  if (!int_arg(args[1], &sig)) return Value();
  if (int err = pthread_kill(static_cast<pthread_t>(tid), sig)) return raise_errno(OSErrorType, err);
  if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  return None;
}

Value signal_pause(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("pause", nargs, kwnames, 0, 0)) return Value();
  without_gil([] { pause(); });
  if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  return None;
}

Value signal_alarm(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("alarm", nargs, kwnames, 1, 1)) return Value();
  int secs;
  if (!int_arg(args[0], &secs)) return Value();
  return Value::from_small_int(alarm(static_cast<unsigned>(secs)));
}

Value signal_siginterrupt(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("siginterrupt", nargs, kwnames, 2, 2)) return Value();
  int sig, flag;
  if (!signum_arg(args[0], &sig) || !int_arg(args[1], &flag)) return Value();
  // siginterrupt(3), written with sigaction: flag set means no SA_RESTART.
  struct sigaction sa {};
  if (sigaction(sig, nullptr, &sa) != 0) return raise_errno(OSErrorType, errno);
  if (flag) sa.sa_flags &= ~SA_RESTART;
  else sa.sa_flags |= SA_RESTART;
  if (sigaction(sig, &sa, nullptr) != 0) return raise_errno(OSErrorType, errno);
  return None;
}

Value signal_set_wakeup_fd(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value outs[2];
  if (!parse_args("set_wakeup_fd", args, nargs, kwnames, {"fd", "warn_on_full_buffer"}, 1, outs, 1))
    return Value();
  int fd;
  if (!int_arg(outs[0], &fd)) return Value();
  bool warn = true;
  if (!outs[1].is_empty_slot()) {
    int t = is_true(outs[1]);
    if (t < 0) return Value();
    warn = t;
  }
  if (!is_main_thread())
    return raise_msg(ValueErrorType, "set_wakeup_fd only works in main thread of the main interpreter");
  if (fd != -1) {
    struct stat st;
    if (fstat(fd, &st) != 0) return raise_errno(OSErrorType, errno);
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return raise_errno(OSErrorType, errno);
    if (!(flags & O_NONBLOCK)) return raise_fmt(ValueErrorType, "the fd %d must be in non-blocking mode", fd);
  }
  return Value::from_small_int(set_signal_wakeup_fd(fd, warn));
}

double timeval_seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec / 1e6; }

bool seconds_to_timeval(Value v, timeval* out) {
  double d;
  if (!to_double(v, &d)) return false;
  if (d < 0) d = -1;  // setitimer rejects negative values with EINVAL
  double whole = std::floor(d);
  out->tv_sec = static_cast<time_t>(whole);
  out->tv_usec = static_cast<suseconds_t>(std::llround((d - whole) * 1e6));
  if (d > 0 && out->tv_sec == 0 && out->tv_usec == 0) out->tv_usec = 1;  // round tiny values up
  if (out->tv_usec >= 1000000) {
    out->tv_sec += 1;
    out->tv_usec -= 1000000;
  }
  return true;
}

Value itimer_tuple(const itimerval& v) {
  TupleObject* t = tuple_of({float_value(timeval_seconds(v.it_value)), float_value(timeval_seconds(v.it_interval))});
  return t ? Value::from_obj(t) : Value();
}

Value signal_setitimer(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("setitimer", nargs, kwnames, 2, 3)) return Value();
  int which;
  if (!int_arg(args[0], &which)) return Value();
  itimerval nv{}, old{};
  if (!seconds_to_timeval(args[1], &nv.it_value)) return Value();
  if (nargs == 3 && !seconds_to_timeval(args[2], &nv.it_interval)) return Value();
  if (setitimer(static_cast<__itimer_which>(which), &nv, &old) != 0) return raise_errno(g_itimer_error, errno);
  return itimer_tuple(old);
}

Value signal_getitimer(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getitimer", nargs, kwnames, 1, 1)) return Value();
  int which;
  if (!int_arg(args[0], &which)) return Value();
  itimerval cur{};
  if (getitimer(static_cast<__itimer_which>(which), &cur) != 0) return raise_errno(g_itimer_error, errno);
  return itimer_tuple(cur);
}

const NativeFunctionDef kSignalFunctions[] = {
    {"signal", signal_signal},
    {"getsignal", signal_getsignal},
    {"default_int_handler", signal_default_int_handler},
    {"raise_signal", signal_raise_signal},
    {"strsignal", signal_strsignal},
    {"valid_signals", signal_valid_signals},
    {"pthread_sigmask", signal_pthread_sigmask},
    {"pthread_kill", signal_pthread_kill},
    {"sigpending", signal_sigpending},
    {"sigwait", signal_sigwait},
    {"pause", signal_pause},
    {"alarm", signal_alarm},
    {"siginterrupt", signal_siginterrupt},
    {"set_wakeup_fd", signal_set_wakeup_fd},
    {"setitimer", signal_setitimer},
    {"getitimer", signal_getitimer},
};

bool init_signal(ModuleObject* m) {
  for (const NamedInt& c : kConstants)
    if (!module_add(m, c.name, Value::from_small_int(c.value))) return false;
  if (!module_add(m, "SIGRTMIN", Value::from_small_int(SIGRTMIN)) ||
      !module_add(m, "SIGRTMAX", Value::from_small_int(SIGRTMAX)))
    return false;
  if (!g_itimer_error) {
    g_itimer_error = new_exception_class("signal.itimer_error", OSErrorType);
    if (!g_itimer_error) return false;
    add_runtime_root_hook([](Visitor& v) { v.visit(g_itimer_error); });
  }
  if (!module_add(m, "ItimerError", Value::from_obj(g_itimer_error))) return false;
  // SIGINT's start-up handler is the C trampoline, which stands for default_int_handler.
  if (python_signal_handler(SIGINT).is_empty_slot()) {
    struct sigaction sa {};
    sigaction(SIGINT, nullptr, &sa);
    if (sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN) {
      Value h = dict_get_str(m->dict, intern("default_int_handler"));
      if (!h.is_empty_slot()) set_python_signal_handler(SIGINT, h);
    }
  }
  return true;
}

}  // namespace

extern const NativeModuleDef kSignalModule;
const NativeModuleDef kSignalModule = {"_signal", kSignalFunctions, std::size(kSignalFunctions), init_signal};

}  // namespace coil::lib
