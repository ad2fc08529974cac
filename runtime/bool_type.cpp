// bool_type.cpp — the bool constructor (bool(x) is x's truth value). bool's arithmetic is
// int's; its repr is native (conversions.cpp).
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

Value bool_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "bool() takes no keyword arguments");
  if (!check_args("bool", nargs - 1, nullptr, 0, 1)) return Value();
  if (nargs == 1) return False;
  int t = is_true(args[1]);
  if (t < 0) return Value();
  return bool_value(t);
}

const NativeMethodDef kBoolMethods[] = {
    {"__new__", bool_new, NativeMethodDef::Kind::StaticMethod},
};

}  // namespace

void init_bool_constructor() { add_methods(BoolType, kBoolMethods); }

}  // namespace coil::rt
