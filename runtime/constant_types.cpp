// constant_types.cpp — constructors of the singleton types: NoneType(), NotImplementedType()
// and ellipsis() return their one instance (bool's constructor is in int_methods.cpp); None's
// truth, and the pickling of Ellipsis and NotImplemented by name.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

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

Value none_bool(Value*, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_fmt(TypeErrorType, "expected 0 arguments, got %lld", static_cast<long long>(nargs - 1));
  return False;
}
const NativeMethodDef kNoneMethods[] = {
    {"__bool__", none_bool},
};

// Ellipsis and NotImplemented pickle by name: the builtins of that name.
Value singleton_reduce(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_fmt(TypeErrorType, "expected 0 arguments, got %lld", static_cast<long long>(nargs - 1));
  return str_value(args[0] == EllipsisValue ? "Ellipsis" : "NotImplemented");
}
const NativeMethodDef kNamedSingletonMethods[] = {
    {"__reduce__", singleton_reduce},
};

}  // namespace

void init_constant_types() {
  for (TypeObject* t : {NoneTypeType, NotImplementedTypeType, EllipsisType}) add_methods(t, kSingletonMethods);
  add_methods(NoneTypeType, kNoneMethods);
  add_methods(EllipsisType, kNamedSingletonMethods);
  add_methods(NotImplementedTypeType, kNamedSingletonMethods);
}

}  // namespace coil::rt
