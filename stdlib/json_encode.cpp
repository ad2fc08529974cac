// json_encode.cpp — the encoding half of _json: encode_basestring(_ascii) and the Encoder
// type (json.encoder.c_make_encoder) that json.dumps uses for one-shot encoding without
// indent. The whole document is built in one UTF-8 buffer; only calls out to Python
// (default, a custom string encoder, dict.items of subclasses) leave it.
#include <cmath>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/json_module.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::json {

using namespace coil::rt;

namespace {

const char kHex[] = "0123456789abcdef";

void put_u_escape(std::string& out, uint32_t c) {
  char buf[6] = {'\\', 'u', kHex[(c >> 12) & 15], kHex[(c >> 8) & 15], kHex[(c >> 4) & 15], kHex[c & 15]};
  out.append(buf, 6);
}

// Appends `s` quoted as a JSON string. ascii: every non-ASCII character as \uXXXX (a
// surrogate pair above the BMP); otherwise only '"', '\\' and control characters escape.
void quote_into(std::string& out, const StrObject* s, bool ascii) {
  out.push_back('"');
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    const char* run = p;
    // The common case: a run of characters that need no escape, copied at once.
    while (p < end) {
      unsigned char b = static_cast<unsigned char>(*p);
      if (b == '"' || b == '\\' || b < 0x20 || (ascii && b >= 0x7f)) break;
      ++p;
    }
    out.append(run, p - run);
    if (p >= end) break;
    unsigned char b = static_cast<unsigned char>(*p);
    switch (b) {
      case '"': out.append("\\\""); ++p; continue;
      case '\\': out.append("\\\\"); ++p; continue;
      case '\b': out.append("\\b"); ++p; continue;
      case '\f': out.append("\\f"); ++p; continue;
      case '\n': out.append("\\n"); ++p; continue;
      case '\r': out.append("\\r"); ++p; continue;
      case '\t': out.append("\\t"); ++p; continue;
      default: break;
    }
    uint32_t c = decode_utf8(p);  // advances p
    if (c >= 0x10000) {
      uint32_t v = c - 0x10000;
      put_u_escape(out, 0xD800 | (v >> 10));
      put_u_escape(out, 0xDC00 | (v & 0x3FF));
    } else {
      put_u_escape(out, c);
    }
  }
  out.push_back('"');
}

Value quote_value(Value* args, int64_t nargs, TupleObject* kwnames, const char* name, bool ascii) {
  if (!check_args(name, nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(TypeErrorType, "first argument must be a string, not %.80s", type_name(args[0]));
  std::string out;
  quote_into(out, as_str(args[0]), ascii);
  return str_value(out);
}

// ---- the Encoder type ---------------------------------------------------------------------

enum class FastString : uint8_t { None, Ascii, Unicode };

struct EncoderObject : Object {
  Value markers, defaultfn, encoder, indent, key_separator, item_separator;
  Value sort_keys_obj, skipkeys_obj;
  bool sort_keys, skipkeys, allow_nan;
  FastString fast;
};

TypeObject* g_encoder_type = nullptr;

void visit_encoder(Object* self, Visitor& v) {
  auto* e = static_cast<EncoderObject*>(self);
  v.visit(e->markers);
  v.visit(e->defaultfn);
  v.visit(e->encoder);
  v.visit(e->indent);
  v.visit(e->key_separator);
  v.visit(e->item_separator);
  v.visit(e->sort_keys_obj);
  v.visit(e->skipkeys_obj);
}

// One encoding call: the encoder's settings and the output buffer.
struct Writer {
  EncoderObject* e;
  std::string out;

  bool value(Value obj);
  bool string(Value s);
  bool float_text(Value f, bool is_key);
  bool list(Value seq);
  bool dict(Value d);
  bool other(Value obj);
  // Circular-reference bookkeeping keyed by id(obj), as CPython's markers dict.
  int mark(Value obj, Value* ident);
  bool unmark(Value ident);
};

bool Writer::string(Value s) {
  if (e->fast != FastString::None) {
    quote_into(out, as_str(s), e->fast == FastString::Ascii);
    return true;
  }
  Value r = call1(e->encoder, s);
  if (r.is_empty_slot()) return false;
  if (!is_str(r)) {
    raise_fmt(TypeErrorType, "encoder() must return a string, not %.80s", type_name(r));
    return false;
  }
  out.append(as_str(r)->view());
  return true;
}

bool Writer::float_text(Value f, bool) {
  double d = float_of(f);
  if (!std::isfinite(d)) {
    if (!e->allow_nan) {
      raise_msg(ValueErrorType, "Out of range float values are not JSON compliant");
      return false;
    }
    out.append(d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN");
    return true;
  }
  out.append(float_repr(d));  // float.__repr__, also for subclasses
  return true;
}

bool int_text(std::string& out, Value v) {
  if (v.is_small_int()) {
    out.append(std::to_string(v.as_small_int()));
    return true;
  }
  Value r = int_repr(v);  // int.__repr__ (an IntEnum member is its digits)
  if (r.is_empty_slot()) return false;
  out.append(as_str(r)->view());
  return true;
}

int Writer::mark(Value obj, Value* ident) {
  *ident = Value();
  if (e->markers == None) return 0;
  *ident = int_from_uint64(obj.bits());
  bool err = false;
  Value seen = dict_get(as_dict(e->markers), *ident, &err);
  if (err) return -1;
  if (!seen.is_empty_slot()) {
    raise_msg(ValueErrorType, "Circular reference detected");
    return -1;
  }
  return dict_set(as_dict(e->markers), *ident, obj) ? 0 : -1;
}

bool Writer::unmark(Value ident) {
  if (ident.is_empty_slot()) return true;
  return dict_del(as_dict(e->markers), ident) >= 0;
}

bool Writer::value(Value obj) {
  if (obj == None) {
    out.append("null");
    return true;
  }
  if (obj == True) {
    out.append("true");
    return true;
  }
  if (obj == False) {
    out.append("false");
    return true;
  }
  if (is_str(obj)) return string(obj);
  if (is_int(obj)) return int_text(out, obj);
  if (is_float_instance(obj)) return float_text(obj, false);
  if (is_list(obj) || is_tuple(obj) || is_dict(obj)) {
    if (!enter_call(" while encoding a JSON object")) return false;
    bool ok = is_dict(obj) ? dict(obj) : list(obj);
    leave_call();
    return ok;
  }
  return other(obj);
}

bool Writer::other(Value obj) {
  Value ident;
  if (mark(obj, &ident) < 0) return false;
  Value replacement = call1(e->defaultfn, obj);
  if (replacement.is_empty_slot()) return false;
  if (!enter_call(" while encoding a JSON object")) return false;
  bool ok = value(replacement);
  leave_call();
  return ok && unmark(ident);
}

bool Writer::list(Value seq) {
  bool tuple = is_tuple(seq);
  int64_t n = tuple ? as_tuple(seq)->size : as_list(seq)->size;
  if (n == 0) {
    out.append("[]");
    return true;
  }
  Value ident;
  if (mark(seq, &ident) < 0) return false;
  out.push_back('[');
  // A list may change under a callback: its size is read again at each step.
  for (int64_t i = 0; i < (tuple ? as_tuple(seq)->size : as_list(seq)->size); ++i) {
    if (i) out.append(as_str(e->item_separator)->view());
    Value item = tuple ? as_tuple(seq)->items[i] : as_list(seq)->items()[i];
    if (!value(item)) return false;
  }
  out.push_back(']');
  return unmark(ident);
}

// The (key, value) pairs to write: a snapshot, sorted when asked; dict subclasses go
// through their items() as CPython's PyMapping_Items does.
ListObject* dict_items_list(EncoderObject* e, Value d) {
  ListObject* items = nullptr;
  if (!e->sort_keys && is_exact(d, DictType)) {
    items = new_list(0, as_dict(d)->used);
    if (!items) return nullptr;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(as_dict(d), &pos, &k, &v)) {
      TupleObject* kv = tuple_of({k, v});
      if (!kv || !list_append(items, Value::from_obj(kv))) return nullptr;
    }
    return items;
  }
  Value view = call_method(d, intern("items"), nullptr, 0);
  if (view.is_empty_slot()) return nullptr;
  Value it = get_iter(view);
  if (it.is_empty_slot()) return nullptr;
  items = new_list(0);
  if (!items) return nullptr;
  for (;;) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) break;
    if (x.is_empty_slot() || !list_append(items, x)) return nullptr;
  }
  if (e->sort_keys && !list_sort(items, Value(), false)) return nullptr;
  return items;
}

bool Writer::dict(Value d) {
  if (is_exact(d, DictType) && as_dict(d)->used == 0) {
    out.append("{}");
    return true;
  }
  Value ident;
  if (mark(d, &ident) < 0) return false;
  ListObject* items = dict_items_list(e, d);
  if (!items) return false;
  out.push_back('{');
  bool first = true;
  for (int64_t i = 0; i < items->size; ++i) {
    Value item = items->items()[i];
    if (!is_tuple(item) || as_tuple(item)->size != 2) {
      raise_msg(ValueErrorType, "items must return 2-tuples");
      return false;
    }
    Value key = as_tuple(item)->items[0];
    size_t mark_pos = out.size();
    if (!first) out.append(as_str(e->item_separator)->view());
    if (is_str(key)) {
      if (!string(key)) return false;
    } else {
      // A non-str key is written as the str of its JSON form, then quoted.
      std::string text;
      if (is_float_instance(key)) {
        std::swap(out, text);
        bool ok = float_text(key, true);
        std::swap(out, text);
        if (!ok) return false;
      } else if (key == True || key == False || key == None) {
        text = key == True ? "true" : key == False ? "false" : "null";
      } else if (is_int(key)) {
        if (!int_text(text, key)) return false;
      } else if (e->skipkeys) {
        out.resize(mark_pos);
        continue;
      } else {
        raise_fmt(TypeErrorType, "keys must be str, int, float, bool or None, not %.100s", type_name(key));
        return false;
      }
      Value ks = str_value(text);
      if (ks.is_empty_slot() || !string(ks)) return false;
    }
    out.append(as_str(e->key_separator)->view());
    if (!value(as_tuple(item)->items[1])) return false;
    first = false;
  }
  out.push_back('}');
  return unmark(ident);
}

bool bool_arg(Value v, bool* out) {
  int t = is_true(v);
  if (t < 0) return false;
  *out = t > 0;
  return true;
}

Value encoder_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* cls = check_new_cls(g_encoder_type, args, nargs);
  if (!cls) return Value();
  Value a[9];
  if (!parse_args("make_encoder", args + 1, nargs - 1, kwnames,
                  {"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys",
                   "skipkeys", "allow_nan"},
                  9, a))
    return Value();
  for (int i : {4, 5})
    if (!is_str(a[i]))
      return raise_fmt(TypeErrorType, "make_encoder() argument %d must be str, not %.200s", i + 1, type_name(a[i]));
  bool sort_keys, skipkeys, allow_nan;
  if (!bool_arg(a[6], &sort_keys) || !bool_arg(a[7], &skipkeys) || !bool_arg(a[8], &allow_nan)) return Value();
  if (a[0] != None && !is_exact(a[0], DictType))
    return raise_fmt(TypeErrorType, "make_encoder() argument 1 must be dict or None, not %.200s", type_name(a[0]));
  auto* e = static_cast<EncoderObject*>(new_instance(cls));
  if (!e) return Value();
  e->markers = a[0];
  e->defaultfn = a[1];
  e->encoder = a[2];
  e->indent = a[3];
  e->key_separator = a[4];
  e->item_separator = a[5];
  e->sort_keys_obj = a[6];
  e->skipkeys_obj = a[7];
  e->sort_keys = sort_keys;
  e->skipkeys = skipkeys;
  e->allow_nan = allow_nan;
  e->fast = FastString::None;
  // Our own quoting functions are applied inline instead of being called.
  if (a[2].is_obj() && a[2].as_obj()->type == NativeFunctionType) {
    auto* f = static_cast<NativeFunctionObject*>(a[2].as_obj());
    if (f->fn == encode_basestring_ascii) e->fast = FastString::Ascii;
    else if (f->fn == encode_basestring) e->fast = FastString::Unicode;
  }
  return Value::from_obj(e);
}

// encoder(obj, _current_indent_level) -> [json_text]
Value encoder_call(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* e = static_cast<EncoderObject*>(args[0].as_obj());
  Value a[2];
  if (!parse_args("_iterencode", args + 1, nargs - 1, kwnames, {"obj", "_current_indent_level"}, 2, a))
    return Value();
  int64_t level;
  bool overflow = false;
  if (!as_int64(a[1], &level, &overflow)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  Writer w{e, {}};
  if (!w.value(a[0])) return Value();
  Value text = str_value(w.out);
  if (text.is_empty_slot()) return text;
  ListObject* l = new_list(0, 1);
  if (!l || !list_append(l, text)) return Value();
  return Value::from_obj(l);
}

#define ENCODER_FIELD(attr, field) \
  Value encoder_##attr(Value self) { return static_cast<EncoderObject*>(self.as_obj())->field; }
ENCODER_FIELD(markers, markers)
ENCODER_FIELD(default, defaultfn)
ENCODER_FIELD(encoder, encoder)
ENCODER_FIELD(indent, indent)
ENCODER_FIELD(key_separator, key_separator)
ENCODER_FIELD(item_separator, item_separator)
ENCODER_FIELD(sort_keys, sort_keys_obj)
ENCODER_FIELD(skipkeys, skipkeys_obj)
#undef ENCODER_FIELD

const NativeMethodDef kEncoderMethods[] = {
    {"__new__", encoder_new, NativeMethodDef::Kind::StaticMethod},
    {"__call__", encoder_call},
};
const NativeGetSetDef kEncoderGetSets[] = {
    {"markers", encoder_markers},
    {"default", encoder_default},
    {"encoder", encoder_encoder},
    {"indent", encoder_indent},
    {"key_separator", encoder_key_separator},
    {"item_separator", encoder_item_separator},
    {"sort_keys", encoder_sort_keys},
    {"skipkeys", encoder_skipkeys},
};

}  // namespace

Value encode_basestring_ascii(Value* args, int64_t nargs, TupleObject* kwnames) {
  return quote_value(args, nargs, kwnames, "encode_basestring_ascii", true);
}

Value encode_basestring(Value* args, int64_t nargs, TupleObject* kwnames) {
  return quote_value(args, nargs, kwnames, "encode_basestring", false);
}

TypeObject* encoder_type() {
  if (!g_encoder_type) {
    g_encoder_type = make_native_type("_json.Encoder", sizeof(EncoderObject), visit_encoder, true);
    add_methods(g_encoder_type, kEncoderMethods);
    add_getsets(g_encoder_type, kEncoderGetSets);
    type_set_attr_raw(g_encoder_type, intern("__doc__"), str_value("Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)"));
  }
  return g_encoder_type;
}

}  // namespace coil::lib::json
