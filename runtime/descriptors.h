// descriptors.h — property, classmethod and staticmethod (descriptors.cpp) and the
// attributes of functions, code objects, cells and methods (function_attrs.cpp).
#pragma once

#include "runtime/function.h"
#include "runtime/typeobject.h"

namespace coil::rt {

// A __slots__ entry, or a native object field exposed as CPython exposes it (a member
// descriptor): the attribute lives at `offset` bytes into instances of `owner`.
struct MemberDescrObject : Object {
  TypeObject* owner;
  StrObject* name;
  uint32_t offset;
  bool readonly;            // a native type's read-only field (property.fget): "readonly attribute"
  const char* doc;          // null: None
};
MemberDescrObject* new_member_descr(TypeObject* owner, StrObject* name, uint32_t offset);
// Reads / writes (value empty: deletes) the slot of `obj`; AttributeError when unset.
Value member_get(MemberDescrObject* m, Value obj);
bool member_set(MemberDescrObject* m, Value obj, Value value);
// Lays out a class statement's __slots__: member descriptors into `ns`, and the type's
// dict_offset/basic_size. False with TypeError/ValueError pending.
bool layout_slots(TypeObject* t, Value slots, DictObject* ns);

// Raises AttributeError "property 'x' of 'A' object has no getter" (what: "getter",
// "setter" or "deleter"); returns empty.
Value property_missing(PropertyObject* p, Value obj, const char* what);

// classmethod(f).__get__(obj, owner): f bound to the class, or, when f is itself a
// descriptor (a property), f.__get__(owner, owner) — 3.11's chaining.
Value classmethod_bind(Value func, Value owner);

// Is `name` one of the dunders CPython implements as a type slot (its native methods are
// "slot wrappers": their repr and their wrong-receiver error differ from other methods)?
bool is_slot_wrapper_name(const char* name);

// The getset a class that adds weak-reference support shows as __weakref__.
extern const NativeGetSetDef kWeakrefGetSet;

void init_descriptor_types();
void init_function_attributes();

}  // namespace coil::rt
