// faulthandler_module.cpp — the `faulthandler` module: Python tracebacks written straight to a
// file descriptor (no allocation, so it also works from a signal handler): dump_traceback(),
// enable()/disable()/is_enabled() for fatal signals (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL),
// and dump_traceback_later()/cancel_dump_traceback_later() with a watchdog thread.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/frame.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

constexpr int kMaxFrames = 100;

void put(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, s, n);
    if (w <= 0) {
      if (w < 0 && errno == EINTR) continue;
      return;
    }
    s += w;
    n -= static_cast<size_t>(w);
  }
}
void put(int fd, const char* s) { put(fd, s, std::strlen(s)); }

void put_hex(int fd, uint64_t v, int width) {
  char buf[17];
  for (int i = width - 1; i >= 0; --i, v >>= 4) buf[i] = "0123456789abcdef"[v & 15];
  put(fd, buf, static_cast<size_t>(width));
}

void put_int(int fd, int64_t v) {
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  put(fd, buf, static_cast<size_t>(n));
}

// Writes UTF-8 text with non-ASCII characters escaped (\xNN, \uNNNN, \UNNNNNNNN), as CPython.
void put_ascii(int fd, const StrObject* s) {
  if (!s) {
    put(fd, "???");
    return;
  }
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      put(fd, p, 1);
      ++p;
      continue;
    }
    uint32_t cp = decode_utf8(p);
    if (cp <= 0xff) {
      put(fd, "\\x");
      put_hex(fd, cp, 2);
    } else if (cp <= 0xffff) {
      put(fd, "\\u");
      put_hex(fd, cp, 4);
    } else {
      put(fd, "\\U");
      put_hex(fd, cp, 8);
    }
  }
}

void dump_frames(int fd, Frame* f) {
  if (!f) {
    put(fd, "  <no Python frame>\n");
    return;
  }
  for (int depth = 0; f; f = f->back, ++depth) {
    if (depth >= kMaxFrames) {
      put(fd, "  ...\n");
      return;
    }
    CodeObject* code = f->code;
    put(fd, "  File \"");
    put_ascii(fd, code ? code->filename : nullptr);
    put(fd, "\", line ");
    put_int(fd, code ? code_line(code, f->pc) : -1);
    put(fd, " in ");
    put_ascii(fd, code ? code->name : nullptr);
    put(fd, "\n");
  }
}

// The pthread id of the thread owning `ts`. Each thread's ThreadState is a static-TLS variable
// of the executable, which glibc places at one fixed offset from the thread pointer (the
// pthread_t) in every thread; the calling thread gives that offset.
uint64_t thread_ident(const ThreadState& ts) {
  auto self = reinterpret_cast<uintptr_t>(pthread_self());
  auto mine = reinterpret_cast<uintptr_t>(&thread_state());
  return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(&ts) + (self - mine));
}

// Writes the current thread's traceback, or every thread's (the current one marked).
void dump_traceback_fd(int fd, bool all_threads, const ThreadState* current) {
  if (!all_threads) {
    put(fd, "Stack (most recent call first):\n");
    dump_frames(fd, current ? current->frame : nullptr);
    return;
  }
  struct Ctx {
    int fd;
    const ThreadState* current;
    bool first;
  } ctx{fd, current, true};
  for_each_thread_state(
      [](ThreadState& ts, void* p) {
        auto* c = static_cast<Ctx*>(p);
        if (!c->first) put(c->fd, "\n");
        c->first = false;
        put(c->fd, &ts == c->current ? "Current thread 0x" : "Thread 0x");
        put_hex(c->fd, thread_ident(ts), 16);
        put(c->fd, " (most recent call first):\n");
        dump_frames(c->fd, ts.frame);
      },
      &ctx);
}

// The fd of a `file` argument (None: sys.stderr; an int; or an object with fileno(), flushed
// first). -1 with an exception pending.
int file_arg(Value file) {
  if (file.is_empty_slot() || file == None) {
    file = dict_get_str(g_sys_module->dict, intern("stderr"));
    if (file.is_empty_slot() || file == None) {
      raise_msg(RuntimeErrorType, "sys.stderr is None");
      return -1;
    }
  }
  int64_t fd;
  bool overflow = false;
  if (is_int(file)) {
    if (!as_int64(file, &fd, &overflow)) return -1;
    if (overflow || fd < 0 || fd > INT_MAX) {
      raise_msg(ValueErrorType, "file is not a valid file descripter");
      return -1;
    }
    return static_cast<int>(fd);
  }
  Value r = call_method(file, intern("fileno"), nullptr, 0);
  if (r.is_empty_slot()) return -1;
  if (!is_int(r)) {
    raise_msg(RuntimeErrorType, "file.fileno() is not a valid file descriptor");
    return -1;
  }
  if (!as_int64(r, &fd, &overflow)) return -1;
  if (overflow || fd < 0 || fd > INT_MAX) {
    raise_msg(RuntimeErrorType, "file.fileno() is not a valid file descriptor");
    return -1;
  }
  if (call_method(file, intern("flush"), nullptr, 0).is_empty_slot()) clear_exception();
  return static_cast<int>(fd);
}

bool bool_arg(Value v, bool dflt, bool* out) {
  if (v.is_empty_slot()) {
    *out = dflt;
    return true;
  }
  int t = is_true(v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

// dump_traceback(file=sys.stderr, all_threads=True)
Value fh_dump_traceback(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("dump_traceback", args, nargs, kwnames, {"file", "all_threads"}, 0, a)) return Value();
  bool all;
  int fd = file_arg(a[0]);
  if (fd < 0 || !bool_arg(a[1], true, &all)) return Value();
  dump_traceback_fd(fd, all, &thread_state());
  return None;
}

// --- fatal signals ---------------------------------------------------------------------------

struct FatalSignal {
  int signum;
  const char* name;
  struct sigaction previous;
};
FatalSignal g_fatal[] = {
    {SIGSEGV, "Segmentation fault", {}}, {SIGFPE, "Floating point exception", {}}, {SIGABRT, "Aborted", {}},
    {SIGBUS, "Bus error", {}},           {SIGILL, "Illegal instruction", {}},
};
bool g_enabled = false;
int g_fatal_fd = 2;
bool g_fatal_all_threads = true;
Value g_fatal_file;  // kept alive so its descriptor stays open (a runtime root)

void fatal_handler(int signum) {
  int saved = errno;
  FatalSignal* which = nullptr;
  for (FatalSignal& f : g_fatal)
    if (f.signum == signum) which = &f;
  if (!which) return;
  // Once: the previous handler takes over and the signal is raised again.
  sigaction(signum, &which->previous, nullptr);
  g_enabled = false;
  put(g_fatal_fd, "Fatal Python error: ");
  put(g_fatal_fd, which->name);
  put(g_fatal_fd, "\n\n");
  dump_traceback_fd(g_fatal_fd, g_fatal_all_threads, &thread_state());
  errno = saved;
  ::raise(signum);
}

void disable_fatal() {
  if (!g_enabled) return;
  g_enabled = false;
  for (FatalSignal& f : g_fatal) sigaction(f.signum, &f.previous, nullptr);
}

// enable(file=sys.stderr, all_threads=True)
Value fh_enable(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("enable", args, nargs, kwnames, {"file", "all_threads"}, 0, a)) return Value();
  bool all;
  int fd = file_arg(a[0]);
  if (fd < 0 || !bool_arg(a[1], true, &all)) return Value();
  g_fatal_file = a[0].is_empty_slot() ? None : a[0];
  g_fatal_fd = fd;
  g_fatal_all_threads = all;
  if (!g_enabled) {
    for (FatalSignal& f : g_fatal) {
      struct sigaction sa {};
      sa.sa_handler = fatal_handler;
      sigemptyset(&sa.sa_mask);
      sa.sa_flags = SA_NODEFER | SA_ONSTACK;
      if (sigaction(f.signum, &sa, &f.previous) != 0) return raise_errno(OSErrorType, errno);
    }
    g_enabled = true;
  }
  return None;
}

Value fh_disable(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("disable", nargs, kwnames, 0, 0)) return Value();
  bool was = g_enabled;
  disable_fatal();
  g_fatal_file = Value();
  return bool_value(was);
}

Value fh_is_enabled(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("is_enabled", nargs, kwnames, 0, 0)) return Value();
  return bool_value(g_enabled);
}

// --- dump_traceback_later: a watchdog thread ---------------------------------------------------

struct Watchdog {
  std::mutex mu;
  std::condition_variable cv;
  std::thread thread;
  bool cancel = false;
  bool running = false;
};
Watchdog* g_watchdog = nullptr;
Value g_later_file;

void cancel_watchdog() {
  if (!g_watchdog || !g_watchdog->running) return;
  {
    std::lock_guard<std::mutex> lock(g_watchdog->mu);
    g_watchdog->cancel = true;
  }
  g_watchdog->cv.notify_all();
  g_watchdog->thread.join();
  g_watchdog->running = false;
  g_later_file = Value();
}

// dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False): after `timeout`
// seconds (again every `timeout` with repeat) writes every thread's traceback; with exit, the
// process then exits with status 1.
Value fh_dump_later(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("dump_traceback_later", args, nargs, kwnames, {"timeout", "repeat", "file", "exit"}, 1, a))
    return Value();
  double timeout;
  if (!to_double(a[0], &timeout)) return Value();
  if (!(timeout > 0)) return raise_msg(ValueErrorType, "timeout must be greater than 0");
  if (timeout * 1e6 > static_cast<double>(INT64_MAX)) return raise_msg(OverflowErrorType, "timeout value is too large");
  bool repeat, exit_after;
  if (!bool_arg(a[1], false, &repeat)) return Value();
  int fd = file_arg(a[2]);
  if (fd < 0 || !bool_arg(a[3], false, &exit_after)) return Value();
  cancel_watchdog();
  if (!g_watchdog) g_watchdog = new Watchdog();
  g_later_file = a[2].is_empty_slot() ? None : a[2];
  g_watchdog->cancel = false;
  g_watchdog->running = true;
  auto period = std::chrono::microseconds(static_cast<int64_t>(timeout * 1e6));
  char header[64];
  int64_t us = static_cast<int64_t>(timeout * 1e6);
  int64_t secs = us / 1000000, frac = us % 1000000;
  int len = frac ? std::snprintf(header, sizeof header, "Timeout (%lld:%02lld:%02lld.%06lld)!\n",
                                 static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                                 static_cast<long long>(secs % 60), static_cast<long long>(frac))
                 : std::snprintf(header, sizeof header, "Timeout (%lld:%02lld:%02lld)!\n",
                                 static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                                 static_cast<long long>(secs % 60));
  std::string head(header, static_cast<size_t>(len));
  g_watchdog->thread = std::thread([period, repeat, fd, exit_after, head] {
    Watchdog* w = g_watchdog;
    std::unique_lock<std::mutex> lock(w->mu);
    do {
      if (w->cv.wait_for(lock, period, [w] { return w->cancel; })) return;
      // Reads the other threads' frames without the GIL, as CPython does: best effort.
      put(fd, head.data(), head.size());
      dump_traceback_fd(fd, true, nullptr);
      if (exit_after) _exit(1);
    } while (repeat);
  });
  return None;
}

Value fh_cancel_later(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("cancel_dump_traceback_later", nargs, kwnames, 0, 0)) return Value();
  cancel_watchdog();
  return None;
}

const NativeFunctionDef kFaulthandlerFunctions[] = {
    {"dump_traceback", fh_dump_traceback},
    {"enable", fh_enable},
    {"disable", fh_disable},
    {"is_enabled", fh_is_enabled},
    {"dump_traceback_later", fh_dump_later},
    {"cancel_dump_traceback_later", fh_cancel_later},
};

bool init_faulthandler(ModuleObject*) {
  static bool rooted = false;
  if (!rooted) {
    rooted = true;
    add_runtime_root_hook([](Visitor& v) {
      v.visit(g_fatal_file);
      v.visit(g_later_file);
    });
  }
  return true;
}

}  // namespace

extern const NativeModuleDef kFaulthandlerModule;
const NativeModuleDef kFaulthandlerModule = {"faulthandler", kFaulthandlerFunctions, std::size(kFaulthandlerFunctions),
                                             init_faulthandler};

}  // namespace coil::lib
