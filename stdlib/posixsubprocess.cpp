// posixsubprocess.cpp — `_posixsubprocess.fork_exec`, the fork-and-exec step of the host
// `subprocess` module: the child rewires its standard fds, changes directory, umask, session,
// ids and signals, closes the other fds and execs; an exec failure goes back to the parent as
// "OSError:<hex errno>:[noexec]" on the error pipe, the format subprocess.py parses.
//
// Everything the child needs is converted to C strings before fork(): between fork and exec
// the child may not allocate (another thread of the parent may have held the malloc lock).
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

constexpr int kNumArgs = 23;

// str, bytes or os.PathLike -> bytes of the path (UTF-8 for str, as the fs encoding here).
bool fs_bytes(Value v, std::string* out) {
  if (is_str(v)) {
    *out = std::string(as_str(v)->view());
  } else if (is_bytes(v)) {
    *out = std::string(static_cast<BytesObject*>(v.as_obj())->view());
  } else {
    bool err;
    Value fspath = get_attr_opt(v, intern("__fspath__"), &err);
    if (err) return false;
    if (fspath.is_empty_slot()) {
      raise_fmt(TypeErrorType, "expected str, bytes or os.PathLike object, not %s", type_name(v));
      return false;
    }
    Value p = call0(fspath);
    if (p.is_empty_slot()) return false;
    if (!is_str(p) && !is_bytes(p)) {
      raise_fmt(TypeErrorType, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v), type_name(p));
      return false;
    }
    return fs_bytes(p, out);
  }
  if (out->find('\0') != std::string::npos) {
    raise_msg(ValueErrorType, "embedded null byte");
    return false;
  }
  return true;
}

// A sequence of path-likes as C strings (null: None).
bool string_list(Value seq, std::vector<std::string>* out) {
  Value it = get_iter(seq);
  if (it.is_empty_slot()) return false;
  for (;;) {
    bool done;
    Value v = iter_next(it, &done);
    if (done) return true;
    if (v.is_empty_slot()) return false;
    std::string s;
    if (!fs_bytes(v, &s)) return false;
    out->push_back(std::move(s));
  }
}

bool int_arg(Value v, int64_t* out) {
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  if (!int_to_int64(v, out)) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C long");
    return false;
  }
  return true;
}

// Writes the whole buffer (async-signal-safe).
void write_all(int fd, const char* p, size_t n) {
  while (n) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
}

// "OSError:<hex errno>:" plus "noexec" when exec was never reached; then _exit(255).
[[noreturn]] void report_and_exit(int errpipe, int err, bool noexec) {
  char buf[64] = "OSError:";
  size_t n = std::strlen(buf);
  char hex[16];
  int h = 0;
  unsigned e = static_cast<unsigned>(err);
  do {
    hex[h++] = "0123456789ABCDEF"[e % 16];
    e /= 16;
  } while (e);
  while (h) buf[n++] = hex[--h];
  buf[n++] = ':';
  if (noexec) {
    std::memcpy(buf + n, "noexec", 6);
    n += 6;
  }
  write_all(errpipe, buf, n);
  _exit(255);
}

// Closes every fd >= 3 not in keep (sorted), without allocating.
void close_fds_except(const std::vector<int>& keep) {
  unsigned lo = 3;
  for (int k : keep) {
    if (k < 3) continue;
    if (static_cast<unsigned>(k) > lo && syscall(SYS_close_range, lo, static_cast<unsigned>(k) - 1, 0) != 0) {
      for (unsigned fd = lo; fd < static_cast<unsigned>(k); ++fd) ::close(static_cast<int>(fd));
    }
    lo = static_cast<unsigned>(k) + 1;
  }
  if (syscall(SYS_close_range, lo, ~0U, 0) != 0) {
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (long fd = lo; fd < max; ++fd) ::close(static_cast<int>(fd));
  }
}

struct ChildPlan {
  std::vector<char*> argv, envp;
  std::vector<const char*> executables;
  const char* cwd = nullptr;
  bool has_env = false;
  bool close_fds = false;
  std::vector<int> keep;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  bool restore_signals, call_setsid;
  int64_t pgid, child_umask;
  bool has_gid = false, has_uid = false, has_groups = false;
  gid_t gid = 0;
  uid_t uid = 0;
  std::vector<gid_t> groups;
  Value preexec_fn;
};

// dup2 that clears close-on-exec when the fd is already in place.
int move_fd(int from, int to) {
  if (from == to) {
    int flags = fcntl(from, F_GETFD);
    return flags < 0 ? -1 : fcntl(from, F_SETFD, flags & ~FD_CLOEXEC);
  }
  return dup2(from, to);
}

[[noreturn]] void run_child(ChildPlan& c) {
  int err = 0;
  for (int fd : {c.p2cwrite, c.c2pread, c.errread})
    if (fd != -1) ::close(fd);
  ::close(c.errpipe_read);
  // Make sure the target fds 0-2 do not overwrite a source still needed.
  if (c.c2pwrite == 0) c.c2pwrite = dup(c.c2pwrite);
  while (c.errwrite == 0 || c.errwrite == 1) c.errwrite = dup(c.errwrite);
  if ((c.p2cread != -1 && move_fd(c.p2cread, 0) < 0) || (c.c2pwrite != -1 && move_fd(c.c2pwrite, 1) < 0) ||
      (c.errwrite != -1 && move_fd(c.errwrite, 2) < 0))
    report_and_exit(c.errpipe_write, errno, true);
  if (c.cwd && chdir(c.cwd) != 0) report_and_exit(c.errpipe_write, errno, true);
  if (c.child_umask >= 0) umask(static_cast<mode_t>(c.child_umask));
  if (c.restore_signals) {
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
  }
  if (c.call_setsid && setsid() < 0) report_and_exit(c.errpipe_write, errno, true);
  if (c.pgid >= 0 && setpgid(0, static_cast<pid_t>(c.pgid)) < 0) report_and_exit(c.errpipe_write, errno, true);
  if (c.has_groups && setgroups(c.groups.size(), c.groups.data()) < 0) report_and_exit(c.errpipe_write, errno, true);
  if (c.has_gid && setregid(c.gid, c.gid) < 0) report_and_exit(c.errpipe_write, errno, true);
  if (c.has_uid && setreuid(c.uid, c.uid) < 0) report_and_exit(c.errpipe_write, errno, true);
  if (!c.preexec_fn.is_empty_slot() && c.preexec_fn != None) {
    // Python code in the child: this thread holds the (rebuilt) GIL.
    gil_after_fork_child();
    if (call0(c.preexec_fn).is_empty_slot()) {
      const char msg[] = "SubprocessError:0:Exception occurred in preexec_fn.";
      write_all(c.errpipe_write, msg, sizeof msg - 1);
      _exit(255);
    }
  }
  for (int fd : c.keep) {
    if (fd == c.errpipe_write) continue;
    int flags = fcntl(fd, F_GETFD);
    if (flags >= 0) fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  }
  if (c.close_fds) close_fds_except(c.keep);
  for (const char* exe : c.executables) {
    if (c.has_env) execve(exe, c.argv.data(), c.envp.data());
    else execv(exe, c.argv.data());
    if (errno != ENOENT && errno != ENOTDIR && err == 0) err = errno;
  }
  report_and_exit(c.errpipe_write, err ? err : errno, false);
}

Value fork_exec(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("fork_exec", nargs, kwnames, kNumArgs, kNumArgs)) return Value();
  ChildPlan c;
  std::vector<std::string> argv_s, env_s, exe_s;
  std::string cwd_s;
  if (args[0] != None && !string_list(args[0], &argv_s)) return Value();
  if (!string_list(args[1], &exe_s)) return Value();
  int t = is_true(args[2]);
  if (t < 0) return Value();
  c.close_fds = t;
  if (!is_tuple(args[3])) return raise_msg(TypeErrorType, "fork_exec() argument 4 must be tuple");
  TupleObject* keep = as_tuple(args[3]);
  for (int64_t i = 0; i < keep->size; ++i) {
    int64_t fd;
    if (!int_arg(keep->items[i], &fd)) return Value();
    if (fd < 0 || fd > INT32_MAX || (i && fd < c.keep.back()))
      return raise_msg(ValueErrorType, "bad value(s) in fds_to_keep");
    c.keep.push_back(static_cast<int>(fd));
  }
  if (args[4] != None) {
    if (!fs_bytes(args[4], &cwd_s)) return Value();
  }
  if (args[5] != None) {
    if (!string_list(args[5], &env_s)) return Value();
    c.has_env = true;
  }
  int64_t fds[8];
  for (int i = 0; i < 8; ++i)
    if (!int_arg(args[6 + i], &fds[i])) return Value();
  c.p2cread = static_cast<int>(fds[0]);
  c.p2cwrite = static_cast<int>(fds[1]);
  c.c2pread = static_cast<int>(fds[2]);
  c.c2pwrite = static_cast<int>(fds[3]);
  c.errread = static_cast<int>(fds[4]);
  c.errwrite = static_cast<int>(fds[5]);
  c.errpipe_read = static_cast<int>(fds[6]);
  c.errpipe_write = static_cast<int>(fds[7]);
  if ((t = is_true(args[14])) < 0) return Value();
  c.restore_signals = t;
  if ((t = is_true(args[15])) < 0) return Value();
  c.call_setsid = t;
  if (!int_arg(args[16], &c.pgid)) return Value();
  int64_t n;
  if (args[17] != None) {
    if (!int_arg(args[17], &n)) return Value();
    c.has_gid = true;
    c.gid = static_cast<gid_t>(n);
  }
  if (args[18] != None) {
    c.has_groups = true;
    Value it = get_iter(args[18]);
    if (it.is_empty_slot()) return Value();
    for (;;) {
      bool done;
      Value g = iter_next(it, &done);
      if (done) break;
      if (g.is_empty_slot() || !int_arg(g, &n)) return Value();
      c.groups.push_back(static_cast<gid_t>(n));
    }
  }
  if (args[19] != None) {
    if (!int_arg(args[19], &n)) return Value();
    c.has_uid = true;
    c.uid = static_cast<uid_t>(n);
  }
  if (!int_arg(args[20], &c.child_umask)) return Value();
  c.preexec_fn = args[21];
  if (c.preexec_fn != None && !is_callable(c.preexec_fn))
    return raise_msg(TypeErrorType, "preexec_fn must be callable");
  for (std::string& s : argv_s) c.argv.push_back(s.data());
  c.argv.push_back(nullptr);
  for (std::string& s : env_s) c.envp.push_back(s.data());
  c.envp.push_back(nullptr);
  for (std::string& s : exe_s) c.executables.push_back(s.c_str());
  if (args[4] != None) c.cwd = cwd_s.c_str();
  pid_t pid = fork();
  if (pid < 0) return raise_errno(OSErrorType, errno);
  if (pid == 0) run_child(c);
  return int_from_int64(pid);
}

const NativeFunctionDef kPosixSubprocessFunctions[] = {
    {"fork_exec", fork_exec},
};

}  // namespace

extern const NativeModuleDef kPosixSubprocessModule;
const NativeModuleDef kPosixSubprocessModule = {"_posixsubprocess", kPosixSubprocessFunctions,
                                                std::size(kPosixSubprocessFunctions), nullptr};

}  // namespace coil::lib
