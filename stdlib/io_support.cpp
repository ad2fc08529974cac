// io_support.cpp — a native text stream type for the standard streams: buffered writes
// (line-buffered on a terminal, unbuffered with -u), write/flush/fileno/isatty, readline.
#include "stdlib/io_support.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct StreamObject : Object {
  int fd;
  bool line_buffered;
  bool unbuffered;
  bool closed;
  std::string* buffer;  // pending output (owned; freed by finalize)
};

TypeObject* g_stream_type = nullptr;
Value g_streams[3];

bool flush_stream(StreamObject* s) {
  std::string& b = *s->buffer;
  size_t off = 0;
  while (off < b.size()) {
    ssize_t n = ::write(s->fd, b.data() + off, b.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      b.clear();
      raise_fmt(OSErrorType, "[Errno %d] %s", errno, std::strerror(errno));
      return false;
    }
    off += static_cast<size_t>(n);
  }
  b.clear();
  return true;
}

bool stream_write(StreamObject* s, std::string_view text) {
  if (s->closed) {
    raise_msg(ValueErrorType, "I/O operation on closed file.");
    return false;
  }
  s->buffer->append(text);
  if (s->unbuffered || s->buffer->size() >= 8192 ||
      (s->line_buffered && text.find('\n') != std::string_view::npos))
    return flush_stream(s);
  return true;
}

StreamObject* self_stream(Value* args) { return static_cast<StreamObject*>(args[0].as_obj()); }

Value stream_write_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("write", nargs - 1, kw, 1, 1)) return Value();
  if (!is_str(args[1])) return raise_fmt(TypeErrorType, "write() argument must be str, not %s", type_name(args[1]));
  if (!stream_write(self_stream(args), as_str(args[1])->view())) return Value();
  return int_from_int64(as_str(args[1])->length);
}

Value stream_flush_m(Value* args, int64_t, TupleObject*) { return flush_stream(self_stream(args)) ? None : Value(); }
Value stream_fileno_m(Value* args, int64_t, TupleObject*) { return Value::from_small_int(self_stream(args)->fd); }
Value stream_isatty_m(Value* args, int64_t, TupleObject*) { return bool_value(::isatty(self_stream(args)->fd)); }

Value stream_readline_m(Value* args, int64_t, TupleObject*) {
  StreamObject* s = self_stream(args);
  std::string line;
  char c;
  while (true) {
    ssize_t n = ::read(s->fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    line += c;
    if (c == '\n') break;
  }
  return str_value(line);
}

Value stream_read_m(Value* args, int64_t, TupleObject*) {
  StreamObject* s = self_stream(args);
  std::string data;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(s->fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buf, n);
  }
  return str_value(data);
}

void finalize_stream(Object* self) { delete static_cast<StreamObject*>(self)->buffer; }

const NativeMethodDef kStreamMethods[] = {
    {"write", stream_write_m},   {"flush", stream_flush_m}, {"fileno", stream_fileno_m},
    {"isatty", stream_isatty_m}, {"readline", stream_readline_m}, {"read", stream_read_m},
};

}  // namespace

bool write_to_file(Value file, std::string_view text, bool flush) {
  if (file.is_empty_slot()) {
    file = sys_attr("stdout");
    if (file.is_empty_slot() || file == None) return true;  // CPython: print to a missing stdout does nothing
  }
  if (file.is_obj() && file.as_obj()->type == g_stream_type) {
    auto* s = static_cast<StreamObject*>(file.as_obj());
    if (!stream_write(s, text)) return false;
    return !flush || flush_stream(s);
  }
  Value t = str_value(text);
  if (t.is_empty_slot()) return false;
  Value w = get_attr(file, "write");
  if (w.is_empty_slot()) return false;
  if (call1(w, t).is_empty_slot()) return false;
  if (flush) {
    Value f = get_attr(file, "flush");
    if (f.is_empty_slot() || call0(f).is_empty_slot()) return false;
  }
  return true;
}

Value std_stream(int fd) { return g_streams[fd]; }

bool init_std_streams(bool unbuffered) {
  // Rooted before the first allocation: a collection may run at any allocation below.
  add_runtime_root_hook([](Visitor& v) {
    if (g_stream_type) v.visit(g_stream_type);
    for (Value s : g_streams) v.visit(s);
  });
  g_stream_type = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
  g_stream_type->name = "_io.TextIOWrapper";
  g_stream_type->base = ObjectType;
  g_stream_type->flags = TypeFlag::Immutable;
  g_stream_type->finalize = finalize_stream;
  finish_builtin_type(g_stream_type, sizeof(StreamObject), nullptr, nullptr);
  add_methods(g_stream_type, kStreamMethods);
  for (int fd = 0; fd < 3; ++fd) {
    auto* s = static_cast<StreamObject*>(allocate_object(g_stream_type, sizeof(StreamObject)));
    if (!s) return false;
    s->fd = fd;
    s->buffer = new std::string();
    s->line_buffered = fd == 2 || ::isatty(fd);
    s->unbuffered = unbuffered || fd == 2;
    g_streams[fd] = Value::from_obj(s);
  }
  return true;
}

void flush_std_streams() {
  for (int fd = 1; fd < 3; ++fd) {
    if (g_streams[fd].is_empty_slot()) continue;
    auto* s = static_cast<StreamObject*>(g_streams[fd].as_obj());
    if (!flush_stream(s)) clear_exception();
  }
}

}  // namespace coil::lib
