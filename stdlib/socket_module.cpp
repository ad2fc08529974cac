// socket_module.cpp — the `_socket` module: its constants, exception classes, default
// timeout, socketpair/dup/close/CMSG_LEN/CMSG_SPACE, and the blocking-call loop every socket
// operation goes through (GIL released, poll-based timeouts, PEP 475 retries on EINTR).
#include "stdlib/socket_module.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <linux/netlink.h>
#include <netpacket/packet.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>

#include "runtime/abstract.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/os_error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::sock {

using namespace coil::rt;

TypeObject* g_herror = nullptr;
TypeObject* g_gaierror = nullptr;
int64_t g_default_timeout_ns = -1;

Value raise_os(int err) { return rt::raise_os_error(err); }

Value raise_timeout() { return raise_msg(TimeoutErrorType, "timed out"); }

bool int_arg(Value v, int* out) {
  if (is_float(v)) {
    raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    return false;
  }
  int64_t n;
  bool overflow = false;
  if (!as_int64(v, &n, &overflow)) return false;
  if (overflow || n > INT_MAX) {
    raise_msg(OverflowErrorType, "signed integer is greater than maximum");
    return false;
  }
  if (n < INT_MIN) {
    raise_msg(OverflowErrorType, "signed integer is less than minimum");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

bool timeout_arg(Value v, int64_t* out) {
  if (v == None) {
    *out = -1;
    return true;
  }
  if (is_float(v)) {
    double d = float_of(v);
    if (std::isnan(d)) {
      raise_msg(ValueErrorType, "Invalid value NaN (not a number)");
      return false;
    }
    double ns = std::ceil(d * 1e9);
    if (!(ns < 9.2e18 && ns > -9.2e18)) {
      raise_msg(OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *out = static_cast<int64_t>(ns);
  } else {
    int64_t secs;
    bool overflow = false;
    if (!as_int64(v, &secs, &overflow)) return false;
    if (overflow || secs > INT64_MAX / 1000000000 || secs < INT64_MIN / 1000000000) {
      raise_msg(OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *out = secs * 1000000000;
  }
  if (*out < 0) {
    raise_msg(ValueErrorType, "Timeout value out of range");
    return false;
  }
  return true;
}

bool set_blocking_fd(int fd, bool blocking) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags >= 0) {
    int want = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    if (want == flags || fcntl(fd, F_SETFL, want) == 0) return true;
  }
  raise_os(errno);
  return false;
}

namespace {

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Waits (GIL released) until fd is readable or writable, at most `ns` nanoseconds (-1:
// forever). 0: ready; 1: timed out; -1: failed with errno.
int wait_ready(int fd, bool writing, bool connect, int64_t ns) {
  if (fd < 0) return 0;  // closed: the call itself reports EBADF
  pollfd p{fd, static_cast<short>(writing ? POLLOUT : POLLIN), 0};
  if (connect) p.events |= POLLERR;
  int ms = -1;
  if (ns >= 0) {
    int64_t m = (ns + 999999) / 1000000;  // round up: never wake before the deadline
    ms = m > INT_MAX ? INT_MAX : static_cast<int>(m);
  }
  int rc = 0, err = 0;
  without_gil([&] {
    rc = ::poll(&p, 1, ms);
    err = errno;
  });
  errno = err;
  if (rc < 0) return -1;
  return rc == 0 ? 1 : 0;
}

}  // namespace

bool run_signal_handlers() { return !eval_breaker_set() || handle_eval_breaker(); }

ssize_t sock_call(SocketObject* s, bool writing, SockCall& io, bool connect, int* err, int64_t timeout_ns) {
  if (timeout_ns == -2) timeout_ns = s->timeout_ns;
  bool has_timeout = timeout_ns > 0;
  int64_t deadline = 0;
  bool deadline_set = false;
  auto fail = [&](int e) -> ssize_t {
    if (err) *err = e;
    else raise_os(e);
    return -1;
  };
  for (;;) {
    // With a timeout (and always after an interrupted connect) wait for readiness first.
    if (has_timeout || connect) {
      int64_t interval = -1;
      if (has_timeout) {
        if (deadline_set) {
          interval = deadline - monotonic_ns();
        } else {
          deadline_set = true;
          deadline = monotonic_ns() + timeout_ns;
          interval = timeout_ns;
        }
      }
      int rc = interval >= 0 || !has_timeout ? wait_ready(s->fd, writing, connect, interval) : 1;
      if (rc == -1) {
        if (errno == EINTR) {
          if (!run_signal_handlers()) {
            if (err) *err = -1;
            return -1;
          }
          continue;
        }
        return fail(errno);
      }
      if (rc == 1) {
        if (err) {
          *err = EWOULDBLOCK;
          return -1;
        }
        raise_timeout();
        return -1;
      }
    }
    for (;;) {
      ssize_t r = 0;
      int e = 0;
      without_gil([&] {
        r = io.run();
        e = errno;
      });
      if (r >= 0) return r;
      if (e == EINTR) {
        if (!run_signal_handlers()) {
          if (err) *err = -1;
          return -1;
        }
        continue;
      }
      if (has_timeout && (e == EWOULDBLOCK || e == EAGAIN)) break;  // wait again
      return fail(e);
    }
  }
}

namespace {

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)
Value sock_socketpair(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("socketpair", kwnames) || !check_positional("socketpair", nargs, 0, 3)) return Value();
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if ((nargs > 0 && !int_arg(args[0], &family)) || (nargs > 1 && !int_arg(args[1], &type)) ||
      (nargs > 2 && !int_arg(args[2], &proto)))
    return Value();
  int fds[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) != 0) return raise_os(errno);
  Value socks[2];
  for (int i = 0; i < 2; ++i) {
    Value a[4] = {Value::from_small_int(family), Value::from_small_int(type), Value::from_small_int(proto),
                  Value::from_small_int(fds[i])};
    socks[i] = call(Value::from_obj(g_socket_type), a, 4);
    if (socks[i].is_empty_slot()) {
      ::close(fds[1]);
      if (i == 0) ::close(fds[0]);
      return Value();
    }
  }
  TupleObject* t = tuple_of({socks[0], socks[1]});
  return t ? Value::from_obj(t) : Value();
}

// dup(fd): a non-inheritable duplicate.
Value sock_dup(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  if (!no_kwargs("dup", kwnames) || !check_positional("dup", nargs, 1, 1) || !int_arg(args[0], &fd)) return Value();
  int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_os(errno);
  return Value::from_small_int(r);
}

// close(fd): ECONNRESET is not an error (the peer's business), as in CPython.
Value sock_close_fd(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  if (!no_kwargs("close", kwnames) || !check_positional("close", nargs, 1, 1) || !int_arg(args[0], &fd)) return Value();
  int r = 0, e = 0;
  without_gil([&] {
    r = ::close(fd);
    e = errno;
  });
  if (r < 0 && e != ECONNRESET) return raise_os(e);
  return None;
}

Value timeout_value(int64_t ns) {
  if (ns < 0) return None;
  if (ns % 1000000000 == 0) return float_value(static_cast<double>(ns / 1000000000));
  return float_value(static_cast<double>(ns) / 1e9);
}

Value sock_getdefaulttimeout(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getdefaulttimeout", nargs, kwnames, 0, 0)) return Value();
  return timeout_value(g_default_timeout_ns);
}

Value sock_setdefaulttimeout(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("setdefaulttimeout", kwnames) || !check_positional("setdefaulttimeout", nargs, 1, 1)) return Value();
  int64_t ns;
  if (!timeout_arg(args[0], &ns)) return Value();
  g_default_timeout_ns = ns;
  return None;
}

// CMSG_LEN(length) / CMSG_SPACE(length): ancillary data item sizes.
Value cmsg_size(Value* args, int64_t nargs, TupleObject* kwnames, const char* name, bool space) {
  if (!no_kwargs(name, kwnames) || !check_positional(name, nargs, 1, 1)) return Value();
  if (is_float(args[0])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  int64_t n;
  bool overflow = false;
  if (!as_int64(args[0], &n, &overflow)) return Value();
  if (!overflow && n < 0) return raise_fmt(OverflowErrorType, "%s() argument out of range", name);
  size_t limit = space ? INT_MAX - CMSG_SPACE(1) : INT_MAX - CMSG_LEN(0);
  if (overflow || static_cast<uint64_t>(n) > limit) return raise_fmt(OverflowErrorType, "%s() argument out of range", name);
  size_t len = static_cast<size_t>(n);
  return int_from_int64(static_cast<int64_t>(space ? CMSG_SPACE(len) : CMSG_LEN(len)));
}
Value sock_cmsg_len(Value* a, int64_t n, TupleObject* k) { return cmsg_size(a, n, k, "CMSG_LEN", false); }
Value sock_cmsg_space(Value* a, int64_t n, TupleObject* k) { return cmsg_size(a, n, k, "CMSG_SPACE", true); }

const NativeFunctionDef kSocketFunctions[] = {
    {"socketpair", sock_socketpair},
    {"dup", sock_dup},
    {"close", sock_close_fd},
    {"getdefaulttimeout", sock_getdefaulttimeout},
    {"setdefaulttimeout", sock_setdefaulttimeout},
    {"CMSG_LEN", sock_cmsg_len},
    {"CMSG_SPACE", sock_cmsg_space},
};

struct NamedInt {
  const char* name;
  int64_t value;
};
const NamedInt kConstants[] = {
#define SOCK_CONST(name) {#name, static_cast<int64_t>(name)},
#include "stdlib/socket_constants.def"
};

bool init_socket_module(ModuleObject* m) {
  if (!init_socket_type()) return false;
  if (!g_herror) {
    g_herror = make_exception_class("socket", "herror", OSErrorType);
    if (!g_herror) return false;
    g_gaierror = make_exception_class("socket", "gaierror", OSErrorType);
    if (!g_gaierror) return false;
  }
  for (const NamedInt& c : kConstants)
    if (!module_add(m, c.name, int_from_int64(c.value))) return false;
  FunctionTable netdb = netdb_functions();
  for (size_t i = 0; i < netdb.count; ++i) {
    NativeFunctionObject* f =
        new_native_function(netdb.defs[i].name, netdb.defs[i].fn, Value(), str_value("_socket"), netdb.defs[i].doc);
    if (!f || !module_add(m, netdb.defs[i].name, Value::from_obj(f))) return false;
  }
  return module_add(m, "socket", Value::from_obj(g_socket_type)) &&
         module_add(m, "SocketType", Value::from_obj(g_socket_type)) &&
         module_add(m, "error", Value::from_obj(OSErrorType)) &&
         module_add(m, "timeout", Value::from_obj(TimeoutErrorType)) &&
         module_add(m, "herror", Value::from_obj(g_herror)) &&
         module_add(m, "gaierror", Value::from_obj(g_gaierror)) && module_add(m, "has_ipv6", True);
}

}  // namespace

extern const NativeModuleDef kSocketModule;
const NativeModuleDef kSocketModule = {"_socket", kSocketFunctions, std::size(kSocketFunctions), init_socket_module};

}  // namespace coil::lib::sock
