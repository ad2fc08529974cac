// constant_types.cpp — constructors of the singleton types: NoneType(), NotImplementedType()
// and ellipsis() return their one instance (bool's constructor is in int_methods.cpp).
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
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

}  // namespace

void init_constant_types() {
  for (TypeObject* t : {NoneTypeType, NotImplementedTypeType, EllipsisType}) add_methods(t, kSingletonMethods);
  add_methods(NoneTypeType, kNoneMethods);
}

}  // namespace coil::rt
