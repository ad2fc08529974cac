// codecs_module.cpp — the _codecs module: the codec registry (register/lookup/encode/decode,
// searched through the `encodings` package), the error-handler registry with CPython's
// built-in handlers, and the codec functions the `encodings` modules call (UTF-8, ASCII,
// Latin-1 via runtime/codecs.cpp; UTF-16/32, charmap and the escape codecs in
// codecs_functions.cpp).
#include <string>

#include "runtime/abstract.h"
#include "frontend/unicode_names.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/codecs.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/config.h"
#include "runtime/roots.h"
#include "runtime/sys_state.h"
#include "stdlib/codecs_support.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

ListObject* g_search = nullptr;
DictObject* g_cache = nullptr;
DictObject* g_handlers = nullptr;
bool g_encodings_imported = false;

bool ensure_registry() {
  if (g_search) return true;
  add_runtime_root_hook([](Visitor& v) {
    v.visit(g_search);
    v.visit(g_cache);
    v.visit(g_handlers);
  });
  g_search = new_list(0);
  g_cache = new_dict();
  g_handlers = new_dict();
  return g_search && g_cache && g_handlers;
}

// The registry's key for an encoding name (CPython's normalizestring: lower case, spaces and
// hyphens become underscores); the encodings search function normalises further.
std::string normalize(std::string_view s) {
  std::string out;
  for (char c : s)
    out += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Value codecs_register(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("register", kw) || !check_positional("register", nargs, 1, 1)) return Value();
  if (!is_callable(args[0])) return raise_msg(TypeErrorType, "argument must be callable");
  if (!ensure_registry() || !list_append(g_search, args[0])) return Value();
  return None;
}

Value codecs_unregister(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("unregister", kw) || !check_positional("unregister", nargs, 1, 1)) return Value();
  if (!ensure_registry()) return Value();
  for (int64_t i = 0; i < g_search->size; ++i) {
    if (g_search->items()[i] == args[0]) {
      Value pop = get_attr(Value::from_obj(g_search), "pop");
      if (pop.is_empty_slot() || call1(pop, int_from_int64(i)).is_empty_slot()) return Value();
      dict_clear(g_cache);
      break;
    }
  }
  return None;
}

// Imports the `encodings` package the first time a codec is looked up. CPython imports it at
// startup, before the script's directory is on sys.path, so a script's own codecs.py or
// encodings/ never shadows the library's; the lookup path here leaves that entry out too.
bool import_encodings() {
  Value path = sys_attr("path");
  bool drop_first = g_config && !g_config->safe_path && !g_config->isolated && path.is_obj() &&
                    is_exact(path, ListType) && as_list(path)->size > 0;
  Value saved;
  if (drop_first) {
    ListObject* l = as_list(path);
    saved = l->items()[0];
    Value pop = get_attr(path, "pop");
    if (pop.is_empty_slot() || call1(pop, Value::from_small_int(0)).is_empty_slot()) return false;
  }
  Value m = import_module("encodings");
  if (drop_first) {
    Value exc = m.is_empty_slot() ? take_exception() : Value();
    Value ins = get_attr(path, "insert");
    if (ins.is_empty_slot() || call2(ins, Value::from_small_int(0), saved).is_empty_slot()) return false;
    if (!exc.is_empty_slot()) raise(exc);
  }
  return !m.is_empty_slot();
}

}  // namespace

Value codec_lookup(std::string_view encoding) {
  if (!ensure_registry()) return Value();
  if (!g_encodings_imported) {
    g_encodings_imported = true;
    if (!import_encodings()) return Value();
  }
  std::string key = normalize(encoding);
  Value k = str_value(key);
  if (k.is_empty_slot()) return k;
  bool err = false;
  Value hit = dict_get(g_cache, k, &err);
  if (err) return Value();
  if (!hit.is_empty_slot()) return hit;
  for (int64_t i = 0; i < g_search->size; ++i) {
    Value r = call1(g_search->items()[i], k);
    if (r.is_empty_slot()) return r;
    if (r == None) continue;
    if (!is_tuple(r) || as_tuple(r)->size != 4)
      return raise_msg(TypeErrorType, "codec search functions must return 4-tuples");
    if (!dict_set(g_cache, k, r)) return Value();
    return r;
  }
  return raise_fmt(LookupErrorType, "unknown encoding: %.*s", static_cast<int>(encoding.size()), encoding.data());
}

// Runs codec `encoding`'s encoder (which=0) or decoder (1) on `obj`.
Value codec_call(Value obj, std::string_view encoding, std::string_view errors, int which) {
  Value info = codec_lookup(encoding);
  if (info.is_empty_slot()) return info;
  Value fn = as_tuple(info)->items[which];
  Value r = call2(fn, obj, str_value(errors));
  if (r.is_empty_slot()) return r;
  if (!is_tuple(r) || as_tuple(r)->size != 2)
    return raise_fmt(TypeErrorType, "%s must return a tuple (object, integer)", which == 0 ? "encoder" : "decoder");
  return as_tuple(r)->items[0];
}

Value lookup_error_handler(std::string_view name) {
  if (!ensure_registry()) return Value();
  Value h = dict_get_str(g_handlers, intern(name));
  if (!h.is_empty_slot()) return h;
  return raise_fmt(LookupErrorType, "unknown error handler name '%.*s'", static_cast<int>(name.size()), name.data());
}

namespace {

Value codecs_lookup(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("lookup", kw) || !check_positional("lookup", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise_fmt(TypeErrorType, "lookup() argument must be str, not %s", type_name(args[0]));
  return codec_lookup(as_str(args[0])->view());
}

Value encode_decode(Value* args, int64_t nargs, TupleObject* kwnames, int which) {
  const char* fname = which == 0 ? "encode" : "decode";
  Value a[3];
  if (!parse_args(fname, args, nargs, kwnames, {"obj", "encoding", "errors"}, 1, a)) return Value();
  std::string_view enc = "utf-8", errors = "strict";
  if (!a[1].is_empty_slot()) {
    if (!is_str(a[1])) return raise_fmt(TypeErrorType, "%s() argument 'encoding' must be str, not %s", fname, type_name(a[1]));
    enc = as_str(a[1])->view();
  }
  if (!a[2].is_empty_slot()) {
    if (!is_str(a[2])) return raise_fmt(TypeErrorType, "%s() argument 'errors' must be str, not %s", fname, type_name(a[2]));
    errors = as_str(a[2])->view();
  }
  return codec_call(a[0], enc, errors, which);
}
Value codecs_encode(Value* args, int64_t nargs, TupleObject* kw) { return encode_decode(args, nargs, kw, 0); }
Value codecs_decode(Value* args, int64_t nargs, TupleObject* kw) { return encode_decode(args, nargs, kw, 1); }

Value codecs_forget(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("_forget_codec", kw) || !check_positional("_forget_codec", nargs, 1, 1)) return Value();
  if (!ensure_registry() || !is_str(args[0])) return Value();
  Value k = str_value(normalize(as_str(args[0])->view()));
  if (dict_del(g_cache, k) < 0) clear_exception();
  return None;
}

Value codecs_register_error(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("register_error", kw) || !check_positional("register_error", nargs, 2, 2)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(TypeErrorType, "register_error() argument 1 must be str, not %s", type_name(args[0]));
  if (!is_callable(args[1])) return raise_msg(TypeErrorType, "handler must be callable");
  if (!ensure_registry() || !dict_set(g_handlers, args[0], args[1])) return Value();
  return None;
}

Value codecs_lookup_error(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("lookup_error", kw) || !check_positional("lookup_error", nargs, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(TypeErrorType, "lookup_error() argument must be str, not %s", type_name(args[0]));
  return lookup_error_handler(as_str(args[0])->view());
}

// ---- the built-in error handlers as Python-callable functions -----------------------------------

enum class ExcKind { Encode, Decode, Translate, Other };

ExcKind exc_kind(Value exc) {
  if (!exc.is_obj()) return ExcKind::Other;
  TypeObject* t = exc.as_obj()->type;
  if (is_subtype(t, UnicodeEncodeErrorType)) return ExcKind::Encode;
  if (is_subtype(t, UnicodeDecodeErrorType)) return ExcKind::Decode;
  if (is_subtype(t, UnicodeTranslateErrorType)) return ExcKind::Translate;
  return ExcKind::Other;
}

bool exc_range(Value exc, int64_t* start, int64_t* end, Value* object) {
  Value s = get_attr(exc, "start"), e = get_attr(exc, "end");
  if (s.is_empty_slot() || e.is_empty_slot()) return false;
  *object = get_attr(exc, "object");
  if (object->is_empty_slot()) return false;
  return int_to_int64(s, start) && int_to_int64(e, end);
}

Value wrong_type(Value exc) {
  return raise_fmt(TypeErrorType, "don't know how to handle %s in error callback", type_name(exc));
}

// The code points of `object[start:end]` (a str).
std::u32string chars_of(Value object, int64_t start, int64_t end) {
  std::u32string out;
  std::string_view v = as_str(object)->view();
  const char* p = v.data();
  const char* e = p + v.size();
  int64_t i = 0;
  while (p < e && i < end) {
    uint32_t cp = decode_utf8(p);
    if (i >= start) out.push_back(cp);
    ++i;
  }
  return out;
}

Value result(std::string_view text, int64_t end) {
  return Value::from_obj(tuple_of({str_value(text), int_from_int64(end)}));
}

Value h_strict(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "strict_errors() takes exactly one argument");
  if (is_exception(args[0])) return raise(args[0]);
  return raise_msg(TypeErrorType, "codec must pass exception instance");
}

Value h_ignore(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "ignore_errors() takes exactly one argument");
  if (exc_kind(args[0]) == ExcKind::Other) return wrong_type(args[0]);
  int64_t s, e;
  Value o;
  if (!exc_range(args[0], &s, &e, &o)) return Value();
  return result("", e);
}

Value h_replace(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "replace_errors() takes exactly one argument");
  ExcKind k = exc_kind(args[0]);
  if (k == ExcKind::Other) return wrong_type(args[0]);
  int64_t s, e;
  Value o;
  if (!exc_range(args[0], &s, &e, &o)) return Value();
  std::string out;
  if (k == ExcKind::Decode) out = "\xEF\xBF\xBD";
  else
    for (int64_t i = s; i < e; ++i) out += k == ExcKind::Encode ? "?" : "\xEF\xBF\xBD";
  return result(out, e);
}

Value h_backslash(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "backslashreplace_errors() takes exactly one argument");
  ExcKind k = exc_kind(args[0]);
  if (k == ExcKind::Other) return wrong_type(args[0]);
  int64_t s, e;
  Value o;
  if (!exc_range(args[0], &s, &e, &o)) return Value();
  std::string out;
  char buf[16];
  if (k == ExcKind::Decode) {
    std::string_view d;
    if (!bytes_like_view(o, &d)) return Value();
    for (int64_t i = s; i < e && i < static_cast<int64_t>(d.size()); ++i) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(d[static_cast<size_t>(i)]));
      out += buf;
    }
  } else {
    if (!is_str(o)) return raise_msg(TypeErrorType, "object attribute must be unicode");
    for (char32_t c : chars_of(o, s, e)) {
      if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    }
  }
  return result(out, e);
}

Value h_xmlcharref(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "xmlcharrefreplace_errors() takes exactly one argument");
  if (exc_kind(args[0]) != ExcKind::Encode) return wrong_type(args[0]);
  int64_t s, e;
  Value o;
  if (!exc_range(args[0], &s, &e, &o)) return Value();
  std::string out;
  for (char32_t c : chars_of(o, s, e)) out += "&#" + std::to_string(static_cast<unsigned>(c)) + ";";
  return result(out, e);
}

// namereplace (encoding only): \N{NAME}, or the backslashreplace form for unnamed chars.
Value h_namereplace(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "namereplace_errors() takes exactly one argument");
  if (exc_kind(args[0]) != ExcKind::Encode) return wrong_type(args[0]);
  int64_t s, e;
  Value o;
  if (!exc_range(args[0], &s, &e, &o)) return Value();
  if (!is_str(o)) return raise_msg(TypeErrorType, "object attribute must be unicode");
  std::string out;
  char buf[16];
  for (char32_t c : chars_of(o, s, e)) {
    std::string name = fe::unicode_name_of(static_cast<int32_t>(c));
    if (!name.empty()) {
      out += "\\N{" + name + "}";
      continue;
    }
    if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
    else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
    else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
    out += buf;
  }
  return result(out, e);
}

// surrogateescape: decoding maps bytes 0x80-0xff to U+DC80-U+DCFF; encoding maps them back.
Value h_surrogateescape(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "surrogateescape_errors() takes exactly one argument");
  ExcKind k = exc_kind(args[0]);
  int64_t s, e;
  Value o;
  if (k == ExcKind::Other || k == ExcKind::Translate) return wrong_type(args[0]);
  if (!exc_range(args[0], &s, &e, &o)) return Value();
  if (k == ExcKind::Decode) {
    std::string_view d;
    if (!bytes_like_view(o, &d)) return Value();
    std::string out;
    int64_t i = s;
    for (; i < e && i < s + 4 && i < static_cast<int64_t>(d.size()); ++i) {
      unsigned char c = static_cast<unsigned char>(d[static_cast<size_t>(i)]);
      if (c < 128) break;
      append_utf8(out, 0xDC00 + c);
    }
    if (i == s) return raise(args[0]);
    return result(out, i);
  }
  std::string out;
  for (char32_t c : chars_of(o, s, e)) {
    if (c < 0xDC80 || c > 0xDCFF) return raise(args[0]);
    out.push_back(static_cast<char>(c - 0xDC00));
  }
  return Value::from_obj(tuple_of({bytes_value(out), int_from_int64(e)}));
}

// The UTF flavour an encoding name stands for, as surrogatepass needs it: width 1 (UTF-8), 2
// or 4 bytes, and byte order (-1 little, 1 big); false for other encodings.
bool utf_flavour(std::string_view enc, int* width, int* order) {
  std::string n;
  for (char c : enc) n += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const struct {
    const char* name;
    int width, order;
  } kNames[] = {{"utf-8", 1, 0},     {"utf8", 1, 0},      {"utf-16", 2, -1},  {"utf-16-le", 2, -1},
                {"utf-16le", 2, -1}, {"utf-16-be", 2, 1}, {"utf-16be", 2, 1}, {"utf-32", 4, -1},
                {"utf-32-le", 4, -1}, {"utf-32le", 4, -1}, {"utf-32-be", 4, 1}, {"utf-32be", 4, 1}};
  for (const auto& e : kNames) {
    if (n == e.name) {
      *width = e.width;
      *order = e.order;
      return true;
    }
  }
  return false;
}

// surrogatepass: surrogates encoded/decoded as if they were ordinary code points (UTF-8/16/32).
Value h_surrogatepass(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_msg(TypeErrorType, "surrogatepass_errors() takes exactly one argument");
  ExcKind k = exc_kind(args[0]);
  int64_t s, e;
  Value o;
  if (k == ExcKind::Other || k == ExcKind::Translate) return wrong_type(args[0]);
  if (!exc_range(args[0], &s, &e, &o)) return Value();
  Value enc = get_attr(args[0], "encoding");
  if (enc.is_empty_slot()) return enc;
  int width = 0, order = 0;
  if (!is_str(enc) || !utf_flavour(as_str(enc)->view(), &width, &order)) return raise(args[0]);
  if (k == ExcKind::Encode) {
    std::string out;
    for (char32_t c : chars_of(o, s, e)) {
      if (c < 0xD800 || c > 0xDFFF) return raise(args[0]);
      if (width == 1) {
        append_utf8(out, c);
        continue;
      }
      for (int i = 0; i < width; ++i) {
        int shift = order < 0 ? 8 * i : 8 * (width - 1 - i);
        out.push_back(static_cast<char>((c >> shift) & 0xFF));
      }
    }
    return Value::from_obj(tuple_of({bytes_value(out), int_from_int64(e)}));
  }
  std::string_view d;
  if (!bytes_like_view(o, &d)) return Value();
  int need = width == 1 ? 3 : width;
  if (s + need > static_cast<int64_t>(d.size())) return raise(args[0]);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data()) + s;
  uint32_t cp = 0;
  if (width == 1) {
    if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return raise(args[0]);
    cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  } else {
    for (int i = 0; i < width; ++i) {
      int shift = order < 0 ? 8 * i : 8 * (width - 1 - i);
      cp |= static_cast<uint32_t>(p[i]) << shift;
    }
  }
  if (cp < 0xD800 || cp > 0xDFFF) return raise(args[0]);
  std::string out;
  append_utf8(out, cp);
  return result(out, s + need);
}

const NativeFunctionDef kHandlers[] = {
    {"strict_errors", h_strict},
    {"ignore_errors", h_ignore},
    {"replace_errors", h_replace},
    {"backslashreplace_errors", h_backslash},
    {"xmlcharrefreplace_errors", h_xmlcharref},
    {"namereplace_errors", h_namereplace},
    {"surrogateescape", h_surrogateescape},
    {"surrogatepass", h_surrogatepass},
};
const char* const kHandlerNames[] = {"strict",           "ignore",          "replace",      "backslashreplace",
                                     "xmlcharrefreplace", "namereplace",     "surrogateescape", "surrogatepass"};

bool init_codecs(ModuleObject* m) {
  if (!ensure_registry()) return false;
  Value mod_name = str_value("_codecs");
  for (size_t i = 0; i < std::size(kHandlers); ++i) {
    if (!dict_get_str(g_handlers, intern(kHandlerNames[i])).is_empty_slot()) continue;
    NativeFunctionObject* f = new_native_function(kHandlers[i].name, kHandlers[i].fn, Value(), mod_name, nullptr);
    if (!f || !dict_set_str(g_handlers, intern(kHandlerNames[i]), Value::from_obj(f))) return false;
  }
  return add_codec_functions(m);
}

const NativeFunctionDef kCodecsFunctions[] = {
    {"register", codecs_register},
    {"unregister", codecs_unregister},
    {"lookup", codecs_lookup},
    {"encode", codecs_encode},
    {"decode", codecs_decode},
    {"_forget_codec", codecs_forget},
    {"register_error", codecs_register_error},
    {"lookup_error", codecs_lookup_error},
};

}  // namespace

extern const NativeModuleDef kCodecsModule;
const NativeModuleDef kCodecsModule = {"_codecs", kCodecsFunctions, std::size(kCodecsFunctions), init_codecs};

}  // namespace coil::lib
