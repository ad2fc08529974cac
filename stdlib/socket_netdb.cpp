// socket_netdb.cpp — the name-service functions of _socket (getaddrinfo, getnameinfo,
// gethostname, gethostbyname(_ex), gethostbyaddr, getservbyname/port, getprotobyname,
// interface names) and the address / byte-order helpers (inet_aton/ntoa/pton/ntop,
// htons/ntohs/htonl/ntohl). Resolver calls run with the GIL released.
#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/buffer.h"
#include "stdlib/native_type_util.h"
#include "stdlib/posix_support.h"
#include "stdlib/socket_module.h"

namespace coil::lib::sock {

using namespace coil::rt;

namespace {

// A str argument as UTF-8 ("inet_aton() argument 1 must be str, not bytes").
bool str_arg(const char* fname, int pos, Value v, std::string* out) {
  if (!is_str(v)) {
    raise_fmt(TypeErrorType, "%s() argument %d must be str, not %s", fname, pos, type_name(v));
    return false;
  }
  out->assign(as_str(v)->view());
  if (out->find('\0') != std::string::npos) {
    raise_msg(ValueErrorType, "embedded null character");
    return false;
  }
  return true;
}

Value ip_string(int family, const void* addr) {
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(family, addr, buf, sizeof buf)) return raise_os(errno);
  return str_value(buf);
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
Value sock_getaddrinfo(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[6];
  if (!parse_args("getaddrinfo", args, nargs, kwnames, {"host", "port", "family", "type", "proto", "flags"}, 2, a))
    return Value();
  std::string host, port;
  bool has_host = a[0] != None, has_port = a[1] != None;
  if (is_str(a[0])) {
    // Encoded with the idna codec, its errors (UnicodeError) propagating, as CPython.
    Value codec = str_value("idna");
    Value enc = call_method(a[0], intern("encode"), &codec, 1);
    if (enc.is_empty_slot()) return enc;
    host.assign(as_bytes(enc)->view());
  } else if (is_bytes(a[0])) {
    host.assign(as_bytes(a[0])->view());
  } else if (has_host) {
    return raise_msg(TypeErrorType, "getaddrinfo() argument 1 must be string or None");
  }
  if (is_exact(a[1], IntType)) {
    int64_t p;
    bool overflow = false;
    if (!as_int64(a[1], &p, &overflow)) return Value();
    if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C long");
    port = std::to_string(p);
  } else if (is_str(a[1])) {
    Value enc = call_method(a[1], intern("encode"), nullptr, 0);  // UnicodeEncodeError for surrogates
    if (enc.is_empty_slot()) return enc;
    port.assign(as_bytes(enc)->view());
  } else if (is_bytes(a[1])) {
    port.assign(as_bytes(a[1])->view());
  } else if (has_port) {
    return raise_msg(OSErrorType, "Int or String expected");
  }
  int nums[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i)
    if (!a[2 + i].is_empty_slot() && !int_arg(a[2 + i], &nums[i])) return Value();
  addrinfo hints{};
  hints.ai_family = nums[0];
  hints.ai_socktype = nums[1];
  hints.ai_protocol = nums[2];
  hints.ai_flags = nums[3];
  addrinfo* res = nullptr;
  int rc = 0, err = 0;
  const char* hp = has_host ? host.c_str() : nullptr;
  const char* pp = has_port ? port.c_str() : nullptr;
  without_gil([&] {
    rc = getaddrinfo(hp, pp, &hints, &res);
    err = errno;
  });
  errno = err;
  if (rc) return raise_gai_error(rc);
  ListObject* out = new_list(0);
  for (addrinfo* r = res; out && r; r = r->ai_next) {
    Value addr = make_address(r->ai_addr, r->ai_addrlen);
    if (addr.is_empty_slot()) {
      out = nullptr;
      break;
    }
    TupleObject* t = tuple_of({Value::from_small_int(r->ai_family), Value::from_small_int(r->ai_socktype),
                               Value::from_small_int(r->ai_protocol), str_value(r->ai_canonname ? r->ai_canonname : ""),
                               addr});
    if (!t || !list_append(out, Value::from_obj(t))) out = nullptr;
  }
  freeaddrinfo(res);
  return out ? Value::from_obj(out) : Value();
}

// getnameinfo(sockaddr, flags) -> (host, port)
Value sock_getnameinfo(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getnameinfo", nargs, kwnames, 2, 2)) return Value();
  if (!is_tuple(args[0])) return raise_msg(TypeErrorType, "getnameinfo() argument 1 must be a tuple");
  TupleObject* t = as_tuple(args[0]);
  int flags;
  if (!int_arg(args[1], &flags)) return Value();
  if (t->size < 2 || t->size > 4 || !is_str(t->items[0]) || !is_int(t->items[1]))
    return raise_msg(TypeErrorType, "getnameinfo(): illegal sockaddr argument");
  std::string host(as_str(t->items[0])->view());
  int port;
  int64_t extra[2] = {0, 0};
  if (!int_arg(t->items[1], &port)) return Value();
  for (int64_t i = 2; i < t->size; ++i) {
    bool overflow = false;
    if (!is_int(t->items[i])) return raise_msg(TypeErrorType, "getnameinfo(): illegal sockaddr argument");
    if (!as_int64(t->items[i], &extra[i - 2], &overflow)) return Value();
    if (overflow || extra[i - 2] < 0 || extra[i - 2] > 0xFFFFFFFFLL)
      return raise_msg(OverflowErrorType, "Python int too large to convert to C unsigned long");
  }
  if (extra[0] > 0xfffff) return raise_msg(OverflowErrorType, "getnameinfo(): flowinfo must be 0-1048575.");
  std::string service = std::to_string(port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  addrinfo* res = nullptr;
  int rc = 0;
  without_gil([&] { rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &res); });
  if (rc) return raise_gai_error(rc);
  if (res->ai_next) {
    freeaddrinfo(res);
    return raise_msg(OSErrorType, "sockaddr resolved to multiple addresses");
  }
  SockAddr addr;
  std::memset(&addr, 0, sizeof addr);
  socklen_t len = res->ai_addrlen < sizeof addr ? res->ai_addrlen : sizeof addr;
  std::memcpy(&addr, res->ai_addr, len);
  freeaddrinfo(res);
  if (addr.sa.sa_family == AF_INET) {
    if (t->size != 2) return raise_msg(OSErrorType, "IPv4 sockaddr must be 2 tuple");
  } else if (addr.sa.sa_family == AF_INET6) {
    addr.in6.sin6_flowinfo = htonl(static_cast<uint32_t>(extra[0]));
    addr.in6.sin6_scope_id = static_cast<uint32_t>(extra[1]);
  }
  char hbuf[NI_MAXHOST], pbuf[NI_MAXSERV];
  without_gil([&] { rc = getnameinfo(&addr.sa, len, hbuf, sizeof hbuf, pbuf, sizeof pbuf, flags); });
  if (rc) return raise_gai_error(rc);
  TupleObject* r = tuple_of({str_value(hbuf), str_value(pbuf)});
  return r ? Value::from_obj(r) : Value();
}

Value sock_gethostname(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("gethostname", nargs, kwnames, 0, 0)) return Value();
  char buf[1025];
  if (gethostname(buf, sizeof buf - 1) != 0) return raise_os(errno);
  buf[sizeof buf - 1] = '\0';
  return posix::fs_name(buf, false);
}

Value sock_sethostname(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("sethostname", nargs, kwnames, 1, 1)) return Value();
  Value name = args[0];
  if (is_str(name)) {
    Value e[2] = {str_value("utf-8"), str_value("surrogateescape")};
    name = call_method(name, intern("encode"), e, 2);
    if (name.is_empty_slot()) return name;
  }
  ByteBuffer buf;
  if (!require_buffer(name, &buf)) return Value();
  if (sethostname(buf.data.data(), buf.data.size()) != 0) return raise_os(errno);
  return None;
}

// An IPv4 address of `host` as "a.b.c.d".
Value sock_gethostbyname(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("gethostbyname", nargs, kwnames, 1, 1)) return Value();
  std::string host;
  if (!host_arg(args[0], &host, "gethostbyname")) return Value();
  SockAddr addr;
  socklen_t len;
  if (!resolve_host(host.c_str(), AF_INET, &addr, &len)) return Value();
  return ip_string(AF_INET, &addr.in4.sin_addr);
}

// (name, aliases, addresses) of a hostent, as gethostbyname_ex and gethostbyaddr return.
Value host_entry(const hostent* h) {
  ListObject* aliases = new_list(0);
  ListObject* addrs = new_list(0);
  if (!aliases || !addrs) return Value();
  for (char** p = h->h_aliases; p && *p; ++p)
    if (!list_append(aliases, str_value(*p))) return Value();
  for (char** p = h->h_addr_list; p && *p; ++p) {
    Value ip = ip_string(h->h_addrtype, *p);
    if (ip.is_empty_slot() || !list_append(addrs, ip)) return Value();
  }
  TupleObject* t = tuple_of({str_value(h->h_name), Value::from_obj(aliases), Value::from_obj(addrs)});
  return t ? Value::from_obj(t) : Value();
}

Value sock_gethostbyname_ex(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("gethostbyname_ex", nargs, kwnames, 1, 1)) return Value();
  std::string host;
  if (!host_arg(args[0], &host, "gethostbyname_ex")) return Value();
  SockAddr addr;
  socklen_t len;
  if (!resolve_host(host.c_str(), AF_INET, &addr, &len)) return Value();
  hostent he, *h = nullptr;
  std::vector<char> buf(16384);
  int herr = 0;
  without_gil([&] { gethostbyname_r(host.c_str(), &he, buf.data(), buf.size(), &h, &herr); });
  if (!h) return raise_h_error(herr);
  return host_entry(h);
}

Value sock_gethostbyaddr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("gethostbyaddr", nargs, kwnames, 1, 1)) return Value();
  std::string host;
  if (!host_arg(args[0], &host, "gethostbyaddr")) return Value();
  SockAddr addr;
  socklen_t len;
  if (!resolve_host(host.c_str(), AF_UNSPEC, &addr, &len)) return Value();
  const void* ap = addr.sa.sa_family == AF_INET ? static_cast<const void*>(&addr.in4.sin_addr)
                                                : static_cast<const void*>(&addr.in6.sin6_addr);
  socklen_t al = addr.sa.sa_family == AF_INET ? sizeof addr.in4.sin_addr : sizeof addr.in6.sin6_addr;
  int af = addr.sa.sa_family;
  hostent he, *h = nullptr;
  std::vector<char> buf(16384);
  int herr = 0;
  without_gil([&] { gethostbyaddr_r(ap, al, af, &he, buf.data(), buf.size(), &h, &herr); });
  if (!h) return raise_h_error(herr);
  return host_entry(h);
}

// The optional protocol name argument of getservbyname/port.
bool proto_arg(const char* fname, int64_t nargs, Value* args, std::string* proto, const char** out) {
  *out = nullptr;
  if (nargs < 2) return true;
  if (!str_arg(fname, 2, args[1], proto)) return false;
  *out = proto->c_str();
  return true;
}

Value sock_getservbyname(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getservbyname", nargs, kwnames, 1, 2)) return Value();
  std::string name, proto;
  const char* pp;
  if (!str_arg("getservbyname", 1, args[0], &name) || !proto_arg("getservbyname", nargs, args, &proto, &pp))
    return Value();
  servent se, *r = nullptr;
  char buf[4096];
  without_gil([&] { getservbyname_r(name.c_str(), pp, &se, buf, sizeof buf, &r); });
  if (!r) return raise_msg(OSErrorType, "service/proto not found");
  return Value::from_small_int(ntohs(static_cast<uint16_t>(r->s_port)));
}

Value sock_getservbyport(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getservbyport", nargs, kwnames, 1, 2)) return Value();
  int port;
  std::string proto;
  const char* pp;
  if (!int_arg(args[0], &port) || !proto_arg("getservbyport", nargs, args, &proto, &pp)) return Value();
  if (port < 0 || port > 0xffff) return raise_msg(OverflowErrorType, "getservbyport: port must be 0-65535.");
  servent se, *r = nullptr;
  char buf[4096];
  without_gil([&] { getservbyport_r(htons(static_cast<uint16_t>(port)), pp, &se, buf, sizeof buf, &r); });
  if (!r) return raise_msg(OSErrorType, "port/proto not found");
  return str_value(r->s_name);
}

Value sock_getprotobyname(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getprotobyname", nargs, kwnames, 1, 1)) return Value();
  std::string name;
  if (!str_arg("getprotobyname", 1, args[0], &name)) return Value();
  protoent pe, *r = nullptr;
  char buf[4096];
  getprotobyname_r(name.c_str(), &pe, buf, sizeof buf, &r);
  if (!r) return raise_msg(OSErrorType, "protocol not found");
  return Value::from_small_int(r->p_proto);
}

Value sock_if_nameindex(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("if_nameindex", nargs, kwnames, 0, 0)) return Value();
  struct if_nameindex* ni = ::if_nameindex();
  if (!ni) return raise_os(errno);
  ListObject* out = new_list(0);
  for (struct if_nameindex* p = ni; out && p->if_index; ++p) {
    TupleObject* t = tuple_of({int_from_int64(p->if_index), posix::fs_name(p->if_name, false)});
    if (!t || !list_append(out, Value::from_obj(t))) out = nullptr;
  }
  if_freenameindex(ni);
  return out ? Value::from_obj(out) : Value();
}

Value sock_if_nametoindex(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("if_nametoindex", nargs, kwnames, 1, 1)) return Value();
  Value name = posix::fspath(args[0]);
  if (name.is_empty_slot()) return name;
  std::string n(is_str(name) ? as_str(name)->view() : as_bytes(name)->view());
  unsigned idx = ::if_nametoindex(n.c_str());
  if (idx == 0) return raise_msg(OSErrorType, "no interface with this name");
  return int_from_int64(idx);
}

Value sock_if_indextoname(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("if_indextoname", nargs, kwnames, 1, 1)) return Value();
  if (!is_int(args[0])) return raise_msg(TypeErrorType, "an integer is required");
  int64_t idx;
  bool overflow = false;
  if (!as_int64(args[0], &idx, &overflow)) return Value();
  if (overflow || idx < 0 || idx > UINT_MAX) return raise_msg(OverflowErrorType, "index out of range");
  char buf[IF_NAMESIZE + 1];
  if (!::if_indextoname(static_cast<unsigned>(idx), buf)) return raise_os(errno);
  return posix::fs_name(buf, false);
}

Value sock_inet_aton(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("inet_aton", nargs, kwnames, 1, 1)) return Value();
  std::string s;
  if (!str_arg("inet_aton", 1, args[0], &s)) return Value();
  in_addr a;
  if (inet_aton(s.c_str(), &a) == 0) return raise_msg(OSErrorType, "illegal IP address string passed to inet_aton");
  return bytes_value(std::string_view(reinterpret_cast<const char*>(&a), sizeof a));
}

Value sock_inet_ntoa(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("inet_ntoa", nargs, kwnames, 1, 1)) return Value();
  ByteBuffer b;
  if (!require_buffer(args[0], &b)) return Value();
  if (b.data.size() != sizeof(in_addr)) return raise_msg(OSErrorType, "packed IP wrong length for inet_ntoa");
  return ip_string(AF_INET, b.data.data());
}

Value sock_inet_pton(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("inet_pton", nargs, kwnames, 2, 2)) return Value();
  int af;
  std::string s;
  if (!int_arg(args[0], &af) || !str_arg("inet_pton", 2, args[1], &s)) return Value();
  unsigned char buf[sizeof(in6_addr)];
  int r = inet_pton(af, s.c_str(), buf);
  if (r < 0) return raise_os(errno);
  if (r == 0) return raise_msg(OSErrorType, "illegal IP address string passed to inet_pton");
  size_t n = af == AF_INET ? sizeof(in_addr) : sizeof(in6_addr);
  return bytes_value(std::string_view(reinterpret_cast<const char*>(buf), n));
}

Value sock_inet_ntop(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("inet_ntop", nargs, kwnames, 2, 2)) return Value();
  int af;
  if (!int_arg(args[0], &af)) return Value();
  ByteBuffer b;
  if (!require_buffer(args[1], &b)) return Value();
  if (af == AF_INET) {
    if (b.data.size() != sizeof(in_addr)) return raise_msg(ValueErrorType, "invalid length of packed IP address string");
  } else if (af == AF_INET6) {
    if (b.data.size() != sizeof(in6_addr)) return raise_msg(ValueErrorType, "invalid length of packed IP address string");
  } else {
    return raise_fmt(ValueErrorType, "unknown address family %d", af);
  }
  return ip_string(af, b.data.data());
}

// htons / ntohs: a 16-bit value, swapped to or from network order.
Value short_swap(Value* args, int64_t nargs, TupleObject* kwnames, const char* name) {
  if (!check_args(name, nargs, kwnames, 1, 1)) return Value();
  if (is_float(args[0])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  int64_t x;
  bool overflow = false;
  if (!as_int64(args[0], &x, &overflow)) return Value();
  if (!overflow && x < 0)
    return raise_fmt(OverflowErrorType, "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
  if (overflow || x > 0xffff)
    return raise_fmt(OverflowErrorType, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
  return Value::from_small_int(htons(static_cast<uint16_t>(x)));
}
Value sock_htons(Value* a, int64_t n, TupleObject* k) { return short_swap(a, n, k, "htons"); }
Value sock_ntohs(Value* a, int64_t n, TupleObject* k) { return short_swap(a, n, k, "ntohs"); }

// htonl / ntohl: a 32-bit value, swapped to or from network order.
Value long_swap(Value* args, int64_t nargs, TupleObject* kwnames, const char* name) {
  if (!check_args(name, nargs, kwnames, 1, 1)) return Value();
  if (!is_int(args[0])) return raise_fmt(TypeErrorType, "expected int, %s found", type_name(args[0]));
  if (int_sign(args[0]) < 0) return raise_msg(OverflowErrorType, "can't convert negative value to unsigned int");
  int64_t x;
  bool overflow = false;
  if (!as_int64(args[0], &x, &overflow)) return Value();
  if (overflow || x > 0xFFFFFFFFLL) return raise_msg(OverflowErrorType, "int larger than 32 bits");
  return int_from_int64(htonl(static_cast<uint32_t>(x)));
}
Value sock_htonl(Value* a, int64_t n, TupleObject* k) { return long_swap(a, n, k, "htonl"); }
Value sock_ntohl(Value* a, int64_t n, TupleObject* k) { return long_swap(a, n, k, "ntohl"); }

const NativeFunctionDef kNetdbFunctions[] = {
    {"getaddrinfo", sock_getaddrinfo},
    {"getnameinfo", sock_getnameinfo},
    {"gethostname", sock_gethostname},
    {"sethostname", sock_sethostname},
    {"gethostbyname", sock_gethostbyname},
    {"gethostbyname_ex", sock_gethostbyname_ex},
    {"gethostbyaddr", sock_gethostbyaddr},
    {"getservbyname", sock_getservbyname},
    {"getservbyport", sock_getservbyport},
    {"getprotobyname", sock_getprotobyname},
    {"if_nameindex", sock_if_nameindex},
    {"if_nametoindex", sock_if_nametoindex},
    {"if_indextoname", sock_if_indextoname},
    {"inet_aton", sock_inet_aton},
    {"inet_ntoa", sock_inet_ntoa},
    {"inet_pton", sock_inet_pton},
    {"inet_ntop", sock_inet_ntop},
    {"htons", sock_htons},
    {"ntohs", sock_ntohs},
    {"htonl", sock_htonl},
    {"ntohl", sock_ntohl},
};

}  // namespace

FunctionTable netdb_functions() { return {kNetdbFunctions, std::size(kNetdbFunctions)}; }

}  // namespace coil::lib::sock
