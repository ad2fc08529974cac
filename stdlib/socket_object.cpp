// socket_object.cpp — the _socket.socket type: creation (__new__/__init__, adopting an fd),
// close/detach/fileno, bind/listen/_accept/connect/connect_ex/shutdown, socket options,
// blocking mode and timeouts, local and peer names, and the family/type/proto/timeout
// attributes. Sending and receiving are in socket_io.cpp.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/buffer.h"
#include "stdlib/native_type_util.h"
#include "stdlib/socket_module.h"

namespace coil::lib::sock {

using namespace coil::rt;

TypeObject* g_socket_type = nullptr;

namespace {

SocketObject* S(Value v) { return as_socket(v); }

// Gives `s` its descriptor and mode: the default timeout applies unless SOCK_NONBLOCK was asked.
bool init_socket(SocketObject* s, int fd, int family, int type, int proto) {
  s->fd = fd;
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (type & SOCK_NONBLOCK) {
    s->timeout_ns = 0;
    return true;
  }
  s->timeout_ns = g_default_timeout_ns;
  return g_default_timeout_ns < 0 || set_blocking_fd(fd, false);
}

Value socket_new(Value* args, int64_t nargs, TupleObject*) {
  TypeObject* cls = check_new_cls(g_socket_type, args, nargs);
  if (!cls) return Value();
  auto* s = static_cast<SocketObject*>(new_instance(cls));
  if (!s) return Value();
  s->fd = -1;
  s->timeout_ns = -1;
  return Value::from_obj(s);
}

// Reads one of the kernel's int options of fd for adopting it; false with OSError pending.
bool sockopt_int(int fd, int opt, int* out) {
  socklen_t len = sizeof *out;
  if (getsockopt(fd, SOL_SOCKET, opt, out, &len) == 0) return true;
  raise_os(errno);
  return false;
}

// socket.__init__(self, family=-1, type=-1, proto=-1, fileno=None)
Value socket_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("socket", args + 1, nargs - 1, kwnames, {"family", "type", "proto", "fileno"}, 0, a)) return Value();
  int family = -1, type = -1, proto = -1;
  if ((!a[0].is_empty_slot() && !int_arg(a[0], &family)) || (!a[1].is_empty_slot() && !int_arg(a[1], &type)) ||
      (!a[2].is_empty_slot() && !int_arg(a[2], &proto)))
    return Value();
  int fd;
  if (!a[3].is_empty_slot() && a[3] != None) {
    if (is_float(a[3])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    int64_t n;
    bool overflow = false;
    if (!as_int64(a[3], &n, &overflow)) return Value();
    if (!overflow && n < 0) return raise_msg(ValueErrorType, "negative file descriptor");
    if (overflow || n > INT_MAX) return raise_msg(OverflowErrorType, "signed integer is greater than maximum");
    fd = static_cast<int>(n);
    if (family == -1) {
      SockAddr addr;
      socklen_t len = sizeof addr;
      std::memset(&addr, 0, sizeof addr);
      if (getsockname(fd, &addr.sa, &len) != 0) return raise_os(errno);
      family = addr.sa.sa_family;
    }
    if (type == -1 && !sockopt_int(fd, SO_TYPE, &type)) return Value();
    if (proto == -1 && !sockopt_int(fd, SO_PROTOCOL, &proto)) return Value();
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    int e = 0;
    without_gil([&] {
      fd = ::socket(family, type | SOCK_CLOEXEC, proto);
      e = errno;
    });
    if (fd < 0) return raise_os(e);
  }
  if (!init_socket(S(args[0]), fd, family, type, proto)) {
    ::close(fd);
    S(args[0])->fd = -1;
    return Value();
  }
  return None;
}

void finalize_socket(Object* o) {
  auto* s = static_cast<SocketObject*>(o);
  if (s->fd >= 0) ::close(s->fd);
  s->fd = -1;
}

Value socket_repr(Value* args, int64_t, TupleObject*) {
  SocketObject* s = S(args[0]);
  char buf[128];
  std::snprintf(buf, sizeof buf, "<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family, s->type,
                s->proto);
  return str_value(buf);
}

Value socket_close(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("close", nargs - 1, kwnames, 0, 0)) return Value();
  SocketObject* s = S(args[0]);
  int fd = s->fd;
  if (fd < 0) return None;
  s->fd = -1;
  int r = 0, e = 0;
  without_gil([&] {
    r = ::close(fd);
    e = errno;
  });
  // ECONNRESET: the peer reset the connection; the descriptor is released all the same.
  if (r < 0 && e != ECONNRESET) return raise_os(e);
  return None;
}

Value socket_detach(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("detach", nargs - 1, kwnames, 0, 0)) return Value();
  int fd = S(args[0])->fd;
  S(args[0])->fd = -1;
  return Value::from_small_int(fd);
}

Value socket_fileno(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("fileno", nargs - 1, kwnames, 0, 0)) return Value();
  return Value::from_small_int(S(args[0])->fd);
}

Value socket_bind(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("bind", nargs - 1, kwnames, 1, 1)) return Value();
  SocketObject* s = S(args[0]);
  SockAddr addr;
  socklen_t len;
  if (!address_arg(s->family, args[1], "bind", &addr, &len)) return Value();
  int fd = s->fd, r = 0, e = 0;
  without_gil([&] {
    r = ::bind(fd, &addr.sa, len);
    e = errno;
  });
  if (r != 0) return raise_os(e);
  return None;
}

Value socket_listen(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("listen", nargs - 1, kwnames, 0, 1)) return Value();
  int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (nargs > 1 && !int_arg(args[1], &backlog)) return Value();
  if (backlog < 0) backlog = 0;  // the kernel would take it as a huge number
  int fd = S(args[0])->fd, r = 0, e = 0;
  without_gil([&] {
    r = ::listen(fd, backlog);
    e = errno;
  });
  if (r != 0) return raise_os(e);
  return None;
}

// _accept() -> (fd, address): the new descriptor is non-inheritable.
Value socket_accept(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_accept", nargs - 1, kwnames, 0, 0)) return Value();
  SocketObject* s = S(args[0]);
  SockAddr addr;
  std::memset(&addr, 0, sizeof addr);
  socklen_t len = address_buffer_len(s->family);
  ssize_t fd = sock_call_fn(s, false, [&]() -> ssize_t {
    len = address_buffer_len(s->family);
    return ::accept4(s->fd, &addr.sa, &len, SOCK_CLOEXEC);
  });
  if (fd < 0) return Value();
  Value a = make_address(&addr.sa, len);
  if (a.is_empty_slot()) {
    ::close(static_cast<int>(fd));
    return Value();
  }
  TupleObject* t = tuple_of({Value::from_small_int(fd), a});
  return t ? Value::from_obj(t) : Value();
}

// Connects as CPython's internal_connect: an interrupted or in-progress connect is finished by
// waiting for writability and reading SO_ERROR. Returns 0, an errno value (raise_errors false),
// or -1 with an exception pending.
int do_connect(SocketObject* s, Value address, bool raise_errors, const char* caller) {
  SockAddr addr;
  socklen_t len;
  if (!address_arg(s->family, address, caller, &addr, &len)) return -1;
  int fd = s->fd, r = 0, e = 0;
  without_gil([&] {
    r = ::connect(fd, &addr.sa, len);
    e = errno;
  });
  if (r == 0) return 0;
  bool wait;
  if (e == EINTR) {
    if (!run_signal_handlers()) return -1;
    wait = s->timeout_ns != 0;
  } else {
    wait = s->timeout_ns > 0 && e == EINPROGRESS;
  }
  if (!wait) {
    if (raise_errors) {
      raise_os(e);
      return -1;
    }
    return e;
  }
  auto finish = [s]() -> ssize_t {
    int soerr = 0;
    socklen_t n = sizeof soerr;
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &n) < 0) return -1;
    if (soerr == EISCONN || soerr == 0) return 0;
    errno = soerr;
    return -1;
  };
  int err = 0;
  if (sock_call_fn(s, true, finish, true, raise_errors ? nullptr : &err) < 0) {
    if (raise_errors || err == -1) return -1;
    return err;
  }
  return 0;
}

Value socket_connect(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("connect", nargs - 1, kwnames, 1, 1)) return Value();
  if (do_connect(S(args[0]), args[1], true, "connect") != 0) return Value();
  return None;
}

Value socket_connect_ex(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("connect_ex", nargs - 1, kwnames, 1, 1)) return Value();
  int r = do_connect(S(args[0]), args[1], false, "connect_ex");
  if (r < 0) return Value();
  return Value::from_small_int(r);
}

Value socket_shutdown(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("shutdown", nargs - 1, kwnames, 1, 1)) return Value();
  int how;
  if (!int_arg(args[1], &how)) return Value();
  int fd = S(args[0])->fd, r = 0, e = 0;
  without_gil([&] {
    r = ::shutdown(fd, how);
    e = errno;
  });
  if (r != 0) return raise_os(e);
  return None;
}

// setsockopt(level, option, value: int | buffer) or setsockopt(level, option, None, optlen)
Value socket_setsockopt(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("setsockopt", nargs - 1, kwnames, 3, 4)) return Value();
  int level, opt;
  if (!int_arg(args[1], &level) || !int_arg(args[2], &opt)) return Value();
  int fd = S(args[0])->fd, r;
  if (nargs == 5) {
    if (args[3] != None) return raise_msg(TypeErrorType, "setsockopt() takes exactly 3 arguments (4 given)");
    int64_t optlen;
    bool overflow = false;
    if (!as_int64(args[4], &optlen, &overflow)) return Value();
    if (overflow || optlen < 0 || optlen > UINT_MAX)
      return raise_msg(OverflowErrorType, "Python int too large to convert to C unsigned long");
    r = ::setsockopt(fd, level, opt, nullptr, static_cast<socklen_t>(optlen));
  } else if (is_int(args[3])) {
    int flag;
    if (!int_arg(args[3], &flag)) return Value();
    r = ::setsockopt(fd, level, opt, &flag, sizeof flag);
  } else {
    ByteBuffer buf;
    if (!require_buffer(args[3], &buf)) return Value();
    r = ::setsockopt(fd, level, opt, buf.data.data(), static_cast<socklen_t>(buf.data.size()));
  }
  if (r != 0) return raise_os(errno);
  return None;
}

// getsockopt(level, option[, buflen]): an int, or buflen bytes of the raw value.
Value socket_getsockopt(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getsockopt", nargs - 1, kwnames, 2, 3)) return Value();
  int level, opt, buflen = 0;
  if (!int_arg(args[1], &level) || !int_arg(args[2], &opt) || (nargs == 4 && !int_arg(args[3], &buflen)))
    return Value();
  int fd = S(args[0])->fd;
  if (buflen == 0) {
    int flag = 0;
    socklen_t len = sizeof flag;
    if (::getsockopt(fd, level, opt, &flag, &len) != 0) return raise_os(errno);
    return Value::from_small_int(flag);
  }
  if (buflen < 0 || buflen > 1024) return raise_msg(OSErrorType, "getsockopt buflen out of range");
  char buf[1024];
  socklen_t len = static_cast<socklen_t>(buflen);
  if (::getsockopt(fd, level, opt, buf, &len) != 0) return raise_os(errno);
  return bytes_value(std::string_view(buf, len));
}

Value socket_setblocking(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("setblocking", nargs - 1, kwnames, 1, 1)) return Value();
  if (is_float(args[1])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  Value i = index(args[1]);
  if (i.is_empty_slot()) return Value();
  bool block = !int_is_zero(i);
  SocketObject* s = S(args[0]);
  s->timeout_ns = block ? -1 : 0;
  if (!set_blocking_fd(s->fd, block)) return Value();
  return None;
}

Value socket_getblocking(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getblocking", nargs - 1, kwnames, 0, 0)) return Value();
  return bool_value(S(args[0])->timeout_ns != 0);
}

Value socket_settimeout(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("settimeout", nargs - 1, kwnames, 1, 1)) return Value();
  int64_t ns;
  if (!timeout_arg(args[1], &ns)) return Value();
  SocketObject* s = S(args[0]);
  s->timeout_ns = ns;
  if (!set_blocking_fd(s->fd, ns < 0)) return Value();
  return None;
}

Value timeout_of(SocketObject* s) {
  int64_t ns = s->timeout_ns;
  if (ns < 0) return None;
  if (ns % 1000000000 == 0) return float_value(static_cast<double>(ns / 1000000000));
  return float_value(static_cast<double>(ns) / 1e9);
}

Value socket_gettimeout(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("gettimeout", nargs - 1, kwnames, 0, 0)) return Value();
  return timeout_of(S(args[0]));
}

Value sock_name(Value self, bool peer) {
  SockAddr addr;
  std::memset(&addr, 0, sizeof addr);
  socklen_t len = address_buffer_len(S(self)->family);
  int r = peer ? getpeername(S(self)->fd, &addr.sa, &len) : getsockname(S(self)->fd, &addr.sa, &len);
  if (r != 0) return raise_os(errno);
  return make_address(&addr.sa, len);
}

Value socket_getsockname(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getsockname", nargs - 1, kwnames, 0, 0)) return Value();
  return sock_name(args[0], false);
}

Value socket_getpeername(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getpeername", nargs - 1, kwnames, 0, 0)) return Value();
  return sock_name(args[0], true);
}

Value get_family(Value self) { return Value::from_small_int(S(self)->family); }
Value get_type(Value self) { return Value::from_small_int(S(self)->type); }
Value get_proto(Value self) { return Value::from_small_int(S(self)->proto); }
Value get_timeout(Value self) { return timeout_of(S(self)); }

const NativeMethodDef kSocketMethods[] = {
    {"__new__", socket_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", socket_init},
    {"__repr__", socket_repr},
    {"close", socket_close},
    {"detach", socket_detach},
    {"fileno", socket_fileno},
    {"bind", socket_bind},
    {"listen", socket_listen},
    {"_accept", socket_accept},
    {"connect", socket_connect},
    {"connect_ex", socket_connect_ex},
    {"shutdown", socket_shutdown},
    {"setsockopt", socket_setsockopt},
    {"getsockopt", socket_getsockopt},
    {"setblocking", socket_setblocking},
    {"getblocking", socket_getblocking},
    {"settimeout", socket_settimeout},
    {"gettimeout", socket_gettimeout},
    {"getsockname", socket_getsockname},
    {"getpeername", socket_getpeername},
};

const NativeGetSetDef kSocketGetSets[] = {
    {"family", get_family, nullptr, "the socket family"},
    {"type", get_type, nullptr, "the socket type"},
    {"proto", get_proto, nullptr, "the socket protocol"},
    {"timeout", get_timeout, nullptr, "the socket timeout"},
};

}  // namespace

bool init_socket_type() {
  if (g_socket_type) return true;
  g_socket_type = make_native_type("_socket.socket", sizeof(SocketObject), nullptr, true);
  g_socket_type->finalize = finalize_socket;
  add_methods(g_socket_type, kSocketMethods);
  MethodTable io = io_methods();
  add_methods(g_socket_type, io.defs, io.count);
  add_getsets(g_socket_type, kSocketGetSets);
  register_weakrefable_type(g_socket_type);
  return true;
}

}  // namespace coil::lib::sock
