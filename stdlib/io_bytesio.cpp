// io_bytesio.cpp — _io.BytesIO: an in-memory binary stream over a bytearray (so getbuffer()
// can hand out a memoryview of the live contents).
#include <algorithm>
#include <cstring>

#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/native_module.h"
#include "stdlib/io_internal.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::io {

using namespace coil::rt;

TypeObject* BytesIOType = nullptr;

namespace {

BytesIOObject* X(Value v) { return static_cast<BytesIOObject*>(v.as_obj()); }
ByteArrayObject* buf_of(BytesIOObject* b) { return as_bytearray(b->buf); }
std::string_view contents(BytesIOObject* b) { return buf_of(b)->view(); }

void visit_bytesio(Object* self, Visitor& v) {
  visit_iobase(self, v);
  v.visit(static_cast<BytesIOObject*>(self)->buf);
}

bool check_open(BytesIOObject* b) {
  if (b->closed || b->buf.is_empty_slot()) {
    raise_closed();
    return false;
  }
  return true;
}

bool check_exports(BytesIOObject* b) {
  if (b->exports > 0) {
    raise_msg(BufferErrorType, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

Value bytesio_new(Value* args, int64_t, TupleObject*) {
  auto* b = static_cast<BytesIOObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!b) return Value();
  b->buf = new_bytearray(ByteArrayType, "");
  if (b->buf.is_empty_slot()) return Value();
  return Value::from_obj(b);
}

Value bytesio_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("BytesIO", args + 1, nargs - 1, kwnames, {"initial_bytes"}, 0, a)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_exports(b)) return Value();
  std::string_view init;
  if (!a[0].is_empty_slot() && a[0] != None && !readable_buffer(a[0], &init)) return Value();
  std::string copy(init);
  b->buf = new_bytearray(ByteArrayType, copy);
  if (b->buf.is_empty_slot()) return Value();
  b->pos = 0;
  return None;
}

// Reads up to n bytes (n < 0: all) from the current position.
Value read_n(BytesIOObject* b, int64_t n) {
  std::string_view c = contents(b);
  int64_t avail = std::max<int64_t>(0, static_cast<int64_t>(c.size()) - b->pos);
  if (n < 0 || n > avail) n = avail;
  Value r = bytes_value(n ? c.substr(static_cast<size_t>(b->pos), static_cast<size_t>(n)) : std::string_view());
  b->pos += n;
  return r;
}

Value bytesio_read(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("read", "read", nargs - 1, kw, 0, 1)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  return read_n(b, n);
}

// The length of the next line (up to `limit` bytes when limit >= 0).
int64_t line_length(BytesIOObject* b, int64_t limit) {
  std::string_view c = contents(b);
  if (b->pos >= static_cast<int64_t>(c.size())) return 0;
  std::string_view rest = c.substr(static_cast<size_t>(b->pos));
  size_t nl = rest.find('\n');
  int64_t n = nl == std::string_view::npos ? static_cast<int64_t>(rest.size()) : static_cast<int64_t>(nl) + 1;
  if (limit >= 0 && n > limit) n = limit;
  return n;
}

Value bytesio_readline(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("readline", "readline", nargs - 1, kw, 0, 1)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  return read_n(b, line_length(b, n));
}

Value bytesio_readlines(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("readlines", "readlines", nargs - 1, kw, 0, 1)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  int64_t hint;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &hint)) return Value();
  ListObject* out = new_list(0);
  if (!out) return Value();
  int64_t total = 0;
  while (int64_t n = line_length(b, -1)) {
    Value line = read_n(b, n);
    if (line.is_empty_slot() || !list_append(out, line)) return Value();
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return Value::from_obj(out);
}

Value bytesio_readinto(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("readinto", nargs - 1, kw)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  char* data;
  int64_t size;
  if (!writable_buffer(args[1], &data, &size, "readinto")) return Value();
  std::string_view c = contents(b);
  int64_t avail = std::max<int64_t>(0, static_cast<int64_t>(c.size()) - b->pos);
  int64_t n = std::min(avail, size);
  if (n) std::memcpy(data, c.data() + b->pos, static_cast<size_t>(n));
  b->pos += n;
  return int_from_int64(n);
}

Value bytesio_write(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("write", nargs - 1, kw)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  std::string_view d;
  if (!readable_buffer(args[1], &d)) return Value();
  if (!check_exports(b)) return Value();
  std::string copy(d);  // `d` may alias our own buffer, which may move on resize
  int64_t n = static_cast<int64_t>(copy.size());
  if (n == 0) return Value::from_small_int(0);
  ByteArrayObject* ba = buf_of(b);
  int64_t end = b->pos + n;
  if (end > ba->size) {
    int64_t old = ba->size;
    if (!bytearray_resize(ba, end)) return Value();
    if (b->pos > old) std::memset(ba->data() + old, 0, static_cast<size_t>(b->pos - old));
  }
  std::memcpy(ba->data() + b->pos, copy.data(), static_cast<size_t>(n));
  b->pos = end;
  return int_from_int64(n);
}

Value bytesio_writelines(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("writelines", nargs - 1, kw)) return Value();
  if (!check_open(X(args[0]))) return Value();
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value line = iter_next(it, &done);
    if (done) return None;
    if (line.is_empty_slot()) return line;
    Value wargs[2] = {args[0], line};
    if (bytesio_write(wargs, 2, nullptr).is_empty_slot()) return Value();
  }
}

Value bytesio_seek(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("seek", "seek", nargs - 1, kw, 1, 2)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  int64_t pos, whence = 0;
  if (!arg_index(args[1], 0, &pos)) return Value();
  if (nargs > 2 && !arg_index(args[2], 0, &whence)) return Value();
  if (whence < 0 || whence > 2)
    return raise_fmt(ValueErrorType, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  if (whence == 0 && pos < 0) return raise_fmt(ValueErrorType, "negative seek value %lld", static_cast<long long>(pos));
  if (whence == 1) pos += b->pos;
  else if (whence == 2) pos += static_cast<int64_t>(contents(b).size());
  if (pos < 0) pos = 0;
  b->pos = pos;
  return int_from_int64(pos);
}

Value bytesio_tell(Value* args, int64_t, TupleObject*) {
  BytesIOObject* b = X(args[0]);
  return check_open(b) ? int_from_int64(b->pos) : Value();
}

Value bytesio_truncate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("truncate", "truncate", nargs - 1, kw, 0, 1)) return Value();
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  int64_t size = b->pos;
  if (nargs > 1 && args[1] != None && !size_arg(args[1], &size)) return Value();
  if (size < 0) return raise_fmt(ValueErrorType, "negative size value %lld", static_cast<long long>(size));
  if (!check_exports(b)) return Value();
  ByteArrayObject* ba = buf_of(b);
  if (size < ba->size && !bytearray_resize(ba, size)) return Value();
  return int_from_int64(size);
}

Value bytesio_getvalue(Value* args, int64_t, TupleObject*) {
  BytesIOObject* b = X(args[0]);
  return check_open(b) ? bytes_value(contents(b)) : Value();
}

// A memoryview of the live contents (reads see later writes; writes through it are not
// supported by Coil's memoryview yet).
Value bytesio_getbuffer(Value* args, int64_t, TupleObject*) {
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  return call1(Value::from_obj(MemoryViewType), b->buf);
}

Value bytesio_true(Value* args, int64_t, TupleObject*) { return check_open(X(args[0])) ? True : Value(); }
Value bytesio_false(Value* args, int64_t, TupleObject*) { return check_open(X(args[0])) ? False : Value(); }
Value bytesio_flush(Value* args, int64_t, TupleObject*) { return check_open(X(args[0])) ? None : Value(); }
Value bytesio_close(Value* args, int64_t, TupleObject*) {
  BytesIOObject* b = X(args[0]);
  if (!check_exports(b)) return Value();
  b->closed = true;
  return None;
}
Value bytesio_closed_get(Value self) { return bool_value(X(self)->closed); }

Value bytesio_iternext(Value* args, int64_t, TupleObject*) {
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  int64_t n = line_length(b, -1);
  if (n == 0) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return read_n(b, n);
}

Value bytesio_getstate(Value* args, int64_t, TupleObject*) {
  BytesIOObject* b = X(args[0]);
  if (!check_open(b)) return Value();
  Value v = bytes_value(contents(b));
  if (v.is_empty_slot()) return v;
  DictObject* d = b->dict;
  Value dv = d ? call1(Value::from_obj(DictType), Value::from_obj(d)) : None;
  if (dv.is_empty_slot()) return dv;
  return Value::from_obj(tuple_of({v, int_from_int64(b->pos), dv}));
}

// __setstate__((contents, position, dict)): what unpickling and copy call.
Value bytesio_setstate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("__setstate__", nargs - 1, kw)) return Value();
  BytesIOObject* b = X(args[0]);
  Value st = args[1];
  if (!is_tuple(st) || as_tuple(st)->size < 3)
    return raise_fmt(TypeErrorType, "%s.__setstate__ argument should be 3-tuple, got %s", args[0].as_obj()->type->name,
                     type_name(st));
  TupleObject* t = as_tuple(st);
  if (!check_exports(b)) return Value();
  std::string_view d;
  if (!readable_buffer(t->items[0], &d)) return Value();
  b->buf = new_bytearray(ByteArrayType, std::string(d));
  if (b->buf.is_empty_slot()) return Value();
  if (!is_int(t->items[1]))
    return raise_fmt(TypeErrorType, "second item of state must be an integer, not %s", type_name(t->items[1]));
  int64_t pos;
  if (!int_to_int64(t->items[1], &pos)) return Value();
  if (pos < 0) return raise_msg(ValueErrorType, "position value cannot be negative");
  b->pos = pos;
  Value dv = t->items[2];
  if (dv != None) {
    if (!is_dict(dv))
      return raise_fmt(TypeErrorType, "third item of state should be a dict, got a %s", type_name(dv));
    if (!b->dict && !(b->dict = new_dict())) return Value();
    if (!dict_update_from(b->dict, dv)) return Value();
  }
  return None;
}

const NativeMethodDef kBytesIOMethods[] = {
    {"__setstate__", bytesio_setstate},
    {"__new__", bytesio_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", bytesio_init},
    {"read", bytesio_read},
    {"read1", bytesio_read},
    {"readline", bytesio_readline},
    {"readlines", bytesio_readlines},
    {"readinto", bytesio_readinto},
    {"readinto1", bytesio_readinto},
    {"write", bytesio_write},
    {"writelines", bytesio_writelines},
    {"seek", bytesio_seek},
    {"tell", bytesio_tell},
    {"truncate", bytesio_truncate},
    {"getvalue", bytesio_getvalue},
    {"getbuffer", bytesio_getbuffer},
    {"readable", bytesio_true},
    {"writable", bytesio_true},
    {"seekable", bytesio_true},
    {"isatty", bytesio_false},
    {"flush", bytesio_flush},
    {"close", bytesio_close},
    {"__next__", bytesio_iternext},
    {"__getstate__", bytesio_getstate},
};
const NativeGetSetDef kBytesIOGetSets[] = {{"closed", bytesio_closed_get}};

}  // namespace

bool init_bytesio_type(ModuleObject* m) {
  if (!BytesIOType) {
    BytesIOType = make_io_type("_io.BytesIO", sizeof(BytesIOObject), visit_bytesio, BufferedIOBaseType);
    add_methods(BytesIOType, kBytesIOMethods);
    add_getsets(BytesIOType, kBytesIOGetSets);
  }
  return !m || module_add(m, "BytesIO", Value::from_obj(BytesIOType));
}

}  // namespace coil::lib::io
