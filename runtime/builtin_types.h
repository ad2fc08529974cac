// builtin_types.h — the built-in type objects (from types.def) and the singletons.
#pragma once

#include "runtime/type.h"

namespace coil::rt {

#define TYPE(Var, Name, Base, Flags) extern TypeObject* Var##Type;
#include "runtime/types.def"

// None, True, False, NotImplemented, Ellipsis: one object each, made at startup.
extern Value None, True, False, NotImplemented, EllipsisValue;

inline Value bool_value(bool b) { return b ? True : False; }
inline TypeObject* type_of(Value v) { return v.is_small_int() ? IntType : v.as_obj()->type; }
inline bool is_exact(Value v, TypeObject* t) { return type_of(v) == t; }
// A built-in type laid out as a tuple (tuple itself and struct sequences like sys.flags).
inline bool is_tuple_layout(TypeObject* t) {
  return t == TupleType || (has(t, TypeFlag::TupleSubclass) && !has(t, TypeFlag::HeapType));
}

// Creates every built-in type and singleton; called once before anything else runs.
void init_builtin_types();

// Allocates an object of `size` bytes with its header set (nullptr: out of memory, no
// exception set — callers use new_object_or_raise in abstract.h paths).
Object* allocate_object(TypeObject* type, size_t size);

}  // namespace coil::rt
