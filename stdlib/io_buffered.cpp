// io_buffered.cpp — _io.BufferedReader / BufferedWriter / BufferedRandom (one engine: a
// read-ahead buffer and a pending-write buffer over a raw stream) and BufferedRWPair.
//
// The logical position is raw position - unread read-ahead + pending writes. A write first
// drops the read-ahead (seeking raw back over it); a read first flushes pending writes, so
// BufferedRandom never holds both. Raw I/O on an exact FileIO is done with syscalls; any other
// raw object is driven through its readinto()/write()/seek()/tell() methods, as CPython does.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/native_module.h"
#include "stdlib/io_internal.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::io {

using namespace coil::rt;

TypeObject* BufferedReaderType = nullptr;
TypeObject* BufferedWriterType = nullptr;
TypeObject* BufferedRandomType = nullptr;
TypeObject* BufferedRWPairType = nullptr;

namespace {

BufferedObject* BO(Value v) { return static_cast<BufferedObject*>(v.as_obj()); }

void visit_buffered(Object* self, Visitor& v) {
  visit_iobase(self, v);
  v.visit(static_cast<BufferedObject*>(self)->raw);
}
void finalize_buffered(Object* self) {
  auto* b = static_cast<BufferedObject*>(self);
  delete b->rbuf;
  delete b->wbuf;
  b->rbuf = b->wbuf = nullptr;
}

int64_t unread(BufferedObject* b) { return static_cast<int64_t>(b->rbuf->size()) - b->rpos; }
void drop_read(BufferedObject* b) {
  b->rbuf->clear();
  b->rpos = 0;
}

bool check_ready(BufferedObject* b) {
  if (!b->ok) {
    if (b->detached) raise_msg(ValueErrorType, "raw stream has been detached");
    else raise_msg(ValueErrorType, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

// Is the raw stream closed? -1 on error.
int raw_closed(BufferedObject* b) {
  if (is_exact(b->raw, FileIOType)) return static_cast<FileIOObject*>(b->raw.as_obj())->fd < 0;
  Value c = get_attr(b->raw, "closed");
  if (c.is_empty_slot()) return -1;
  return is_true(c);
}

// Fails with "<op> of closed file" when the raw stream is closed.
bool check_open(BufferedObject* b, const char* op) {
  if (!check_ready(b)) return false;
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c) {
    raise_fmt(ValueErrorType, "%s of closed file", op);
    return false;
  }
  return true;
}

FileIOObject* fast_raw(BufferedObject* b) {
  return is_exact(b->raw, FileIOType) ? static_cast<FileIOObject*>(b->raw.as_obj()) : nullptr;
}

// Reads up to n bytes from raw, appending to *out. Returns the count, -1 when raw returned
// None (no data without blocking), -2 on error.
int64_t raw_read(BufferedObject* b, int64_t n, std::string* out) {
  if (FileIOObject* f = fast_raw(b); f && f->fd >= 0 && f->readable) {
    size_t old = out->size();
    out->resize(old + static_cast<size_t>(n));
    int64_t r = sys_read(f->fd, out->data() + old, n);
    if (r < 0) {
      out->resize(old);
      if (errno == EAGAIN) return -1;
      raise_errno(errno);
      return -2;
    }
    out->resize(old + static_cast<size_t>(r));
    return r;
  }
  Value ba = new_bytearray(ByteArrayType, std::string(static_cast<size_t>(n), '\0'));
  if (ba.is_empty_slot()) return -2;
  Value r = call_method1(b->raw, "readinto", ba);
  if (r.is_empty_slot()) return -2;
  if (r == None) return -1;
  int64_t got;
  bool overflow = false;
  Value ri = index(r);
  if (ri.is_empty_slot() || !as_int64(ri, &got, &overflow)) return -2;
  if (got < 0 || got > n) {
    raise_fmt(OSErrorType, "raw readinto() returned invalid length %lld (should have been between 0 and %lld)",
              static_cast<long long>(got), static_cast<long long>(n));
    return -2;
  }
  out->append(as_bytearray(ba)->view().substr(0, static_cast<size_t>(got)));
  return got;
}

// Writes all of `data` to raw; false with an exception pending.
bool raw_write_all(BufferedObject* b, std::string_view data) {
  while (!data.empty()) {
    int64_t n;
    if (FileIOObject* f = fast_raw(b); f && f->fd >= 0 && f->writable) {
      n = sys_write(f->fd, data.data(), static_cast<int64_t>(data.size()));
      if (n < 0) {
        raise_errno(errno);
        return false;
      }
    } else {
      Value chunk = bytes_value(data);
      if (chunk.is_empty_slot()) return false;
      Value r = call_method1(b->raw, "write", chunk);
      if (r.is_empty_slot()) return false;
      if (r == None) {
        raise_fmt(BlockingIOErrorType, "write could not complete without blocking");
        return false;
      }
      bool overflow = false;
      Value ri = index(r);
      if (ri.is_empty_slot() || !as_int64(ri, &n, &overflow)) return false;
      if (n < 0 || n > static_cast<int64_t>(data.size())) {
        raise_fmt(OSErrorType, "raw write() returned invalid length %lld (should have been between 0 and %lld)",
                  static_cast<long long>(n), static_cast<long long>(data.size()));
        return false;
      }
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool flush_writes(BufferedObject* b) {
  if (b->wbuf->empty()) return true;
  std::string pending;
  pending.swap(*b->wbuf);
  if (!raw_write_all(b, pending)) return false;
  return true;
}

// Seeks raw back over the unread read-ahead so raw's position is the logical one.
bool rewind_read(BufferedObject* b) {
  int64_t n = unread(b);
  drop_read(b);
  if (n == 0) return true;
  if (FileIOObject* f = fast_raw(b); f && f->fd >= 0) {
    if (::lseek(f->fd, -n, SEEK_CUR) < 0) {
      raise_errno(errno);
      return false;
    }
    return true;
  }
  return !call_method2(b->raw, "seek", int_from_int64(-n), Value::from_small_int(1)).is_empty_slot();
}

// Makes sure at least `n` bytes are buffered (or EOF / would-block); false on error.
bool fill(BufferedObject* b, int64_t n, bool* blocked = nullptr) {
  if (!flush_writes(b)) return false;
  if (b->rpos > 0 && b->rpos == static_cast<int64_t>(b->rbuf->size())) drop_read(b);
  while (unread(b) < n) {
    int64_t want = std::max(b->buffer_size, n - unread(b));
    int64_t r = raw_read(b, want, b->rbuf);
    if (r == -2) return false;
    if (r == -1) {
      if (blocked) *blocked = true;
      break;
    }
    if (r == 0) break;
  }
  return true;
}

Value take(BufferedObject* b, int64_t n) {
  n = std::min(n, unread(b));
  Value v = bytes_value(std::string_view(*b->rbuf).substr(static_cast<size_t>(b->rpos), static_cast<size_t>(n)));
  b->rpos += n;
  if (b->rpos == static_cast<int64_t>(b->rbuf->size())) drop_read(b);
  return v;
}

// ---- construction -------------------------------------------------------------------------------

Value buffered_new(Value* args, int64_t, TupleObject*) {
  auto* b = static_cast<BufferedObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!b) return Value();
  b->rbuf = new std::string();
  b->wbuf = new std::string();
  b->raw = None;
  return Value::from_obj(b);
}

Value buffered_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* t = args[0].as_obj()->type;
  bool want_read = is_subtype(t, BufferedReaderType) || is_subtype(t, BufferedRandomType);
  bool want_write = is_subtype(t, BufferedWriterType) || is_subtype(t, BufferedRandomType);
  const char* fname = is_subtype(t, BufferedRandomType) ? "BufferedRandom"
                      : want_read                        ? "BufferedReader"
                                                         : "BufferedWriter";
  Value a[2];
  if (!parse_args(fname, args + 1, nargs - 1, kwnames, {"raw", "buffer_size"}, 1, a)) return Value();
  BufferedObject* b = BO(args[0]);
  b->ok = false;
  Value raw = a[0];
  if (is_subtype(t, BufferedRandomType) && call_method0(raw, "_checkSeekable").is_empty_slot()) return Value();
  if (want_read && call_method0(raw, "_checkReadable").is_empty_slot()) return Value();
  if (want_write && call_method0(raw, "_checkWritable").is_empty_slot()) return Value();
  int64_t size = kDefaultBufferSize;
  if (!a[1].is_empty_slot() && !arg_index(a[1], kDefaultBufferSize, &size)) return Value();
  if (size <= 0) return raise_msg(ValueErrorType, "buffer size must be strictly positive");
  b->raw = raw;
  set_owned(raw, true);
  b->buffer_size = size;
  b->readable = want_read;
  b->writable = want_write;
  if (!b->rbuf) b->rbuf = new std::string();
  if (!b->wbuf) b->wbuf = new std::string();
  drop_read(b);
  b->wbuf->clear();
  b->detached = false;
  b->ok = true;
  if (want_write) register_for_exit_flush(b);
  return None;
}

// ---- reading ------------------------------------------------------------------------------------

Value buffered_read(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("read", "read", nargs - 1, kw, 0, 1)) return Value();
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  if (n < -1) return raise_msg(ValueErrorType, "read length must be non-negative or -1");
  if (!check_open(b, "read")) return Value();
  if (n == -1) {
    if (!flush_writes(b)) return Value();
    std::string out(std::string_view(*b->rbuf).substr(static_cast<size_t>(b->rpos)));
    drop_read(b);
    while (true) {
      int64_t r = raw_read(b, std::max<int64_t>(b->buffer_size, kDefaultBufferSize), &out);
      if (r == -2) return Value();
      if (r == -1) {
        if (out.empty()) return None;
        break;
      }
      if (r == 0) break;
    }
    return bytes_value(out);
  }
  bool blocked = false;
  if (!fill(b, n, &blocked)) return Value();
  if (blocked && unread(b) == 0 && n > 0) return None;
  return take(b, n);
}

Value buffered_read1(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("read1", "read1", nargs - 1, kw, 0, 1)) return Value();
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  if (n < 0) n = b->buffer_size;
  if (!check_open(b, "read")) return Value();
  if (n == 0) return bytes_value("");
  if (unread(b) == 0) {
    if (!flush_writes(b)) return Value();
    drop_read(b);
    if (raw_read(b, std::max(n, b->buffer_size), b->rbuf) == -2) return Value();
  }
  return take(b, n);
}

Value buffered_peek(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("peek", "peek", nargs - 1, kw, 0, 1)) return Value();
  BufferedObject* b = BO(args[0]);
  if (!check_open(b, "peek")) return Value();
  if (unread(b) == 0 && !fill(b, 1)) return Value();
  return bytes_value(std::string_view(*b->rbuf).substr(static_cast<size_t>(b->rpos)));
}

Value readinto_impl(Value* args, int64_t nargs, TupleObject* kw, bool one) {
  if (!args_one(one ? "readinto1" : "readinto", nargs - 1, kw)) return Value();
  BufferedObject* b = BO(args[0]);
  if (!check_open(b, "readinto")) return Value();
  char* data;
  int64_t size;
  if (!writable_buffer(args[1], &data, &size, one ? "readinto1" : "readinto")) return Value();
  if (one) {
    if (unread(b) == 0) {
      if (!flush_writes(b)) return Value();
      drop_read(b);
      if (raw_read(b, std::max(size, b->buffer_size), b->rbuf) == -2) return Value();
    }
  } else if (!fill(b, size)) {
    return Value();
  }
  if (!writable_buffer(args[1], &data, &size, one ? "readinto1" : "readinto")) return Value();
  int64_t n = std::min(size, unread(b));
  if (n) std::memcpy(data, b->rbuf->data() + b->rpos, static_cast<size_t>(n));
  b->rpos += n;
  return int_from_int64(n);
}
Value buffered_readinto(Value* args, int64_t nargs, TupleObject* kw) { return readinto_impl(args, nargs, kw, false); }
Value buffered_readinto1(Value* args, int64_t nargs, TupleObject* kw) { return readinto_impl(args, nargs, kw, true); }

Value readline_bytes(BufferedObject* b, int64_t limit) {
  std::string out;
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    if (unread(b) == 0 && !fill(b, 1)) return Value();
    if (unread(b) == 0) break;
    std::string_view avail = std::string_view(*b->rbuf).substr(static_cast<size_t>(b->rpos));
    size_t nl = avail.find('\n');
    size_t n = nl == std::string_view::npos ? avail.size() : nl + 1;
    if (limit >= 0) n = std::min<size_t>(n, static_cast<size_t>(limit) - out.size());
    out.append(avail.substr(0, n));
    b->rpos += static_cast<int64_t>(n);
    if (!out.empty() && out.back() == '\n') break;
  }
  return bytes_value(out);
}

Value buffered_readline(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("readline", "readline", nargs - 1, kw, 0, 1)) return Value();
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  int64_t limit;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &limit)) return Value();
  if (!check_open(b, "readline")) return Value();
  return readline_bytes(b, limit);
}

Value buffered_next(Value* args, int64_t, TupleObject*) {
  BufferedObject* b = BO(args[0]);
  Value line;
  if (is_exact(args[0], BufferedReaderType) || is_exact(args[0], BufferedRandomType)) {
    if (!check_open(b, "readline")) return Value();
    line = readline_bytes(b, -1);
  } else {
    line = call_method0(args[0], "readline");
  }
  if (line.is_empty_slot()) return line;
  if (!is_bytes(line))
    return raise_fmt(OSErrorType, "readline() should have returned a bytes object, not '%s'", type_name(line));
  if (as_bytes(line)->size == 0) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return line;
}

// ---- writing ------------------------------------------------------------------------------------

// Appends `d` to the write buffer (flushing as needed); false with an exception pending.
bool write_data(BufferedObject* b, std::string_view d) {
  if (!check_open(b, "write")) return false;
  if (unread(b) > 0 && !rewind_read(b)) return false;
  drop_read(b);
  // Pending bytes that would overflow the buffer go out first; a write bigger than the
  // buffer goes straight to the raw stream.
  if (static_cast<int64_t>(b->wbuf->size() + d.size()) > b->buffer_size && !flush_writes(b)) return false;
  if (static_cast<int64_t>(d.size()) > b->buffer_size) return raw_write_all(b, d);
  b->wbuf->append(d);
  return true;
}

Value buffered_write(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("write", nargs - 1, kw)) return Value();
  BufferedObject* b = BO(args[0]);
  std::string_view d;
  if (!readable_buffer(args[1], &d)) return Value();
  if (!check_ready(b)) return Value();
  if (!write_data(b, d)) return Value();
  return int_from_int64(static_cast<int64_t>(d.size()));
}

Value buffered_flush(Value* args, int64_t, TupleObject*) {
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  if (!b->writable) return call_method0(b->raw, "flush");
  if (!check_open(b, "flush")) return Value();
  if (!flush_writes(b)) return Value();
  return call_method0(b->raw, "flush");
}


// ---- positioning --------------------------------------------------------------------------------

Value buffered_tell(Value* args, int64_t, TupleObject*) {
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  Value r = call_method0(b->raw, "tell");
  if (r.is_empty_slot()) return r;
  int64_t pos;
  bool overflow = false;
  Value ri = index(r);
  if (ri.is_empty_slot() || !as_int64(ri, &pos, &overflow)) return Value();
  if (pos < 0) return raise_fmt(OSErrorType, "Raw stream returned invalid position %lld", static_cast<long long>(pos));
  pos = pos - unread(b) + static_cast<int64_t>(b->wbuf->size());
  return int_from_int64(std::max<int64_t>(pos, 0));
}

Value buffered_seek(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("seek", "seek", nargs - 1, kw, 1, 2)) return Value();
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  int64_t pos, whence = 0;
  if (!arg_index(args[1], 0, &pos)) return Value();
  if (nargs > 2 && !arg_index(args[2], 0, &whence)) return Value();
  if (!check_open(b, "seek")) return Value();
  if (whence < 0 || whence > 4)
    return raise_fmt(ValueErrorType, "whence value %lld unsupported", static_cast<long long>(whence));
  if (!flush_writes(b)) return Value();
  if (whence == 1) pos -= unread(b);
  drop_read(b);
  return call_method2(b->raw, "seek", int_from_int64(pos), int_from_int64(whence));
}

Value buffered_truncate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("truncate", "truncate", nargs - 1, kw, 0, 1)) return Value();
  BufferedObject* b = BO(args[0]);
  if (!check_open(b, "truncate")) return Value();
  if (!b->writable) return raise_unsupported("truncate");
  if (!flush_writes(b)) return Value();
  Value pos = nargs > 1 ? args[1] : None;
  if (pos == None) {
    Value targs[1] = {args[0]};
    pos = buffered_tell(targs, 1, nullptr);
    if (pos.is_empty_slot()) return pos;
  }
  if (!rewind_read(b)) return Value();
  return call_method1(b->raw, "truncate", pos);
}

// ---- state --------------------------------------------------------------------------------------

Value buffered_close(Value* args, int64_t, TupleObject*) {
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  int c = raw_closed(b);
  if (c < 0) return Value();
  if (c) return None;
  Value r = call_method0(args[0], "flush");
  Value saved = r.is_empty_slot() ? take_exception() : Value();
  drop_read(b);
  Value cr = call_method0(b->raw, "close");
  if (!saved.is_empty_slot()) {
    if (cr.is_empty_slot()) {
      Value later = take_exception();
      as_exception(later)->context = saved;
      return raise(later);
    }
    return raise(saved);
  }
  return cr.is_empty_slot() ? cr : None;
}

Value buffered_detach(Value* args, int64_t, TupleObject*) {
  BufferedObject* b = BO(args[0]);
  if (!check_ready(b)) return Value();
  if (call_method0(args[0], "flush").is_empty_slot()) return Value();
  Value raw = b->raw;
  set_owned(raw, false);
  b->raw = None;
  b->detached = true;
  b->ok = false;
  return raw;
}

Value delegate(Value self, const char* method) {
  BufferedObject* b = BO(self);
  if (!check_ready(b)) return Value();
  return call_method0(b->raw, method);
}
Value buffered_fileno(Value* args, int64_t, TupleObject*) { return delegate(args[0], "fileno"); }
Value buffered_isatty(Value* args, int64_t, TupleObject*) { return delegate(args[0], "isatty"); }
Value buffered_seekable(Value* args, int64_t, TupleObject*) { return delegate(args[0], "seekable"); }
Value buffered_readable(Value* args, int64_t, TupleObject*) { return delegate(args[0], "readable"); }
Value buffered_writable(Value* args, int64_t, TupleObject*) { return delegate(args[0], "writable"); }

Value attr_of_raw(Value self, const char* name) {
  BufferedObject* b = BO(self);
  if (!check_ready(b)) return Value();
  return get_attr(b->raw, name);
}
Value buffered_closed_get(Value self) { return attr_of_raw(self, "closed"); }
Value buffered_name_get(Value self) { return attr_of_raw(self, "name"); }
Value buffered_mode_get(Value self) { return attr_of_raw(self, "mode"); }
Value buffered_raw_get(Value self) { return BO(self)->raw.is_empty_slot() ? None : BO(self)->raw; }

Value buffered_repr(Value* args, int64_t, TupleObject*) {
  std::string tn = args[0].as_obj()->type->name;
  Value name = get_attr(args[0], "name");
  if (name.is_empty_slot()) {
    if (!pending_matches(ExceptionType)) return Value();
    clear_exception();
    return str_value("<" + tn + ">");
  }
  std::string r;
  if (!repr_string(name, &r)) return Value();
  return str_value("<" + tn + " name=" + r + ">");
}

Value buffered_getstate(Value* args, int64_t, TupleObject*) {
  return raise_fmt(TypeErrorType, "cannot pickle '%s' object", args[0].as_obj()->type->name);
}

const NativeMethodDef kCommonMethods[] = {
    {"__new__", buffered_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", buffered_init},
    {"flush", buffered_flush},
    {"close", buffered_close},
    {"detach", buffered_detach},
    {"seek", buffered_seek},
    {"tell", buffered_tell},
    {"truncate", buffered_truncate},
    {"fileno", buffered_fileno},
    {"isatty", buffered_isatty},
    {"seekable", buffered_seekable},
    {"__repr__", buffered_repr},
    {"__getstate__", buffered_getstate},
};
const NativeMethodDef kReadMethods[] = {
    {"read", buffered_read},           {"read1", buffered_read1},
    {"peek", buffered_peek},           {"readinto", buffered_readinto},
    {"readinto1", buffered_readinto1}, {"readline", buffered_readline},
    {"__next__", buffered_next},       {"readable", buffered_readable},
};
const NativeMethodDef kWriteMethods[] = {
    {"write", buffered_write},
    {"writable", buffered_writable},
};
const NativeGetSetDef kBufferedGetSets[] = {
    {"closed", buffered_closed_get},
    {"name", buffered_name_get},
    {"mode", buffered_mode_get},
    {"raw", buffered_raw_get},
};

// ---- BufferedRWPair -----------------------------------------------------------------------------

BufferedPairObject* P(Value v) { return static_cast<BufferedPairObject*>(v.as_obj()); }
void visit_pair(Object* self, Visitor& v) {
  visit_iobase(self, v);
  v.visit(static_cast<BufferedPairObject*>(self)->reader);
  v.visit(static_cast<BufferedPairObject*>(self)->writer);
}

Value pair_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("BufferedRWPair", kwnames)) return Value();
  if (!check_positional("BufferedRWPair", nargs - 1, 2, 3)) return Value();
  BufferedPairObject* p = P(args[0]);
  if (call_method0(args[1], "_checkReadable").is_empty_slot()) return Value();
  if (call_method0(args[2], "_checkWritable").is_empty_slot()) return Value();
  Value rargs[2] = {args[1], nargs > 3 ? args[3] : Value::from_small_int(kDefaultBufferSize)};
  p->reader = call(Value::from_obj(BufferedReaderType), rargs, 2);
  if (p->reader.is_empty_slot()) return Value();
  Value wargs[2] = {args[2], rargs[1]};
  p->writer = call(Value::from_obj(BufferedWriterType), wargs, 2);
  if (p->writer.is_empty_slot()) return Value();
  set_owned(p->reader, true);
  set_owned(p->writer, true);
  return None;
}

bool pair_ready(BufferedPairObject* p) {
  if (p->reader.is_empty_slot() || p->writer.is_empty_slot()) {
    raise_msg(ValueErrorType, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

// Forwards a call to the reader or the writer.
Value forward(Value* args, int64_t nargs, bool to_writer, const char* name) {
  BufferedPairObject* p = P(args[0]);
  if (!pair_ready(p)) return Value();
  return call_method(to_writer ? p->writer : p->reader, intern(name), args + 1, nargs - 1);
}
#define PAIR_FWD(fn, w, name) \
  Value fn(Value* args, int64_t nargs, TupleObject*) { return forward(args, nargs, w, name); }
PAIR_FWD(pair_read, false, "read")
PAIR_FWD(pair_peek, false, "peek")
PAIR_FWD(pair_read1, false, "read1")
PAIR_FWD(pair_readinto, false, "readinto")
PAIR_FWD(pair_readinto1, false, "readinto1")
PAIR_FWD(pair_readable, false, "readable")
PAIR_FWD(pair_write, true, "write")
PAIR_FWD(pair_flush, true, "flush")
PAIR_FWD(pair_writable, true, "writable")
#undef PAIR_FWD

Value pair_close(Value* args, int64_t, TupleObject*) {
  BufferedPairObject* p = P(args[0]);
  if (!pair_ready(p)) return Value();
  Value w = call_method0(p->writer, "close");
  Value saved = w.is_empty_slot() ? take_exception() : Value();
  Value r = call_method0(p->reader, "close");
  if (!saved.is_empty_slot()) {
    if (r.is_empty_slot()) {
      Value later = take_exception();
      as_exception(later)->context = saved;
      return raise(later);
    }
    return raise(saved);
  }
  return r.is_empty_slot() ? r : None;
}
Value pair_isatty(Value* args, int64_t, TupleObject*) {
  BufferedPairObject* p = P(args[0]);
  if (!pair_ready(p)) return Value();
  Value w = call_method0(p->writer, "isatty");
  if (w.is_empty_slot() || w == True) return w;
  return call_method0(p->reader, "isatty");
}
Value pair_closed_get(Value self) {
  BufferedPairObject* p = P(self);
  if (!pair_ready(p)) return Value();
  return get_attr(p->writer, "closed");
}

const NativeMethodDef kPairMethods[] = {
    {"__init__", pair_init},         {"read", pair_read},
    {"peek", pair_peek},             {"read1", pair_read1},
    {"readinto", pair_readinto},     {"readinto1", pair_readinto1},
    {"readable", pair_readable},     {"write", pair_write},
    {"flush", pair_flush},           {"writable", pair_writable},
    {"close", pair_close},           {"isatty", pair_isatty},
};
const NativeGetSetDef kPairGetSets[] = {{"closed", pair_closed_get}};

}  // namespace

bool buffered_flush_value(Value self) {
  Value args[1] = {self};
  return !buffered_flush(args, 1, nullptr).is_empty_slot();
}

bool buffered_write_bytes(Value self, std::string_view data) {
  BufferedObject* b = BO(self);
  return check_ready(b) && write_data(b, data);
}

bool buffered_is_open_fast(Value self) {
  BufferedObject* b = BO(self);
  return b->ok && is_exact(b->raw, FileIOType) && static_cast<FileIOObject*>(b->raw.as_obj())->fd >= 0;
}

bool init_buffered_types(ModuleObject* m) {
  if (!BufferedReaderType) {
    auto make = [](const char* name, bool r, bool w) {
      TypeObject* t = make_io_type(name, sizeof(BufferedObject), visit_buffered, BufferedIOBaseType);
      t->finalize = finalize_buffered;
      add_methods(t, kCommonMethods);
      if (r) add_methods(t, kReadMethods);
      if (w) add_methods(t, kWriteMethods);
      add_getsets(t, kBufferedGetSets);
      return t;
    };
    BufferedReaderType = make("_io.BufferedReader", true, false);
    BufferedWriterType = make("_io.BufferedWriter", false, true);
    BufferedRandomType = make("_io.BufferedRandom", true, true);
    BufferedRWPairType = make_io_type("_io.BufferedRWPair", sizeof(BufferedPairObject), visit_pair, BufferedIOBaseType);
    add_methods(BufferedRWPairType, kPairMethods);
    add_getsets(BufferedRWPairType, kPairGetSets);
  }
  return !m || (module_add(m, "BufferedReader", Value::from_obj(BufferedReaderType)) &&
                module_add(m, "BufferedWriter", Value::from_obj(BufferedWriterType)) &&
                module_add(m, "BufferedRandom", Value::from_obj(BufferedRandomType)) &&
                module_add(m, "BufferedRWPair", Value::from_obj(BufferedRWPairType)));
}

}  // namespace coil::lib::io
