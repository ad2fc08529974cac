// socket_addr.cpp — socket addresses between Python and the OS: (host, port) tuples for
// AF_INET / AF_INET6 (host names resolved), str or bytes paths for AF_UNIX (Linux abstract
// names included), and the gaierror / herror exceptions the resolver raises.
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netdb.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/buffer.h"
#include "stdlib/posix_support.h"
#include "stdlib/socket_module.h"

namespace coil::lib::sock {

using namespace coil::rt;

Value raise_gai_error(int code) {
  if (code == EAI_SYSTEM) return raise_os(errno);
  TupleObject* args = tuple_of({Value::from_small_int(code), str_value(gai_strerror(code))});
  if (!args) return Value();
  Value exc = call(Value::from_obj(g_gaierror), args->items, args->size);
  return exc.is_empty_slot() ? exc : raise(exc);
}

Value raise_h_error(int code) {
  TupleObject* args = tuple_of({Value::from_small_int(code), str_value(hstrerror(code))});
  if (!args) return Value();
  Value exc = call(Value::from_obj(g_herror), args->items, args->size);
  return exc.is_empty_slot() ? exc : raise(exc);
}

bool host_arg(Value v, std::string* out, const char* fname) {
  if (is_bytes(v)) {
    out->assign(as_bytes(v)->view());
  } else if (is_bytearray(v)) {
    out->assign(as_bytearray(v)->view());
  } else if (is_str(v)) {
    bool ascii = true;
    std::string_view text = as_str(v)->view();
    for (unsigned char c : text) ascii = ascii && c < 0x80;
    if (ascii) {
      out->assign(text);
    } else {
      Value codec = str_value("idna");
      Value enc = call_method(v, intern("encode"), &codec, 1);
      if (enc.is_empty_slot()) {
        clear_exception();
        raise_msg(TypeErrorType, "encoding of hostname failed");
        return false;
      }
      out->assign(as_bytes(enc)->view());
    }
  } else {
    if (fname)
      raise_fmt(TypeErrorType, "%s() argument 1 must be str, bytes or bytearray, not %s", fname, type_name(v));
    else
      raise_fmt(TypeErrorType, "str, bytes or bytearray expected, not %s", type_name(v));
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise_msg(TypeErrorType, "host name must not contain null character");
    return false;
  }
  return true;
}

namespace {

// getaddrinfo without the GIL; 0 or the EAI_* code (errno kept for EAI_SYSTEM).
int lookup(const char* host, const char* service, const addrinfo* hints, addrinfo** res) {
  int rc = 0, err = 0;
  without_gil([&] {
    rc = getaddrinfo(host, service, hints, res);
    err = errno;
  });
  errno = err;
  return rc;
}

}  // namespace

bool resolve_host(const char* host, int family, SockAddr* out, socklen_t* len) {
  std::memset(out, 0, sizeof *out);
  addrinfo hints{};
  addrinfo* res = nullptr;
  hints.ai_family = family;
  if (host[0] == '\0') {
    // The wildcard address of the family (INADDR_ANY / in6addr_any).
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_PASSIVE;
    int rc = lookup(nullptr, "0", &hints, &res);
    if (rc) {
      raise_gai_error(rc);
      return false;
    }
    if (res->ai_family != AF_INET && res->ai_family != AF_INET6) {
      freeaddrinfo(res);
      raise_msg(OSErrorType, "unsupported address family");
      return false;
    }
    if (res->ai_next) {
      freeaddrinfo(res);
      raise_msg(OSErrorType, "wildcard resolved to multiple address");
      return false;
    }
  } else if (std::strcmp(host, "255.255.255.255") == 0 || std::strcmp(host, "<broadcast>") == 0) {
    if (family != AF_INET && family != AF_UNSPEC) {
      raise_msg(OSErrorType, "address family mismatched");
      return false;
    }
    out->in4.sin_family = AF_INET;
    out->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
    *len = sizeof out->in4;
    return true;
  } else if ((family == AF_INET || family == AF_UNSPEC) && inet_pton(AF_INET, host, &out->in4.sin_addr) > 0) {
    out->in4.sin_family = AF_INET;
    *len = sizeof out->in4;
    return true;
  } else if ((family == AF_INET6 || family == AF_UNSPEC) && !std::strchr(host, '%') &&
             inet_pton(AF_INET6, host, &out->in6.sin6_addr) > 0) {
    out->in6.sin6_family = AF_INET6;
    *len = sizeof out->in6;
    return true;
  } else {
    int rc = lookup(host, nullptr, &hints, &res);
    if (rc) {
      raise_gai_error(rc);
      return false;
    }
  }
  socklen_t n = res->ai_addrlen < sizeof *out ? res->ai_addrlen : sizeof *out;
  std::memcpy(out, res->ai_addr, n);
  freeaddrinfo(res);
  if (out->sa.sa_family != AF_INET && out->sa.sa_family != AF_INET6) {
    raise_msg(OSErrorType, "unknown address family");
    return false;
  }
  *len = out->sa.sa_family == AF_INET ? sizeof out->in4 : sizeof out->in6;
  return true;
}

socklen_t address_buffer_len(int family) {
  switch (family) {
    case AF_UNIX: return sizeof(sockaddr_un);
    case AF_INET: return sizeof(sockaddr_in);
    case AF_INET6: return sizeof(sockaddr_in6);
    default: return sizeof(sockaddr_storage);
  }
}

namespace {

// One unsigned int item of an address tuple (flowinfo, scope_id: "I" in CPython's parser).
bool uint_item(Value v, uint32_t* out) {
  if (is_float(v)) {
    raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  int64_t n;
  bool overflow = false;
  if (!as_int64(i, &n, &overflow)) return false;
  if (overflow || n > 0xFFFFFFFFLL || n < 0) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = static_cast<uint32_t>(n);
  return true;
}

bool unix_address(int family, Value addr, SockAddr* out, socklen_t* len) {
  Value path = addr;
  if (is_str(addr)) {
    Value a[2] = {str_value("utf-8"), str_value("surrogateescape")};
    path = call_method(addr, intern("encode"), a, 2);
    if (path.is_empty_slot()) return false;
  }
  ByteBuffer buf;
  if (!require_buffer(path, &buf)) return false;
  std::string_view p = buf.data;
  std::memset(out, 0, sizeof *out);
  if (p.empty() || p[0] == '\0') {
    // Linux abstract namespace (or autobind for an empty name): no terminating NUL.
    if (p.size() > sizeof out->un.sun_path) {
      raise_msg(OSErrorType, "AF_UNIX path too long");
      return false;
    }
    *len = static_cast<socklen_t>(p.size() + offsetof(sockaddr_un, sun_path));
  } else {
    if (p.size() >= sizeof out->un.sun_path) {
      raise_msg(OSErrorType, "AF_UNIX path too long");
      return false;
    }
    *len = static_cast<socklen_t>(p.size() + offsetof(sockaddr_un, sun_path) + 1);
  }
  out->un.sun_family = static_cast<sa_family_t>(family);
  std::memcpy(out->un.sun_path, p.data(), p.size());
  return true;
}

bool inet_address(int family, Value addr, const char* caller, SockAddr* out, socklen_t* len) {
  bool v6 = family == AF_INET6;
  const char* fam = v6 ? "AF_INET6" : "AF_INET";
  const char* shape = v6 ? "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                         : "AF_INET address must be a pair (host, port)";
  if (!is_tuple(addr)) {
    raise_fmt(TypeErrorType, "%s(): %s address must be tuple, not %s", caller, fam, type_name(addr));
    return false;
  }
  TupleObject* t = as_tuple(addr);
  if (t->size < 2 || t->size > (v6 ? 4 : 2)) {
    raise_msg(TypeErrorType, shape);
    return false;
  }
  std::string host;
  int port;
  uint32_t flowinfo = 0, scope_id = 0;
  if (!host_arg(t->items[0], &host)) return false;
  if (!int_arg(t->items[1], &port)) {
    if (pending_matches(OverflowErrorType)) {
      clear_exception();
      raise_fmt(OverflowErrorType, "%s(): port must be 0-65535.", caller);
    }
    return false;
  }
  if ((t->size > 2 && !uint_item(t->items[2], &flowinfo)) || (t->size > 3 && !uint_item(t->items[3], &scope_id)))
    return false;
  if (!resolve_host(host.c_str(), family, out, len)) return false;
  if (port < 0 || port > 0xffff) {
    raise_fmt(OverflowErrorType, "%s(): port must be 0-65535.", caller);
    return false;
  }
  if (v6) {
    if (flowinfo > 0xfffff) {
      raise_fmt(OverflowErrorType, "%s(): flowinfo must be 0-1048575.", caller);
      return false;
    }
    out->in6.sin6_family = AF_INET6;
    out->in6.sin6_port = htons(static_cast<uint16_t>(port));
    out->in6.sin6_flowinfo = htonl(flowinfo);
    out->in6.sin6_scope_id = scope_id;
    *len = sizeof out->in6;
  } else {
    out->in4.sin_family = AF_INET;
    out->in4.sin_port = htons(static_cast<uint16_t>(port));
    *len = sizeof out->in4;
  }
  return true;
}

}  // namespace

bool address_arg(int family, Value addr, const char* caller, SockAddr* out, socklen_t* len) {
  switch (family) {
    case AF_UNIX: return unix_address(family, addr, out, len);
    case AF_INET:
    case AF_INET6: return inet_address(family, addr, caller, out, len);
    case AF_NETLINK: {
      if (!is_tuple(addr)) {
        raise_fmt(TypeErrorType, "%s(): AF_NETLINK address must be tuple, not %s", caller, type_name(addr));
        return false;
      }
      TupleObject* t = as_tuple(addr);
      uint32_t pid, groups;
      if (t->size != 2) {
        raise_msg(TypeErrorType, "AF_NETLINK address must be a pair (pid, groups)");
        return false;
      }
      if (!uint_item(t->items[0], &pid) || !uint_item(t->items[1], &groups)) return false;
      std::memset(out, 0, sizeof *out);
      auto* nl = reinterpret_cast<sockaddr_nl*>(&out->storage);
      nl->nl_family = AF_NETLINK;
      nl->nl_pid = pid;
      nl->nl_groups = groups;
      *len = sizeof *nl;
      return true;
    }
    default:
      raise_fmt(OSErrorType, "%s(): bad family", caller);
      return false;
  }
}

Value make_address(const sockaddr* sa, socklen_t len) {
  if (len == 0) return None;
  switch (sa->sa_family) {
    case AF_INET: {
      auto* a = reinterpret_cast<const sockaddr_in*>(sa);
      char host[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
      TupleObject* t = tuple_of({str_value(host), Value::from_small_int(ntohs(a->sin_port))});
      return t ? Value::from_obj(t) : Value();
    }
    case AF_INET6: {
      auto* a = reinterpret_cast<const sockaddr_in6*>(sa);
      char host[INET6_ADDRSTRLEN];
      inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
      TupleObject* t = tuple_of({str_value(host), Value::from_small_int(ntohs(a->sin6_port)),
                                 int_from_int64(ntohl(a->sin6_flowinfo)), int_from_int64(a->sin6_scope_id)});
      return t ? Value::from_obj(t) : Value();
    }
    case AF_UNIX: {
      auto* a = reinterpret_cast<const sockaddr_un*>(sa);
      size_t n = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
      if (n > sizeof a->sun_path) n = sizeof a->sun_path;
      if (n > 0 && a->sun_path[0] == '\0') return bytes_value(std::string_view(a->sun_path, n));  // abstract
      std::string_view path(a->sun_path, strnlen(a->sun_path, n));
      return posix::fs_name(path, false);
    }
    case AF_NETLINK: {
      auto* a = reinterpret_cast<const sockaddr_nl*>(sa);
      TupleObject* t = tuple_of({int_from_int64(a->nl_pid), int_from_int64(a->nl_groups)});
      return t ? Value::from_obj(t) : Value();
    }
    default: {
      TupleObject* t = tuple_of(
          {Value::from_small_int(sa->sa_family), bytes_value(std::string_view(sa->sa_data, sizeof sa->sa_data))});
      return t ? Value::from_obj(t) : Value();
    }
  }
}

}  // namespace coil::lib::sock
