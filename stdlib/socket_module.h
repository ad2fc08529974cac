// socket_module.h — what the `_socket` module's files share: the socket object, socket
// addresses converted both ways, the timeout-aware blocking call loop (PEP 475 retries,
// poll-based waits, TimeoutError), and the module's exception classes.
#pragma once

#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include <cstdint>
#include <string>

#include "runtime/native_module.h"
#include "runtime/typeobject.h"

namespace coil::lib::sock {

// An instance of _socket.socket (and of socket.socket, its Python subclass).
struct SocketObject : rt::Object {
  int fd;          // -1 once closed or detached (or before __init__)
  int family;
  int type;        // without SOCK_NONBLOCK / SOCK_CLOEXEC
  int proto;
  int64_t timeout_ns;  // -1: blocking (None); 0: non-blocking; > 0: timeout
};

// Room for any socket address the module converts.
union SockAddr {
  sockaddr sa;
  sockaddr_in in4;
  sockaddr_in6 in6;
  sockaddr_un un;
  sockaddr_storage storage;
};

extern rt::TypeObject* g_socket_type;
extern rt::TypeObject* g_herror;
extern rt::TypeObject* g_gaierror;
// socket.setdefaulttimeout's value, in nanoseconds (-1: None).
extern int64_t g_default_timeout_ns;

inline SocketObject* as_socket(rt::Value v) { return static_cast<SocketObject*>(v.as_obj()); }

// Converts Python address `addr` for a socket of `family` (bind, connect, sendto); `caller`
// names the method in messages ("connect(): AF_INET address must be tuple, not str").
// False with an exception pending.
bool address_arg(int family, rt::Value addr, const char* caller, SockAddr* out, socklen_t* len);
// The Python form of an address from the OS: (host, port) for AF_INET, (host, port, flowinfo,
// scope_id) for AF_INET6, str or bytes for AF_UNIX, None when empty.
rt::Value make_address(const sockaddr* sa, socklen_t len);
// Resolves `host` (the bytes of an idna-encoded name) into an address of `family` (AF_INET or
// AF_INET6, or AF_UNSPEC: either): "" is the wildcard, "<broadcast>" the broadcast address,
// numbers are parsed, names go through getaddrinfo. False with gaierror/OSError pending.
bool resolve_host(const char* host, int family, SockAddr* out, socklen_t* len);
// A host argument as bytes: str (ascii, or encoded with the idna codec), bytes or bytearray.
// False with TypeError / UnicodeError pending; `fname` names the function in the type error of
// a module function ("gethostbyname() argument 1 must be str, bytes or bytearray, not int").
bool host_arg(rt::Value v, std::string* out, const char* fname = nullptr);
// Raises socket.gaierror for getaddrinfo's error code (OSError for EAI_SYSTEM).
rt::Value raise_gai_error(int code);
// Raises socket.herror for h_errno.
rt::Value raise_h_error(int code);

// The address family sizes: how many bytes of SockAddr accept/recvfrom may fill.
socklen_t address_buffer_len(int family);

// Runs the system call `io` (returning -1 with errno on failure) for `s` with the GIL
// released, the way CPython's sock_call does: with a timeout, waits (poll) until the socket
// is ready first and raises TimeoutError("timed out") when the deadline passes; retries on
// EINTR after running signal handlers; raises OSError otherwise. When `err` is given, an
// OSError (or the timeout) is reported there instead of raised. Returns io's result, or -1.
struct SockCall {
  virtual ssize_t run() = 0;  // no GC objects, no exceptions: runs without the GIL
};
ssize_t sock_call(SocketObject* s, bool writing, SockCall& io, bool connect = false, int* err = nullptr,
                  int64_t timeout_ns = -2);
template <class F>
ssize_t sock_call_fn(SocketObject* s, bool writing, F f, bool connect = false, int* err = nullptr,
                     int64_t timeout_ns = -2) {
  struct Impl : SockCall {
    F* f;
    ssize_t run() override { return (*f)(); }
  } impl;
  impl.f = &f;
  return sock_call(s, writing, impl, connect, err, timeout_ns);
}

// Runs pending signal handlers after EINTR; false when one raised.
bool run_signal_handlers();
// Raises OSError for errno `err` (its PEP 3151 subclass). Returns empty.
rt::Value raise_os(int err);
// Raises TimeoutError("timed out"). Returns empty.
rt::Value raise_timeout();
// Parses a timeout argument (None, int or float seconds) into nanoseconds (-1 for None).
// False with TypeError / ValueError("Timeout value out of range") pending.
bool timeout_arg(rt::Value v, int64_t* out);
// Sets or clears O_NONBLOCK on fd; false with OSError pending.
bool set_blocking_fd(int fd, bool blocking);
// A C int argument through __index__; false with an exception pending.
bool int_arg(rt::Value v, int* out);

// The methods of the socket type, by area (socket_object.cpp, socket_io.cpp).
struct MethodTable {
  const rt::NativeMethodDef* defs;
  size_t count;
};
MethodTable io_methods();
// The module functions of socket_netdb.cpp (name service, inet_*, byte order).
struct FunctionTable {
  const rt::NativeFunctionDef* defs;
  size_t count;
};
FunctionTable netdb_functions();
// Makes the socket type (once); false with an exception pending.
bool init_socket_type();

}  // namespace coil::lib::sock
