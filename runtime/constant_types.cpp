// constant_types.cpp — constructors of the types with fixed instances: bool(x) is x's truth
// value; NoneType(), NotImplementedType() and ellipsis() return their singletons.
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

// The singleton of type args[0], which takes no arguments.
Value singleton_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (nargs > 1 || (kwnames && kwnames->size)) return raise_fmt(TypeErrorType, "%s takes no arguments", type->name);
  if (type == NoneTypeType) return None;
  if (type == NotImplementedTypeType) return NotImplemented;
  return EllipsisValue;
}

const NativeMethodDef kSingletonMethods[] = {
    {"__new__", singleton_new, NativeMethodDef::Kind::StaticMethod},
};

}  // namespace

void init_bool_constructor() {
  add_methods(BoolType, kBoolMethods);
  for (TypeObject* t : {NoneTypeType, NotImplementedTypeType, EllipsisType}) add_methods(t, kSingletonMethods);
}

}  // namespace coil::rt
