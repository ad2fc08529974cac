// posix_proc.cpp — processes and the system: ids, kill, fork (with register_at_fork),
// execv/execve, waitpid and the W* status macros, _exit, times, uname, urandom,
// cpu_count, sysconf, strerror, putenv/unsetenv.
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <sched.h>
#include <sys/random.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/os_error.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"
#include "stdlib/posix_support.h"
#include "stdlib/struct_sequence.h"

namespace coil::lib::posix {

using namespace coil::rt;

namespace {

TypeObject* g_times_result = nullptr;
TypeObject* g_uname_result = nullptr;
// register_at_fork callables: before (run last-registered first), after in child / parent.
ListObject* g_fork_before = nullptr;
ListObject* g_fork_child = nullptr;
ListObject* g_fork_parent = nullptr;

#define ID_FUNC(name, expr)                                        \
  Value posix_##name(Value*, int64_t nargs, TupleObject* kw) {     \
    if (!check_args(#name, nargs, kw, 0, 0)) return Value();       \
    return int_from_int64(static_cast<int64_t>(expr));             \
  }
ID_FUNC(getpid, ::getpid())
ID_FUNC(getppid, ::getppid())
ID_FUNC(getuid, ::getuid())
ID_FUNC(geteuid, ::geteuid())
ID_FUNC(getgid, ::getgid())
ID_FUNC(getegid, ::getegid())
ID_FUNC(getpgrp, ::getpgrp())
#undef ID_FUNC

// One pid argument -> an id, or OSError.
#define PID_FUNC(name, call)                                                            \
  Value posix_##name(Value* args, int64_t nargs, TupleObject* kw) {                     \
    int pid;                                                                            \
    if (!check_positional(#name, nargs, 1, 1) || !no_kwargs(#name, kw) || !int_arg(args[0], &pid)) \
      return Value();                                                                   \
    pid_t r = call;                                                                     \
    if (r < 0) return rt::raise_errno();                                                    \
    return int_from_int64(r);                                                           \
  }
PID_FUNC(getpgid, ::getpgid(pid))
PID_FUNC(getsid, ::getsid(pid))
#undef PID_FUNC

Value posix_setsid(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("setsid", nargs, kw, 0, 0)) return Value();
  if (::setsid() < 0) return rt::raise_errno();
  return None;
}

Value posix_setpgid(Value* args, int64_t nargs, TupleObject* kw) {
  int pid, pgrp;
  if (!check_positional("setpgid", nargs, 2, 2) || !no_kwargs("setpgid", kw) || !int_arg(args[0], &pid) ||
      !int_arg(args[1], &pgrp))
    return Value();
  if (::setpgid(pid, pgrp) < 0) return rt::raise_errno();
  return None;
}

Value posix_getloadavg(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("getloadavg", nargs, kw, 0, 0)) return Value();
  double load[3];
  if (::getloadavg(load, 3) != 3) return raise_msg(OSErrorType, "Load averages are unobtainable");
  TupleObject* t = tuple_of({float_value(load[0]), float_value(load[1]), float_value(load[2])});
  return t ? Value::from_obj(t) : Value();
}

Value posix_nice(Value* args, int64_t nargs, TupleObject* kw) {
  int inc;
  if (!check_positional("nice", nargs, 1, 1) || !no_kwargs("nice", kw) || !int_arg(args[0], &inc)) return Value();
  errno = 0;
  int r = ::nice(inc);
  if (r == -1 && errno != 0) return rt::raise_errno();
  return Value::from_small_int(r);
}

Value posix_sched_yield(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("sched_yield", nargs, kw, 0, 0)) return Value();
  ::sched_yield();
  return None;
}

Value posix_getgroups(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("getgroups", nargs, kw, 0, 0)) return Value();
  int n = ::getgroups(0, nullptr);
  if (n < 0) return rt::raise_errno();
  std::vector<gid_t> groups(n);
  n = ::getgroups(n, groups.data());
  if (n < 0) return rt::raise_errno();
  ListObject* l = new_list(0);
  if (!l) return Value();
  for (int i = 0; i < n; ++i)
    if (!list_append(l, int_from_int64(groups[i]))) return Value();
  return Value::from_obj(l);
}

Value posix_kill(Value* args, int64_t nargs, TupleObject* kw) {
  int pid, sig;
  if (!check_positional("kill", nargs, 2, 2) || !no_kwargs("kill", kw) || !int_arg(args[0], &pid) ||
      !int_arg(args[1], &sig))
    return Value();
  if (::kill(pid, sig) != 0) return rt::raise_errno();
  // A signal sent to ourselves is handled before kill() returns, as in CPython.
  if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  return None;
}

Value posix_killpg(Value* args, int64_t nargs, TupleObject* kw) {
  int pg, sig;
  if (!check_positional("killpg", nargs, 2, 2) || !no_kwargs("killpg", kw) || !int_arg(args[0], &pg) ||
      !int_arg(args[1], &sig))
    return Value();
  if (::killpg(pg, sig) != 0) return rt::raise_errno();
  return None;
}

// Calls each callable of `l` (reversed for the before hooks); errors are reported as
// unraisable and do not stop the fork, as in CPython.
void run_fork_hooks(ListObject* l, bool reversed) {
  if (!l) return;
  for (int64_t k = 0; k < l->size; ++k) {
    int64_t i = reversed ? l->size - 1 - k : k;
    if (call0(l->items()[i]).is_empty_slot()) clear_exception();
  }
}

// register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)
Value posix_register_at_fork(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("register_at_fork", args, nargs, kwnames, {"before", "after_in_child", "after_in_parent"}, 0, a, 0))
    return Value();
  if (a[0].is_empty_slot() && a[1].is_empty_slot() && a[2].is_empty_slot())
    return raise_msg(TypeErrorType, "At least one argument is required.");
  const char* names[3] = {"before", "after_in_child", "after_in_parent"};
  for (int i = 0; i < 3; ++i) {
    if (!a[i].is_empty_slot() && a[i] != None && !is_callable(a[i]))
      return raise_fmt(TypeErrorType, "'%s' must be callable, not %s", names[i], type_name(a[i]));
  }
  ListObject** lists[3] = {&g_fork_before, &g_fork_child, &g_fork_parent};
  for (int i = 0; i < 3; ++i) {
    if (a[i].is_empty_slot() || a[i] == None) continue;
    if (!*lists[i]) *lists[i] = new_list(0);
    if (!*lists[i] || !list_append(*lists[i], a[i])) return Value();
  }
  return None;
}

Value posix_fork(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("fork", nargs, kw, 0, 0)) return Value();
  run_fork_hooks(g_fork_before, true);
  pid_t pid = ::fork();
  int saved = errno;
  if (pid == 0) {
    // Only this thread survives in the child: rebuild the GIL it holds.
    gil_after_fork_child();
    run_fork_hooks(g_fork_child, false);
  } else {
    run_fork_hooks(g_fork_parent, false);
  }
  if (pid < 0) return raise_os_error(saved);
  return int_from_int64(pid);
}

// The items of a tuple or list argv as C strings (fs-encoded).
bool argv_strings(const char* fname, Value seq, std::vector<std::string>* out) {
  if (!is_exact(seq, TupleType) && !is_list(seq)) {
    raise_fmt(TypeErrorType, "%s() arg 2 must be a tuple or list", fname);
    return false;
  }
  Value t = sequence_to_tuple(seq);
  if (t.is_empty_slot()) return false;
  TupleObject* items = as_tuple(t);
  if (items->size == 0) {
    raise_fmt(ValueErrorType, "%s() arg 2 must not be empty", fname);
    return false;
  }
  for (int64_t i = 0; i < items->size; ++i) {
    PathArg p;
    if (!path_arg(fname, "args", items->items[i], PathKind::Plain, &p)) return false;
    if (i == 0 && p.path.empty()) {
      raise_fmt(ValueErrorType, "%s() arg 2 first element cannot be empty", fname);
      return false;
    }
    out->push_back(p.path);
  }
  return true;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> r;
  for (std::string& s : v) r.push_back(s.data());
  r.push_back(nullptr);
  return r;
}

Value posix_execv(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_positional("execv", nargs, 2, 2) || !no_kwargs("execv", kw)) return Value();
  PathArg p;
  std::vector<std::string> argv;
  if (!path_arg("execv", "path", args[0], PathKind::Plain, &p) || !argv_strings("execv", args[1], &argv)) return Value();
  std::vector<char*> cargv = c_strings(argv);
  ::execv(p.path.c_str(), cargv.data());
  return rt::raise_errno();
}

// execve(path, argv, env): env is a mapping of str/bytes to str/bytes.
Value posix_execve(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("execve", args, nargs, kwnames, {"path", "argv", "env"}, 3, a)) return Value();
  PathArg p;
  std::vector<std::string> argv, env;
  if (!path_arg("execve", "path", a[0], PathKind::Plain, &p) || !argv_strings("execve", a[1], &argv)) return Value();
  Value keys = call_method(a[2], intern("keys"), nullptr, 0);
  if (keys.is_empty_slot()) {
    clear_exception();
    return raise_msg(TypeErrorType, "env must be a mapping object");
  }
  Value it = get_iter(keys);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value k = iter_next(it, &done);
    if (done) break;
    if (k.is_empty_slot()) return k;
    Value v = get_item(a[2], k);
    if (v.is_empty_slot()) return v;
    PathArg kp, vp;
    if (!path_arg("execve", "env", k, PathKind::Plain, &kp) || !path_arg("execve", "env", v, PathKind::Plain, &vp))
      return Value();
    if (kp.path.empty() || kp.path.find('=') != std::string::npos)
      return raise_msg(ValueErrorType, "illegal environment variable name");
    env.push_back(kp.path + "=" + vp.path);
  }
  std::vector<char*> cargv = c_strings(argv), cenv = c_strings(env);
  ::execve(p.path.c_str(), cargv.data(), cenv.data());
  return rt::raise_errno();
}

// waitpid(pid, options) -> (pid, status)
Value posix_waitpid(Value* args, int64_t nargs, TupleObject* kw) {
  int pid, options;
  if (!check_positional("waitpid", nargs, 2, 2) || !no_kwargs("waitpid", kw) || !int_arg(args[0], &pid) ||
      !int_arg(args[1], &options))
    return Value();
  int status = 0;
  pid_t r;
  int err = 0;
  while (true) {
    without_gil([&] {
      r = ::waitpid(pid, &status, options);
      err = errno;
    });
    if (r >= 0 || err != EINTR) break;
    if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  }
  if (r < 0) return rt::raise_os_error(err);
  TupleObject* t = tuple_of({int_from_int64(r), Value::from_small_int(status)});
  return t ? Value::from_obj(t) : Value();
}

Value posix_wait(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("wait", nargs, kw, 0, 0)) return Value();
  int status = 0;
  pid_t r;
  int err = 0;
  while (true) {
    without_gil([&] {
      r = ::wait(&status);
      err = errno;
    });
    if (r >= 0 || err != EINTR) break;
    if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  }
  if (r < 0) return rt::raise_os_error(err);
  TupleObject* t = tuple_of({int_from_int64(r), Value::from_small_int(status)});
  return t ? Value::from_obj(t) : Value();
}

bool status_arg(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, int* status) {
  Value a[1];
  return parse_args(fname, args, nargs, kwnames, {"status"}, 1, a) && int_arg(a[0], status);
}

#define STATUS_FUNC(name, expr, boolean)                                           \
  Value posix_##name(Value* args, int64_t nargs, TupleObject* kw) {                \
    int status;                                                                    \
    if (!status_arg(#name, args, nargs, kw, &status)) return Value();              \
    return boolean ? bool_value(expr) : Value::from_small_int(expr);               \
  }
STATUS_FUNC(WIFEXITED, WIFEXITED(status), true)
STATUS_FUNC(WEXITSTATUS, WEXITSTATUS(status), false)
STATUS_FUNC(WIFSIGNALED, WIFSIGNALED(status), true)
STATUS_FUNC(WTERMSIG, WTERMSIG(status), false)
STATUS_FUNC(WIFSTOPPED, WIFSTOPPED(status), true)
STATUS_FUNC(WSTOPSIG, WSTOPSIG(status), false)
STATUS_FUNC(WCOREDUMP, WCOREDUMP(status), true)
STATUS_FUNC(WIFCONTINUED, WIFCONTINUED(status), true)
#undef STATUS_FUNC

Value posix_waitstatus_to_exitcode(Value* args, int64_t nargs, TupleObject* kwnames) {
  int status;
  if (!status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status)) return Value();
  if (WIFEXITED(status)) return Value::from_small_int(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return Value::from_small_int(-WTERMSIG(status));
  return raise_fmt(ValueErrorType, "invalid wait status: %d", status);
}

Value posix__exit(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int code;
  if (!parse_args("_exit", args, nargs, kwnames, {"status"}, 1, a) || !int_arg(a[0], &code)) return Value();
  ::_exit(code);
}

Value posix_times(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("times", nargs, kw, 0, 0)) return Value();
  struct tms t;
  clock_t elapsed = ::times(&t);
  if (elapsed == static_cast<clock_t>(-1)) return rt::raise_errno();
  double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  return new_struct_seq(g_times_result,
                        {float_value(t.tms_utime / tick), float_value(t.tms_stime / tick), float_value(t.tms_cutime / tick),
                         float_value(t.tms_cstime / tick), float_value(elapsed / tick)});
}

Value posix_uname(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("uname", nargs, kw, 0, 0)) return Value();
  struct utsname u;
  if (::uname(&u) != 0) return rt::raise_errno();
  return new_struct_seq(g_uname_result, {fs_name(u.sysname, false), fs_name(u.nodename, false),
                                         fs_name(u.release, false), fs_name(u.version, false), fs_name(u.machine, false)});
}

Value posix_urandom(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int64_t n;
  bool overflow = false;
  if (!parse_args("urandom", args, nargs, kwnames, {"size"}, 1, a)) return Value();
  if (is_float(a[0])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  if (!as_int64(a[0], &n, &overflow)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  if (n < 0) return raise_msg(ValueErrorType, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t r = ::getrandom(buf.data() + done, buf.size() - done, 0);
    if (r < 0) {
      if (errno == EINTR) {
        if (eval_breaker_set() && !handle_eval_breaker()) return Value();
        continue;
      }
      return rt::raise_errno();
    }
    done += static_cast<size_t>(r);
  }
  return bytes_value(buf);
}

Value posix_cpu_count(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("cpu_count", nargs, kw, 0, 0)) return Value();
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? None : Value::from_small_int(n);
}

// The sysconf names CPython knows on Linux that scripts use most.
struct SysconfName {
  const char* name;
  int value;
};
const SysconfName kSysconfNames[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX},
    {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK},
    {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_OPEN_MAX", _SC_OPEN_MAX},
    {"SC_PAGESIZE", _SC_PAGESIZE},
    {"SC_PAGE_SIZE", _SC_PAGESIZE},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
    {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES},
    {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX},
    {"SC_IOV_MAX", _SC_IOV_MAX},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
    {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX},
    {"SC_VERSION", _SC_VERSION},
    {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
};

Value posix_sysconf(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_positional("sysconf", nargs, 1, 1) || !no_kwargs("sysconf", kw)) return Value();
  int name = -1;
  if (is_str(args[0])) {
    for (const SysconfName& s : kSysconfNames)
      if (as_str(args[0])->view() == s.name) name = s.value;
    if (name < 0) return raise_msg(ValueErrorType, "unrecognized configuration name");
  } else if (is_int(args[0])) {
    if (!int_arg(args[0], &name)) return Value();
  } else {
    return raise_msg(TypeErrorType, "configuration names must be strings or integers");
  }
  errno = 0;
  long r = ::sysconf(name);
  if (r == -1 && errno != 0) return rt::raise_errno();
  return int_from_int64(r);
}

Value posix_strerror(Value* args, int64_t nargs, TupleObject* kw) {
  int code;
  if (!check_positional("strerror", nargs, 1, 1) || !no_kwargs("strerror", kw) || !int_arg(args[0], &code)) return Value();
  return str_value(std::strerror(code));
}

// putenv(name, value) / unsetenv(name): the C environment (os.environ keeps its own copy).
Value posix_putenv(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_positional("putenv", nargs, 2, 2) || !no_kwargs("putenv", kw)) return Value();
  PathArg k, v;
  if (!path_arg("putenv", "name", args[0], PathKind::Plain, &k) || !path_arg("putenv", "value", args[1], PathKind::Plain, &v))
    return Value();
  if (k.path.empty() || k.path.find('=') != std::string::npos)
    return raise_msg(ValueErrorType, "illegal environment variable name");
  if (::setenv(k.path.c_str(), v.path.c_str(), 1) != 0) return rt::raise_errno();
  return None;
}

Value posix_unsetenv(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_positional("unsetenv", nargs, 1, 1) || !no_kwargs("unsetenv", kw)) return Value();
  PathArg k;
  if (!path_arg("unsetenv", "name", args[0], PathKind::Plain, &k)) return Value();
  if (k.path.empty() || k.path.find('=') != std::string::npos)
    return raise_msg(ValueErrorType, "illegal environment variable name");
  if (::unsetenv(k.path.c_str()) != 0) return rt::raise_errno();
  return None;
}

// system(command): the shell's wait status, as C's system().
Value posix_system(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  PathArg cmd;
  if (!parse_args("system", args, nargs, kwnames, {"command"}, 1, a) ||
      !path_arg("system", "command", a[0], PathKind::Plain, &cmd))
    return Value();
  int status = 0;
  without_gil([&] { status = ::system(cmd.path.c_str()); });
  return Value::from_small_int(status);
}

const NativeFunctionDef kProcFunctions[] = {
    {"system", posix_system},
    {"getpid", posix_getpid},
    {"getppid", posix_getppid},
    {"getuid", posix_getuid},
    {"geteuid", posix_geteuid},
    {"getgid", posix_getgid},
    {"getegid", posix_getegid},
    {"getpgrp", posix_getpgrp},
    {"getgroups", posix_getgroups},
    {"getpgid", posix_getpgid},
    {"getsid", posix_getsid},
    {"setsid", posix_setsid},
    {"setpgid", posix_setpgid},
    {"getloadavg", posix_getloadavg},
    {"nice", posix_nice},
    {"sched_yield", posix_sched_yield},
    {"kill", posix_kill},
    {"killpg", posix_killpg},
    {"register_at_fork", posix_register_at_fork},
    {"fork", posix_fork},
    {"execv", posix_execv},
    {"execve", posix_execve},
    {"waitpid", posix_waitpid},
    {"wait", posix_wait},
    {"WIFEXITED", posix_WIFEXITED},
    {"WEXITSTATUS", posix_WEXITSTATUS},
    {"WIFSIGNALED", posix_WIFSIGNALED},
    {"WTERMSIG", posix_WTERMSIG},
    {"WIFSTOPPED", posix_WIFSTOPPED},
    {"WSTOPSIG", posix_WSTOPSIG},
    {"WCOREDUMP", posix_WCOREDUMP},
    {"WIFCONTINUED", posix_WIFCONTINUED},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode},
    {"_exit", posix__exit},
    {"times", posix_times},
    {"uname", posix_uname},
    {"urandom", posix_urandom},
    {"cpu_count", posix_cpu_count},
    {"sysconf", posix_sysconf},
    {"strerror", posix_strerror},
    {"putenv", posix_putenv},
    {"unsetenv", posix_unsetenv},
};

}  // namespace

FunctionTable proc_functions() { return {kProcFunctions, std::size(kProcFunctions)}; }

bool init_proc_types(ModuleObject* m) {
  if (!g_times_result) {
    g_times_result = new_struct_seq_type("posix.times_result", {"user", "system", "children_user", "children_system", "elapsed"}, true);
    g_uname_result = new_struct_seq_type("posix.uname_result", {"sysname", "nodename", "release", "version", "machine"}, true);
    add_runtime_root_hook([](Visitor& v) {
      v.visit(g_fork_before);
      v.visit(g_fork_child);
      v.visit(g_fork_parent);
    });
  }
  DictObject* names = new_dict();
  if (!names) return false;
  for (const SysconfName& s : kSysconfNames)
    if (!dict_set_str(names, intern(s.name), Value::from_small_int(s.value))) return false;
  struct Const {
    const char* name;
    int64_t value;
  };
  static const Const kConsts[] = {
      {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED}, {"WEXITED", WEXITED},
      {"WSTOPPED", WSTOPPED}, {"WNOWAIT", WNOWAIT},   {"F_OK", F_OK},             {"R_OK", R_OK},
      {"W_OK", W_OK},       {"X_OK", X_OK},           {"EX_OK", 0},               {"EX_USAGE", 64},
      {"EX_DATAERR", 65},   {"EX_NOINPUT", 66},       {"EX_NOUSER", 67},          {"EX_NOHOST", 68},
      {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70},    {"EX_OSERR", 71},           {"EX_OSFILE", 72},
      {"EX_CANTCREAT", 73}, {"EX_IOERR", 74},         {"EX_TEMPFAIL", 75},        {"EX_PROTOCOL", 76},
      {"EX_NOPERM", 77},    {"EX_CONFIG", 78},
  };
  for (const Const& c : kConsts)
    if (!module_add(m, c.name, int_from_int64(c.value))) return false;
  return module_add(m, "sysconf_names", Value::from_obj(names)) &&
         module_add(m, "times_result", Value::from_obj(g_times_result)) &&
         module_add(m, "uname_result", Value::from_obj(g_uname_result));
}

}  // namespace coil::lib::posix
