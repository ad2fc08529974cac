// builtins.cpp — the builtins module: functions (print, len, isinstance, ...) and the
// built-in types and exceptions under their Python names.
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/iterators.h"
#include "runtime/native_module.h"
#include "runtime/names.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "runtime/sys_state.h"
#include "stdlib/io_support.h"

namespace coil::lib {

using namespace coil::rt;

// More builtins (min, max, sorted, ...) live in builtins_more.cpp.
bool register_more_builtins(rt::ModuleObject* m);
bool apply_builtin_docs(rt::ModuleObject* m);  // builtins_docs.cpp
// divmod, pow, round (builtins_numbers.cpp).
bool register_number_builtins(rt::ModuleObject* m);

namespace {

Value builtin_print(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_kwargs("print", kwnames, {"sep", "end", "file", "flush"})) return Value();
  Value sep = kwarg(args, nargs, kwnames, "sep");
  Value end = kwarg(args, nargs, kwnames, "end");
  Value file = kwarg(args, nargs, kwnames, "file");
  Value flush = kwarg(args, nargs, kwnames, "flush");
  std::string sep_s = " ", end_s = "\n";
  if (!sep.is_empty_slot() && sep != None) {
    if (!is_str(sep)) return raise_fmt(TypeErrorType, "sep must be None or a string, not %s", type_name(sep));
    sep_s = as_str(sep)->view();
  }
  if (!end.is_empty_slot() && end != None) {
    if (!is_str(end)) return raise_fmt(TypeErrorType, "end must be None or a string, not %s", type_name(end));
    end_s = as_str(end)->view();
  }
  int t = 0;
  if (!flush.is_empty_slot() && (t = is_true(flush)) < 0) return Value();
  Value target = file.is_empty_slot() || file == None ? sys_attr("stdout") : file;
  if (target.is_empty_slot() || target == None) return None;  // CPython: no stdout, nothing printed
  if (!is_native_text_stream(target)) {
    // A Python file object sees each piece as its own write(), as in CPython.
    for (int64_t i = 0; i < nargs; ++i) {
      if (i && !write_to_file(target, sep_s, false)) return Value();
      std::string s;
      if (!str_string(args[i], &s) || !write_to_file(target, s, false)) return Value();
    }
    if (!write_to_file(target, end_s, t == 1)) return Value();
    return None;
  }
  std::string out;
  for (int64_t i = 0; i < nargs; ++i) {
    if (i) out += sep_s;
    std::string s;
    if (!str_string(args[i], &s)) return Value();
    out += s;
  }
  out += end_s;
  if (!write_to_file(target, out, t == 1)) return Value();
  return None;
}

Value builtin_len(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("len", nargs, kwnames, 1, 1)) return Value();
  int64_t n = length(args[0]);
  if (n < 0) return Value();
  return int_from_int64(n);
}

Value builtin_repr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("repr", nargs, kwnames, 1, 1)) return Value();
  return repr(args[0]);
}

Value builtin_ascii(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("ascii", nargs, kwnames, 1, 1)) return Value();
  return ascii_of(args[0]);
}

Value builtin_isinstance(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("isinstance", nargs, kwnames, 2, 2)) return Value();
  int r = is_instance(args[0], args[1]);
  return r < 0 ? Value() : bool_value(r);
}

Value builtin_issubclass(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("issubclass", nargs, kwnames, 2, 2)) return Value();
  int r = is_subclass(args[0], args[1]);
  return r < 0 ? Value() : bool_value(r);
}

bool attr_name(Value v, const char* fname, StrObject** out) {
  if (!is_str(v)) {
    raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(v));
    return false;
  }
  *out = as_str(v);
  (void)fname;
  return true;
}

Value builtin_getattr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getattr", nargs, kwnames, 2, 3)) return Value();
  StrObject* name;
  if (!attr_name(args[1], "getattr", &name)) return Value();
  Value v = get_attr(args[0], name);
  if (v.is_empty_slot() && nargs == 3 && pending_matches(AttributeErrorType)) {
    clear_exception();
    return args[2];
  }
  return v;
}

Value builtin_setattr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("setattr", nargs, kwnames, 3, 3)) return Value();
  StrObject* name;
  if (!attr_name(args[1], "setattr", &name)) return Value();
  return set_attr(args[0], name, args[2]) ? None : Value();
}

Value builtin_delattr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("delattr", nargs, kwnames, 2, 2)) return Value();
  StrObject* name;
  if (!attr_name(args[1], "delattr", &name)) return Value();
  return set_attr(args[0], name, Value()) ? None : Value();
}

Value builtin_hasattr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("hasattr", nargs, kwnames, 2, 2)) return Value();
  StrObject* name;
  if (!attr_name(args[1], "hasattr", &name)) return Value();
  Value v = get_attr(args[0], name);
  if (v.is_empty_slot()) {
    if (!pending_matches(AttributeErrorType)) return Value();
    clear_exception();
    return False;
  }
  return True;
}

Value builtin_iter(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("iter", nargs, kwnames, 1, 2)) return Value();
  if (nargs == 2) return new_callable_iterator(args[0], args[1]);
  return get_iter(args[0]);
}

Value builtin_next(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("next", nargs, kwnames, 1, 2)) return Value();
  Value it = args[0];
  if (!is_native_iterator(it) && lookup_special(it, names::dunder_next).is_empty_slot())
    return raise_fmt(TypeErrorType, "'%s' object is not an iterator", type_name(it));
  bool done = false;
  Value v = iter_next(it, &done);
  if (done) {
    if (nargs == 2) return args[1];
    ExceptionObject* e = new_exception(StopIterationType, nullptr);
    return e ? raise(Value::from_obj(e)) : Value();
  }
  return v;
}

Value builtin_id(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("id", nargs, kwnames, 1, 1)) return Value();
  return int_from_uint64(args[0].bits());
}

Value builtin_hash(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("hash", nargs, kwnames, 1, 1)) return Value();
  int64_t h = hash(args[0]);
  if (h == -1 && has_pending_exception()) return Value();
  return int_from_int64(h);
}

Value builtin_callable(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("callable", nargs, kwnames, 1, 1)) return Value();
  return bool_value(is_callable(args[0]));
}

Value builtin_abs(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("abs", nargs, kwnames, 1, 1)) return Value();
  return number_abs(args[0]);
}

Value builtin_chr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("chr", nargs, kwnames, 1, 1)) return Value();
  int64_t i;
  bool overflow;
  if (!as_int64(args[0], &i, &overflow)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  if (i < 0 || i > 0x10FFFF) return raise_msg(ValueErrorType, "chr() arg not in range(0x110000)");
  std::string s;
  append_utf8(s, static_cast<uint32_t>(i));
  return str_value(s);
}

Value builtin_ord(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("ord", nargs, kwnames, 1, 1)) return Value();
  if (is_str(args[0])) {
    StrObject* s = as_str(args[0]);
    if (s->length != 1)
      return raise_fmt(TypeErrorType, "ord() expected a character, but string of length %lld found", static_cast<long long>(s->length));
    const char* p = s->data;
    return Value::from_small_int(decode_utf8(p));
  }
  if (is_bytes(args[0]) || is_bytearray(args[0])) {
    std::string_view b = is_bytes(args[0]) ? as_bytes(args[0])->view() : as_bytearray(args[0])->view();
    if (b.size() != 1)
      return raise_fmt(TypeErrorType, "ord() expected a character, but string of length %lld found", static_cast<long long>(b.size()));
    return Value::from_small_int(static_cast<unsigned char>(b[0]));
  }
  return raise_fmt(TypeErrorType, "ord() expected string of length 1, but %s found", type_name(args[0]));
}

Value builtin_build_class(Value* args, int64_t nargs, TupleObject* kwnames) {
  return build_class(args, nargs, kwnames);
}

Value builtin_import(Value* args, int64_t nargs, TupleObject* kwnames) {
  return import_builtin(args, nargs, kwnames);
}

Value builtin_globals(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("globals", nargs, kwnames, 0, 0)) return Value();
  Frame* f = thread_state().frame;
  return f ? Value::from_obj(f->globals) : None;
}

Value builtin_locals(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("locals", nargs, kwnames, 0, 0)) return Value();
  return frame_locals(thread_state().frame);
}

const NativeFunctionDef kBuiltins[] = {
    {"print", builtin_print},
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"getattr", builtin_getattr},
    {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},
    {"hasattr", builtin_hasattr},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"id", builtin_id},
    {"hash", builtin_hash},
    {"callable", builtin_callable},
    {"abs", builtin_abs},
    {"chr", builtin_chr},
    {"ord", builtin_ord},
    {"__build_class__", builtin_build_class},
    {"__import__", builtin_import},
    {"globals", builtin_globals},
    {"locals", builtin_locals},
};

bool init_builtins(ModuleObject* m) {
  for (TypeObject* t : {ObjectType, TypeType, IntType, BoolType, FloatType, ComplexType, StrType, BytesType,
                        ByteArrayType, MemoryViewType, TupleType, ListType, DictType, SetType, FrozenSetType, RangeType, SliceType,
                        PropertyType, ClassMethodType, StaticMethodType, SuperType})
    module_add(m, t->name, Value::from_obj(t));
#define EXC(Name, Base) module_add(m, #Name, Value::from_obj(Name##Type));
#define EXC2(Name, Base1, Base2) EXC(Name, Base1)
#include "runtime/exceptions.def"
  module_add(m, "EnvironmentError", Value::from_obj(OSErrorType));
  module_add(m, "IOError", Value::from_obj(OSErrorType));
  module_add(m, "None", None);
  module_add(m, "True", True);
  module_add(m, "False", False);
  module_add(m, "NotImplemented", NotImplemented);
  module_add(m, "Ellipsis", EllipsisValue);
  module_add(m, "__debug__", True);
  return register_number_builtins(m) && register_more_builtins(m) && apply_builtin_docs(m);
}

}  // namespace

extern const NativeModuleDef kBuiltinsModule;
const NativeModuleDef kBuiltinsModule = {"builtins", kBuiltins, std::size(kBuiltins), init_builtins};

}  // namespace coil::lib
