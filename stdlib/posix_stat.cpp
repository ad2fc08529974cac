// posix_stat.cpp — file status and attributes: stat/lstat/fstat and os.stat_result,
// statvfs/fstatvfs, access, chmod/fchmod, chown/fchown/lchown, utime, umask, truncate,
// mkfifo, sync.
#include <cerrno>
#include <cmath>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
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

TypeObject* g_stat_result = nullptr;
TypeObject* g_statvfs_result = nullptr;

// dir_fd=None or an int; AT_FDCWD when None.
bool dir_fd_arg(Value v, int* out) {
  *out = AT_FDCWD;
  if (v.is_empty_slot() || v == None) return true;
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "argument should be integer or None, not %s", type_name(v));
    return false;
  }
  return int_arg(v, out);
}

bool bool_arg(Value v, bool dflt, bool* out) {
  if (v.is_empty_slot()) {
    *out = dflt;
    return true;
  }
  int t = is_true(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

Value time_float(const timespec& ts) {
  return float_value(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

Value time_ns(const timespec& ts) {
  Value sec = int_from_int64(ts.tv_sec);
  Value scaled = binary_op(sec, int_from_int64(1000000000), fe::BinaryOpKind::Multiply);
  if (scaled.is_empty_slot()) return scaled;
  return binary_op(scaled, int_from_int64(ts.tv_nsec), fe::BinaryOpKind::Add);
}

}  // namespace

Value stat_result_from(const struct stat& st) {
  auto I = [](int64_t v) { return int_from_int64(v); };
  std::vector<Value> items = {
      I(st.st_mode), I(static_cast<int64_t>(st.st_ino)), I(static_cast<int64_t>(st.st_dev)), I(st.st_nlink),
      I(st.st_uid), I(st.st_gid), I(st.st_size), I(st.st_atim.tv_sec), I(st.st_mtim.tv_sec), I(st.st_ctim.tv_sec),
      time_float(st.st_atim), time_float(st.st_mtim), time_float(st.st_ctim), time_ns(st.st_atim),
      time_ns(st.st_mtim), time_ns(st.st_ctim), I(st.st_blksize), I(st.st_blocks), I(static_cast<int64_t>(st.st_rdev))};
  for (Value v : items)
    if (v.is_empty_slot()) return v;
  return new_struct_seq(g_stat_result, items);
}

namespace {

// stat(path, *, dir_fd=None, follow_symlinks=True) and lstat (follow = false).
Value do_stat(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, bool follow_default) {
  Value a[3];
  if (!parse_args(fname, args, nargs, kwnames, {"path", "dir_fd", "follow_symlinks"}, 1, a, 1)) return Value();
  PathArg p;
  int dir_fd;
  bool follow;
  if (!path_arg(fname, "path", a[0], follow_default ? PathKind::AllowFd : PathKind::Plain, &p) ||
      !dir_fd_arg(a[1], &dir_fd) || !bool_arg(a[2], follow_default, &follow))
    return Value();
  struct stat st;
  int rc;
  if (p.is_fd) rc = ::fstat(p.fd, &st);
  else rc = ::fstatat(dir_fd, p.path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (rc != 0) return path_error(p);
  return stat_result_from(st);
}

Value posix_stat(Value* args, int64_t nargs, TupleObject* kwnames) { return do_stat("stat", args, nargs, kwnames, true); }
Value posix_lstat(Value* args, int64_t nargs, TupleObject* kwnames) { return do_stat("lstat", args, nargs, kwnames, false); }

Value posix_fstat(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("fstat", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  struct stat st;
  if (::fstat(fd, &st) != 0) return rt::raise_errno();
  return stat_result_from(st);
}

// access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)
Value posix_access(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[5];
  if (!parse_args("access", args, nargs, kwnames, {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, a, 2))
    return Value();
  PathArg p;
  int mode, dir_fd;
  bool eff, follow;
  if (!path_arg("access", "path", a[0], PathKind::Plain, &p) || !int_arg(a[1], &mode) || !dir_fd_arg(a[2], &dir_fd) ||
      !bool_arg(a[3], false, &eff) || !bool_arg(a[4], true, &follow))
    return Value();
  int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return bool_value(::faccessat(dir_fd, p.path.c_str(), mode, flags) == 0);
}

// chmod(path, mode, *, dir_fd=None, follow_symlinks=True)
Value posix_chmod(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("chmod", args, nargs, kwnames, {"path", "mode", "dir_fd", "follow_symlinks"}, 2, a, 2)) return Value();
  PathArg p;
  int mode, dir_fd;
  bool follow;
  if (!path_arg("chmod", "path", a[0], PathKind::AllowFd, &p) || !int_arg(a[1], &mode) || !dir_fd_arg(a[2], &dir_fd) ||
      !bool_arg(a[3], true, &follow))
    return Value();
  int rc;
  if (p.is_fd) rc = ::fchmod(p.fd, mode);
  else rc = ::fchmodat(dir_fd, p.path.c_str(), mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (rc != 0) return path_error(p);
  return None;
}

Value posix_fchmod(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  int fd, mode;
  if (!parse_args("fchmod", args, nargs, kwnames, {"fd", "mode"}, 2, a) || !fd_arg(a[0], &fd) || !int_arg(a[1], &mode))
    return Value();
  if (::fchmod(fd, mode) != 0) return rt::raise_errno();
  return None;
}

// chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)
Value posix_chown(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[5];
  if (!parse_args("chown", args, nargs, kwnames, {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, a, 3))
    return Value();
  PathArg p;
  int uid, gid, dir_fd;
  bool follow;
  if (!path_arg("chown", "path", a[0], PathKind::AllowFd, &p) || !int_arg(a[1], &uid) || !int_arg(a[2], &gid) ||
      !dir_fd_arg(a[3], &dir_fd) || !bool_arg(a[4], true, &follow))
    return Value();
  int rc;
  if (p.is_fd) rc = ::fchown(p.fd, uid, gid);
  else rc = ::fchownat(dir_fd, p.path.c_str(), uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (rc != 0) return path_error(p);
  return None;
}

// One utime time: an int or float of seconds to a timespec.
bool seconds_to_timespec(Value v, timespec* ts) {
  if (is_float(v)) {
    double d = static_cast<FloatObject*>(v.as_obj())->value;
    double sec = std::floor(d);
    ts->tv_sec = static_cast<time_t>(sec);
    ts->tv_nsec = static_cast<long>(std::round((d - sec) * 1e9));
    if (ts->tv_nsec >= 1000000000) {
      ts->tv_sec += 1;
      ts->tv_nsec -= 1000000000;
    }
    return true;
  }
  int64_t n;
  bool overflow = false;
  if (!as_int64(v, &n, &overflow)) return false;
  ts->tv_sec = n;
  ts->tv_nsec = 0;
  return true;
}

bool ns_to_timespec(Value v, timespec* ts) {
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  Value billion = int_from_int64(1000000000);
  Value q = binary_op(v, billion, fe::BinaryOpKind::FloorDivide);
  Value r = q.is_empty_slot() ? q : binary_op(v, billion, fe::BinaryOpKind::Remainder);
  if (r.is_empty_slot()) return false;
  int64_t qs, rs;
  if (!int_to_int64(q, &qs) || !int_to_int64(r, &rs)) return false;
  ts->tv_sec = qs;
  ts->tv_nsec = rs;
  return true;
}

// utime(path, times=None, *, ns=<unset>, dir_fd=None, follow_symlinks=True)
Value posix_utime(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[5];
  if (!parse_args("utime", args, nargs, kwnames, {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, a, 2))
    return Value();
  PathArg p;
  int dir_fd;
  bool follow;
  if (!path_arg("utime", "path", a[0], PathKind::AllowFd, &p) || !dir_fd_arg(a[3], &dir_fd) ||
      !bool_arg(a[4], true, &follow))
    return Value();
  Value times = a[1].is_empty_slot() ? None : a[1];
  timespec ts[2];
  timespec* tsp = nullptr;
  if (times != None && !a[2].is_empty_slot())
    return raise_msg(ValueErrorType, "utime: you may specify either 'times' or 'ns' but not both");
  if (times != None) {
    if (!is_exact(times, TupleType) || as_tuple(times)->size != 2)
      return raise_msg(TypeErrorType, "utime: 'times' must be either a tuple of two ints or None");
    for (int i = 0; i < 2; ++i)
      if (!seconds_to_timespec(as_tuple(times)->items[i], &ts[i])) return Value();
    tsp = ts;
  } else if (!a[2].is_empty_slot()) {
    if (!is_exact(a[2], TupleType) || as_tuple(a[2])->size != 2)
      return raise_msg(TypeErrorType, "utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; ++i)
      if (!ns_to_timespec(as_tuple(a[2])->items[i], &ts[i])) return Value();
    tsp = ts;
  }
  int rc;
  if (p.is_fd) rc = ::futimens(p.fd, tsp);
  else rc = ::utimensat(dir_fd, p.path.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  // CPython 3.11's utime reports the error without the file name.
  if (rc != 0) return rt::raise_errno();
  return None;
}

Value posix_umask(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int mask;
  if (!parse_args("umask", args, nargs, kwnames, {"mask"}, 1, a) || !int_arg(a[0], &mask)) return Value();
  return Value::from_small_int(::umask(static_cast<mode_t>(mask)));
}

// truncate(path, length): path may be an fd.
Value posix_truncate(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("truncate", args, nargs, kwnames, {"path", "length"}, 2, a)) return Value();
  PathArg p;
  int64_t len;
  bool overflow = false;
  if (!path_arg("truncate", "path", a[0], PathKind::AllowFd, &p) || !as_int64(a[1], &len, &overflow)) return Value();
  int rc = p.is_fd ? ::ftruncate(p.fd, len) : ::truncate(p.path.c_str(), len);
  if (rc != 0) return path_error(p);
  return None;
}

Value statvfs_result_from(const struct statvfs& st) {
  auto I = [](uint64_t v) { return int_from_uint64(v); };
  return new_struct_seq(g_statvfs_result, std::vector<Value>{I(st.f_bsize), I(st.f_frsize), I(st.f_blocks), I(st.f_bfree),
                                                             I(st.f_bavail), I(st.f_files), I(st.f_ffree), I(st.f_favail),
                                                             I(st.f_flag), I(st.f_namemax), I(st.f_fsid)});
}

// statvfs(path): path may be an fd.
Value posix_statvfs(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  PathArg p;
  if (!parse_args("statvfs", args, nargs, kwnames, {"path"}, 1, a) ||
      !path_arg("statvfs", "path", a[0], PathKind::AllowFd, &p))
    return Value();
  struct statvfs st;
  int rc = p.is_fd ? ::fstatvfs(p.fd, &st) : ::statvfs(p.path.c_str(), &st);
  if (rc != 0) return path_error(p);
  return statvfs_result_from(st);
}

Value posix_fstatvfs(Value* args, int64_t nargs, TupleObject* kwnames) {
  int fd;
  if (!check_positional("fstatvfs", nargs, 1, 1) || !no_kwargs("fstatvfs", kwnames) || !fd_arg(args[0], &fd))
    return Value();
  struct statvfs st;
  if (::fstatvfs(fd, &st) != 0) return rt::raise_errno();
  return statvfs_result_from(st);
}

Value posix_fchown(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  int fd, uid, gid;
  if (!parse_args("fchown", args, nargs, kwnames, {"fd", "uid", "gid"}, 3, a) || !fd_arg(a[0], &fd) ||
      !int_arg(a[1], &uid) || !int_arg(a[2], &gid))
    return Value();
  if (::fchown(fd, uid, gid) != 0) return rt::raise_errno();
  return None;
}

Value posix_lchown(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  PathArg p;
  int uid, gid;
  if (!parse_args("lchown", args, nargs, kwnames, {"path", "uid", "gid"}, 3, a) ||
      !path_arg("lchown", "path", a[0], PathKind::Plain, &p) || !int_arg(a[1], &uid) || !int_arg(a[2], &gid))
    return Value();
  if (::lchown(p.path.c_str(), uid, gid) != 0) return path_error(p);
  return None;
}

// mkfifo(path, mode=0o666, *, dir_fd=None)
Value posix_mkfifo(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  PathArg p;
  int mode = 0666, dir_fd;
  if (!parse_args("mkfifo", args, nargs, kwnames, {"path", "mode", "dir_fd"}, 1, a, 2) ||
      !path_arg("mkfifo", "path", a[0], PathKind::Plain, &p) || (!a[1].is_empty_slot() && !int_arg(a[1], &mode)) ||
      !dir_fd_arg(a[2], &dir_fd))
    return Value();
  if (::mkfifoat(dir_fd, p.path.c_str(), static_cast<mode_t>(mode)) != 0) return path_error(p);
  return None;
}

Value posix_sync(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("sync", nargs, kwnames, 0, 0)) return Value();
  ::sync();
  return None;
}

const NativeFunctionDef kStatFunctions[] = {
    {"statvfs", posix_statvfs}, {"fstatvfs", posix_fstatvfs}, {"fchown", posix_fchown}, {"lchown", posix_lchown},
    {"mkfifo", posix_mkfifo},   {"sync", posix_sync},
    {"stat", posix_stat},   {"lstat", posix_lstat}, {"fstat", posix_fstat},       {"access", posix_access},
    {"chmod", posix_chmod}, {"fchmod", posix_fchmod}, {"chown", posix_chown},     {"utime", posix_utime},
    {"umask", posix_umask}, {"truncate", posix_truncate},
};

}  // namespace

FunctionTable stat_functions() { return {kStatFunctions, std::size(kStatFunctions)}; }

bool init_stat_types(ModuleObject* m) {
  if (!g_stat_result) {
    g_stat_result = new_struct_seq_type(
        "os.stat_result",
        {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
         "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks",
         "st_rdev"},
        10, true);
  }
  if (!g_statvfs_result) {
    g_statvfs_result = new_struct_seq_type("os.statvfs_result",
                                           {"f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
                                            "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid"},
                                           10, true);
  }
  return module_add(m, "stat_result", Value::from_obj(g_stat_result)) &&
         module_add(m, "statvfs_result", Value::from_obj(g_statvfs_result));
}

}  // namespace coil::lib::posix
