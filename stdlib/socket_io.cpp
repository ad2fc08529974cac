// socket_io.cpp — sending and receiving on _socket.socket: send/sendall/sendto,
// recv/recvfrom/recv_into/recvfrom_into, and sendmsg/recvmsg with ancillary data. Data
// crosses the GIL-free system call in C++ buffers, never in GC memory another thread could
// resize meanwhile.
#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/buffer.h"
#include "stdlib/native_type_util.h"
#include "stdlib/socket_module.h"

namespace coil::lib::sock {

using namespace coil::rt;

namespace {

SocketObject* S(Value v) { return as_socket(v); }

// A size argument (bufsize, nbytes) through __index__; false with an exception pending.
bool size_arg(Value v, int64_t* out) {
  if (is_float(v)) {
    raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    return false;
  }
  bool overflow = false;
  if (!as_int64(v, out, &overflow)) return false;
  if (overflow) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

// The bytes to send, copied unless immutable (another thread may resize a bytearray while the
// GIL is released).
bool send_data(Value v, std::string* copy, std::string_view* out) {
  ByteBuffer buf;
  if (!require_buffer(v, &buf)) return false;
  if (is_exact(v, BytesType)) {
    *out = buf.data;
  } else {
    copy->assign(buf.data);
    *out = *copy;
  }
  return true;
}

// Writes `data` into writable buffer object `target` (its bytes re-fetched under the GIL).
bool store_into(Value target, std::string_view data) {
  ByteBuffer buf;
  if (data.empty()) return true;
  if (!get_buffer(target, &buf) || !buf.writable || buf.data.size() < data.size()) {
    raise_msg(ValueErrorType, "buffer changed size during the operation");
    return false;
  }
  std::memcpy(buf.writable, data.data(), data.size());
  return true;
}

// A writable buffer argument, with CPython's message for read-only ones.
bool writable_arg(Value v, const char* fname, ByteBuffer* out) {
  if (get_buffer(v, out) && (out->writable || is_bytearray(v))) return true;  // an empty bytearray has no storage
  if (has_pending_exception()) return false;
  raise_fmt(TypeErrorType, "%s() argument 1 must be read-write bytes-like object, not %s", fname, type_name(v));
  return false;
}

ssize_t recv_raw(SocketObject* s, char* buf, size_t n, int flags) {
  return sock_call_fn(s, false, [&]() -> ssize_t { return ::recv(s->fd, buf, n, flags); });
}

ssize_t recvfrom_raw(SocketObject* s, char* buf, size_t n, int flags, SockAddr* addr, socklen_t* len) {
  std::memset(addr, 0, sizeof *addr);
  return sock_call_fn(s, false, [&]() -> ssize_t {
    *len = address_buffer_len(s->family);
    return ::recvfrom(s->fd, buf, n, flags, &addr->sa, len);
  });
}

// recv(bufsize[, flags])
Value socket_recv(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("recv", nargs - 1, kwnames, 1, 2)) return Value();
  int64_t n;
  int flags = 0;
  if (!size_arg(args[1], &n) || (nargs > 2 && !int_arg(args[2], &flags))) return Value();
  if (n < 0) return raise_msg(ValueErrorType, "negative buffersize in recv");
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t got = recv_raw(S(args[0]), buf.data(), buf.size(), flags);
  if (got < 0) return Value();
  buf.resize(static_cast<size_t>(got));
  return bytes_value(buf);
}

// recv_into(buffer, nbytes=0, flags=0)
Value socket_recv_into(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("recv_into", args + 1, nargs - 1, kwnames, {"buffer", "nbytes", "flags"}, 1, a)) return Value();
  ByteBuffer target;
  int64_t n = 0;
  int flags = 0;
  if (!writable_arg(a[0], "recv_into", &target) || (!a[1].is_empty_slot() && !size_arg(a[1], &n)) ||
      (!a[2].is_empty_slot() && !int_arg(a[2], &flags)))
    return Value();
  if (n < 0) return raise_msg(ValueErrorType, "negative buffersize in recv_into");
  int64_t size = static_cast<int64_t>(target.data.size());
  if (n == 0) n = size;
  if (size < n) return raise_msg(ValueErrorType, "buffer too small for requested bytes");
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t got = recv_raw(S(args[0]), buf.data(), buf.size(), flags);
  if (got < 0 || !store_into(a[0], std::string_view(buf.data(), static_cast<size_t>(got)))) return Value();
  return int_from_int64(got);
}

// recvfrom(bufsize[, flags]) -> (data, address)
Value socket_recvfrom(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("recvfrom", nargs - 1, kwnames, 1, 2)) return Value();
  int64_t n;
  int flags = 0;
  if (!size_arg(args[1], &n) || (nargs > 2 && !int_arg(args[2], &flags))) return Value();
  if (n < 0) return raise_msg(ValueErrorType, "negative buffersize in recvfrom");
  std::string buf(static_cast<size_t>(n), '\0');
  SockAddr addr;
  socklen_t len = 0;
  ssize_t got = recvfrom_raw(S(args[0]), buf.data(), buf.size(), flags, &addr, &len);
  if (got < 0) return Value();
  buf.resize(static_cast<size_t>(got));
  Value data = bytes_value(buf);
  if (data.is_empty_slot()) return data;
  Value address = make_address(&addr.sa, len);
  if (address.is_empty_slot()) return address;
  TupleObject* t = tuple_of({data, address});
  return t ? Value::from_obj(t) : Value();
}

// recvfrom_into(buffer, nbytes=0, flags=0) -> (nbytes, address)
Value socket_recvfrom_into(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("recvfrom_into", args + 1, nargs - 1, kwnames, {"buffer", "nbytes", "flags"}, 1, a)) return Value();
  ByteBuffer target;
  int64_t n = 0;
  int flags = 0;
  if (!writable_arg(a[0], "recvfrom_into", &target) || (!a[1].is_empty_slot() && !size_arg(a[1], &n)) ||
      (!a[2].is_empty_slot() && !int_arg(a[2], &flags)))
    return Value();
  if (n < 0) return raise_msg(ValueErrorType, "negative buffersize in recvfrom_into");
  int64_t size = static_cast<int64_t>(target.data.size());
  if (n == 0) n = size;
  else if (n > size) return raise_msg(ValueErrorType, "nbytes is greater than the length of the buffer");
  std::string buf(static_cast<size_t>(n), '\0');
  SockAddr addr;
  socklen_t len = 0;
  ssize_t got = recvfrom_raw(S(args[0]), buf.data(), buf.size(), flags, &addr, &len);
  if (got < 0 || !store_into(a[0], std::string_view(buf.data(), static_cast<size_t>(got)))) return Value();
  Value address = make_address(&addr.sa, len);
  if (address.is_empty_slot()) return address;
  TupleObject* t = tuple_of({int_from_int64(got), address});
  return t ? Value::from_obj(t) : Value();
}

// send(data[, flags]) -> bytes sent
Value socket_send(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("send", nargs - 1, kwnames, 1, 2)) return Value();
  std::string copy;
  std::string_view data;
  int flags = 0;
  if (!send_data(args[1], &copy, &data) || (nargs > 2 && !int_arg(args[2], &flags))) return Value();
  SocketObject* s = S(args[0]);
  ssize_t n = sock_call_fn(s, true, [&]() -> ssize_t { return ::send(s->fd, data.data(), data.size(), flags); });
  if (n < 0) return Value();
  return int_from_int64(n);
}

int64_t now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// sendall(data[, flags]): sends everything; the timeout bounds the whole operation and signal
// handlers run between partial sends.
Value socket_sendall(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("sendall", nargs - 1, kwnames, 1, 2)) return Value();
  std::string copy;
  std::string_view data;
  int flags = 0;
  if (!send_data(args[1], &copy, &data) || (nargs > 2 && !int_arg(args[2], &flags))) return Value();
  SocketObject* s = S(args[0]);
  bool has_timeout = s->timeout_ns > 0;
  int64_t deadline = has_timeout ? now_ns() + s->timeout_ns : 0;
  int64_t timeout = s->timeout_ns;
  bool first = true;
  while (!data.empty() || first) {
    if (has_timeout && !first) {
      timeout = deadline - now_ns();
      if (timeout <= 0) return raise_timeout();
    }
    first = false;
    ssize_t n = sock_call_fn(
        s, true, [&]() -> ssize_t { return ::send(s->fd, data.data(), data.size(), flags); }, false, nullptr,
        timeout);
    if (n < 0) return Value();
    data.remove_prefix(static_cast<size_t>(n));
    if (!run_signal_handlers()) return Value();
  }
  return None;
}

// sendto(data[, flags], address)
Value socket_sendto(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("sendto", kwnames)) return Value();
  if (nargs != 3 && nargs != 4)
    return raise_fmt(TypeErrorType, "sendto() takes 2 or 3 arguments (%lld given)", static_cast<long long>(nargs - 1));
  std::string copy;
  std::string_view data;
  int flags = 0;
  if (!send_data(args[1], &copy, &data) || (nargs == 4 && !int_arg(args[2], &flags))) return Value();
  SocketObject* s = S(args[0]);
  SockAddr addr;
  socklen_t len;
  if (!address_arg(s->family, args[nargs - 1], "sendto", &addr, &len)) return Value();
  ssize_t n = sock_call_fn(
      s, true, [&]() -> ssize_t { return ::sendto(s->fd, data.data(), data.size(), flags, &addr.sa, len); });
  if (n < 0) return Value();
  return int_from_int64(n);
}

// The items of an iterable in a list (a GC object: items a generator makes stay reachable).
ListObject* items_of(Value iterable, const char* msg) {
  Value it = get_iter(iterable);
  if (it.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      raise_msg(TypeErrorType, msg);
    }
    return nullptr;
  }
  ListObject* out = new_list(0);
  if (!out) return nullptr;
  for (;;) {
    bool done;
    Value v = iter_next(it, &done);
    if (done) return out;
    if (v.is_empty_slot() || !list_append(out, v)) return nullptr;
  }
}

// sendmsg(buffers[, ancdata[, flags[, address]]]) -> bytes sent
Value socket_sendmsg(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("sendmsg", nargs - 1, kwnames, 1, 4)) return Value();
  SocketObject* s = S(args[0]);
  ListObject* bufs = items_of(args[1], "sendmsg() argument 1 must be an iterable");
  if (!bufs) return Value();
  ListObject* anc = nargs > 2 ? items_of(args[2], "sendmsg() argument 2 must be an iterable") : new_list(0);
  if (!anc) return Value();
  int flags = 0;
  if (nargs > 3 && !int_arg(args[3], &flags)) return Value();
  SockAddr addr;
  socklen_t addrlen = 0;
  if (nargs > 4 && args[4] != None && !address_arg(s->family, args[4], "sendmsg", &addr, &addrlen)) return Value();
  size_t nbufs = static_cast<size_t>(bufs->size), nanc = static_cast<size_t>(anc->size);
  std::vector<std::string> data(nbufs);
  std::vector<iovec> iov(nbufs);
  for (size_t i = 0; i < nbufs; ++i) {
    ByteBuffer b;
    Value item = bufs->items()[i];
    if (!get_buffer(item, &b))
      return raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(item));
    data[i].assign(b.data);
    iov[i].iov_base = data[i].data();
    iov[i].iov_len = data[i].size();
  }
  // Ancillary items (level, type, data) laid out as consecutive cmsghdrs.
  std::vector<std::string> anc_data(nanc);
  std::vector<int> levels(nanc), types(nanc);
  size_t space = 0;
  for (size_t i = 0; i < nanc; ++i) {
    Value item = anc->items()[i];
    if (!is_tuple(item) || as_tuple(item)->size != 3)
      return raise_msg(TypeErrorType, "[sendmsg() ancillary data items]() argument must be sequence of length 3");
    TupleObject* t = as_tuple(item);
    ByteBuffer b;
    if (!int_arg(t->items[0], &levels[i]) || !int_arg(t->items[1], &types[i])) return Value();
    if (!require_buffer(t->items[2], &b)) return Value();
    anc_data[i].assign(b.data);
    space += CMSG_SPACE(anc_data[i].size());
  }
  std::vector<char> control(space, 0);
  msghdr msg{};
  msg.msg_name = addrlen ? &addr : nullptr;
  msg.msg_namelen = addrlen;
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  if (space) {
    msg.msg_control = control.data();
    msg.msg_controllen = space;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    for (size_t i = 0; i < nanc && c; ++i, c = CMSG_NXTHDR(&msg, c)) {
      c->cmsg_level = levels[i];
      c->cmsg_type = types[i];
      c->cmsg_len = CMSG_LEN(anc_data[i].size());
      std::memcpy(CMSG_DATA(c), anc_data[i].data(), anc_data[i].size());
    }
  }
  ssize_t n = sock_call_fn(s, true, [&]() -> ssize_t { return ::sendmsg(s->fd, &msg, flags); });
  if (n < 0) return Value();
  return int_from_int64(n);
}

// recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)
Value socket_recvmsg(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("recvmsg", nargs - 1, kwnames, 1, 3)) return Value();
  SocketObject* s = S(args[0]);
  int64_t n, ancsize = 0;
  int flags = 0;
  if (!size_arg(args[1], &n) || (nargs > 2 && !size_arg(args[2], &ancsize)) || (nargs > 3 && !int_arg(args[3], &flags)))
    return Value();
  if (n < 0) return raise_msg(ValueErrorType, "negative buffer size in recvmsg()");
  if (ancsize < 0) return raise_msg(ValueErrorType, "negative ancillary buffer size in recvmsg()");
  std::string buf(static_cast<size_t>(n), '\0');
  std::vector<char> control(static_cast<size_t>(ancsize), 0);
  SockAddr addr;
  std::memset(&addr, 0, sizeof addr);
  iovec iov{buf.data(), buf.size()};
  msghdr msg{};
  ssize_t got = sock_call_fn(s, false, [&]() -> ssize_t {
    msg = msghdr{};
    msg.msg_name = &addr;
    msg.msg_namelen = address_buffer_len(s->family);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ancsize ? control.data() : nullptr;
    msg.msg_controllen = static_cast<size_t>(ancsize);
    return ::recvmsg(s->fd, &msg, flags);
  });
  if (got < 0) return Value();
  ListObject* items = new_list(0);
  if (!items) return Value();
  if (msg.msg_controllen) {
    const char* end = control.data() + msg.msg_controllen;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      const char* d = reinterpret_cast<const char*>(CMSG_DATA(c));
      size_t len = c->cmsg_len > CMSG_LEN(0) ? c->cmsg_len - CMSG_LEN(0) : 0;
      if (d + len > end) len = d < end ? static_cast<size_t>(end - d) : 0;  // truncated (MSG_CTRUNC)
      TupleObject* t = tuple_of({Value::from_small_int(c->cmsg_level), Value::from_small_int(c->cmsg_type),
                                 bytes_value(std::string_view(d, len))});
      if (!t || !list_append(items, Value::from_obj(t))) return Value();
    }
  }
  buf.resize(static_cast<size_t>(got));
  Value data = bytes_value(buf);
  if (data.is_empty_slot()) return data;
  socklen_t namelen = msg.msg_namelen > sizeof addr ? sizeof addr : msg.msg_namelen;
  Value address = make_address(&addr.sa, namelen);
  if (address.is_empty_slot()) return address;
  TupleObject* t = tuple_of({data, Value::from_obj(items), Value::from_small_int(msg.msg_flags), address});
  return t ? Value::from_obj(t) : Value();
}

const NativeMethodDef kIoMethods[] = {
    {"recv", socket_recv},
    {"recv_into", socket_recv_into},
    {"recvfrom", socket_recvfrom},
    {"recvfrom_into", socket_recvfrom_into},
    {"send", socket_send},
    {"sendall", socket_sendall},
    {"sendto", socket_sendto},
    {"sendmsg", socket_sendmsg},
    {"recvmsg", socket_recvmsg},
};

}  // namespace

MethodTable io_methods() { return {kIoMethods, std::size(kIoMethods)}; }

}  // namespace coil::lib::sock
