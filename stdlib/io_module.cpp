// io_module.cpp — the _io module (open, open_code, text_encoding and the types), the standard
// streams sys.stdin/stdout/stderr as real TextIOWrappers over FileIO(0/1/2), and the flush of
// open writers at exit.
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <langinfo.h>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/config.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/run.h"
#include "runtime/sys_state.h"
#include "stdlib/codecs_support.h"
#include "stdlib/io_internal.h"
#include "stdlib/io_support.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

namespace io {

bool init_newline_type(rt::ModuleObject* m);

using namespace coil::rt;

namespace {

// ---- exit flush registry ------------------------------------------------------------------------
// Weak slots (cleared by the collector when the object dies) for every buffered writer and
// text wrapper; flushed at exit, text wrappers first.
std::deque<Value>& exit_slots() {
  static auto* d = new std::deque<Value>();
  return *d;
}

void compact_exit_slots() {
  std::deque<Value>& d = exit_slots();
  // Re-register live entries into fresh slots (the deque only grows at the back).
  std::deque<Value> live;
  for (Value& v : d) {
    if (!v.is_empty_slot() && v.is_obj()) live.push_back(v);
    gc::unregister_weak_slot(&v);
  }
  d.clear();
  for (Value v : live) {
    d.push_back(v);
    gc::register_weak_slot(&d.back(), nullptr);
  }
}

}  // namespace

void register_for_exit_flush(Object* o) {
  std::deque<Value>& d = exit_slots();
  static size_t next_compact = 256;
  if (d.size() >= next_compact) {
    compact_exit_slots();
    next_compact = std::max<size_t>(256, d.size() * 2);
  }
  d.push_back(Value::from_obj(o));
  gc::register_weak_slot(&d.back(), nullptr);
}

void flush_all_open() {
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < exit_slots().size(); ++i) {
      Value v = exit_slots()[i];
      if (v.is_empty_slot() || !v.is_obj()) continue;
      TypeObject* t = v.as_obj()->type;
      bool match = pass == 0 ? is_subtype(t, TextIOWrapperType)
                             : (is_subtype(t, BufferedWriterType) || is_subtype(t, BufferedRandomType));
      if (!match) continue;
      if (pass == 0 && !static_cast<TextIOObject*>(v.as_obj())->ok) continue;
      if (pass == 1 && !static_cast<BufferedObject*>(v.as_obj())->ok) continue;
      Value c = get_attr(v, "closed");
      if (c.is_empty_slot()) {
        clear_exception();
        continue;
      }
      if (c == True) continue;
      if (call_method0(v, "flush").is_empty_slot()) clear_exception();
    }
  }
}

std::string default_text_encoding() {
  if (g_config && g_config->utf8_mode > 0) return "utf-8";  // -X utf8 / PYTHONUTF8=1
  const char* cs = nl_langinfo(CODESET);
  std::string s = cs && *cs ? cs : "UTF-8";
  // CPython coerces the C locale to UTF-8 (PEP 538/540).
  if (s == "ANSI_X3.4-1968" || s == "ascii") s = "UTF-8";
  return s;
}

namespace {

// ---- open() -------------------------------------------------------------------------------------

Value io_open(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[8];
  if (!parse_args("open", args, nargs, kwnames,
                  {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1, a))
    return Value();
  Value file = a[0];
  Value mode_v = a[1].is_empty_slot() ? str_value("r") : a[1];
  Value encoding = a[3].is_empty_slot() ? None : a[3];
  Value errors = a[4].is_empty_slot() ? None : a[4];
  Value newline = a[5].is_empty_slot() ? None : a[5];
  Value closefd = a[6].is_empty_slot() ? True : a[6];
  Value opener = a[7].is_empty_slot() ? None : a[7];
  if (!is_str(mode_v)) return raise_fmt(TypeErrorType, "open() argument 'mode' must be str, not %s", type_name(mode_v));
  auto check_opt_str = [](Value v, const char* name) {
    if (v != None && !is_str(v)) {
      raise_fmt(TypeErrorType, "open() argument '%s' must be str or None, not %s", name, type_name(v));
      return false;
    }
    return true;
  };
  if (!check_opt_str(encoding, "encoding") || !check_opt_str(errors, "errors") || !check_opt_str(newline, "newline"))
    return Value();
  int64_t buffering = -1;
  if (!a[2].is_empty_slot()) {
    if (is_exact(a[2], FloatType)) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    if (!arg_index(a[2], -1, &buffering)) return Value();
  }
  bool number = is_int(file) || !lookup_special(file, intern("__index__")).is_empty_slot() ||
                !lookup_special(file, intern("__float__")).is_empty_slot() ||
                !lookup_special(file, intern("__int__")).is_empty_slot();
  if (has_pending_exception()) return Value();
  if (!is_str(file) && !is_bytes(file) && !number) {
    Value fspath = lookup_special(file, intern("__fspath__"));
    if (fspath.is_empty_slot()) {
      if (has_pending_exception()) return Value();
      std::string r;
      if (!repr_string(file, &r)) return Value();
      return raise_fmt(TypeErrorType, "invalid file: %s", r.c_str());
    }
    file = call0(fspath);
    if (file.is_empty_slot()) return file;
  }
  std::string_view mode = as_str(mode_v)->view();
  bool creating = false, reading = false, writing = false, appending = false, updating = false, text = false,
       binary = false;
  for (size_t i = 0; i < mode.size(); ++i) {
    char c = mode[i];
    bool* flag = nullptr;
    switch (c) {
      case 'x': flag = &creating; break;
      case 'r': flag = &reading; break;
      case 'w': flag = &writing; break;
      case 'a': flag = &appending; break;
      case '+': flag = &updating; break;
      case 't': flag = &text; break;
      case 'b': flag = &binary; break;
      default: break;
    }
    if (!flag || *flag || mode.find(c, i + 1) != std::string_view::npos) {
      std::string r;
      if (!repr_string(mode_v, &r)) return Value();
      return raise_fmt(ValueErrorType, "invalid mode: %s", r.c_str());
    }
    *flag = true;
  }
  if (text && binary) return raise_msg(ValueErrorType, "can't have text and binary mode at once");
  if (creating + reading + writing + appending > 1)
    return raise_msg(ValueErrorType, "must have exactly one of create/read/write/append mode");
  if (binary && encoding != None) return raise_msg(ValueErrorType, "binary mode doesn't take an encoding argument");
  if (binary && errors != None) return raise_msg(ValueErrorType, "binary mode doesn't take an errors argument");
  if (binary && newline != None) return raise_msg(ValueErrorType, "binary mode doesn't take a newline argument");
  std::string rawmode(1, creating ? 'x' : reading ? 'r' : writing ? 'w' : 'a');
  if (updating) rawmode += '+';
  Value rargs[4] = {file, str_value(rawmode), closefd, opener};
  Value kw = Value::from_obj(tuple_of({str_value("closefd"), str_value("opener")}));
  Value raw = call(Value::from_obj(FileIOType), rargs, 2, as_tuple(kw));
  if (raw.is_empty_slot()) return raw;
  Value result = raw;
  auto fail = [&]() -> Value {
    Value exc = take_exception();
    if (call_method0(result, "close").is_empty_slot()) clear_exception();
    return raise(exc);
  };
  bool line_buffering = false;
  if (buffering == 1 || buffering < 0) {
    Value tty = call_method0(raw, "isatty");
    if (tty.is_empty_slot()) return fail();
    if (buffering == 1 || tty == True) {
      buffering = -1;
      line_buffering = true;
    }
  }
  if (buffering < 0) {
    buffering = static_cast<FileIOObject*>(raw.as_obj())->blksize;
    if (buffering <= 1) buffering = kDefaultBufferSize;
  }
  if (buffering == 0) {
    if (binary) return raw;
    Value e = raise_msg(ValueErrorType, "can't have unbuffered text I/O");
    (void)e;
    return fail();
  }
  TypeObject* cls = updating ? BufferedRandomType : (writing || creating || appending) ? BufferedWriterType
                                                                                        : BufferedReaderType;
  Value bargs[2] = {raw, int_from_int64(buffering)};
  Value buffer = call(Value::from_obj(cls), bargs, 2);
  if (buffer.is_empty_slot()) return fail();
  result = buffer;
  if (binary) return buffer;
  Value targs[5] = {buffer, encoding, errors, newline, bool_value(line_buffering)};
  Value wrapper = call(Value::from_obj(TextIOWrapperType), targs, 5);
  if (wrapper.is_empty_slot()) return fail();
  result = wrapper;
  if (!set_attr(wrapper, intern("mode"), mode_v)) return fail();
  return wrapper;
}

Value io_open_code(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("open_code", args, nargs, kwnames, {"path"}, 1, a)) return Value();
  if (!is_str(a[0])) return raise_fmt(TypeErrorType, "open_code() argument 'path' must be str, not %s", type_name(a[0]));
  Value oargs[2] = {a[0], str_value("rb")};
  return io_open(oargs, 2, nullptr);
}

Value io_text_encoding(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("text_encoding", args, nargs, kwnames, {"encoding", "stacklevel"}, 1, a)) return Value();
  if (a[0] != None) return a[0];
  bool utf8_mode = g_config && g_config->utf8_mode > 0;
  return str_value(utf8_mode ? "utf-8" : "locale");
}

const NativeFunctionDef kIOFunctions[] = {
    {"open", io_open},
    {"open_code", io_open_code},
    {"text_encoding", io_text_encoding},
};

bool create_types() {
  return init_base_types(nullptr) && init_fileio_type(nullptr) && init_bytesio_type(nullptr) &&
         init_stringio_type(nullptr) && init_buffered_types(nullptr) && init_textio_types(nullptr) &&
         init_newline_type(nullptr);
}

bool init_io_module(ModuleObject* m) {
  // _io.open is builtins.open (one object, as in CPython).
  Value b = dict_get_str(builtins_dict(), intern("open"));
  if (!b.is_empty_slot() && !module_add(m, "open", b)) return false;
  return init_base_types(m) && init_fileio_type(m) && init_bytesio_type(m) && init_stringio_type(m) &&
         init_buffered_types(m) && init_textio_types(m) && init_newline_type(m);
}

// ---- standard streams ---------------------------------------------------------------------------

Value g_streams[3];

// Makes sys.stdin/stdout/stderr as CPython's create_stdio does.
Value make_std_stream(int fd, bool unbuffered, const std::string& encoding, const std::string& errors) {
  // A descriptor that is not open gives None (sys.stdin is None under `<&-`), as in CPython.
  struct stat st;
  if (::fstat(fd, &st) < 0 && errno == EBADF) return None;
  Value fargs[3] = {Value::from_small_int(fd), str_value(fd == 0 ? "rb" : "wb"), False};
  Value kw = Value::from_obj(tuple_of({str_value("closefd")}));
  Value raw = call(Value::from_obj(FileIOType), fargs, 2, as_tuple(kw));
  if (raw.is_empty_slot()) return raw;
  bool buffered = !(unbuffered && fd != 0);
  Value buf = raw;
  if (buffered) {
    Value bargs[2] = {raw, Value::from_small_int(kDefaultBufferSize)};
    buf = call(Value::from_obj(fd == 0 ? BufferedReaderType : BufferedWriterType), bargs, 2);
    if (buf.is_empty_slot()) return buf;
  }
  // The name is "<stdin>" etc., as CPython sets on the raw stream.
  static const char* const kNames[] = {"<stdin>", "<stdout>", "<stderr>"};
  if (!set_attr(raw, intern("name"), str_value(kNames[fd]))) return Value();
  bool tty = ::isatty(fd);
  bool line_buffering = buffered && (tty || fd == 2);
  Value targs[6] = {buf, str_value(encoding), str_value(fd == 2 ? "backslashreplace" : errors), str_value("\n"),
                    bool_value(line_buffering), bool_value(!buffered)};
  // newline='\n' for all three (no translation either way), as CPython on POSIX.
  Value t = call(Value::from_obj(TextIOWrapperType), targs, 6);
  if (t.is_empty_slot()) return t;
  if (!set_attr(t, intern("mode"), str_value(fd == 0 ? "r" : "w"))) return Value();
  return t;
}

}  // namespace

}  // namespace io

extern const rt::NativeModuleDef kIOModule;
const rt::NativeModuleDef kIOModule = {"_io", io::kIOFunctions, std::size(io::kIOFunctions), io::init_io_module};

using namespace coil::rt;

bool write_to_file(Value file, std::string_view text, bool flush) {
  if (file.is_empty_slot()) {
    file = sys_attr("stdout");
    if (file.is_empty_slot() || file == None) return true;  // CPython: print to a missing stdout does nothing
  }
  if (is_exact(file, io::TextIOWrapperType)) return io::textio_write_text(file, text, flush);
  Value t = str_value(text);
  if (t.is_empty_slot()) return false;
  if (call_method(file, names::write, &t, 1).is_empty_slot()) return false;
  if (flush && call_method(file, names::flush, nullptr, 0).is_empty_slot()) return false;
  return true;
}

Value std_stream(int fd) { return io::g_streams[fd]; }

namespace {
std::string* g_pending_stdio_encoding = nullptr;  // set when the stdio codec needs the registry
std::string* g_stdio_errors = nullptr;
}  // namespace

bool init_std_streams(bool unbuffered) {
  add_runtime_root_hook([](Visitor& v) {
    for (Value s : io::g_streams) v.visit(s);
  });
  std::setlocale(LC_CTYPE, "");
  if (!io::create_types()) return false;
  // Encoding and errors: the locale's (UTF-8 under the C locale, as CPython coerces it), with
  // surrogateescape in the C/POSIX locales; PYTHONIOENCODING=enc:errors overrides.
  std::string encoding = "utf-8";
  std::string errors = "strict";
  const char* ctype = std::setlocale(LC_CTYPE, nullptr);
  std::string loc = ctype ? ctype : "C";
  if (loc == "C" || loc == "POSIX" || loc.rfind("C.", 0) == 0) errors = "surrogateescape";
  if (g_config && g_config->utf8_mode > 0) errors = "surrogateescape";
  std::string cs = io::default_text_encoding();
  if (cs != "UTF-8" && cs != "utf-8" && cs != "utf8") {
    encoding.clear();
    for (char c : cs) encoding += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  bool ignore_env = g_config && g_config->ignore_environment;
  if (const char* pe = ignore_env ? nullptr : std::getenv("PYTHONIOENCODING"); pe && *pe) {
    std::string v = pe;
    size_t colon = v.find(':');
    std::string e = v.substr(0, colon);
    if (!e.empty()) {
      encoding = e;
      if (colon == std::string::npos) errors = "strict";
    }
    if (colon != std::string::npos && colon + 1 < v.size()) errors = v.substr(colon + 1);
  }
  // The streams report the codec's name (sys.stdout.encoding is 'iso8859-1' for latin-1).
  // Codecs outside the built-in three are switched to in finish_std_streams.
  std::string start_encoding = "utf-8";
  if (const char* canon = codec_canonical_name(encoding)) {
    std::string_view c = canon;
    start_encoding = c == "latin-1" ? "iso8859-1" : std::string(c);
  } else {
    g_pending_stdio_encoding = new std::string(encoding);
  }
  g_stdio_errors = new std::string(errors);
  for (int fd = 0; fd < 3; ++fd) {
    io::g_streams[fd] = io::make_std_stream(fd, unbuffered, start_encoding, errors);
    if (io::g_streams[fd].is_empty_slot()) return false;
  }
  return true;
}

bool finish_std_streams() {
  if (!g_pending_stdio_encoding) return true;
  std::string encoding = *g_pending_stdio_encoding;
  delete g_pending_stdio_encoding;
  g_pending_stdio_encoding = nullptr;
  Value info = codec_lookup(encoding);
  Value name = info.is_empty_slot() ? info : get_attr(info, "name");
  if (name.is_empty_slot() || !is_str(name)) {
    std::string msg = "unknown encoding";
    Value exc = take_exception();
    if (is_exception(exc)) {
      std::string s, t = as_exception(exc)->type->name;
      if (str_string(exc, &s)) msg = t + ": " + s;
      else clear_exception();
    }
    std::fprintf(stderr,
                 "Fatal Python error: init_stdio_encoding: failed to get the Python codec name of the stdio "
                 "encoding\nPython runtime state: core initialized\n%s\n",
                 msg.c_str());
    std::exit(1);
  }
  for (int fd = 0; fd < 3; ++fd) {
    Value kw = Value::from_obj(tuple_of({str_value("encoding"), str_value("errors")}));
    Value args[2] = {name, str_value(fd == 2 ? "backslashreplace" : *g_stdio_errors)};
    if (io::g_streams[fd] == None) continue;
    Value m = get_attr(io::g_streams[fd], "reconfigure");
    if (m.is_empty_slot() || call(m, args, 0, as_tuple(kw)).is_empty_slot()) return false;
  }
  return true;
}

void flush_std_streams() {
  for (const char* name : {"stdout", "stderr"}) {
    Value s = sys_attr(name);
    if (s.is_empty_slot() || s == None) {
      if (has_pending_exception()) clear_exception();
      continue;
    }
    Value c = get_attr(s, "closed");
    if (c.is_empty_slot()) {
      clear_exception();
      continue;
    }
    if (c == True) continue;
    if (io::call_method0(s, "flush").is_empty_slot()) clear_exception();
  }
}

bool flush_std_streams_at_exit() {
  bool ok = true;
  for (const char* name : {"stdout", "stderr"}) {
    Value s = sys_attr(name);
    if (s.is_empty_slot() || s == None) {
      if (has_pending_exception()) clear_exception();
      continue;
    }
    Value c = get_attr(s, "closed");
    if (c.is_empty_slot()) {
      clear_exception();
      continue;
    }
    if (c == True) continue;
    if (!io::call_method0(s, "flush").is_empty_slot()) continue;
    if (name[3] == 'e') {  // stderr
      clear_exception();
      continue;
    }
    ok = false;
    Value exc = take_exception();
    // Raised by native code outside any frame: reported without a traceback, as CPython.
    if (is_exception(exc)) as_exception(exc)->traceback = Value();
    std::string r;
    if (!repr_string(s, &r)) {
      clear_exception();
      r = "<object repr() failed>";
    }
    Value err = sys_attr("stderr");
    if (!err.is_empty_slot() && err != None && write_to_file(err, "Exception ignored in: " + r + "\n", true)) {
      raise(exc);
      print_pending_exception();
    } else {
      clear_exception();
    }
  }
  return ok;
}

void flush_all_open_files() { io::flush_all_open(); }

bool is_native_text_stream(Value file) {
  return is_exact(file, io::TextIOWrapperType) || is_exact(file, io::StringIOType);
}

Value io_open_builtin(Value* args, int64_t nargs, TupleObject* kwnames) { return io::io_open(args, nargs, kwnames); }

}  // namespace coil::lib
