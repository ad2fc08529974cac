// builtin_types.cpp — creates the built-in types of types.def and the singletons.
#include "runtime/builtin_types.h"

#include "runtime/gc.h"
#include "runtime/typeobject.h"

namespace coil::rt {

#define TYPE(Var, Name, Base, Flags) TypeObject* Var##Type = nullptr;
#include "runtime/types.def"

Value None, True, False, NotImplemented, EllipsisValue;

Object* allocate_object(TypeObject* type, size_t size) { return gc::allocate_object(type, size); }

namespace {

Value make_singleton(TypeObject* type) {
  return Value::from_obj(allocate_object(type, sizeof(Object)));
}

}  // namespace

void init_builtin_types() {
  // Allocate every type object first so that bases and `type` itself can be referenced.
#define TYPE(Var, Name, Base, Flags) \
  Var##Type = static_cast<TypeObject*>(allocate_object(nullptr, sizeof(TypeObject)));
#include "runtime/types.def"
  {
    using enum TypeFlag;
#define TYPE(Var, Name, Base, Flags)                                   \
  Var##Type->type = TypeType;                                         \
  Var##Type->name = Name;                                             \
  Var##Type->flags = (Flags) | Immutable;                             \
  Var##Type->base = Var##Type == ObjectType ? nullptr : Base##Type;
#include "runtime/types.def"
  }
  None = make_singleton(NoneTypeType);
  NotImplemented = make_singleton(NotImplementedTypeType);
  EllipsisValue = make_singleton(EllipsisType);
  // A bool is an int: its value sits where an IntObject keeps a small value.
  True = Value::from_obj(allocate_object(BoolType, sizeof(Object)));
  True.as_obj()->aux = 1;
  False = Value::from_obj(allocate_object(BoolType, sizeof(Object)));
}

}  // namespace coil::rt
