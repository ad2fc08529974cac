// super.h — the super type: attribute lookup starting after a class in an object's MRO.
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

struct SuperObject : Object {
  Value type;      // the class super() was called for
  Value obj;       // the instance or class it is bound to
  Value obj_type;  // type(obj), or obj itself when obj is a class
};

struct StrObject;
// Attribute lookup on a super object (what super.__getattribute__ does).
Value super_get_attr(Value self, StrObject* name);
// For LoadMethod: the plain function super().name resolves to when it would be bound to the
// instance (so the caller can push it unbound with the instance), else empty (use
// super_get_attr). Sets *self to the instance.
Value super_find_method(Value self, StrObject* name, Value* inst);
// super(type, obj).
Value new_super_value(Value type, Value obj);
// Calls `type` like type.__call__ does (__new__ then __init__), ignoring metaclass __call__.
Value call_type_default(Value type, Value* args, int64_t nargs, struct TupleObject* kwnames);
void init_super_type();

}  // namespace coil::rt
