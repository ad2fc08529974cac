// io_base.cpp — _io's abstract bases (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase) with
// CPython's default methods, and the helpers every _io file shares (errors, buffers, syscalls).
#include <cerrno>
#include <cstring>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "stdlib/io_internal.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::io {

using namespace coil::rt;

TypeObject* IOBaseType = nullptr;
TypeObject* RawIOBaseType = nullptr;
TypeObject* BufferedIOBaseType = nullptr;
TypeObject* TextIOBaseType = nullptr;
TypeObject* UnsupportedOperationType = nullptr;

// ---- shared helpers -----------------------------------------------------------------------------

void visit_iobase(Object* self, Visitor& v) { v.visit(reinterpret_cast<Object*>(static_cast<IOBaseObject*>(self)->dict)); }

TypeObject* make_io_type(const char* name, uint32_t size, VisitFn visit_more, TypeObject* base) {
  TypeObject* t = make_native_type(name, size, visit_more ? visit_more : visit_iobase, true, base);
  t->dict_offset = offsetof(IOBaseObject, dict);
  t->flags = t->flags | TypeFlag::HasDict | TypeFlag::HasDel;
  t->gc_flags = t->gc_flags | GcTypeFlag::kHasPythonFinalizer;
  return t;
}

Value raise_unsupported(const char* msg) {
  Value e = call1(Value::from_obj(UnsupportedOperationType), str_value(msg));
  if (e.is_empty_slot()) return e;
  return raise(e);
}

void set_owned(Value inner, bool owned) {
  if (instance_of(inner, IOBaseType)) static_cast<IOBaseObject*>(inner.as_obj())->owned = owned;
}

Value raise_closed() { return raise_msg(ValueErrorType, "I/O operation on closed file."); }

namespace {
// The OSError subclass CPython picks for an errno (PEP 3151).
TypeObject* errno_class(int err) {
  switch (err) {
    case ENOENT: return FileNotFoundErrorType;
    case EEXIST: return FileExistsErrorType;
    case EISDIR: return IsADirectoryErrorType;
    case ENOTDIR: return NotADirectoryErrorType;
    case EACCES: case EPERM: return PermissionErrorType;
    case EAGAIN: case EALREADY: case EINPROGRESS: return BlockingIOErrorType;
    case EPIPE: case ESHUTDOWN: return BrokenPipeErrorType;
    case EINTR: return InterruptedErrorType;
    case ECHILD: return ChildProcessErrorType;
    case ESRCH: return ProcessLookupErrorType;
    case ETIMEDOUT: return TimeoutErrorType;
    case ECONNREFUSED: return ConnectionRefusedErrorType;
    case ECONNRESET: return ConnectionResetErrorType;
    case ECONNABORTED: return ConnectionAbortedErrorType;
    default: return OSErrorType;
  }
}
}  // namespace

Value raise_errno(int err, Value filename) {
  Value args[3] = {Value::from_small_int(err), str_value(std::strerror(err)), filename};
  Value e = call(Value::from_obj(errno_class(err)), args, filename.is_empty_slot() ? 2 : 3);
  if (e.is_empty_slot()) return e;
  return raise(e);
}

Value call_method0(Value obj, const char* name) { return call_method(obj, intern(name), nullptr, 0); }
Value call_method1(Value obj, const char* name, Value a) { return call_method(obj, intern(name), &a, 1); }
Value call_method2(Value obj, const char* name, Value a, Value b) {
  Value args[2] = {a, b};
  return call_method(obj, intern(name), args, 2);
}

bool check_closed_attr(Value obj) {
  Value c = get_attr(obj, "closed");
  if (c.is_empty_slot()) return false;
  int t = is_true(c);
  if (t < 0) return false;
  if (t) {
    raise_closed();
    return false;
  }
  return true;
}

bool size_arg(Value v, int64_t* out) {
  if (v.is_empty_slot() || v == None) {
    *out = -1;
    return true;
  }
  if (!is_int(v) && lookup_special(v, intern("__index__")).is_empty_slot()) {
    if (has_pending_exception()) clear_exception();
    raise_fmt(TypeErrorType, "argument should be integer or None, not '%s'", type_name(v));
    return false;
  }
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  bool overflow = false;
  if (!as_int64(i, out, &overflow)) return false;
  if (overflow) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool writable_buffer(Value v, char** data, int64_t* size, const char* fname) {
  if (is_bytearray(v)) {
    ByteArrayObject* b = as_bytearray(v);
    *data = b->data();
    *size = b->size;
    return true;
  }
  if (is_exact(v, MemoryViewType)) {
    Value ro = get_attr(v, "readonly");
    if (ro.is_empty_slot()) return false;
    Value obj = get_attr(v, "obj");
    if (obj.is_empty_slot()) return false;
    if (ro == False && is_bytearray(obj)) return writable_buffer(obj, data, size, fname);
  }
  raise_fmt(TypeErrorType, "%s() argument must be read-write bytes-like object, not %s", fname, type_name(v));
  return false;
}

bool readable_buffer(Value v, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  if (has_pending_exception()) return false;
  if (is_exact(v, MemoryViewType)) {
    Value b = call_method0(v, "tobytes");
    if (b.is_empty_slot()) return false;
    *out = as_bytes(b)->view();
    return true;
  }
  raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

int64_t sys_read(int fd, char* buf, int64_t n) {
  while (true) {
    ssize_t r = ::read(fd, buf, static_cast<size_t>(n));
    if (r < 0 && errno == EINTR) continue;
    return r;
  }
}

int64_t sys_write(int fd, const char* buf, int64_t n) {
  while (true) {
    ssize_t r = ::write(fd, buf, static_cast<size_t>(n));
    if (r < 0 && errno == EINTR) continue;
    return r;
  }
}

namespace {

IOBaseObject* B(Value v) { return static_cast<IOBaseObject*>(v.as_obj()); }

// ---- _IOBase ------------------------------------------------------------------------------------

Value iobase_seek(Value*, int64_t, TupleObject*) { return raise_unsupported("seek"); }
Value iobase_truncate(Value*, int64_t, TupleObject*) { return raise_unsupported("truncate"); }
Value iobase_fileno(Value*, int64_t, TupleObject*) { return raise_unsupported("fileno"); }
Value iobase_tell(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("tell", nargs - 1, kw)) return Value();
  return call_method2(args[0], "seek", Value::from_small_int(0), Value::from_small_int(1));
}
Value iobase_flush(Value* args, int64_t, TupleObject*) {
  if (B(args[0])->iobase_closed) return raise_closed();
  return None;
}
Value iobase_close(Value* args, int64_t, TupleObject*) {
  IOBaseObject* self = B(args[0]);
  if (self->iobase_closed) return None;
  Value r = call_method0(args[0], "flush");
  self->iobase_closed = true;
  return r.is_empty_slot() ? r : None;
}
Value iobase_closed_get(Value self) { return bool_value(B(self)->iobase_closed); }
Value iobase_false(Value*, int64_t, TupleObject*) { return False; }

// _checkClosed / _checkReadable ... (msg=None): raise when the predicate fails.
Value check_pred(Value self, const char* method, const char* msg) {
  Value r = call_method0(self, method);
  if (r.is_empty_slot()) return r;
  if (r != True) return raise_unsupported(msg);
  return True;
}
Value iobase_check_closed(Value* args, int64_t, TupleObject*) { return check_closed_attr(args[0]) ? None : Value(); }
Value iobase_check_seekable(Value* args, int64_t, TupleObject*) {
  return check_pred(args[0], "seekable", "File or stream is not seekable.");
}
Value iobase_check_readable(Value* args, int64_t, TupleObject*) {
  return check_pred(args[0], "readable", "File or stream is not readable.");
}
Value iobase_check_writable(Value* args, int64_t, TupleObject*) {
  return check_pred(args[0], "writable", "File or stream is not writable.");
}
Value iobase_isatty(Value* args, int64_t, TupleObject*) { return check_closed_attr(args[0]) ? False : Value(); }
Value iobase_enter(Value* args, int64_t, TupleObject*) { return check_closed_attr(args[0]) ? args[0] : Value(); }
Value iobase_exit(Value* args, int64_t, TupleObject*) { return call_method0(args[0], "close"); }
Value iobase_iter(Value* args, int64_t, TupleObject*) { return check_closed_attr(args[0]) ? args[0] : Value(); }
Value iobase_next(Value* args, int64_t, TupleObject*) {
  Value line = call_method0(args[0], "readline");
  if (line.is_empty_slot()) return line;
  int64_t n = length(line);
  if (n < 0) return Value();
  if (n == 0) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return line;
}

// Reads a line with read(1) (or peek-sized reads when the object has peek()).
Value iobase_readline(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("readline", "readline", nargs - 1, kw, 0, 1)) return Value();
  int64_t limit;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &limit)) return Value();
  Value self = args[0];
  bool err = false;
  Value peek = get_attr_opt(self, intern("peek"), &err);
  if (err) return Value();
  std::string out;
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    int64_t nreadahead = 1;
    if (!peek.is_empty_slot()) {
      Value ahead = call1(peek, Value::from_small_int(1));
      if (ahead.is_empty_slot()) return ahead;
      if (!is_bytes(ahead))
        return raise_fmt(OSErrorType, "peek() should have returned a bytes object, not '%s'", type_name(ahead));
      std::string_view a = as_bytes(ahead)->view();
      if (!a.empty()) {
        size_t nl = a.find('\n');
        nreadahead = nl == std::string_view::npos ? static_cast<int64_t>(a.size()) : static_cast<int64_t>(nl) + 1;
        if (limit >= 0) nreadahead = std::min<int64_t>(nreadahead, limit - static_cast<int64_t>(out.size()));
      }
    }
    Value b = call_method1(self, "read", Value::from_small_int(nreadahead));
    if (b.is_empty_slot()) return b;
    if (!is_bytes(b))
      return raise_fmt(OSErrorType, "read() should have returned a bytes object, not '%s'", type_name(b));
    std::string_view d = as_bytes(b)->view();
    if (d.empty()) break;
    out.append(d);
    if (out.back() == '\n') break;
  }
  return bytes_value(out);
}

Value iobase_readlines(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("readlines", "readlines", nargs - 1, kw, 0, 1)) return Value();
  int64_t hint;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &hint)) return Value();
  ListObject* result = new_list(0);
  if (!result) return Value();
  Value it = get_iter(args[0]);
  if (it.is_empty_slot()) return it;
  int64_t total = 0;
  while (true) {
    bool done = false;
    Value line = iter_next(it, &done);
    if (done) break;
    if (line.is_empty_slot()) return line;
    if (!list_append(result, line)) return Value();
    if (hint > 0) {
      int64_t n = length(line);
      if (n < 0) return Value();
      total += n;
      if (total >= hint) break;
    }
  }
  return Value::from_obj(result);
}

Value iobase_writelines(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("writelines", nargs - 1, kw)) return Value();
  if (!check_closed_attr(args[0])) return Value();
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value line = iter_next(it, &done);
    if (done) return None;
    if (line.is_empty_slot()) return line;
    if (call_method1(args[0], "write", line).is_empty_slot()) return Value();
  }
}

// Closes an object the collector found unreachable; errors are silent (as CPython outside
// dev mode).
Value iobase_del(Value* args, int64_t, TupleObject*) {
  if (B(args[0])->owned) return None;
  Value c = get_attr(args[0], "closed");
  if (c.is_empty_slot()) {
    clear_exception();
    return None;
  }
  if (c == True) return None;
  if (call_method0(args[0], "close").is_empty_slot()) clear_exception();
  return None;
}

const NativeMethodDef kIOBaseMethods[] = {
    {"seek", iobase_seek},           {"tell", iobase_tell},
    {"truncate", iobase_truncate},   {"flush", iobase_flush},
    {"close", iobase_close},         {"seekable", iobase_false},
    {"readable", iobase_false},      {"writable", iobase_false},
    {"_checkClosed", iobase_check_closed},
    {"_checkSeekable", iobase_check_seekable},
    {"_checkReadable", iobase_check_readable},
    {"_checkWritable", iobase_check_writable},
    {"fileno", iobase_fileno},       {"isatty", iobase_isatty},
    {"__enter__", iobase_enter},     {"__exit__", iobase_exit},
    {"__iter__", iobase_iter},       {"__next__", iobase_next},
    {"readline", iobase_readline},   {"readlines", iobase_readlines},
    {"writelines", iobase_writelines},
    {"__del__", iobase_del},
};
const NativeGetSetDef kIOBaseGetSets[] = {{"closed", iobase_closed_get}};

// ---- _RawIOBase ---------------------------------------------------------------------------------

Value rawiobase_readall(Value* args, int64_t, TupleObject*) {
  std::string out;
  while (true) {
    Value d = call_method1(args[0], "read", Value::from_small_int(kDefaultBufferSize));
    if (d.is_empty_slot()) return d;
    if (d == None) {
      if (out.empty()) return None;
      break;
    }
    if (!is_bytes(d)) return raise_msg(TypeErrorType, "read() should return bytes");
    std::string_view v = as_bytes(d)->view();
    if (v.empty()) break;
    out.append(v);
  }
  return bytes_value(out);
}

Value rawiobase_read(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("read", "read", nargs - 1, kw, 0, 1)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  if (n < 0) return call_method0(args[0], "readall");
  Value b = new_bytearray(ByteArrayType, std::string(static_cast<size_t>(n), '\0'));
  if (b.is_empty_slot()) return b;
  Value r = call_method1(args[0], "readinto", b);
  if (r.is_empty_slot() || r == None) return r;
  int64_t got;
  bool overflow = false;
  Value ri = index(r);
  if (ri.is_empty_slot() || !as_int64(ri, &got, &overflow)) return Value();
  if (got < 0 || got > n) return raise_fmt(ValueErrorType, "readinto returned %lld outside buffer size %lld",
                                           static_cast<long long>(got), static_cast<long long>(n));
  return bytes_value(as_bytearray(b)->view().substr(0, static_cast<size_t>(got)));
}

Value not_implemented(Value*, int64_t, TupleObject*) { return raise(Value::from_obj(new_exception(NotImplementedErrorType, nullptr))); }

const NativeMethodDef kRawIOBaseMethods[] = {
    {"read", rawiobase_read},
    {"readall", rawiobase_readall},
    {"readinto", not_implemented},
    {"write", not_implemented},
};

// ---- _BufferedIOBase ----------------------------------------------------------------------------

Value bufiobase_read(Value*, int64_t, TupleObject*) { return raise_unsupported("read"); }
Value bufiobase_read1(Value*, int64_t, TupleObject*) { return raise_unsupported("read1"); }
Value bufiobase_write(Value*, int64_t, TupleObject*) { return raise_unsupported("write"); }
Value bufiobase_detach(Value*, int64_t, TupleObject*) { return raise_unsupported("detach"); }

// readinto(b) via read(len(b)): copies into the caller's buffer.
Value readinto_via(Value* args, int64_t nargs, TupleObject* kw, const char* reader, const char* name) {
  if (!args_one(name, nargs - 1, kw)) return Value();
  char* data;
  int64_t size;
  if (!writable_buffer(args[1], &data, &size, name)) return Value();
  Value d = call_method1(args[0], reader, int_from_int64(size));
  if (d.is_empty_slot()) return d;
  if (!is_bytes(d)) return raise_fmt(TypeErrorType, "%s() should return bytes", reader);
  std::string_view v = as_bytes(d)->view();
  if (static_cast<int64_t>(v.size()) > size)
    return raise_fmt(ValueErrorType, "%s() returned too much data: %lld bytes requested, %lld returned", reader,
                     static_cast<long long>(size), static_cast<long long>(v.size()));
  if (!writable_buffer(args[1], &data, &size, name)) return Value();
  std::memcpy(data, v.data(), v.size());
  return int_from_int64(static_cast<int64_t>(v.size()));
}
Value bufiobase_readinto(Value* args, int64_t nargs, TupleObject* kw) {
  return readinto_via(args, nargs, kw, "read", "readinto");
}
Value bufiobase_readinto1(Value* args, int64_t nargs, TupleObject* kw) {
  return readinto_via(args, nargs, kw, "read1", "readinto1");
}

const NativeMethodDef kBufferedIOBaseMethods[] = {
    {"read", bufiobase_read},         {"read1", bufiobase_read1},
    {"write", bufiobase_write},       {"detach", bufiobase_detach},
    {"readinto", bufiobase_readinto}, {"readinto1", bufiobase_readinto1},
};

// ---- _TextIOBase --------------------------------------------------------------------------------

Value textiobase_read(Value*, int64_t, TupleObject*) { return raise_unsupported("read"); }
Value textiobase_readline(Value*, int64_t, TupleObject*) { return raise_unsupported("readline"); }
Value textiobase_write(Value*, int64_t, TupleObject*) { return raise_unsupported("write"); }
Value none_getter(Value) { return None; }

const NativeMethodDef kTextIOBaseMethods[] = {
    {"read", textiobase_read},
    {"readline", textiobase_readline},
    {"write", textiobase_write},
    {"detach", bufiobase_detach},
};
const NativeGetSetDef kTextIOBaseGetSets[] = {
    {"encoding", none_getter},
    {"newlines", none_getter},
    {"errors", none_getter},
};

Value g_unsupported;

}  // namespace

bool add_base_types(ModuleObject* m);

bool init_base_types(ModuleObject* m) {
  if (IOBaseType) return !m || add_base_types(m);
  IOBaseType = make_io_type("_io._IOBase", sizeof(IOBaseObject), nullptr, nullptr);
  add_methods(IOBaseType, kIOBaseMethods);
  add_getsets(IOBaseType, kIOBaseGetSets);
  RawIOBaseType = make_io_type("_io._RawIOBase", sizeof(IOBaseObject), nullptr, IOBaseType);
  add_methods(RawIOBaseType, kRawIOBaseMethods);
  BufferedIOBaseType = make_io_type("_io._BufferedIOBase", sizeof(IOBaseObject), nullptr, IOBaseType);
  add_methods(BufferedIOBaseType, kBufferedIOBaseMethods);
  TextIOBaseType = make_io_type("_io._TextIOBase", sizeof(IOBaseObject), nullptr, IOBaseType);
  add_methods(TextIOBaseType, kTextIOBaseMethods);
  add_getsets(TextIOBaseType, kTextIOBaseGetSets);

  // class UnsupportedOperation(OSError, ValueError), created once per process.
  if (!UnsupportedOperationType) {
    add_runtime_root_hook([](Visitor& v) { v.visit(g_unsupported); });
    DictObject* ns = new_dict();
    if (!ns || !dict_set_str(ns, intern("__module__"), str_value("io"))) return false;
    Value bases = Value::from_obj(tuple_of({Value::from_obj(OSErrorType), Value::from_obj(ValueErrorType)}));
    Value targs[3] = {str_value("UnsupportedOperation"), bases, Value::from_obj(ns)};
    g_unsupported = call(Value::from_obj(TypeType), targs, 3);
    if (g_unsupported.is_empty_slot()) return false;
    UnsupportedOperationType = static_cast<TypeObject*>(g_unsupported.as_obj());
  }
  return !m || add_base_types(m);
}

bool add_base_types(ModuleObject* m) {
  return module_add(m, "_IOBase", Value::from_obj(IOBaseType)) &&
         module_add(m, "_RawIOBase", Value::from_obj(RawIOBaseType)) &&
         module_add(m, "_BufferedIOBase", Value::from_obj(BufferedIOBaseType)) &&
         module_add(m, "_TextIOBase", Value::from_obj(TextIOBaseType)) &&
         module_add(m, "UnsupportedOperation", g_unsupported) &&
         module_add(m, "BlockingIOError", Value::from_obj(BlockingIOErrorType)) &&
         module_add(m, "DEFAULT_BUFFER_SIZE", Value::from_small_int(kDefaultBufferSize));
}

}  // namespace coil::lib::io
