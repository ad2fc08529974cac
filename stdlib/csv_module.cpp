// csv_module.cpp — the _csv module: Dialect (the formatting parameters, validated with CPython
// 3.11's rules and messages), the dialect registry, field_size_limit, and the module itself.
// The reader's state machine and the writer's quoting are in csv_io.cpp.
#include "stdlib/csv_module.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::csv {

using namespace coil::rt;

namespace {

TypeObject* g_dialect_type = nullptr;
TypeObject* g_error = nullptr;
DictObject* g_dialects = nullptr;  // name -> Dialect, also the module's `_dialects`
int64_t g_field_limit = 128 * 1024;

DialectObject* D(Value v) { return static_cast<DialectObject*>(v.as_obj()); }

void visit_dialect(Object* self, Visitor& vis) { vis.visit(static_cast<DialectObject*>(self)->lineterminator); }

// Dialect's parameters in its positional order; `dialect` comes first.
constexpr const char* kParams[] = {"dialect",   "delimiter", "doublequote",      "escapechar", "lineterminator",
                                   "quotechar", "quoting",   "skipinitialspace", "strict"};
constexpr int kNumParams = sizeof kParams / sizeof kParams[0];
enum Param { kDialect, kDelimiter, kDoublequote, kEscapechar, kLineterminator, kQuotechar, kQuoting, kSkipinitialspace, kStrict };

// The one code point of a 1-character str parameter.
bool set_char(const char* name, int32_t* out, Value v, bool none_ok) {
  if (none_ok && v == None) {
    *out = kNotSet;
    return true;
  }
  if (!is_str(v)) {
    raise_fmt(TypeErrorType, none_ok ? "\"%s\" must be string or None, not %.200s" : "\"%s\" must be string, not %.200s",
              name, type_name(v));
    return false;
  }
  StrObject* s = as_str(v);
  if (s->length != 1) {
    raise_fmt(TypeErrorType, "\"%s\" must be a 1-character string", name);
    return false;
  }
  const char* p = s->data;
  *out = static_cast<int32_t>(decode_utf8(p));
  return true;
}

bool set_bool(bool* out, Value v) {
  int t = is_true(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

// Fills `d` from the parameter values (empty: not given anywhere, so the default).
bool fill_dialect(DialectObject* d, Value* p) {
  d->delimiter = ',';
  d->quotechar = '"';
  d->escapechar = kNotSet;
  d->quoting = Quoting::Minimal;
  d->doublequote = true;
  d->skipinitialspace = false;
  d->strict = false;
  d->lineterminator = str_value("\r\n");
  if (!p[kDelimiter].is_empty_slot() && !set_char("delimiter", &d->delimiter, p[kDelimiter], false)) return false;
  if (!p[kDoublequote].is_empty_slot() && !set_bool(&d->doublequote, p[kDoublequote])) return false;
  if (!p[kEscapechar].is_empty_slot() && !set_char("escapechar", &d->escapechar, p[kEscapechar], true)) return false;
  bool has_terminator = true;
  if (Value v = p[kLineterminator]; !v.is_empty_slot()) {
    if (v == None) {
      has_terminator = false;
    } else if (!is_str(v)) {
      raise_msg(TypeErrorType, "\"lineterminator\" must be a string");
      return false;
    } else {
      d->lineterminator = v;
    }
  }
  if (!p[kQuotechar].is_empty_slot() && !set_char("quotechar", &d->quotechar, p[kQuotechar], true)) return false;
  if (Value v = p[kQuoting]; !v.is_empty_slot()) {
    if (!is_int(v)) {
      raise_msg(TypeErrorType, "\"quoting\" must be an integer");
      return false;
    }
    int64_t q;
    if (!int_to_int64(v, &q) || q < 0 || q > 3) {
      clear_exception();
      raise_msg(TypeErrorType, "bad \"quoting\" value");
      return false;
    }
    d->quoting = static_cast<Quoting>(q);
  }
  if (!p[kSkipinitialspace].is_empty_slot() && !set_bool(&d->skipinitialspace, p[kSkipinitialspace])) return false;
  if (!p[kStrict].is_empty_slot() && !set_bool(&d->strict, p[kStrict])) return false;
  // quotechar=None alone means "no quoting"; with quoting enabled explicitly it is an error.
  if (p[kQuotechar] == None && p[kQuoting].is_empty_slot()) d->quoting = Quoting::None;
  if (d->quoting != Quoting::None && d->quotechar == kNotSet) {
    raise_msg(TypeErrorType, "quotechar must be set if quoting enabled");
    return false;
  }
  if (!has_terminator) {
    raise_msg(TypeErrorType, "lineterminator must be set");
    return false;
  }
  return true;
}

Value lookup_dialect(Value name) {
  bool error = false;
  Value d = dict_get(g_dialects, name, &error);
  if (error) return Value();
  if (d.is_empty_slot()) return raise_msg(g_error, "unknown dialect");
  return d;
}

// Builds a `cls` instance from the parameter values p[0..kNumParams) (empty: not given).
DialectObject* build_dialect(TypeObject* cls, Value* p) {
  Value dialect = p[kDialect];
  if (!dialect.is_empty_slot()) {
    if (is_str(dialect)) {
      dialect = lookup_dialect(dialect);
      if (dialect.is_empty_slot()) return nullptr;
    }
    bool any_param = false;
    for (int i = 1; i < kNumParams; ++i) any_param |= !p[i].is_empty_slot();
    if (!any_param && is_subtype(type_of(dialect), g_dialect_type)) return D(dialect);
    // Parameters not given as keywords come from the dialect object's attributes, if it has them.
    for (int i = 1; i < kNumParams; ++i) {
      if (!p[i].is_empty_slot()) continue;
      bool error = false;
      p[i] = get_attr_opt(dialect, intern(kParams[i]), &error);
      if (error) {
        clear_exception();
        p[i] = Value();
      }
    }
  }
  auto* d = static_cast<DialectObject*>(new_instance(cls));
  if (!d || !fill_dialect(d, p)) return nullptr;
  return d;
}

// Binds Dialect's positional and keyword arguments the way CPython's nameless argument parser
// does for it (its messages say "function").
bool bind_params(Value* pos, int64_t npos, Value* kwvalues, TupleObject* kwnames, Value* p) {
  if (npos > kNumParams) {
    raise_fmt(TypeErrorType, "function takes at most %d arguments (%lld given)", kNumParams,
              static_cast<long long>(npos + (kwnames ? kwnames->size : 0)));
    return false;
  }
  for (int64_t i = 0; i < npos; ++i) p[i] = pos[i];
  for (int64_t k = 0; kwnames && k < kwnames->size; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    int i = 0;
    while (i < kNumParams && key != kParams[i]) ++i;
    if (i == kNumParams) {
      raise_fmt(TypeErrorType, "'%.*s' is an invalid keyword argument for this function", static_cast<int>(key.size()),
                key.data());
      return false;
    }
    if (i < npos) {
      raise_fmt(TypeErrorType, "argument for function given by name ('%s') and position (%d)", kParams[i], i + 1);
      return false;
    }
    p[i] = kwvalues[k];
  }
  return true;
}

Value dialect_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* cls = check_new_cls(g_dialect_type, args, nargs);
  if (!cls) return Value();
  Value p[kNumParams] = {};
  if (!bind_params(args + 1, nargs - 1, args + nargs, kwnames, p)) return Value();
  DialectObject* d = build_dialect(cls, p);
  return d ? Value::from_obj(d) : Value();
}

Value char_or_none(int32_t c) {
  if (c == kNotSet) return None;
  std::string s;
  append_utf8(s, static_cast<uint32_t>(c));
  return str_value(s);
}

Value get_delimiter(Value self) { return char_or_none(D(self)->delimiter); }
Value get_quotechar(Value self) { return char_or_none(D(self)->quotechar); }
Value get_escapechar(Value self) { return char_or_none(D(self)->escapechar); }
Value get_lineterminator(Value self) { return D(self)->lineterminator; }
Value get_quoting(Value self) { return Value::from_small_int(static_cast<int64_t>(D(self)->quoting)); }
Value get_doublequote(Value self) { return D(self)->doublequote ? True : False; }
Value get_skipinitialspace(Value self) { return D(self)->skipinitialspace ? True : False; }
Value get_strict(Value self) { return D(self)->strict ? True : False; }

const NativeMethodDef kDialectMethods[] = {
    {"__new__", dialect_new, NativeMethodDef::Kind::StaticMethod},
};
const NativeGetSetDef kDialectGetSets[] = {
    {"delimiter", get_delimiter},
    {"quotechar", get_quotechar},
    {"escapechar", get_escapechar},
    {"lineterminator", get_lineterminator},
    {"quoting", get_quoting},
    {"doublequote", get_doublequote},
    {"skipinitialspace", get_skipinitialspace},
    {"strict", get_strict},
};

// register_dialect(name[, dialect][, **fmtparams])
Value register_dialect(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("register_dialect", nargs, 1, 2)) return Value();
  if (!is_str(args[0])) return raise_msg(TypeErrorType, "dialect name must be a string");
  Value p[kNumParams] = {};
  if (!bind_params(args + 1, nargs - 1, args + nargs, kwnames, p)) return Value();
  DialectObject* d = build_dialect(g_dialect_type, p);
  if (!d || !dict_set(g_dialects, args[0], Value::from_obj(d))) return Value();
  return None;
}

Value unregister_dialect(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("unregister_dialect", kwnames) || !check_positional("unregister_dialect", nargs, 1, 1)) return Value();
  int r = dict_del(g_dialects, args[0]);
  if (r < 0) return Value();
  if (r == 0) return raise_msg(g_error, "unknown dialect");
  return None;
}

Value get_dialect(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("get_dialect", kwnames) || !check_positional("get_dialect", nargs, 1, 1)) return Value();
  return lookup_dialect(args[0]);
}

Value list_dialects(Value*, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 0 || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "list_dialects() takes no arguments (%lld given)", static_cast<long long>(nargs));
  ListObject* l = new_list(0);
  if (!l) return Value();
  int64_t pos = 0;
  Value key, value;
  while (dict_next(g_dialects, &pos, &key, &value))
    if (!list_append(l, key)) return Value();
  return Value::from_obj(l);
}

// field_size_limit([new_limit]): returns the old limit; the new one must be an exact int.
Value field_size_limit(Value* args, int64_t nargs, TupleObject* kwnames) {
  int64_t given = nargs + (kwnames ? kwnames->size : 0);
  if (given > 1)
    return raise_fmt(TypeErrorType, "field_size_limit() takes at most 1 argument (%lld given)", static_cast<long long>(given));
  if (kwnames && kwnames->size && as_str(kwnames->items[0])->view() != "new_limit")
    return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for field_size_limit()", as_str(kwnames->items[0])->data);
  int64_t old = g_field_limit;
  if (given == 1) {
    Value v = args[0];
    if (!v.is_small_int() && !(v.is_obj() && v.as_obj()->type == IntType))
      return raise_msg(TypeErrorType, "limit must be an integer");
    int64_t n;
    if (!int_to_int64(v, &n)) return raise_msg(OverflowErrorType, "Python int too large to convert to C long");
    g_field_limit = n;
  }
  return int_from_int64(old);
}

const NativeFunctionDef kCsvFunctions[] = {
    {"reader", csv_reader,
     "    csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n"
     "    for row in csv_reader:\n        process(row)\n"},
    {"writer", csv_writer,
     "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n"
     "    for row in sequence:\n        csv_writer.writerow(row)\n"},
    {"register_dialect", register_dialect, "Create a mapping from a string name to a dialect class.\n"
                                           "    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"},
    {"unregister_dialect", unregister_dialect, "Delete the name/dialect mapping associated with a string name.\n"
                                               "    csv.unregister_dialect(name)"},
    {"get_dialect", get_dialect, "Return the dialect instance associated with name.\n    dialect = csv.get_dialect(name)"},
    {"list_dialects", list_dialects, "Return a list of all know dialect names.\n    names = csv.list_dialects()"},
    {"field_size_limit", field_size_limit, "Sets an upper limit on parsed fields.\n    csv.field_size_limit([limit])\n\n"
                                           "Returns old limit. If limit is not given, no new limit is set and\n"
                                           "the old limit is returned"},
};

const char kCsvDoc[] =
    "CSV parsing and writing.\n\nThis module provides classes that assist in the reading and writing\n"
    "of Comma Separated Value (CSV) files, and implements the interface\ndescribed by PEP 305.  Although many CSV "
    "files are simple to parse,\nthe format is not formally defined by a stable specification and\nis subtle enough "
    "that parsing lines of a CSV file with something\nlike line.split(\",\") is bound to fail.  The module supports "
    "three\nbasic APIs: reading, writing, and registration of dialects.\n";

bool init_csv(ModuleObject* m) {
  if (!g_dialect_type) {
    g_dialect_type = make_native_type("_csv.Dialect", sizeof(DialectObject), visit_dialect, true);
    add_methods(g_dialect_type, kDialectMethods);
    add_getsets(g_dialect_type, kDialectGetSets);
    g_error = make_exception_class("_csv", "Error", ExceptionType);
    if (!g_error) return false;
    g_dialects = new_dict();
    if (!g_dialects) return false;
    add_runtime_root_hook([](Visitor& v) {
      if (g_dialects) v.visit(g_dialects);
    });
    init_reader_writer_types();
  }
  return module_add(m, "__doc__", str_value(kCsvDoc)) && module_add(m, "__version__", str_value("1.0")) &&
         module_add(m, "Dialect", Value::from_obj(g_dialect_type)) && module_add(m, "Error", Value::from_obj(g_error)) &&
         module_add(m, "Reader", Value::from_obj(reader_type())) && module_add(m, "Writer", Value::from_obj(writer_type())) &&
         module_add(m, "_dialects", Value::from_obj(g_dialects)) &&
         module_add(m, "QUOTE_MINIMAL", Value::from_small_int(0)) && module_add(m, "QUOTE_ALL", Value::from_small_int(1)) &&
         module_add(m, "QUOTE_NONNUMERIC", Value::from_small_int(2)) && module_add(m, "QUOTE_NONE", Value::from_small_int(3));
}

}  // namespace

DialectObject* make_dialect(Value dialect, Value* kwvalues, TupleObject* kwnames) {
  Value p[kNumParams] = {};
  if (!bind_params(&dialect, dialect.is_empty_slot() ? 0 : 1, kwvalues, kwnames, p)) return nullptr;
  return build_dialect(g_dialect_type, p);
}

TypeObject* error_type() { return g_error; }
int64_t field_limit() { return g_field_limit; }

}  // namespace coil::lib::csv

namespace coil::lib {
extern const rt::NativeModuleDef kCsvModule;
const rt::NativeModuleDef kCsvModule = {"_csv", csv::kCsvFunctions, std::size(csv::kCsvFunctions), csv::init_csv};
}  // namespace coil::lib
