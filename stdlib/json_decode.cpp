// json_decode.cpp — the decoding half of _json: scanstring and the Scanner type that
// json.decoder uses in place of its pure-Python scanner, with the same results, indexes
// and JSONDecodeError messages.
//
// Positions at the Python boundary are code-point indexes; inside, the scanner walks the
// str's UTF-8 bytes (every JSON delimiter is ASCII, and a byte below 0x80 is always a whole
// character) and converts back only for results and errors.
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/number_parse.h"
#include "runtime/str.h"
#include "runtime/str_util.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/json_module.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::json {

using namespace coil::rt;

Value raise_decode_error(const char* msg, Value s, int64_t pos) {
  // As CPython's _json: the class is looked up in sys.modules['json.decoder'] at the time.
  Value mod = dict_get_str(g_sys_modules, intern("json.decoder"));
  if (mod.is_empty_slot()) return raise_msg(ImportErrorType, "json.decoder is not imported");
  Value cls = get_attr(mod, intern("JSONDecodeError"));
  if (cls.is_empty_slot()) return cls;
  Value args[3] = {str_value(msg), s, int_from_int64(pos)};
  Value exc = call(cls, args, 3);
  if (exc.is_empty_slot()) return exc;
  return raise(exc);
}

namespace {

// The str being decoded: its bytes and the conversions between byte and code-point indexes.
struct Text {
  Value obj;
  StrObject* s;
  const char* data;
  int64_t nbytes;

  explicit Text(Value v) : obj(v), s(as_str(v)), data(s->data), nbytes(s->nbytes) {}
  int64_t cp(int64_t byte) const { return s->is_ascii() ? byte : str_cp_index(s, byte); }
  int64_t byte(int64_t cp) const { return s->is_ascii() ? cp : str_byte_offset(s, cp); }
  Value error(const char* msg, int64_t byte_pos) const { return raise_decode_error(msg, obj, cp(byte_pos)); }
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at p (bounds already checked); -1 if one is not a hex digit.
int32_t hex4(const char* p) {
  int32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    int d = hex_value(p[i]);
    if (d < 0) return -1;
    v = v << 4 | d;
  }
  return v;
}

// The string body starting at byte `end` (after the opening quote). Sets *next to the byte
// after the closing quote. CPython's checks and error positions, in code points.
Value scan_string(const Text& t, int64_t end, bool strict, int64_t* next) {
  const char* s = t.data;
  const int64_t len = t.nbytes;
  const int64_t begin = end - 1;
  std::string out;
  bool plain = true;  // no escape seen yet: the result is one slice of the input
  int64_t chunk_start = end;
  for (;;) {
    int64_t i = end;
    char c = 0;
    for (; i < len; ++i) {
      c = s[i];
      if (c == '"' || c == '\\') break;
      if (static_cast<unsigned char>(c) <= 0x1f && strict) return t.error("Invalid control character at", i);
    }
    if (i >= len) return t.error("Unterminated string starting at", begin);
    if (c == '"') {
      *next = i + 1;
      if (plain) return str_value(std::string_view(s + chunk_start, i - chunk_start));
      out.append(s + end, i - end);
      return str_value(out);
    }
    // A backslash: take the chunk before it, then the escape.
    if (plain) {
      out.assign(s + chunk_start, i - chunk_start);
      plain = false;
    } else {
      out.append(s + end, i - end);
    }
    int64_t j = i + 1;
    if (j == len) return t.error("Unterminated string starting at", begin);
    c = s[j];
    if (c != 'u') {
      char r;
      switch (c) {
        case '"': r = '"'; break;
        case '\\': r = '\\'; break;
        case '/': r = '/'; break;
        case 'b': r = '\b'; break;
        case 'f': r = '\f'; break;
        case 'n': r = '\n'; break;
        case 'r': r = '\r'; break;
        case 't': r = '\t'; break;
        default: return t.error("Invalid \\escape", j - 1);
      }
      out.push_back(r);
      end = j + 1;
      continue;
    }
    // \uXXXX; the digits are ASCII when valid, so byte arithmetic is exact up to the
    // first bad one (whose position is reported as the escape's start anyway).
    int64_t digits = j + 1;
    end = digits + 4;
    if (end >= len) return t.error("Invalid \\uXXXX escape", digits - 1);
    int32_t cp = hex4(s + digits);
    if (cp < 0) return t.error("Invalid \\uXXXX escape", end - 5);
    if (cp >= 0xD800 && cp <= 0xDBFF && end + 6 < len && s[end] == '\\' && s[end + 1] == 'u') {
      int32_t low = hex4(s + end + 2);
      if (low < 0) return t.error("Invalid \\uXXXX escape", end + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        end += 6;
      }
    }
    append_utf8(out, static_cast<uint32_t>(cp));
  }
}

// ---- the Scanner type ---------------------------------------------------------------------

struct ScannerObject : Object {
  Value strict;  // the context's values, kept for the attributes
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  bool strict_flag;
};

TypeObject* g_scanner_type = nullptr;

void visit_scanner(Object* self, Visitor& v) {
  auto* s = static_cast<ScannerObject*>(self);
  v.visit(s->strict);
  v.visit(s->object_hook);
  v.visit(s->object_pairs_hook);
  v.visit(s->parse_float);
  v.visit(s->parse_int);
  v.visit(s->parse_constant);
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One decoding call: the scanner, the text and the key memo (one str object per distinct key).
struct Decoder {
  ScannerObject* sc;
  const Text& t;
  DictObject* memo = nullptr;

  int64_t skip_ws(int64_t i) const {
    while (i < t.nbytes && is_ws(t.data[i])) ++i;
    return i;
  }
  Value stop(int64_t i) const { return stop_cp(t.cp(i)); }
  static Value stop_cp(int64_t cp) {
    TupleObject* args = tuple_of({int_from_int64(cp)});
    ExceptionObject* e = args ? new_exception(StopIterationType, args) : nullptr;
    return e ? raise(Value::from_obj(e)) : Value();
  }

  Value value_at(int64_t i, int64_t* next);
  Value object_at(int64_t i, int64_t* next);
  Value array_at(int64_t i, int64_t* next);
  Value number_at(int64_t i, int64_t* next);
  Value constant(const char* name, int64_t i, int64_t n, int64_t* next);
};

Value Decoder::constant(const char* name, int64_t i, int64_t n, int64_t* next) {
  Value r = call1(sc->parse_constant, str_value(name));
  if (!r.is_empty_slot()) *next = i + n;
  return r;
}

bool has_word(const Text& t, int64_t i, const char* w, int64_t n) {
  return i + n <= t.nbytes && std::memcmp(t.data + i, w, n) == 0;
}

Value Decoder::value_at(int64_t i, int64_t* next) {
  if (i >= t.nbytes) return stop(i);
  switch (t.data[i]) {
    case '"':
      return scan_string(t, i + 1, sc->strict_flag, next);
    case '{': {
      if (!enter_call(" while decoding a JSON object from a unicode string")) return Value();
      Value r = object_at(i + 1, next);
      leave_call();
      return r;
    }
    case '[': {
      if (!enter_call(" while decoding a JSON array from a unicode string")) return Value();
      Value r = array_at(i + 1, next);
      leave_call();
      return r;
    }
    case 'n':
      if (has_word(t, i, "null", 4)) {
        *next = i + 4;
        return None;
      }
      break;
    case 't':
      if (has_word(t, i, "true", 4)) {
        *next = i + 4;
        return True;
      }
      break;
    case 'f':
      if (has_word(t, i, "false", 5)) {
        *next = i + 5;
        return False;
      }
      break;
    case 'N':
      if (has_word(t, i, "NaN", 3)) return constant("NaN", i, 3, next);
      break;
    case 'I':
      if (has_word(t, i, "Infinity", 8)) return constant("Infinity", i, 8, next);
      break;
    case '-':
      if (has_word(t, i, "-Infinity", 9)) return constant("-Infinity", i, 9, next);
      break;
    default:
      break;
  }
  return number_at(i, next);
}

Value Decoder::object_at(int64_t i, int64_t* next) {
  const bool pairs = sc->object_pairs_hook != None;
  ListObject* items = nullptr;
  DictObject* d = nullptr;
  if (pairs) items = new_list(0);
  else d = new_dict();
  if (!items && !d) return Value();
  i = skip_ws(i);
  if (i >= t.nbytes || t.data[i] != '}') {
    for (;;) {
      if (i >= t.nbytes || t.data[i] != '"')
        return t.error("Expecting property name enclosed in double quotes", i);
      int64_t after;
      Value key = scan_string(t, i + 1, sc->strict_flag, &after);
      if (key.is_empty_slot()) return key;
      if (!memo && !(memo = new_dict())) return Value();
      bool err = false;
      Value known = dict_get(memo, key, &err);
      if (err) return Value();
      if (known.is_empty_slot()) {
        if (!dict_set(memo, key, key)) return Value();
      } else {
        key = known;
      }
      i = skip_ws(after);
      if (i >= t.nbytes || t.data[i] != ':') return t.error("Expecting ':' delimiter", i);
      i = skip_ws(i + 1);
      Value v = value_at(i, &i);
      if (v.is_empty_slot()) return v;
      if (pairs) {
        TupleObject* kv = tuple_of({key, v});
        if (!kv || !list_append(items, Value::from_obj(kv))) return Value();
      } else if (!dict_set(d, key, v)) {
        return Value();
      }
      i = skip_ws(i);
      if (i < t.nbytes && t.data[i] == '}') break;
      if (i >= t.nbytes || t.data[i] != ',') return t.error("Expecting ',' delimiter", i);
      i = skip_ws(i + 1);
    }
  }
  *next = i + 1;
  if (pairs) return call1(sc->object_pairs_hook, Value::from_obj(items));
  if (sc->object_hook != None) return call1(sc->object_hook, Value::from_obj(d));
  return Value::from_obj(d);
}

Value Decoder::array_at(int64_t i, int64_t* next) {
  ListObject* l = new_list(0);
  if (!l) return Value();
  i = skip_ws(i);
  if (i >= t.nbytes || t.data[i] != ']') {
    for (;;) {
      Value v = value_at(i, &i);
      if (v.is_empty_slot()) return v;
      if (!list_append(l, v)) return Value();
      i = skip_ws(i);
      if (i < t.nbytes && t.data[i] == ']') break;
      if (i >= t.nbytes || t.data[i] != ',') return t.error("Expecting ',' delimiter", i);
      i = skip_ws(i + 1);
    }
  }
  *next = i + 1;
  return Value::from_obj(l);
}

// JSON's number syntax: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?; a fraction or an
// exponent without digits is left unread (the number ends before it), as CPython's does.
Value Decoder::number_at(int64_t start, int64_t* next) {
  const char* s = t.data;
  const int64_t n = t.nbytes;
  int64_t i = start;
  if (s[i] == '-') {
    ++i;
    if (i >= n) return stop(start);
  }
  if (s[i] >= '1' && s[i] <= '9') {
    ++i;
    while (i < n && is_digit(s[i])) ++i;
  } else if (s[i] == '0') {
    ++i;
  } else {
    return stop(start);
  }
  bool is_float = false;
  if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
    is_float = true;
    i += 2;
    while (i < n && is_digit(s[i])) ++i;
  }
  if (i + 1 < n && (s[i] == 'e' || s[i] == 'E')) {
    int64_t e_start = i;
    ++i;
    if (i + 1 < n && (s[i] == '-' || s[i] == '+')) ++i;
    while (i < n && is_digit(s[i])) ++i;
    if (is_digit(s[i - 1])) is_float = true;
    else i = e_start;
  }
  std::string_view text(s + start, i - start);
  *next = i;
  Value custom = is_float ? sc->parse_float : sc->parse_int;
  if (custom != Value::from_obj(is_float ? FloatType : IntType)) return call1(custom, str_value(text));
  if (is_float) {
    double d;
    if (!parse_float(text, &d)) return raise_msg(ValueErrorType, "could not convert string to float");
    return float_value(d);
  }
  if (text.size() <= 18) {
    int64_t v = 0;
    size_t k = text[0] == '-' ? 1 : 0;
    for (; k < text.size(); ++k) v = v * 10 + (text[k] - '0');
    return Value::from_small_int(text[0] == '-' ? -v : v);
  }
  return int_parse_for_constructor(text, 10, str_repr(text));
}

// ---- Scanner methods ----------------------------------------------------------------------

bool get_field(Value ctx, const char* name, Value* out) {
  *out = get_attr(ctx, intern(name));
  return !out->is_empty_slot();
}

Value scanner_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* cls = check_new_cls(g_scanner_type, args, nargs);
  if (!cls) return Value();
  Value ctx;
  if (!parse_args("make_scanner", args + 1, nargs - 1, kwnames, {"context"}, 1, &ctx)) return Value();
  Value strict;
  if (!get_field(ctx, "strict", &strict)) return Value();
  int truth = is_true(strict);
  if (truth < 0) return Value();
  auto* sc = static_cast<ScannerObject*>(new_instance(cls));
  if (!sc) return Value();
  sc->strict = strict;
  sc->strict_flag = truth > 0;
  if (!get_field(ctx, "object_hook", &sc->object_hook) || !get_field(ctx, "object_pairs_hook", &sc->object_pairs_hook) ||
      !get_field(ctx, "parse_float", &sc->parse_float) || !get_field(ctx, "parse_int", &sc->parse_int) ||
      !get_field(ctx, "parse_constant", &sc->parse_constant))
    return Value();
  return Value::from_obj(sc);
}

// scanner(string, idx) -> (value, end); StopIteration(idx) when no value starts at idx.
Value scanner_call(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* sc = static_cast<ScannerObject*>(args[0].as_obj());
  Value a[2];
  if (!parse_args("scan_once", args + 1, nargs - 1, kwnames, {"string", "idx"}, 2, a)) return Value();
  int64_t idx;
  bool overflow = false;
  if (!as_int64(a[1], &idx, &overflow)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  if (!is_str(a[0]))
    return raise_fmt(TypeErrorType, "first argument must be a string, not %.80s", type_name(a[0]));
  Text t(a[0]);
  if (idx < 0) return raise_msg(ValueErrorType, "idx cannot be negative");
  if (idx >= as_str(a[0])->length) return Decoder::stop_cp(idx);
  Decoder dec{sc, t};
  int64_t next = 0;
  Value v = dec.value_at(t.byte(idx), &next);
  if (v.is_empty_slot()) return v;
  TupleObject* r = tuple_of({v, int_from_int64(t.cp(next))});
  return r ? Value::from_obj(r) : Value();
}

#define SCANNER_FIELD(name) \
  Value scanner_##name(Value self) { return static_cast<ScannerObject*>(self.as_obj())->name; }
SCANNER_FIELD(strict)
SCANNER_FIELD(object_hook)
SCANNER_FIELD(object_pairs_hook)
SCANNER_FIELD(parse_float)
SCANNER_FIELD(parse_int)
SCANNER_FIELD(parse_constant)
#undef SCANNER_FIELD

const NativeMethodDef kScannerMethods[] = {
    {"__new__", scanner_new, NativeMethodDef::Kind::StaticMethod},
    {"__call__", scanner_call},
};
const NativeGetSetDef kScannerGetSets[] = {
    {"strict", scanner_strict},           {"object_hook", scanner_object_hook},
    {"object_pairs_hook", scanner_object_pairs_hook}, {"parse_float", scanner_parse_float},
    {"parse_int", scanner_parse_int},     {"parse_constant", scanner_parse_constant},
};

}  // namespace

Value scanstring(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("scanstring", kwnames)) return Value();
  if (nargs < 2 || nargs > 3)
    return raise_fmt(TypeErrorType, "scanstring() takes %s %d arguments (%lld given)", nargs < 2 ? "at least" : "at most",
                     nargs < 2 ? 2 : 3, static_cast<long long>(nargs));
  int64_t end;
  bool overflow = false;
  if (!as_int64(args[1], &end, &overflow)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  bool strict = true;
  if (nargs == 3) {
    int truth = is_true(args[2]);
    if (truth < 0) return Value();
    strict = truth > 0;
  }
  if (!is_str(args[0]))
    return raise_fmt(TypeErrorType, "first argument must be a string, not %.80s", type_name(args[0]));
  Text t(args[0]);
  if (end < 0 || end > as_str(args[0])->length) return raise_msg(ValueErrorType, "end is out of bounds");
  int64_t next = 0;
  Value v = scan_string(t, t.byte(end), strict, &next);
  if (v.is_empty_slot()) return v;
  TupleObject* r = tuple_of({v, int_from_int64(t.cp(next))});
  return r ? Value::from_obj(r) : Value();
}

TypeObject* scanner_type() {
  if (!g_scanner_type) {
    g_scanner_type = make_native_type("_json.Scanner", sizeof(ScannerObject), visit_scanner, true);
    add_methods(g_scanner_type, kScannerMethods);
    add_getsets(g_scanner_type, kScannerGetSets);
    type_set_attr_raw(g_scanner_type, intern("__doc__"), str_value("JSON scanner object"));
  }
  return g_scanner_type;
}

}  // namespace coil::lib::json
