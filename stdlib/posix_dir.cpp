// posix_dir.cpp — directories and names: listdir, scandir (ScandirIterator, DirEntry),
// mkdir, rmdir, unlink/remove, rename/replace, getcwd/getcwdb, chdir/fchdir, readlink,
// symlink, link.
#include <cerrno>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/os_error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/native_type_util.h"
#include "stdlib/posix_support.h"

namespace coil::lib::posix {

using namespace coil::rt;

Value stat_result_from(const struct stat& st);

}  // namespace coil::lib::posix
namespace coil::rt {
Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp
}  // namespace coil::rt
namespace coil::lib::posix {

namespace {

bool dir_fd_arg(Value v, int* out) {
  *out = AT_FDCWD;
  if (v.is_empty_slot() || v == None) return true;
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "argument should be integer or None, not %s", type_name(v));
    return false;
  }
  return int_arg(v, out);
}

bool follow_arg(Value v, bool* out) {
  *out = true;
  if (v.is_empty_slot()) return true;
  int t = is_true(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

// Reads the entries of an open DIR (not "." or ".."); false with OSError pending.
bool read_names(DIR* d, std::vector<std::string>* names) {
  while (true) {
    errno = 0;
    dirent* e = ::readdir(d);
    if (!e) return errno == 0;
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    names->emplace_back(e->d_name);
  }
}

// listdir(path=None): names as str, or bytes when path is bytes; path may be an fd.
Value posix_listdir(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("listdir", args, nargs, kwnames, {"path"}, 0, a)) return Value();
  PathArg p;
  if (!path_arg("listdir", "path", a[0], PathKind::NullableFd, &p)) return Value();
  DIR* d;
  if (p.is_fd) {
    int fd = ::dup(p.fd);
    if (fd < 0) return rt::raise_errno();
    d = ::fdopendir(fd);
    if (!d) {
      int saved = errno;
      ::close(fd);
      return raise_os_error(saved);
    }
  } else {
    d = ::opendir(p.path.c_str());
    if (!d) return path_error(p);
  }
  std::vector<std::string> names;
  bool ok = read_names(d, &names);
  int saved = errno;
  if (p.is_fd) ::rewinddir(d);
  ::closedir(d);
  if (!ok) return raise_os_error(saved, p.given ? p.object : Value());
  ListObject* l = new_list(0);
  if (!l) return Value();
  for (const std::string& n : names) {
    Value v = fs_name(n, p.is_bytes);
    if (v.is_empty_slot() || !list_append(l, v)) return Value();
  }
  return Value::from_obj(l);
}

// ---- scandir --------------------------------------------------------------------------------
struct DirEntryObject : Object {
  Value name, path;        // str or bytes
  Value stat, lstat;       // cached stat_result, or empty
  uint64_t ino;
  int dir_fd;              // -1 unless scandir was given an fd
  unsigned char d_type;    // DT_UNKNOWN when the file system does not say
};

struct ScandirObject : Object {
  DIR* dir;
  Value path;              // the path argument (str/bytes) for DirEntry.path, or None
  bool is_bytes;
  int fd;                  // the fd given, or -1
};

TypeObject* g_direntry_type = nullptr;
TypeObject* g_scandir_type = nullptr;

void visit_direntry(Object* self, Visitor& v) {
  auto* e = static_cast<DirEntryObject*>(self);
  v.visit(e->name);
  v.visit(e->path);
  v.visit(e->stat);
  v.visit(e->lstat);
}
void visit_scandir(Object* self, Visitor& v) { v.visit(static_cast<ScandirObject*>(self)->path); }

DirEntryObject* E(Value v) { return static_cast<DirEntryObject*>(v.as_obj()); }

Value entry_fetch_stat(DirEntryObject* e, bool follow) {
  Value& slot = follow ? e->stat : e->lstat;
  if (!slot.is_empty_slot() && slot.is_obj()) return slot;
  struct stat st;
  int rc;
  std::string path;
  if (e->dir_fd != -1) {
    std::string_view n = is_bytes(e->name) ? as_bytes(e->name)->view() : std::string_view();
    PathArg pa;
    if (!is_bytes(e->name) && !path_arg("stat", "path", e->name, PathKind::Plain, &pa)) return Value();
    path = is_bytes(e->name) ? std::string(n) : pa.path;
    rc = ::fstatat(e->dir_fd, path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  } else {
    PathArg pa;
    if (!path_arg("stat", "path", e->path, PathKind::Plain, &pa)) return Value();
    rc = follow ? ::stat(pa.path.c_str(), &st) : ::lstat(pa.path.c_str(), &st);
  }
  if (rc != 0) return rt::raise_errno(e->path);
  Value r = stat_result_from(st);
  if (!r.is_empty_slot()) slot = r;
  return r;
}

bool entry_is_symlink(DirEntryObject* e, int* out) {
  if (e->d_type != DT_UNKNOWN) {
    *out = e->d_type == DT_LNK;
    return true;
  }
  Value st = entry_fetch_stat(e, false);
  if (st.is_empty_slot()) return false;
  int64_t mode = 0;
  int_to_int64(as_tuple(st)->items[0], &mode);
  *out = S_ISLNK(mode);
  return true;
}

// is_dir / is_file: d_type when it answers, else stat; a missing file is just False.
Value entry_test_mode(Value* args, int64_t nargs, TupleObject* kwnames, const char* fname, mode_t want, unsigned char dt) {
  Value a[1];
  if (!parse_args(fname, args + 1, nargs - 1, kwnames, {"follow_symlinks"}, 0, a, 0)) return Value();
  bool follow;
  if (!follow_arg(a[0], &follow)) return Value();
  DirEntryObject* e = E(args[0]);
  int link = 0;
  if (!entry_is_symlink(e, &link)) return Value();
  if (e->d_type != DT_UNKNOWN && !(follow && link)) return bool_value(e->d_type == dt);
  Value st = entry_fetch_stat(e, follow);
  if (st.is_empty_slot()) {
    if (pending_matches(FileNotFoundErrorType)) {
      clear_exception();
      return False;
    }
    return Value();
  }
  int64_t mode = 0;
  int_to_int64(as_tuple(st)->items[0], &mode);
  return bool_value((mode & S_IFMT) == want);
}

Value direntry_is_dir(Value* args, int64_t nargs, TupleObject* kw) {
  return entry_test_mode(args, nargs, kw, "is_dir", S_IFDIR, DT_DIR);
}
Value direntry_is_file(Value* args, int64_t nargs, TupleObject* kw) {
  return entry_test_mode(args, nargs, kw, "is_file", S_IFREG, DT_REG);
}
Value direntry_is_symlink(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_positional("is_symlink", nargs - 1, 0, 0) || !no_kwargs("is_symlink", kw)) return Value();
  int link = 0;
  if (!entry_is_symlink(E(args[0]), &link)) return Value();
  return bool_value(link);
}
Value direntry_stat(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("stat", args + 1, nargs - 1, kwnames, {"follow_symlinks"}, 0, a, 0)) return Value();
  bool follow;
  if (!follow_arg(a[0], &follow)) return Value();
  DirEntryObject* e = E(args[0]);
  int link = 0;
  if (follow && !entry_is_symlink(e, &link)) return Value();
  // A non-link's stat is its lstat.
  return entry_fetch_stat(e, follow && link);
}
Value direntry_inode(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_positional("inode", nargs - 1, 0, 0) || !no_kwargs("inode", kw)) return Value();
  return int_from_uint64(E(args[0])->ino);
}
Value direntry_fspath(Value* args, int64_t, TupleObject*) { return E(args[0])->path; }
Value direntry_repr(Value* args, int64_t, TupleObject*) {
  std::string r;
  if (!repr_string(E(args[0])->name, &r)) return Value();
  return str_value("<DirEntry " + r + ">");
}
Value direntry_get_name(Value self) { return E(self)->name; }
Value direntry_get_path(Value self) { return E(self)->path; }

const NativeMethodDef kDirEntryMethods[] = {
    {"is_dir", direntry_is_dir},
    {"is_file", direntry_is_file},
    {"is_symlink", direntry_is_symlink},
    {"stat", direntry_stat},
    {"inode", direntry_inode},
    {"__fspath__", direntry_fspath},
    {"__repr__", direntry_repr},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kDirEntryGetSets[] = {{"name", direntry_get_name}, {"path", direntry_get_path}};

ScandirObject* S(Value v) { return static_cast<ScandirObject*>(v.as_obj()); }

void scandir_close_dir(ScandirObject* s) {
  if (!s->dir) return;
  if (s->fd != -1) ::rewinddir(s->dir);
  ::closedir(s->dir);
  s->dir = nullptr;
}

Value scandir_next(Value* args, int64_t, TupleObject*) {
  ScandirObject* s = S(args[0]);
  while (s->dir) {
    errno = 0;
    dirent* d = ::readdir(s->dir);
    if (!d) {
      int saved = errno;
      scandir_close_dir(s);
      if (saved) return raise_os_error(saved, s->path == None ? Value() : s->path);
      break;
    }
    if (std::strcmp(d->d_name, ".") == 0 || std::strcmp(d->d_name, "..") == 0) continue;
    auto* e = static_cast<DirEntryObject*>(new_instance(g_direntry_type));
    if (!e) return Value();
    e->dir_fd = s->fd;
    e->d_type = d->d_type;
    e->ino = d->d_ino;
    Value name = fs_name(d->d_name, s->is_bytes);
    if (name.is_empty_slot()) return name;
    e->name = name;
    if (s->fd != -1) {
      e->path = name;
    } else {
      std::string dir = s->path == None ? "." : std::string(is_bytes(s->path) ? as_bytes(s->path)->view()
                                                                               : as_str(s->path)->view());
      std::string joined = dir;
      if (!joined.empty() && joined.back() != '/') joined += '/';
      if (s->is_bytes) {
        e->path = bytes_value(joined + d->d_name);
      } else {
        Value n = str_value(joined);
        e->path = n.is_empty_slot() ? n : binary_op(n, name, fe::BinaryOpKind::Add);
      }
      if (e->path.is_empty_slot()) return Value();
    }
    return Value::from_obj(e);
  }
  return raise_msg(StopIterationType, "");
}

Value scandir_close(Value* args, int64_t, TupleObject*) {
  scandir_close_dir(S(args[0]));
  return None;
}
Value scandir_exit(Value* args, int64_t, TupleObject*) {
  scandir_close_dir(S(args[0]));
  return False;
}

const NativeMethodDef kScandirMethods[] = {
    {"__next__", scandir_next},
    {"__iter__", return_self},
    {"__enter__", return_self},
    {"__exit__", scandir_exit},
    {"close", scandir_close},
};

// scandir(path=None): path may be str, bytes, a PathLike or an fd.
Value posix_scandir(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("scandir", args, nargs, kwnames, {"path"}, 0, a)) return Value();
  PathArg p;
  if (!path_arg("scandir", "path", a[0], PathKind::NullableFd, &p)) return Value();
  DIR* d;
  if (p.is_fd) {
    int fd = ::dup(p.fd);
    if (fd < 0) return rt::raise_errno();
    d = ::fdopendir(fd);
    if (!d) {
      int saved = errno;
      ::close(fd);
      return raise_os_error(saved);
    }
  } else {
    d = ::opendir(p.path.c_str());
    if (!d) return path_error(p);
  }
  auto* s = static_cast<ScandirObject*>(new_instance(g_scandir_type));
  if (!s) {
    ::closedir(d);
    return Value();
  }
  s->dir = d;
  s->fd = p.is_fd ? p.fd : -1;
  s->is_bytes = p.is_bytes;
  s->path = p.is_fd ? None : (p.given ? p.object : None);
  return Value::from_obj(s);
}

// ---- single-path operations ----------------------------------------------------------------
// mkdir(path, mode=0o777, *, dir_fd=None)
Value posix_mkdir(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("mkdir", args, nargs, kwnames, {"path", "mode", "dir_fd"}, 1, a, 2)) return Value();
  PathArg p;
  int mode = 0777, dir_fd;
  if (!path_arg("mkdir", "path", a[0], PathKind::Plain, &p) || (!a[1].is_empty_slot() && !int_arg(a[1], &mode)) ||
      !dir_fd_arg(a[2], &dir_fd))
    return Value();
  if (::mkdirat(dir_fd, p.path.c_str(), static_cast<mode_t>(mode)) != 0) return path_error(p);
  return None;
}

Value path_dirfd_op(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, int flags) {
  Value a[2];
  if (!parse_args(fname, args, nargs, kwnames, {"path", "dir_fd"}, 1, a, 1)) return Value();
  PathArg p;
  int dir_fd;
  if (!path_arg(fname, "path", a[0], PathKind::Plain, &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  if (::unlinkat(dir_fd, p.path.c_str(), flags) != 0) return path_error(p);
  return None;
}

Value posix_rmdir(Value* args, int64_t nargs, TupleObject* kw) { return path_dirfd_op("rmdir", args, nargs, kw, AT_REMOVEDIR); }
Value posix_unlink(Value* args, int64_t nargs, TupleObject* kw) { return path_dirfd_op("unlink", args, nargs, kw, 0); }
Value posix_remove(Value* args, int64_t nargs, TupleObject* kw) { return path_dirfd_op("remove", args, nargs, kw, 0); }

// rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None); replace is the same on POSIX.
Value do_rename(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args(fname, args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, a, 2)) return Value();
  PathArg src, dst;
  int sfd, dfd;
  if (!path_arg(fname, "src", a[0], PathKind::Plain, &src) || !path_arg(fname, "dst", a[1], PathKind::Plain, &dst) ||
      !dir_fd_arg(a[2], &sfd) || !dir_fd_arg(a[3], &dfd))
    return Value();
  if (::renameat(sfd, src.path.c_str(), dfd, dst.path.c_str()) != 0) return path_error2(src, dst);
  return None;
}
Value posix_rename(Value* args, int64_t nargs, TupleObject* kw) { return do_rename("rename", args, nargs, kw); }
Value posix_replace(Value* args, int64_t nargs, TupleObject* kw) { return do_rename("replace", args, nargs, kw); }

Value do_getcwd(const char* fname, int64_t nargs, TupleObject* kwnames, bool as_bytes) {
  if (kwnames && kwnames->size) return raise_fmt(TypeErrorType, "posix.%s() takes no keyword arguments", fname);
  if (nargs) return raise_fmt(TypeErrorType, "posix.%s() takes no arguments (%lld given)", fname, static_cast<long long>(nargs));
  std::vector<char> buf(PATH_MAX);
  while (!::getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) return rt::raise_errno();
    buf.resize(buf.size() * 2);
  }
  return fs_name(buf.data(), as_bytes);
}
Value posix_getcwd(Value*, int64_t nargs, TupleObject* kw) { return do_getcwd("getcwd", nargs, kw, false); }
Value posix_getcwdb(Value*, int64_t nargs, TupleObject* kw) { return do_getcwd("getcwdb", nargs, kw, true); }

Value posix_chdir(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("chdir", args, nargs, kwnames, {"path"}, 1, a)) return Value();
  PathArg p;
  if (!path_arg("chdir", "path", a[0], PathKind::AllowFd, &p)) return Value();
  int rc = p.is_fd ? ::fchdir(p.fd) : ::chdir(p.path.c_str());
  if (rc != 0) return path_error(p);
  return None;
}

Value posix_fchdir(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  int fd;
  if (!parse_args("fchdir", args, nargs, kwnames, {"fd"}, 1, a) || !fd_arg(a[0], &fd)) return Value();
  if (::fchdir(fd) != 0) return rt::raise_errno();
  return None;
}

// readlink(path, *, dir_fd=None)
Value posix_readlink(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("readlink", args, nargs, kwnames, {"path", "dir_fd"}, 1, a, 1)) return Value();
  PathArg p;
  int dir_fd;
  if (!path_arg("readlink", "path", a[0], PathKind::Plain, &p) || !dir_fd_arg(a[1], &dir_fd)) return Value();
  std::vector<char> buf(PATH_MAX);
  while (true) {
    ssize_t n = ::readlinkat(dir_fd, p.path.c_str(), buf.data(), buf.size());
    if (n < 0) return path_error(p);
    if (static_cast<size_t>(n) < buf.size()) return fs_name(std::string_view(buf.data(), n), p.is_bytes);
    buf.resize(buf.size() * 2);
  }
}

// symlink(src, dst, target_is_directory=False, *, dir_fd=None)
Value posix_symlink(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("symlink", args, nargs, kwnames, {"src", "dst", "target_is_directory", "dir_fd"}, 2, a, 3))
    return Value();
  PathArg src, dst;
  int dir_fd;
  if (!path_arg("symlink", "src", a[0], PathKind::Plain, &src) || !path_arg("symlink", "dst", a[1], PathKind::Plain, &dst) ||
      !dir_fd_arg(a[3], &dir_fd))
    return Value();
  if (::symlinkat(src.path.c_str(), dir_fd, dst.path.c_str()) != 0) return path_error2(src, dst);
  return None;
}

// link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)
Value posix_link(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[5];
  if (!parse_args("link", args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 2, a, 2))
    return Value();
  PathArg src, dst;
  int sfd, dfd;
  bool follow;
  if (!path_arg("link", "src", a[0], PathKind::Plain, &src) || !path_arg("link", "dst", a[1], PathKind::Plain, &dst) ||
      !dir_fd_arg(a[2], &sfd) || !dir_fd_arg(a[3], &dfd) || !follow_arg(a[4], &follow))
    return Value();
  if (::linkat(sfd, src.path.c_str(), dfd, dst.path.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) != 0)
    return path_error2(src, dst);
  return None;
}

const NativeFunctionDef kDirFunctions[] = {
    {"listdir", posix_listdir}, {"scandir", posix_scandir}, {"mkdir", posix_mkdir},     {"rmdir", posix_rmdir},
    {"unlink", posix_unlink},   {"remove", posix_remove},   {"rename", posix_rename},   {"replace", posix_replace},
    {"getcwd", posix_getcwd},   {"getcwdb", posix_getcwdb}, {"chdir", posix_chdir},     {"fchdir", posix_fchdir},
    {"readlink", posix_readlink}, {"symlink", posix_symlink}, {"link", posix_link},
};

}  // namespace

FunctionTable dir_functions() { return {kDirFunctions, std::size(kDirFunctions)}; }

bool init_dir_types(ModuleObject* m) {
  if (!g_direntry_type) {
    g_direntry_type = make_native_type("posix.DirEntry", sizeof(DirEntryObject), visit_direntry, false);
    add_methods(g_direntry_type, kDirEntryMethods);
    add_getsets(g_direntry_type, kDirEntryGetSets);
    g_scandir_type = make_native_type("posix.ScandirIterator", sizeof(ScandirObject), visit_scandir, false);
    add_methods(g_scandir_type, kScandirMethods);
  }
  return module_add(m, "DirEntry", Value::from_obj(g_direntry_type));
}

}  // namespace coil::lib::posix
