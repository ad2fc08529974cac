// io_fileio.cpp — _io.FileIO: raw unbuffered I/O on a file descriptor (modes r/w/x/a with +,
// closefd, opener, read/readall/readinto/write, seek/tell/truncate, name/mode, repr).
#include <algorithm>
#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/native_module.h"
#include "stdlib/io_internal.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::io {

using namespace coil::rt;

TypeObject* FileIOType = nullptr;

namespace {

FileIOObject* F(Value v) { return static_cast<FileIOObject*>(v.as_obj()); }

bool check_open(FileIOObject* f) {
  if (f->fd < 0) {
    raise_msg(ValueErrorType, "I/O operation on closed file");
    return false;
  }
  return true;
}
bool check_readable(FileIOObject* f) {
  if (!check_open(f)) return false;
  if (!f->readable) {
    raise_unsupported("File not open for reading");
    return false;
  }
  return true;
}
bool check_writable(FileIOObject* f) {
  if (!check_open(f)) return false;
  if (!f->writable) {
    raise_unsupported("File not open for writing");
    return false;
  }
  return true;
}

// The path argument as bytes for open(2): str, bytes, or os.PathLike.
bool fs_path(Value file, std::string* out) {
  Value p = file;
  if (!is_str(p) && !is_bytes(p)) {
    Value fspath = lookup_special(p, intern("__fspath__"));
    if (fspath.is_empty_slot()) {
      if (has_pending_exception()) return false;
      raise_fmt(TypeErrorType, "expected str, bytes or os.PathLike object, not %s", type_name(file));
      return false;
    }
    p = call1(fspath, p);  // lookup_special gives the unbound method
    if (p.is_empty_slot()) return false;
    if (!is_str(p) && !is_bytes(p)) {
      raise_fmt(TypeErrorType, "expected %s.__fspath__() to return str or bytes, not %s", type_name(file),
                type_name(p));
      return false;
    }
  }
  std::string_view v = is_str(p) ? as_str(p)->view() : as_bytes(p)->view();
  if (v.find('\0') != std::string_view::npos) {
    raise_msg(ValueErrorType, "embedded null byte");
    return false;
  }
  if (is_str(p)) {
    // Lone surrogates (from surrogateescape) stand for the raw bytes 0x80-0xff.
    out->clear();
    const char* s = v.data();
    const char* e = s + v.size();
    while (s < e) {
      const char* start = s;
      uint32_t cp = decode_utf8(s);
      if (cp >= 0xDC80 && cp <= 0xDCFF) out->push_back(static_cast<char>(cp - 0xDC00));
      else out->append(start, s);
    }
  } else {
    out->assign(v);
  }
  return true;
}

Value fileio_new(Value* args, int64_t, TupleObject*) {
  auto* f = static_cast<FileIOObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!f) return Value();
  f->fd = -1;
  f->seekable = -1;
  f->closefd = true;
  return Value::from_obj(f);
}

Value fileio_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("FileIO", args + 1, nargs - 1, kwnames, {"file", "mode", "closefd", "opener"}, 1, a))
    return Value();
  FileIOObject* f = F(args[0]);
  Value self = args[0];
  if (f->fd >= 0) {
    if (f->closefd) ::close(f->fd);
    f->fd = -1;
  }
  Value file = a[0];
  std::string_view mode = "r";
  if (!a[1].is_empty_slot()) {
    if (!is_str(a[1]))
      return raise_fmt(TypeErrorType, "FileIO() argument 'mode' must be str, not %s", type_name(a[1]));
    mode = as_str(a[1])->view();
  }
  bool closefd = true;
  if (!a[2].is_empty_slot()) {
    int t = is_true(a[2]);
    if (t < 0) return Value();
    closefd = t;
  }
  Value opener = a[3].is_empty_slot() ? None : a[3];

  int fd = -1;
  bool have_fd = false;
  if (is_int(file)) {
    int64_t v;
    bool overflow = false;
    if (!as_int64(file, &v, &overflow)) return Value();
    if (overflow || v > INT_MAX || v < INT_MIN)
      return raise_msg(OverflowErrorType, "signed integer is greater than maximum");
    if (v < 0) return raise_msg(ValueErrorType, "negative file descriptor");
    fd = static_cast<int>(v);
    have_fd = true;
  }

  bool rwa = false, plus = false;
  f->readable = f->writable = f->appending = f->created = false;
  int flags = 0;
  for (char c : mode) {
    switch (c) {
      case 'x': case 'r': case 'w': case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        if (c == 'x') { f->created = f->writable = true; flags |= O_EXCL | O_CREAT; }
        else if (c == 'r') f->readable = true;
        else if (c == 'w') { f->writable = true; flags |= O_CREAT | O_TRUNC; }
        else { f->writable = f->appending = true; flags |= O_APPEND | O_CREAT; }
        break;
      case '+':
        if (plus) goto bad_mode;
        f->readable = f->writable = plus = true;
        break;
      case 'b':
        break;
      default:
        return raise_fmt(ValueErrorType, "invalid mode: %.200s", std::string(mode).c_str());
    }
  }
  if (!rwa) goto bad_mode;
  flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;

  if (have_fd) {
    f->fd = fd;
    f->closefd = closefd;
  } else {
    f->closefd = true;
    if (!closefd) return raise_msg(ValueErrorType, "Cannot use closefd=False with file name");
    if (opener == None) {
      std::string path;
      if (!fs_path(file, &path)) return Value();
      while (true) {
        fd = ::open(path.c_str(), flags, 0666);
        if (fd < 0 && errno == EINTR) continue;
        break;
      }
      if (fd < 0) return raise_errno(errno, file);
    } else {
      Value r = call2(opener, file, Value::from_small_int(flags));
      if (r.is_empty_slot()) return r;
      if (!is_int(r)) return raise_fmt(TypeErrorType, "expected opener to return an integer, got %s", type_name(r));
      int64_t v;
      bool overflow = false;
      if (!as_int64(r, &v, &overflow)) return Value();
      if (v < 0) return raise_fmt(ValueErrorType, "opener returned %lld", static_cast<long long>(v));
      fd = static_cast<int>(v);
    }
    f->fd = fd;
  }
  f->blksize = 8192;
  {
    struct stat st;
    if (::fstat(f->fd, &st) < 0) {
      int err = errno;
      if (!have_fd) ::close(f->fd);
      f->fd = -1;
      if (err == EBADF) return raise_errno(err);
    } else {
      if (S_ISDIR(st.st_mode)) {
        if (!have_fd) ::close(f->fd);
        f->fd = -1;
        return raise_errno(EISDIR, file);
      }
      if (st.st_blksize > 1) f->blksize = static_cast<int>(st.st_blksize);
    }
  }
  if (!set_attr(self, intern("name"), file)) return Value();
  if (f->appending) ::lseek(f->fd, 0, SEEK_END);
  return None;

bad_mode:
  return raise_msg(ValueErrorType, "Must have exactly one of create/read/write/append mode and at most one plus");
}

Value fileio_read(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("read", "read", nargs - 1, kw, 0, 1)) return Value();
  FileIOObject* f = F(args[0]);
  if (!check_readable(f)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  if (n < 0) return call_method0(args[0], "readall");
  std::string buf(static_cast<size_t>(n), '\0');
  int64_t r = sys_read(f->fd, buf.data(), n);
  if (r < 0) return errno == EAGAIN ? None : raise_errno(errno);
  buf.resize(static_cast<size_t>(r));
  return bytes_value(buf);
}

Value fileio_readall(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  if (!check_open(f)) return Value();
  std::string out;
  int64_t chunk = kDefaultBufferSize;
  struct stat st;
  off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
  if (::fstat(f->fd, &st) == 0 && pos >= 0 && st.st_size > pos) chunk = st.st_size - pos + 1;
  while (true) {
    size_t old = out.size();
    out.resize(old + static_cast<size_t>(chunk));
    int64_t r = sys_read(f->fd, out.data() + old, chunk);
    if (r < 0) {
      out.resize(old);
      if (errno == EAGAIN) {
        if (out.empty()) return None;
        break;
      }
      return raise_errno(errno);
    }
    out.resize(old + static_cast<size_t>(r));
    if (r == 0) break;
    if (chunk < 1 << 20) chunk *= 2;
  }
  return bytes_value(out);
}

Value fileio_readinto(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("readinto", nargs - 1, kw)) return Value();
  FileIOObject* f = F(args[0]);
  if (!check_readable(f)) return Value();
  char* data;
  int64_t size;
  if (!writable_buffer(args[1], &data, &size, "readinto")) return Value();
  int64_t r = sys_read(f->fd, data, size);
  if (r < 0) return errno == EAGAIN ? None : raise_errno(errno);
  return int_from_int64(r);
}

Value fileio_write(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("write", nargs - 1, kw)) return Value();
  FileIOObject* f = F(args[0]);
  std::string_view d;
  if (!readable_buffer(args[1], &d)) return Value();
  if (!check_writable(f)) return Value();
  int64_t r = sys_write(f->fd, d.data(), static_cast<int64_t>(d.size()));
  if (r < 0) return errno == EAGAIN ? None : raise_errno(errno);
  return int_from_int64(r);
}

Value fileio_seek(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("seek", "seek", nargs - 1, kw, 1, 2)) return Value();
  FileIOObject* f = F(args[0]);
  if (!check_open(f)) return Value();
  if (is_exact(args[1], FloatType)) return raise_msg(TypeErrorType, "an integer is required");
  int64_t pos, whence = 0;
  if (!arg_index(args[1], 0, &pos)) return Value();
  if (nargs > 2 && !arg_index(args[2], 0, &whence)) return Value();
  off_t r = ::lseek(f->fd, pos, static_cast<int>(whence));
  if (r < 0) return raise_errno(errno);
  f->seekable = 1;
  return int_from_int64(r);
}

Value fileio_tell(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  if (!check_open(f)) return Value();
  off_t r = ::lseek(f->fd, 0, SEEK_CUR);
  if (r < 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value fileio_truncate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("truncate", "truncate", nargs - 1, kw, 0, 1)) return Value();
  FileIOObject* f = F(args[0]);
  if (!check_writable(f)) return Value();
  Value size = nargs > 1 ? args[1] : None;
  int64_t n;
  if (size == None) {
    off_t r = ::lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return raise_errno(errno);
    n = r;
    size = int_from_int64(n);
  } else if (!arg_index(size, 0, &n)) {
    return Value();
  }
  if (::ftruncate(f->fd, n) < 0) return raise_errno(errno);
  return size;
}

Value fileio_seekable(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  if (!check_open(f)) return Value();
  if (f->seekable < 0) f->seekable = ::lseek(f->fd, 0, SEEK_CUR) >= 0 ? 1 : 0;
  return bool_value(f->seekable == 1);
}
Value fileio_readable(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  return check_open(f) ? bool_value(f->readable) : Value();
}
Value fileio_writable(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  return check_open(f) ? bool_value(f->writable) : Value();
}
Value fileio_fileno(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  return check_open(f) ? Value::from_small_int(f->fd) : Value();
}
Value fileio_isatty(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  return check_open(f) ? bool_value(::isatty(f->fd)) : Value();
}

// close(): _RawIOBase's close (flush, mark closed), then the descriptor if we own it.
Value fileio_close(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  Value base_close = type_lookup(IOBaseType, intern("close"));
  Value r = call1(base_close, args[0]);
  Value saved = r.is_empty_slot() ? take_exception() : Value();
  int err = 0;
  if (f->fd >= 0) {
    if (f->closefd && ::close(f->fd) < 0) err = errno;
    f->fd = -1;
  }
  if (!saved.is_empty_slot()) return raise(saved);
  if (err) return raise_errno(err);
  return None;
}

Value fileio_repr(Value* args, int64_t, TupleObject*) {
  FileIOObject* f = F(args[0]);
  std::string tn = args[0].as_obj()->type->name;
  if (f->fd < 0) return str_value("<" + tn + " [closed]>");
  bool err = false;
  Value name = get_attr_opt(args[0], intern("name"), &err);
  if (err) return Value();
  Value mode = get_attr(args[0], "mode");
  if (mode.is_empty_slot()) return mode;
  std::string head = "<" + tn;
  if (name.is_empty_slot()) {
    head += " fd=" + std::to_string(f->fd);
  } else {
    std::string r;
    if (!repr_string(name, &r)) return Value();
    head += " name=" + r;
  }
  return str_value(head + " mode='" + std::string(as_str(mode)->view()) + "' closefd=" +
                   (f->closefd ? "True" : "False") + ">");
}

Value fileio_mode_get(Value self) {
  FileIOObject* f = F(self);
  const char* m;
  if (f->created) m = f->readable ? "xb+" : "xb";
  else if (f->appending) m = f->readable ? "ab+" : "ab";
  else if (f->readable) m = f->writable ? "rb+" : "rb";
  else m = "wb";
  return str_value(m);
}
Value fileio_closed_get(Value self) { return bool_value(F(self)->fd < 0); }
Value fileio_closefd_get(Value self) { return bool_value(F(self)->closefd); }
Value fileio_blksize_get(Value self) { return Value::from_small_int(F(self)->blksize); }
Value fileio_finalizing_get(Value) { return False; }

Value fileio_getstate(Value* args, int64_t, TupleObject*) {
  return raise_fmt(TypeErrorType, "cannot pickle '%s' object", args[0].as_obj()->type->name);
}

// Closes the descriptor of a FileIO the collector reclaimed without close() (owned fds only).
void fileio_finalize(Object* self) {
  auto* f = static_cast<FileIOObject*>(self);
  if (f->fd >= 0 && f->closefd) ::close(f->fd);
  f->fd = -1;
}

const NativeMethodDef kFileIOMethods[] = {
    {"__new__", fileio_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", fileio_init},
    {"read", fileio_read},
    {"readall", fileio_readall},
    {"readinto", fileio_readinto},
    {"write", fileio_write},
    {"seek", fileio_seek},
    {"tell", fileio_tell},
    {"truncate", fileio_truncate},
    {"seekable", fileio_seekable},
    {"readable", fileio_readable},
    {"writable", fileio_writable},
    {"fileno", fileio_fileno},
    {"isatty", fileio_isatty},
    {"close", fileio_close},
    {"__repr__", fileio_repr},
    {"__getstate__", fileio_getstate},
};
const NativeGetSetDef kFileIOGetSets[] = {
    {"mode", fileio_mode_get},
    {"closed", fileio_closed_get, nullptr, "True if the file is closed"},
    {"closefd", fileio_closefd_get},
    {"_blksize", fileio_blksize_get},
    {"_finalizing", fileio_finalizing_get},
};

}  // namespace

bool init_fileio_type(ModuleObject* m) {
  if (!FileIOType) {
    FileIOType = make_io_type("_io.FileIO", sizeof(FileIOObject), nullptr, RawIOBaseType);
    FileIOType->finalize = fileio_finalize;
    add_methods(FileIOType, kFileIOMethods);
    add_getsets(FileIOType, kFileIOGetSets);
  }
  return !m || module_add(m, "FileIO", Value::from_obj(FileIOType));
}

}  // namespace coil::lib::io
