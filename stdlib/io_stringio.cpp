// io_stringio.cpp — _io.StringIO (an in-memory text stream of code points with CPython's
// newline modes) and the newline helpers it shares with TextIOWrapper.
#include <algorithm>

#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/native_module.h"
#include "stdlib/io_internal.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::io {

using namespace coil::rt;

TypeObject* StringIOType = nullptr;

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const char* p = utf8.data();
  const char* e = p + utf8.size();
  while (p < e) {
    if (static_cast<unsigned char>(*p) < 0x80) out.push_back(static_cast<char32_t>(*p++));
    else out.push_back(decode_utf8(p));
  }
  return out;
}

Value u32_str(std::u32string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) s.push_back(static_cast<char>(c));
    else append_utf8(s, c);
  }
  return str_value(s);
}

std::u32string translate_newlines(std::u32string_view in, bool translate, bool final, bool* pendingcr, int* seennl) {
  std::u32string out;
  out.reserve(in.size() + 1);
  if (*pendingcr && (!in.empty() || final)) {
    out.push_back(U'\r');
    *pendingcr = false;
  }
  out.append(in);
  if (!final && !out.empty() && out.back() == U'\r') {
    out.pop_back();
    *pendingcr = true;
  }
  int seen = 0;
  std::u32string res;
  res.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    char32_t c = out[i];
    if (c == U'\r') {
      if (i + 1 < out.size() && out[i + 1] == U'\n') {
        seen |= 4;
        if (translate) {
          res.push_back(U'\n');
          ++i;
          continue;
        }
        res.push_back(c);
        res.push_back(U'\n');
        ++i;
        continue;
      }
      seen |= 2;
      res.push_back(translate ? U'\n' : c);
    } else {
      if (c == U'\n') seen |= 1;
      res.push_back(c);
    }
  }
  *seennl |= seen;
  return res;
}

Value newlines_value(int seennl) {
  // CPython's order: '\r', '\n', '\r\n'.
  static const char* const kNames[] = {"\r", "\n", "\r\n"};
  static const int kBits[] = {2, 1, 4};
  Value items[3];
  int n = 0;
  for (int i = 0; i < 3; ++i)
    if (seennl & kBits[i]) items[n++] = str_value(kNames[i]);
  if (n == 0) return None;
  if (n == 1) return items[0];
  TupleObject* t = new_tuple(n);
  if (!t) return Value();
  for (int i = 0; i < n; ++i) t->items[i] = items[i];
  return Value::from_obj(t);
}

size_t find_line_end(std::u32string_view text, size_t start, bool translated, bool universal,
                     std::u32string_view readnl) {
  if (translated) {
    size_t p = text.find(U'\n', start);
    return p == std::u32string_view::npos ? p : p + 1;
  }
  if (universal) {
    for (size_t i = start; i < text.size(); ++i) {
      if (text[i] == U'\n') return i + 1;
      if (text[i] == U'\r') return i + 1 < text.size() && text[i + 1] == U'\n' ? i + 2 : i + 1;
    }
    return std::u32string_view::npos;
  }
  size_t p = text.find(readnl, start);
  return p == std::u32string_view::npos ? p : p + readnl.size();
}

namespace {

StringIOObject* S(Value v) { return static_cast<StringIOObject*>(v.as_obj()); }

void visit_stringio(Object* self, Visitor& v) {
  visit_iobase(self, v);
  v.visit(static_cast<StringIOObject*>(self)->newline);
}
void finalize_stringio(Object* self) {
  auto* s = static_cast<StringIOObject*>(self);
  delete s->text;
  s->text = nullptr;
}

bool check_ready(StringIOObject* s) {
  if (!s->ok || !s->text) {
    raise_msg(ValueErrorType, "I/O operation on uninitialized object");
    return false;
  }
  if (s->closed) {
    raise_msg(ValueErrorType, "I/O operation on closed file");
    return false;
  }
  return true;
}

// Writes text at the position (after newline translation); returns the count written.
int64_t write_text(StringIOObject* s, std::string_view utf8) {
  std::u32string t = to_u32(utf8);
  int64_t n = static_cast<int64_t>(t.size());
  if (s->readuniversal) {
    bool pending = false;
    t = translate_newlines(t, s->readtranslate, true, &pending, &s->seennl);
  }
  if (s->writenl_set) {
    std::u32string nl = to_u32(s->writenl);
    std::u32string r;
    for (char32_t c : t) {
      if (c == U'\n') r += nl;
      else r.push_back(c);
    }
    t.swap(r);
  }
  if (t.empty()) return n;
  std::u32string& buf = *s->text;
  size_t pos = static_cast<size_t>(s->pos);
  if (pos > buf.size()) buf.resize(pos, U'\0');
  if (pos + t.size() > buf.size()) buf.resize(pos + t.size());
  std::copy(t.begin(), t.end(), buf.begin() + static_cast<std::ptrdiff_t>(pos));
  s->pos += static_cast<int64_t>(t.size());
  return n;
}

Value stringio_new(Value* args, int64_t, TupleObject*) {
  auto* s = static_cast<StringIOObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!s) return Value();
  s->text = new std::u32string();
  s->newline = None;
  return Value::from_obj(s);
}

Value stringio_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("StringIO", args + 1, nargs - 1, kwnames, {"initial_value", "newline"}, 0, a)) return Value();
  StringIOObject* s = S(args[0]);
  Value init = a[0].is_empty_slot() ? Value() : a[0];
  Value nl = a[1].is_empty_slot() ? str_value("\n") : a[1];
  if (nl != None && !is_str(nl))
    return raise_fmt(TypeErrorType, "newline must be str or None, not %s", type_name(nl));
  if (nl != None) {
    std::string_view v = as_str(nl)->view();
    if (!(v.empty() || v == "\n" || v == "\r" || v == "\r\n")) {
      std::string r;
      if (!repr_string(nl, &r)) return Value();
      return raise_fmt(ValueErrorType, "illegal newline value: %s", r.c_str());
    }
  }
  if (!init.is_empty_slot() && init != None && !is_str(init))
    return raise_fmt(TypeErrorType, "initial_value must be str or None, not %s", type_name(init));
  s->newline = nl;
  s->readuniversal = nl == None || as_str(nl)->view().empty();
  s->readtranslate = nl == None;
  s->writenl_set = false;
  s->seennl = 0;
  if (nl != None && !as_str(nl)->view().empty() && as_str(nl)->view()[0] == '\r') {
    std::string_view v = as_str(nl)->view();
    s->writenl_set = true;
    std::copy(v.begin(), v.end(), s->writenl);
    s->writenl[v.size()] = '\0';
  }
  if (!s->text) s->text = new std::u32string();
  s->text->clear();
  s->pos = 0;
  s->closed = false;
  s->ok = true;
  if (!init.is_empty_slot() && init != None) {
    write_text(s, as_str(init)->view());
    s->pos = 0;
  }
  return None;
}

Value stringio_getvalue(Value* args, int64_t, TupleObject*) {
  StringIOObject* s = S(args[0]);
  return check_ready(s) ? u32_str(*s->text) : Value();
}

Value read_n(StringIOObject* s, int64_t n) {
  int64_t size = static_cast<int64_t>(s->text->size());
  int64_t avail = std::max<int64_t>(0, size - s->pos);
  if (n < 0 || n > avail) n = avail;
  Value r = n ? u32_str(std::u32string_view(*s->text).substr(static_cast<size_t>(s->pos), static_cast<size_t>(n)))
              : Value::from_obj(empty_str());
  s->pos += n;
  return r;
}

Value stringio_read(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("read", "read", nargs - 1, kw, 0, 1)) return Value();
  StringIOObject* s = S(args[0]);
  if (!check_ready(s)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  return read_n(s, n);
}

Value readline_n(StringIOObject* s, int64_t limit) {
  const std::u32string& t = *s->text;
  if (s->pos >= static_cast<int64_t>(t.size())) return Value::from_obj(empty_str());
  std::u32string readnl = s->newline == None ? U"\n" : to_u32(as_str(s->newline)->view());
  size_t end = find_line_end(t, static_cast<size_t>(s->pos), s->readtranslate, s->readuniversal, readnl);
  int64_t n = end == std::u32string::npos ? static_cast<int64_t>(t.size()) - s->pos
                                          : static_cast<int64_t>(end) - s->pos;
  if (limit >= 0 && n > limit) n = limit;
  return read_n(s, n);
}

Value stringio_readline(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("readline", "readline", nargs - 1, kw, 0, 1)) return Value();
  StringIOObject* s = S(args[0]);
  if (!check_ready(s)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  return readline_n(s, n);
}

Value stringio_next(Value* args, int64_t, TupleObject*) {
  StringIOObject* s = S(args[0]);
  if (!check_ready(s)) return Value();
  Value line;
  if (args[0].as_obj()->type == StringIOType) {
    line = readline_n(s, -1);
  } else {
    line = call_method0(args[0], "readline");
    if (line.is_empty_slot()) return line;
    if (!is_str(line))
      return raise_fmt(OSErrorType, "readline() should have returned a str object, not '%s'", type_name(line));
  }
  if (line.is_empty_slot()) return line;
  if (as_str(line)->length == 0) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return line;
}

Value stringio_write(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("write", nargs - 1, kw)) return Value();
  StringIOObject* s = S(args[0]);
  if (!check_ready(s)) return Value();
  if (!is_str(args[1])) return raise_fmt(TypeErrorType, "string argument expected, got '%s'", type_name(args[1]));
  return int_from_int64(write_text(s, as_str(args[1])->view()));
}

Value stringio_seek(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("seek", "seek", nargs - 1, kw, 1, 2)) return Value();
  StringIOObject* s = S(args[0]);
  if (!check_ready(s)) return Value();
  int64_t pos, whence = 0;
  if (!arg_index(args[1], 0, &pos)) return Value();
  if (nargs > 2 && !arg_index(args[2], 0, &whence)) return Value();
  if (whence < 0 || whence > 2)
    return raise_fmt(ValueErrorType, "Invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  if (pos < 0 && whence == 0)
    return raise_fmt(ValueErrorType, "Negative seek position %lld", static_cast<long long>(pos));
  if (whence != 0 && pos != 0)
    return raise_msg(OSErrorType, whence == 1 ? "Can't do nonzero cur-relative seeks"
                                              : "Can't do nonzero end-relative seeks");
  if (whence == 1) pos = s->pos;
  else if (whence == 2) pos = static_cast<int64_t>(s->text->size());
  s->pos = pos;
  return int_from_int64(pos);
}

Value stringio_tell(Value* args, int64_t, TupleObject*) {
  StringIOObject* s = S(args[0]);
  return check_ready(s) ? int_from_int64(s->pos) : Value();
}

Value stringio_truncate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("truncate", "truncate", nargs - 1, kw, 0, 1)) return Value();
  StringIOObject* s = S(args[0]);
  if (!check_ready(s)) return Value();
  int64_t size = s->pos;
  if (nargs > 1 && args[1] != None && !size_arg(args[1], &size)) return Value();
  if (size < 0) return raise_fmt(ValueErrorType, "Negative size value %lld", static_cast<long long>(size));
  if (size < static_cast<int64_t>(s->text->size())) s->text->resize(static_cast<size_t>(size));
  return int_from_int64(size);
}

Value stringio_true(Value* args, int64_t, TupleObject*) { return check_ready(S(args[0])) ? True : Value(); }
Value stringio_close(Value* args, int64_t, TupleObject*) {
  S(args[0])->closed = true;
  return None;
}
Value stringio_closed_get(Value self) {
  StringIOObject* s = S(self);
  if (!s->ok) return raise_msg(ValueErrorType, "I/O operation on uninitialized object");
  return bool_value(s->closed);
}
Value stringio_line_buffering_get(Value self) { return check_ready(S(self)) ? False : Value(); }
Value stringio_newlines_get(Value self) {
  StringIOObject* s = S(self);
  if (!check_ready(s)) return Value();
  if (!s->readuniversal) return None;
  return newlines_value(s->seennl);
}

Value stringio_getstate(Value* args, int64_t, TupleObject*) {
  StringIOObject* s = S(args[0]);
  if (!check_ready(s)) return Value();
  Value v = u32_str(*s->text);
  if (v.is_empty_slot()) return v;
  Value dv = s->dict ? call1(Value::from_obj(DictType), Value::from_obj(s->dict)) : None;
  if (dv.is_empty_slot()) return dv;
  return Value::from_obj(tuple_of({v, s->newline, int_from_int64(s->pos), dv}));
}

// __setstate__((initial_value, newline, position, dict)).
Value stringio_setstate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("__setstate__", nargs - 1, kw)) return Value();
  StringIOObject* s = S(args[0]);
  Value st = args[1];
  if (!is_tuple(st) || as_tuple(st)->size < 4)
    return raise_fmt(TypeErrorType, "%s.__setstate__ argument should be 4-tuple, got %s", args[0].as_obj()->type->name,
                     type_name(st));
  TupleObject* t = as_tuple(st);
  Value iargs[3] = {args[0], None, t->items[1]};
  if (stringio_init(iargs, 3, nullptr).is_empty_slot()) return Value();
  // The contents are restored as they were (already translated), not re-translated.
  if (!is_str(t->items[0]))
    return raise_fmt(TypeErrorType, "initial_value must be str or None, not %s", type_name(t->items[0]));
  *s->text = to_u32(as_str(t->items[0])->view());
  if (!is_int(t->items[2]))
    return raise_fmt(TypeErrorType, "third item of state must be an integer, got %s", type_name(t->items[2]));
  int64_t pos;
  if (!int_to_int64(t->items[2], &pos)) return Value();
  if (pos < 0) return raise_msg(ValueErrorType, "position value cannot be negative");
  s->pos = pos;
  Value dv = t->items[3];
  if (dv != None) {
    if (!is_dict(dv))
      return raise_fmt(TypeErrorType, "fourth item of state should be a dict, got a %s", type_name(dv));
    if (!s->dict && !(s->dict = new_dict())) return Value();
    if (!dict_update_from(s->dict, dv)) return Value();
  }
  return None;
}

const NativeMethodDef kStringIOMethods[] = {
    {"__setstate__", stringio_setstate},
    {"__new__", stringio_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", stringio_init},
    {"getvalue", stringio_getvalue},
    {"read", stringio_read},
    {"readline", stringio_readline},
    {"write", stringio_write},
    {"seek", stringio_seek},
    {"tell", stringio_tell},
    {"truncate", stringio_truncate},
    {"readable", stringio_true},
    {"writable", stringio_true},
    {"seekable", stringio_true},
    {"close", stringio_close},
    {"__next__", stringio_next},
    {"__getstate__", stringio_getstate},
};
const NativeGetSetDef kStringIOGetSets[] = {
    {"closed", stringio_closed_get},
    {"line_buffering", stringio_line_buffering_get},
    {"newlines", stringio_newlines_get},
};

}  // namespace

bool init_stringio_type(ModuleObject* m) {
  if (!StringIOType) {
    StringIOType = make_io_type("_io.StringIO", sizeof(StringIOObject), visit_stringio, TextIOBaseType);
    StringIOType->finalize = finalize_stringio;
    add_methods(StringIOType, kStringIOMethods);
    add_getsets(StringIOType, kStringIOGetSets);
  }
  return !m || module_add(m, "StringIO", Value::from_obj(StringIOType));
}

}  // namespace coil::lib::io
