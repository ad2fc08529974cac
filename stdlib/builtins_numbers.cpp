// builtins_numbers.cpp — the number builtins divmod, pow, round, format, bin, oct, hex (their semantics live
// in runtime/number.cpp; this file parses their arguments like CPython does).
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/native_module.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

Value builtin_divmod(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("divmod", nargs, kwnames, 2, 2)) return Value();
  return number_divmod(args[0], args[1]);
}

Value builtin_pow(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!args_keywords("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, a)) return Value();
  return number_power(a[0], a[1], a[2]);
}

Value builtin_round(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!args_keywords("round", args, nargs, kwnames, {"number", "ndigits"}, 1, a)) return Value();
  return number_round(a[0], a[1]);
}

Value builtin_format(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("format", nargs, kwnames, 1, 2)) return Value();
  return format(args[0], nargs == 2 ? args[1] : str_value(""));
}

// bin/oct/hex: __index__, then digits with the base's prefix.
template <int Base>
Value builtin_int_text(Value* args, int64_t nargs, TupleObject* kwnames) {
  const char* name = Base == 2 ? "bin" : Base == 8 ? "oct" : "hex";
  if (!check_args(name, nargs, kwnames, 1, 1)) return Value();
  Value i = index(args[0]);
  if (i.is_empty_slot()) return i;
  return str_value(int_to_string(i, Base));
}

const NativeFunctionDef kNumberBuiltins[] = {
    {"format", builtin_format},
    {"bin", builtin_int_text<2>},
    {"oct", builtin_int_text<8>},
    {"hex", builtin_int_text<16>},
    {"divmod", builtin_divmod},
    {"pow", builtin_pow},
    {"round", builtin_round},
};

}  // namespace

bool register_number_builtins(ModuleObject* m) {
  Value module_name = dict_get_str(m->dict, intern("__name__"));
  for (const NativeFunctionDef& d : kNumberBuiltins) {
    NativeFunctionObject* f = new_native_function(d.name, d.fn, Value(), module_name, d.doc);
    if (!f || !module_add(m, d.name, Value::from_obj(f))) return false;
  }
  return true;
}

}  // namespace coil::lib
