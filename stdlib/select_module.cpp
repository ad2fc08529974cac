// select_module.cpp — the `select` module: select(), poll objects and epoll objects (what
// `selectors` and asyncio's event loop use). Every wait releases the GIL; a signal interrupts it,
// its handler runs, and the wait goes on with the time left (PEP 475).
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct NamedInt {
  const char* name;
  int64_t value;
};
const NamedInt kConstants[] = {
    {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},         {"POLLOUT", POLLOUT},
    {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},         {"POLLNVAL", POLLNVAL},
    {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},   {"POLLWRNORM", POLLWRNORM},
    {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},         {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN},       {"EPOLLOUT", EPOLLOUT},       {"EPOLLPRI", EPOLLPRI},
    {"EPOLLERR", EPOLLERR},     {"EPOLLHUP", EPOLLHUP},       {"EPOLLET", static_cast<int64_t>(static_cast<uint32_t>(EPOLLET))},
    {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP},
    {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
    {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},     {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    {"PIPE_BUF", PIPE_BUF},
};

double monotonic_now() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

// An fd from an int or an object with fileno(), with CPython's messages; -1 with an exception.
int fd_of(Value v) {
  Value n = v;
  if (!is_int(v)) {
    bool err;
    Value meth = get_attr_opt(v, intern("fileno"), &err);
    if (err) return -1;
    if (meth.is_empty_slot()) {
      raise_msg(TypeErrorType, "argument must be an int, or have a fileno() method.");
      return -1;
    }
    n = call0(meth);
    if (n.is_empty_slot()) return -1;
    if (!is_int(n)) {
      raise_msg(TypeErrorType, "fileno() returned a non-integer");
      return -1;
    }
  }
  int64_t fd;
  if (!int_to_int64(n, &fd) || fd > INT_MAX || fd < INT_MIN) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C int");
    return -1;
  }
  if (fd < 0) {
    raise_fmt(ValueErrorType, "file descriptor cannot be a negative integer (%lld)", static_cast<long long>(fd));
    return -1;
  }
  return static_cast<int>(fd);
}

// A timeout argument in seconds (None: -1, forever); false with an exception.
bool seconds_arg(Value v, double* out, const char* type_msg) {
  if (v.is_empty_slot() || v == None) {
    *out = -1;
    return true;
  }
  if (!is_int(v) && !is_float(v)) {
    raise_msg(TypeErrorType, type_msg);
    return false;
  }
  return to_double(v, out);
}

// Runs wait(timeout_ms) without the GIL until it returns something other than EINTR; after a
// signal the handlers run and the timeout shrinks. Returns the call's result (-1: exception).
template <class Wait>
int wait_retrying(double timeout, Wait wait) {
  double deadline = timeout >= 0 ? monotonic_now() + timeout : 0;
  for (;;) {
    int ms = -1;
    if (timeout >= 0) {
      double left = deadline - monotonic_now();
      if (left < 0) left = 0;
      double m = std::ceil(left * 1000);
      ms = m > INT_MAX ? INT_MAX : static_cast<int>(m);
    }
    int rc = 0, err = 0;
    without_gil([&] {
      rc = wait(ms);
      err = rc < 0 ? errno : 0;
    });
    if (rc >= 0) return rc;
    if (err != EINTR) {
      raise_errno(OSErrorType, err);
      return -1;
    }
    if (eval_breaker_set() && !handle_eval_breaker()) return -1;
  }
}

// --- select() ------------------------------------------------------------------------------

struct Watched {
  Value obj;
  int fd;
};

bool collect(Value seq, std::vector<Watched>* out, std::vector<pollfd>* fds, short events) {
  Value it = get_iter(seq);
  if (it.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      raise_msg(TypeErrorType, "arguments 1-3 must be sequences");
    }
    return false;
  }
  for (;;) {
    bool done;
    Value v = iter_next(it, &done);
    if (done) return true;
    if (v.is_empty_slot()) return false;
    int fd = fd_of(v);
    if (fd < 0) return false;
    if (fd >= FD_SETSIZE) {
      raise_msg(ValueErrorType, "filedescriptor out of range in select()");
      return false;
    }
    out->push_back({v, fd});
    fds->push_back({fd, events, 0});
  }
}

Value select_select(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("select", nargs, kwnames, 3, 4)) return Value();
  double timeout;
  if (!seconds_arg(nargs == 4 ? args[3] : Value(), &timeout, "timeout must be a float or None")) return Value();
  if (nargs == 4 && args[3] != None && timeout < 0) return raise_msg(ValueErrorType, "timeout must be non-negative");
  // The objects stay alive through the argument lists (C++ stack copies are scanned too).
  std::vector<Watched> watched[3];
  std::vector<pollfd> fds[3];
  const short kinds[3] = {POLLIN, POLLOUT, POLLPRI};
  for (int k = 0; k < 3; ++k)
    if (!collect(args[k], &watched[k], &fds[k], kinds[k])) return Value();
  std::vector<pollfd> all;
  for (int k = 0; k < 3; ++k) all.insert(all.end(), fds[k].begin(), fds[k].end());
  int rc = wait_retrying(timeout, [&](int ms) { return poll(all.data(), all.size(), ms); });
  if (rc < 0) return Value();
  TupleObject* result = new_tuple(3);
  if (!result) return Value();
  size_t base = 0;
  for (int k = 0; k < 3; ++k) {
    ListObject* l = new_list(0);
    if (!l) return Value();
    result->items[k] = Value::from_obj(l);
    for (size_t i = 0; i < watched[k].size(); ++i) {
      short re = all[base + i].revents;
      bool ready = k == 0 ? (re & (POLLIN | POLLHUP | POLLERR)) : k == 1 ? (re & (POLLOUT | POLLERR)) : (re & POLLPRI);
      if (re & POLLNVAL) return raise_errno(OSErrorType, EBADF);
      if (ready && !list_append(l, watched[k][i].obj)) return Value();
    }
    base += watched[k].size();
  }
  return Value::from_obj(result);
}

// --- poll objects --------------------------------------------------------------------------

struct PollObject : Object {
  DictObject* fds;  // fd -> event mask, in registration order
};
TypeObject* g_poll_type = nullptr;

void visit_poll(Object* o, Visitor& v) { v.visit(static_cast<PollObject*>(o)->fds); }
PollObject* as_poll(Value v) { return static_cast<PollObject*>(v.as_obj()); }

bool mask_arg(Value v, int64_t dflt, int64_t* out) {
  if (v.is_empty_slot()) {
    *out = dflt;
    return true;
  }
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  if (!int_to_int64(v, out)) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C int");
    return false;
  }
  if (*out < 0) {
    raise_msg(ValueErrorType, "value must be positive");
    return false;
  }
  if (*out > 0xFFFFFFFFLL) {
    raise_msg(OverflowErrorType, "Python int too large for C unsigned short");
    return false;
  }
  return true;
}

Value poll_register(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("register", nargs - 1, kwnames, 1, 2)) return Value();
  int fd = fd_of(args[1]);
  if (fd < 0) return Value();
  int64_t mask;
  if (!mask_arg(nargs == 3 ? args[2] : Value(), POLLIN | POLLPRI | POLLOUT, &mask)) return Value();
  if (mask > 0xFFFF) return raise_msg(OverflowErrorType, "Python int too large for C unsigned short");
  if (!dict_set(as_poll(args[0])->fds, Value::from_small_int(fd), Value::from_small_int(mask))) return Value();
  return None;
}

Value poll_modify(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("modify", nargs - 1, kwnames, 2, 2)) return Value();
  int fd = fd_of(args[1]);
  if (fd < 0) return Value();
  int64_t mask;
  if (!mask_arg(args[2], 0, &mask)) return Value();
  if (mask > 0xFFFF) return raise_msg(OverflowErrorType, "Python int too large for C unsigned short");
  PollObject* p = as_poll(args[0]);
  bool err;
  Value cur = dict_get(p->fds, Value::from_small_int(fd), &err);
  if (err) return Value();
  if (cur.is_empty_slot()) return raise_errno(OSErrorType, ENOENT);
  if (!dict_set(p->fds, Value::from_small_int(fd), Value::from_small_int(mask))) return Value();
  return None;
}

Value poll_unregister(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("unregister", nargs - 1, kwnames, 1, 1)) return Value();
  int fd = fd_of(args[1]);
  if (fd < 0) return Value();
  int r = dict_del(as_poll(args[0])->fds, Value::from_small_int(fd));
  if (r < 0) return Value();
  if (r == 0) {
    ExceptionObject* e = new_exception(KeyErrorType, tuple_of({args[1]}));
    return e ? raise(Value::from_obj(e)) : Value();
  }
  return None;
}

Value poll_poll(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("poll", nargs - 1, kwnames, 0, 1)) return Value();
  double ms = -1;
  if (!seconds_arg(nargs == 2 ? args[1] : Value(), &ms, "timeout must be an integer or None")) return Value();
  double timeout = ms < 0 ? -1 : ms / 1000.0;
  PollObject* p = as_poll(args[0]);
  std::vector<pollfd> fds;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(p->fds, &pos, &k, &v))
    fds.push_back({static_cast<int>(k.as_small_int()), static_cast<short>(v.as_small_int()), 0});
  int rc = wait_retrying(timeout, [&](int t) { return poll(fds.data(), fds.size(), t); });
  if (rc < 0) return Value();
  ListObject* out = new_list(0);
  if (!out) return Value();
  for (const pollfd& f : fds) {
    if (!f.revents) continue;
    TupleObject* t = tuple_of({Value::from_small_int(f.fd), Value::from_small_int(static_cast<uint16_t>(f.revents))});
    if (!t || !list_append(out, Value::from_obj(t))) return Value();
  }
  return Value::from_obj(out);
}

const NativeMethodDef kPollMethods[] = {
    {"register", poll_register},
    {"modify", poll_modify},
    {"unregister", poll_unregister},
    {"poll", poll_poll},
};

Value select_poll(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("poll", nargs, kwnames, 0, 0)) return Value();
  auto* p = static_cast<PollObject*>(new_instance(g_poll_type));
  if (!p) return Value();
  p->fds = new_dict();
  if (!p->fds) return Value();
  return Value::from_obj(p);
}

// --- epoll objects -------------------------------------------------------------------------

struct EpollObject : Object {
  int fd;  // -1 once closed
};
TypeObject* g_epoll_type = nullptr;

EpollObject* as_epoll(Value v) { return static_cast<EpollObject*>(v.as_obj()); }

void finalize_epoll(Object* o) {
  auto* e = static_cast<EpollObject*>(o);
  if (e->fd >= 0) ::close(e->fd);
  e->fd = -1;
}

bool check_open(EpollObject* e) {
  if (e->fd >= 0) return true;
  raise_msg(ValueErrorType, "I/O operation on closed epoll object");
  return false;
}

Value epoll_wrap(TypeObject* type, int fd) {
  auto* e = static_cast<EpollObject*>(new_instance(type));
  if (!e) {
    ::close(fd);
    return Value();
  }
  e->fd = fd;
  return Value::from_obj(e);
}

Value epoll_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* cls = check_new_cls(g_epoll_type, args, nargs);
  if (!cls) return Value();
  Value outs[2];
  if (!parse_args("epoll", args + 1, nargs - 1, kwnames, {"sizehint", "flags"}, 0, outs)) return Value();
  int64_t sizehint = -1;
  if (!outs[0].is_empty_slot() && !int_to_int64(outs[0], &sizehint)) return Value();
  if (sizehint == 0 || sizehint < -1) return raise_msg(ValueErrorType, "negative sizehint");
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return raise_errno(OSErrorType, errno);
  return epoll_wrap(cls, fd);
}

Value epoll_ctl_call(Value* args, int64_t nargs, TupleObject* kwnames, int op, const char* name) {
  int want = op == EPOLL_CTL_DEL ? 1 : op == EPOLL_CTL_MOD ? 2 : 1;
  if (!check_args(name, nargs - 1, kwnames, want, op == EPOLL_CTL_ADD ? 2 : want)) return Value();
  EpollObject* e = as_epoll(args[0]);
  if (!check_open(e)) return Value();
  int fd = fd_of(args[1]);
  if (fd < 0) return Value();
  int64_t mask = 0;
  if (op != EPOLL_CTL_DEL && !mask_arg(nargs >= 3 ? args[2] : Value(), EPOLLIN | EPOLLPRI | EPOLLOUT, &mask))
    return Value();
  epoll_event ev{};
  ev.events = static_cast<uint32_t>(mask);
  ev.data.fd = fd;
  if (epoll_ctl(e->fd, op, fd, &ev) != 0) return raise_errno(OSErrorType, errno);
  return None;
}

Value epoll_register(Value* a, int64_t n, TupleObject* k) { return epoll_ctl_call(a, n, k, EPOLL_CTL_ADD, "register"); }
Value epoll_modify(Value* a, int64_t n, TupleObject* k) { return epoll_ctl_call(a, n, k, EPOLL_CTL_MOD, "modify"); }
Value epoll_unregister(Value* a, int64_t n, TupleObject* k) {
  return epoll_ctl_call(a, n, k, EPOLL_CTL_DEL, "unregister");
}

Value epoll_poll(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value outs[2];
  if (!parse_args("poll", args + 1, nargs - 1, kwnames, {"timeout", "maxevents"}, 0, outs)) return Value();
  EpollObject* e = as_epoll(args[0]);
  if (!check_open(e)) return Value();
  double timeout;
  if (!seconds_arg(outs[0], &timeout, "timeout must be an integer or None")) return Value();
  int64_t maxevents = -1;
  if (!outs[1].is_empty_slot() && !int_to_int64(outs[1], &maxevents)) return Value();
  if (maxevents == -1) maxevents = FD_SETSIZE - 1;
  else if (maxevents < 1)
    return raise_fmt(ValueErrorType, "maxevents must be greater than 0, got %lld", static_cast<long long>(maxevents));
  std::vector<epoll_event> evs(static_cast<size_t>(maxevents));
  int epfd = e->fd;
  int rc = wait_retrying(timeout, [&](int ms) { return epoll_wait(epfd, evs.data(), static_cast<int>(evs.size()), ms); });
  if (rc < 0) return Value();
  ListObject* out = new_list(0);
  if (!out) return Value();
  for (int i = 0; i < rc; ++i) {
    TupleObject* t = tuple_of({Value::from_small_int(evs[i].data.fd), int_from_int64(evs[i].events)});
    if (!t || !list_append(out, Value::from_obj(t))) return Value();
  }
  return Value::from_obj(out);
}

Value epoll_close(Value* args, int64_t, TupleObject*) {
  EpollObject* e = as_epoll(args[0]);
  if (e->fd >= 0 && ::close(e->fd) != 0) {
    e->fd = -1;
    return raise_errno(OSErrorType, errno);
  }
  e->fd = -1;
  return None;
}

Value epoll_fileno(Value* args, int64_t, TupleObject*) {
  EpollObject* e = as_epoll(args[0]);
  if (!check_open(e)) return Value();
  return Value::from_small_int(e->fd);
}

Value epoll_fromfd(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("fromfd", nargs - 1, kwnames, 1, 1)) return Value();
  TypeObject* cls = check_new_cls(g_epoll_type, args, nargs);
  if (!cls) return Value();
  int fd = fd_of(args[1]);
  if (fd < 0) return Value();
  return epoll_wrap(cls, fd);
}

Value epoll_enter(Value* args, int64_t, TupleObject*) {
  if (!check_open(as_epoll(args[0]))) return Value();
  return args[0];
}

Value epoll_exit(Value* args, int64_t, TupleObject*) { return epoll_close(args, 1, nullptr); }

Value epoll_closed(Value self) { return bool_value(as_epoll(self)->fd < 0); }

const NativeMethodDef kEpollMethods[] = {
    {"__new__", epoll_new, NativeMethodDef::Kind::StaticMethod},
    {"register", epoll_register},
    {"modify", epoll_modify},
    {"unregister", epoll_unregister},
    {"poll", epoll_poll},
    {"close", epoll_close},
    {"fileno", epoll_fileno},
    {"fromfd", epoll_fromfd, NativeMethodDef::Kind::ClassMethod},
    {"__enter__", epoll_enter},
    {"__exit__", epoll_exit},
};

const NativeGetSetDef kEpollGetSets[] = {
    {"closed", epoll_closed, nullptr},
};

const NativeFunctionDef kSelectFunctions[] = {
    {"select", select_select},
    {"poll", select_poll},
};

bool init_select(ModuleObject* m) {
  if (!g_poll_type) {
    g_poll_type = make_native_type("select.poll", sizeof(PollObject), visit_poll, false);
    add_methods(g_poll_type, kPollMethods);
    g_epoll_type = make_native_type("select.epoll", sizeof(EpollObject), nullptr, true);
    g_epoll_type->finalize = finalize_epoll;
    add_methods(g_epoll_type, kEpollMethods);
    add_getsets(g_epoll_type, kEpollGetSets);
  }
  for (const NamedInt& c : kConstants)
    if (!module_add(m, c.name, int_from_int64(c.value))) return false;
  return module_add(m, "error", Value::from_obj(OSErrorType)) &&
         module_add(m, "epoll", Value::from_obj(g_epoll_type));
}

}  // namespace

extern const NativeModuleDef kSelectModule;
const NativeModuleDef kSelectModule = {"select", kSelectFunctions, std::size(kSelectFunctions), init_select};

}  // namespace coil::lib
