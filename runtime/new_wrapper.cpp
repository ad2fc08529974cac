// new_wrapper.cpp — `T.__new__(cls, ...)` called explicitly (X.__new__, super().__new__): the
// type checks of CPython's tp_new_wrapper before the built-in __new__ runs. type(...) calls
// reach the __new__ directly and never need them (cls is always the type being called).
#include "runtime/new_wrapper.h"

#include <cstring>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

// The native __new__ `t` makes its instances with (empty when it is not a native one).
NativeFn native_new_of(TypeObject* t) {
  Value v = type_lookup(t, names::dunder_new);
  if (!v.is_obj() || v.as_obj()->type != MethodDescrType) return nullptr;
  return static_cast<MethodDescrObject*>(v.as_obj())->fn;
}

// args[0]: the type whose __new__ this is (the bound self), args[1]: cls.
Value checked_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* owner = static_cast<TypeObject*>(args[0].as_obj());
  if (nargs < 2) return raise_fmt(TypeErrorType, "%s.__new__(): not enough arguments", owner->name);
  Value cls = args[1];
  if (!cls.is_obj() || !has(type_of(cls), TypeFlag::TypeSubclass))
    return raise_fmt(TypeErrorType, "%s.__new__(X): X is not a type object (%s)", owner->name, type_name(cls));
  auto* sub = static_cast<TypeObject*>(cls.as_obj());
  if (!is_subtype(sub, owner))
    return raise_fmt(TypeErrorType, "%s.__new__(%s): %s is not a subtype of %s", owner->name, sub->name, sub->name,
                     owner->name);
  NativeFn fn = native_new_of(owner);
  if (!fn) return raise_fmt(TypeErrorType, "%s.__new__ is not a built-in method", owner->name);
  // The nearest built-in base lays the instance out: its __new__ must be this one.
  TypeObject* static_base = sub;
  while (static_base && has(static_base, TypeFlag::HeapType)) static_base = static_base->base;
  if (static_base && native_new_of(static_base) != fn)
    return raise_fmt(TypeErrorType, "%s.__new__(%s) is not safe, use %s.__new__()", owner->name, sub->name, sub->name);
  return fn(args + 1, nargs - 1, kwnames);
}

}  // namespace

bool is_checked_new(Value v) {
  return v.is_obj() && v.as_obj()->type == NativeFunctionType &&
         static_cast<NativeFunctionObject*>(v.as_obj())->fn == checked_new;
}

NativeFunctionObject* bind_static_native(MethodDescrObject* md) {
  if (std::strcmp(md->name, "__new__") == 0)
    return new_native_function(md->name, checked_new, Value::from_obj(md->owner), Value());
  return new_native_function(md->name, md->fn, Value(), Value());
}

}  // namespace coil::rt
