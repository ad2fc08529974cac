// posix_fd.cpp — file descriptors: open, read, write, close, lseek, fsync, ftruncate,
// pipe, dup/dup2, isatty, inheritable and blocking flags, device_encoding,
// get_terminal_size (os.terminal_size), and the O_* / SEEK_* constants.
#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/os_error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/buffer.h"
#include "stdlib/native_type_util.h"
#include "stdlib/posix_support.h"
#include "stdlib/struct_sequence.h"

namespace coil::lib::posix {

using namespace coil::rt;

namespace {

TypeObject* g_terminal_size = nullptr;

bool dir_fd_arg(Value v, int* out) {
  *out = AT_FDCWD;
  if (v.is_empty_slot() || v == None) return true;
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "argument should be integer or None, not %s", type_name(v));
    return false;
  }
  return int_arg(v, out);
}

// Runs `op` (a blocking system call touching no GC object) with the GIL released, until it
// does not fail with EINTR, running signal handlers in between (PEP 475).
template <class F>
auto retry_eintr(F op, bool* failed) -> decltype(op()) {
  while (true) {
    decltype(op()) r;
    int err = 0;
    without_gil([&] {
      r = op();
      err = errno;
    });
    errno = err;
    if (r >= 0 || errno != EINTR) {
      *failed = r < 0;
      return r;
    }
    if (eval_breaker_set() && !handle_eval_breaker()) {
      *failed = true;
      errno = 0;
      return r;
    }
  }
}

// Raises for errno unless a signal handler already raised (errno 0 after retry_eintr).
Value fail() { return has_pending_exception() ? Value() : rt::raise_errno(); }

// open(path, flags, mode=0o777, *, dir_fd=None): the fd is non-inheritable (PEP 446).
Value posix_open(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("open", args, nargs, kwnames, {"path", "flags", "mode", "dir_fd"}, 2, a, 3)) return Value();
  PathArg p;
  int flags, mode = 0777, dir_fd;
  if (!path_arg("open", "path", a[0], PathKind::Plain, &p) || !int_arg(a[1], &flags) ||
      (!a[2].is_empty_slot() && !int_arg(a[2], &mode)) || !dir_fd_arg(a[3], &dir_fd))
    return Value();
  bool failed;
  int fd = retry_eintr([&] { return ::openat(dir_fd, p.path.c_str(), flags | O_CLOEXEC, mode); }, &failed);
  if (failed) return has_pending_exception() ? Value() : path_error(p);
  return Value::from_small_int(fd);
}

Value posix_close(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("close", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  // No retry on EINTR: the descriptor is released either way on Linux.
  if (::close(fd) != 0 && errno != EINTR) return rt::raise_errno();
  return None;
}

Value posix_closerange(Value* args, int64_t nargs, TupleObject* kwnames) {
  int lo, hi;
  if (!check_positional("closerange", nargs, 2, 2) || !no_kwargs("closerange", kwnames) || !fd_arg(args[0], &lo) ||
      !fd_arg(args[1], &hi))
    return Value();
  for (int fd = lo < 0 ? 0 : lo; fd < hi; ++fd) ::close(fd);
  return None;
}

Value posix_read(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  int64_t n;
  bool overflow = false;
  if (!check_positional("read", nargs, 2, 2) || !no_kwargs("read", kwnames) || !fd_arg(args[0], &fd)) return Value();
  if (is_float(args[1])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  if (!as_int64(args[1], &n, &overflow)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  if (n < 0) return raise_os_error(EINVAL);
  std::string buf(static_cast<size_t>(n), '\0');
  bool failed;
  ssize_t got = retry_eintr([&] { return ::read(fd, buf.data(), buf.size()); }, &failed);
  if (failed) return fail();
  buf.resize(static_cast<size_t>(got));
  return bytes_value(buf);
}

Value posix_write(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  if (!check_positional("write", nargs, 2, 2) || !no_kwargs("write", kwnames) || !fd_arg(args[0], &fd)) return Value();
  ByteBuffer buf;  // any bytes-like object: subprocess writes memoryview slices
  if (!require_buffer(args[1], &buf)) return Value();
  std::string_view data = buf.data;
  // Another thread may resize a bytearray while the GIL is released: write from a copy.
  std::string copy;
  if (!is_exact(args[1], BytesType)) {
    copy.assign(data);
    data = copy;
  }
  bool failed;
  ssize_t n = retry_eintr([&] { return ::write(fd, data.data(), data.size()); }, &failed);
  if (failed) return fail();
  return int_from_int64(n);
}

// lseek(fd, position, whence)
Value posix_lseek(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd, whence;
  int64_t pos;
  bool overflow = false;
  if (!check_positional("lseek", nargs, 3, 3) || !no_kwargs("lseek", kwnames) || !fd_arg(args[0], &fd)) return Value();
  if (is_float(args[1])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  if (!as_int64(args[1], &pos, &overflow) || !int_arg(args[2], &whence)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C long");
  off_t r = ::lseek(fd, pos, whence);
  if (r < 0) return rt::raise_errno();
  return int_from_int64(r);
}

// fsync(fd) and fdatasync(fd) accept any object with fileno().
bool fd_or_fileno(Value v, int* fd) {
  if (!is_int(v)) {
    Value m = get_attr(v, intern("fileno"));
    if (m.is_empty_slot()) {
      clear_exception();
      raise_msg(TypeErrorType, "argument must be an int, or have a fileno() method.");
      return false;
    }
    v = call0(m);
    if (v.is_empty_slot()) return false;
  }
  if (!int_arg(v, fd)) return false;
  if (*fd < 0) {
    raise_fmt(ValueErrorType, "file descriptor cannot be a negative integer (%d)", *fd);
    return false;
  }
  return true;
}

Value posix_fsync(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("fsync", args, nargs, kwnames, {"fd"}, 1, a) || !fd_or_fileno(a[0], &fd)) return Value();
  if (::fsync(fd) != 0) return rt::raise_errno();
  return None;
}

Value posix_fdatasync(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("fdatasync", args, nargs, kwnames, {"fd"}, 1, a) || !fd_or_fileno(a[0], &fd)) return Value();
  if (::fdatasync(fd) != 0) return rt::raise_errno();
  return None;
}

Value posix_ftruncate(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  int64_t len;
  bool overflow = false;
  if (!check_positional("ftruncate", nargs, 2, 2) || !no_kwargs("ftruncate", kwnames) || !fd_arg(args[0], &fd) ||
      !as_int64(args[1], &len, &overflow))
    return Value();
  if (::ftruncate(fd, len) != 0) return rt::raise_errno();
  return None;
}

Value fd_pair(int fds[2]) {
  TupleObject* t = tuple_of({Value::from_small_int(fds[0]), Value::from_small_int(fds[1])});
  return t ? Value::from_obj(t) : Value();
}

Value posix_pipe(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("pipe", nargs, kwnames, 0, 0)) return Value();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return rt::raise_errno();
  return fd_pair(fds);
}

Value posix_pipe2(Value* args, int64_t nargs, TupleObject* kwnames) {
  int flags;
  if (!check_positional("pipe2", nargs, 1, 1) || !no_kwargs("pipe2", kwnames) || !int_arg(args[0], &flags)) return Value();
  int fds[2];
  if (::pipe2(fds, flags) != 0) return rt::raise_errno();
  return fd_pair(fds);
}

Value posix_dup(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("dup", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return rt::raise_errno();
  return Value::from_small_int(r);
}

// dup2(fd, fd2, inheritable=True)
Value posix_dup2(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  int fd, fd2;
  if (!parse_args("dup2", args, nargs, kwnames, {"fd", "fd2", "inheritable"}, 2, a) || !fd_arg(a[0], &fd) ||
      !fd_arg(a[1], &fd2))
    return Value();
  int inheritable = a[2].is_empty_slot() ? 1 : is_true(a[2]);
  if (inheritable < 0) return Value();
  int r = inheritable ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return rt::raise_errno();
  return Value::from_small_int(r);
}

Value posix_isatty(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("isatty", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  return bool_value(::isatty(fd));
}

Value posix_get_inheritable(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("get_inheritable", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return rt::raise_errno();
  return bool_value(!(flags & FD_CLOEXEC));
}

Value posix_set_inheritable(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  int fd;
  if (!parse_args("set_inheritable", args, nargs, kwnames, {"fd", "inheritable"}, 2, a) || !fd_arg(a[0], &fd))
    return Value();
  int inh;
  if (!int_arg(a[1], &inh)) return Value();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0 || ::fcntl(fd, F_SETFD, inh ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC) < 0) return rt::raise_errno();
  return None;
}

Value posix_get_blocking(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("get_blocking", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return rt::raise_errno();
  return bool_value(!(flags & O_NONBLOCK));
}

Value posix_set_blocking(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  int fd;
  if (!parse_args("set_blocking", args, nargs, kwnames, {"fd", "blocking"}, 2, a) || !fd_arg(a[0], &fd)) return Value();
  int blocking;
  if (!int_arg(a[1], &blocking)) return Value();
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK) < 0) return rt::raise_errno();
  return None;
}

// device_encoding(fd): the locale's encoding for a terminal, else None. Coil runs in
// UTF-8 (the C locale is coerced, as CPython does under PEP 538).
Value posix_device_encoding(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("device_encoding", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  if (!::isatty(fd)) return None;
  return str_value("UTF-8");
}

// get_terminal_size(fd=1) -> os.terminal_size(columns, lines)
Value posix_get_terminal_size(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("get_terminal_size", nargs, 0, 1) || !no_kwargs("get_terminal_size", kwnames)) return Value();
  int fd = STDOUT_FILENO;
  if (nargs && !fd_arg(args[0], &fd)) return Value();
  winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) != 0) return rt::raise_errno();
  return new_struct_seq(g_terminal_size, {Value::from_small_int(w.ws_col), Value::from_small_int(w.ws_row)});
}

// pread(fd, length, offset) / pwrite(fd, data, offset): at an offset, not moving the file position.
Value posix_pread(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  int64_t n, off;
  bool overflow = false;
  if (!check_positional("pread", nargs, 3, 3) || !no_kwargs("pread", kwnames) || !fd_arg(args[0], &fd) ||
      !as_int64(args[1], &n, &overflow) || !as_int64(args[2], &off, &overflow))
    return Value();
  if (n < 0) return raise_os_error(EINVAL);
  std::string buf(static_cast<size_t>(n), '\0');
  bool failed;
  ssize_t got = retry_eintr([&] { return ::pread(fd, buf.data(), buf.size(), off); }, &failed);
  if (failed) return fail();
  buf.resize(static_cast<size_t>(got));
  return bytes_value(buf);
}

Value posix_pwrite(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  int64_t off;
  bool overflow = false;
  if (!check_positional("pwrite", nargs, 3, 3) || !no_kwargs("pwrite", kwnames) || !fd_arg(args[0], &fd)) return Value();
  ByteBuffer buf;  // any bytes-like object: subprocess writes memoryview slices
  if (!require_buffer(args[1], &buf)) return Value();
  std::string_view data = buf.data;
  if (!as_int64(args[2], &off, &overflow)) return Value();
  std::string copy;
  if (!is_exact(args[1], BytesType)) {
    copy.assign(data);
    data = copy;
  }
  bool failed;
  ssize_t n = retry_eintr([&] { return ::pwrite(fd, data.data(), data.size(), off); }, &failed);
  if (failed) return fail();
  return int_from_int64(n);
}

Value posix_ttyname(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("ttyname", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  char buf[256];
  int rc = ::ttyname_r(fd, buf, sizeof buf);
  if (rc != 0) return raise_os_error(rc);
  return fs_name(buf, false);
}

const NativeFunctionDef kFdFunctions[] = {
    {"pread", posix_pread},
    {"pwrite", posix_pwrite},
    {"ttyname", posix_ttyname},
    {"open", posix_open},
    {"close", posix_close},
    {"closerange", posix_closerange},
    {"read", posix_read},
    {"write", posix_write},
    {"lseek", posix_lseek},
    {"fsync", posix_fsync},
    {"fdatasync", posix_fdatasync},
    {"ftruncate", posix_ftruncate},
    {"pipe", posix_pipe},
    {"pipe2", posix_pipe2},
    {"dup", posix_dup},
    {"dup2", posix_dup2},
    {"isatty", posix_isatty},
    {"get_inheritable", posix_get_inheritable},
    {"set_inheritable", posix_set_inheritable},
    {"get_blocking", posix_get_blocking},
    {"set_blocking", posix_set_blocking},
    {"device_encoding", posix_device_encoding},
    {"get_terminal_size", posix_get_terminal_size},
};

}  // namespace

FunctionTable fd_functions() { return {kFdFunctions, std::size(kFdFunctions)}; }

bool init_fd_constants(ModuleObject* m) {
  if (!g_terminal_size) g_terminal_size = new_struct_seq_type("os.terminal_size", {"columns", "lines"}, true);
  struct Const {
    const char* name;
    int64_t value;
  };
  static const Const kConsts[] = {
      {"O_RDONLY", O_RDONLY},     {"O_WRONLY", O_WRONLY},       {"O_RDWR", O_RDWR},         {"O_APPEND", O_APPEND},
      {"O_CREAT", O_CREAT},       {"O_EXCL", O_EXCL},           {"O_TRUNC", O_TRUNC},       {"O_NONBLOCK", O_NONBLOCK},
      {"O_NDELAY", O_NDELAY},     {"O_SYNC", O_SYNC},           {"O_DSYNC", O_DSYNC},       {"O_RSYNC", O_RSYNC},
      {"O_NOCTTY", O_NOCTTY},     {"O_CLOEXEC", O_CLOEXEC},     {"O_DIRECTORY", O_DIRECTORY},
      {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},     {"O_ASYNC", O_ASYNC},       {"O_DIRECT", O_DIRECT},
      {"O_LARGEFILE", O_LARGEFILE}, {"O_NOATIME", O_NOATIME},   {"O_PATH", O_PATH},         {"O_TMPFILE", O_TMPFILE},
      {"SEEK_SET", SEEK_SET},     {"SEEK_CUR", SEEK_CUR},       {"SEEK_END", SEEK_END},     {"SEEK_DATA", SEEK_DATA},
      {"SEEK_HOLE", SEEK_HOLE},
  };
  for (const Const& c : kConsts)
    if (!module_add(m, c.name, int_from_int64(c.value))) return false;
  return module_add(m, "terminal_size", Value::from_obj(g_terminal_size));
}

}  // namespace coil::lib::posix
