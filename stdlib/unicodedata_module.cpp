// unicodedata_module.cpp — the unicodedata module over unicodedata_db: character properties,
// names (with aliases and named sequences for lookup), normalize/is_normalized, unidata_version
// '14.0.0', and ucd_3_2_0 (a UCD object answering from the Unicode 3.2.0 database).
#include <string>

#include "frontend/unicode_names.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"
#include "stdlib/unicodedata_db.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct UcdObject : Object {
  const ucd::Database* db;
};

TypeObject* g_ucd_type = nullptr;
Value g_ucd_3_2_0;

const ucd::Database& db_of(Value self) { return *static_cast<UcdObject*>(self.as_obj())->db; }

// The code point of a one-character str; CPython's messages otherwise ("argument" for the
// one-argument functions, "argument 1" for those with a default).
bool char_arg(const char* fname, Value v, bool numbered, uint32_t* cp) {
  if (is_str(v)) {
    std::string_view s = as_str(v)->view();
    const char* p = s.data();
    if (!s.empty()) {
      uint32_t c = decode_utf8(p);
      if (p == s.data() + s.size()) {
        *cp = c;
        return true;
      }
    }
  }
  raise_fmt(TypeErrorType, "%s() argument %smust be a unicode character, not %s", fname, numbered ? "1 " : "",
            type_name(v));
  return false;
}

// Splits a call into (self database, arguments): UCD methods get self first, module functions not.
struct Call {
  const ucd::Database* db;
  Value* args;
  int64_t nargs;
};

template <Value (*Impl)(const char*, const Call&), bool kMethod>
Value entry(Value* args, int64_t nargs, TupleObject* kwnames, const char* fname, int64_t min, int64_t max) {
  if (kMethod) {
    if (!no_kwargs(fname, kwnames)) return Value();
    Call c{&db_of(args[0]), args + 1, nargs - 1};
    if (!check_positional(fname, c.nargs, min, max)) return Value();
    return Impl(fname, c);
  }
  if (!no_kwargs(fname, kwnames)) return Value();
  Call c{&ucd::current(), args, nargs};
  if (c.nargs < min || c.nargs > max) {
    if (min == max)
      return raise_fmt(TypeErrorType, "unicodedata.%s() takes exactly one argument (%lld given)", fname,
                       static_cast<long long>(nargs));
    if (!check_positional(fname, c.nargs, min, max)) return Value();
  }
  return Impl(fname, c);
}

Value impl_category(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], false, &cp)) return Value();
  return str_value(ucd::category(*c.db, ucd::record(*c.db, cp)));
}
Value impl_bidirectional(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], false, &cp)) return Value();
  return str_value(ucd::bidirectional(*c.db, ucd::record(*c.db, cp)));
}
Value impl_east_asian_width(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], false, &cp)) return Value();
  return str_value(ucd::east_asian_width(*c.db, ucd::record(*c.db, cp)));
}
Value impl_combining(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], false, &cp)) return Value();
  return int_from_int64(ucd::record(*c.db, cp).combining);
}
Value impl_mirrored(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], false, &cp)) return Value();
  return int_from_int64(ucd::record(*c.db, cp).mirrored);
}
Value impl_decomposition(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], false, &cp)) return Value();
  return str_value(ucd::decomposition(*c.db, ucd::record(*c.db, cp)));
}

// decimal/digit/numeric: the value, else the default, else ValueError.
Value missing(const Call& c, const char* msg) {
  if (c.nargs > 1) return c.args[1];
  return raise_msg(ValueErrorType, msg);
}
Value impl_decimal(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], true, &cp)) return Value();
  int v = ucd::record(*c.db, cp).decimal;
  return v < 0 ? missing(c, "not a decimal") : int_from_int64(v);
}
Value impl_digit(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], true, &cp)) return Value();
  int v = ucd::record(*c.db, cp).digit;
  return v < 0 ? missing(c, "not a digit") : int_from_int64(v);
}
Value impl_numeric(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], true, &cp)) return Value();
  double v;
  if (!ucd::numeric_value(*c.db, ucd::record(*c.db, cp), &v)) return missing(c, "not a numeric character");
  return float_value(v);
}

// Is cp unassigned in this database (the 3.2.0 one knows fewer characters than the names table)?
bool unassigned(const ucd::Database& db, uint32_t cp) {
  return &db != &ucd::current() && std::string_view(ucd::category(db, ucd::record(db, cp))) == "Cn";
}

Value impl_name(const char* f, const Call& c) {
  uint32_t cp;
  if (!char_arg(f, c.args[0], true, &cp)) return Value();
  std::string name = unassigned(*c.db, cp) ? std::string() : fe::unicode_name_of(static_cast<int32_t>(cp));
  if (name.empty()) {
    if (c.nargs > 1) return c.args[1];
    return raise_msg(ValueErrorType, "no such name");
  }
  return str_value(name);
}

Value impl_lookup(const char*, const Call& c) {
  std::string_view name;
  if (is_str(c.args[0])) name = as_str(c.args[0])->view();
  else if (!bytes_like_view(c.args[0], &name))
    return raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(c.args[0]));
  if (name.size() > 256) return raise_msg(KeyErrorType, "name too long");
  bool modern = c.db == &ucd::current();
  int32_t cp = fe::lookup_unicode_name(name, modern);  // the 3.2.0 database knows no aliases
  std::string upper(name);
  for (char& ch : upper)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  if (cp < 0 && modern) {
    std::u32string seq;
    if (ucd::lookup_named_sequence(upper, &seq)) {
      std::string out;
      for (char32_t ch : seq) append_utf8(out, ch);
      return str_value(out);
    }
  }
  if (cp < 0 || unassigned(*c.db, static_cast<uint32_t>(cp))) {
    Value msg = str_value("undefined character name '" + std::string(name) + "'");
    ExceptionObject* e = new_exception(KeyErrorType, tuple_of({msg}));
    return e ? raise(Value::from_obj(e)) : Value();
  }
  return str_char(static_cast<uint32_t>(cp));
}

bool form_arg(const char* f, const Call& c, ucd::Form* form) {
  if (!is_str(c.args[0]))
    return raise_fmt(TypeErrorType, "%s() argument 1 must be str, not %s", f, type_name(c.args[0])), false;
  if (!is_str(c.args[1]))
    return raise_fmt(TypeErrorType, "%s() argument 2 must be str, not %s", f, type_name(c.args[1])), false;
  std::string_view s = as_str(c.args[0])->view();
  if (s == "NFC") *form = ucd::Form::NFC;
  else if (s == "NFD") *form = ucd::Form::NFD;
  else if (s == "NFKC") *form = ucd::Form::NFKC;
  else if (s == "NFKD") *form = ucd::Form::NFKD;
  else return raise_msg(ValueErrorType, "invalid normalization form"), false;
  return true;
}

Value impl_normalize(const char* f, const Call& c) {
  ucd::Form form;
  if (!form_arg(f, c, &form)) return Value();
  std::string_view s = as_str(c.args[1])->view();
  std::string out = ucd::normalize(*c.db, form, s);
  if (out == s) return c.args[1];  // already normalized: the argument itself, as CPython
  return str_value(out);
}

Value impl_is_normalized(const char* f, const Call& c) {
  ucd::Form form;
  if (!form_arg(f, c, &form)) return Value();
  std::string_view s = as_str(c.args[1])->view();
  return ucd::normalize(*c.db, form, s) == s ? True : False;
}

// Module functions and UCD methods share the implementations; each gets a thin entry point.
#define UCD_FUNCTIONS(X)                         \
  X(category, 1, 1)                              \
  X(bidirectional, 1, 1)                         \
  X(combining, 1, 1)                             \
  X(east_asian_width, 1, 1)                      \
  X(mirrored, 1, 1)                              \
  X(decomposition, 1, 1)                         \
  X(decimal, 1, 2)                               \
  X(digit, 1, 2)                                 \
  X(numeric, 1, 2)                               \
  X(name, 1, 2)                                  \
  X(lookup, 1, 1)                                \
  X(normalize, 2, 2)                             \
  X(is_normalized, 2, 2)

#define X(n, lo, hi)                                                                  \
  Value fn_##n(Value* a, int64_t na, TupleObject* kw) {                               \
    return entry<impl_##n, false>(a, na, kw, #n, lo, hi);                             \
  }                                                                                   \
  Value method_##n(Value* a, int64_t na, TupleObject* kw) {                           \
    return entry<impl_##n, true>(a, na, kw, #n, lo, hi);                              \
  }
UCD_FUNCTIONS(X)
#undef X

const NativeFunctionDef kFunctions[] = {
#define X(n, lo, hi) {#n, fn_##n},
    UCD_FUNCTIONS(X)
#undef X
};
const NativeMethodDef kMethods[] = {
#define X(n, lo, hi) {#n, method_##n},
    UCD_FUNCTIONS(X)
#undef X
};

Value ucd_version(Value self) { return str_value(ucd::version(db_of(self))); }
const NativeGetSetDef kGetSets[] = {{"unidata_version", ucd_version}};

bool init_unicodedata(ModuleObject* m) {
  if (!g_ucd_type) {
    g_ucd_type = make_native_type("unicodedata.UCD", sizeof(UcdObject), nullptr, false);
    g_ucd_type->alloc = nullptr;  // UCD() cannot be called: ucd_3_2_0 is the one instance
    add_methods(g_ucd_type, kMethods);
    add_getsets(g_ucd_type, kGetSets);
    auto* u = static_cast<UcdObject*>(allocate_object(g_ucd_type, sizeof(UcdObject)));
    if (!u) return raise_memory_error(), false;
    u->db = &ucd::v3_2_0();
    g_ucd_3_2_0 = Value::from_obj(u);
    // The instance lives as long as the type's namespace holds it.
    type_set_attr_raw(g_ucd_type, intern("_ucd_3_2_0"), g_ucd_3_2_0);
  }
  return module_add(m, "UCD", Value::from_obj(g_ucd_type)) && module_add(m, "ucd_3_2_0", g_ucd_3_2_0) &&
         module_add(m, "unidata_version", str_value(ucd::version(ucd::current())));
}

}  // namespace

extern const NativeModuleDef kUnicodedataModule;
const NativeModuleDef kUnicodedataModule = {"unicodedata", kFunctions, std::size(kFunctions), init_unicodedata};

}  // namespace coil::lib
