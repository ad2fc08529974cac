// shape.h — shapes (hidden classes, PyPy's maps) and the attribute storage of instances.
//
// An instance of a class (a heap type with TypeFlag::ShapedAttrs) keeps its attributes in
// an InstanceAttrs pair at the type's dict_offset: a Shape pointer and a slot array. A
// shape is one node of a per-type tree: it adds one attribute name (its `key`, interned) to
// its parent and stores it in slot `count - 1`; adding an attribute follows (or creates) a
// transition to a child, so instances that get the same attributes in the same order share
// one shape. `(type version, shape)` is therefore all an inline cache (or a JIT guard) needs
// to know where an attribute lives; as the tree belongs to one type, a shape also implies
// the type.
//
// The empty instance has a null shape (zeroed memory; the type's `shape_root` holds the
// first transitions). Things shapes do not model — deleting an attribute other than the
// last one added, a str-subclass name, `obj.__dict__` being taken, too many attributes or
// shapes — switch the instance to *dict mode*: `shape` is the tag kDictModeBits and `store`
// is a real dict, which from then on is the attribute storage (so `obj.__dict__` and
// attribute access see each other's changes, as in CPython). An instance never leaves dict
// mode.
//
// Native types with a plain dict field (functions, modules, exceptions, ...) and classes
// inheriting theirs keep using that dict: `instance_attr_*` below handle both layouts.
#pragma once

#include <cstdint>

#include "runtime/builtin_types.h"
#include "runtime/type.h"

namespace coil::rt {

struct DictObject;
struct StrObject;
struct ValueArray;

struct Shape : Object {
  Shape* parent;          // null for a type's root
  StrObject* key;         // the attribute this shape adds (interned); null for a root
  TypeObject* owner;      // the type whose instances use this tree
  uint32_t count;         // attributes; `key` lives in slot count - 1
  uint32_t tree_size;     // root only: shapes in the tree (bounded, see shape.cpp)
  uint32_t capacity_hint; // root only: most attributes an instance has had (slot array sizing)
  uint32_t pad;
  Shape* child;           // the first transition (most shapes have at most one)
  DictObject* children;   // further transitions, key -> Shape; null until needed
  DictObject* table;      // key -> slot index for long chains; built on first lookup
};

// The attribute storage of a ShapedAttrs instance (at its type's dict_offset).
struct InstanceAttrs {
  Shape* shape;   // null: no attributes; kDictModeBits: `store` is the dict
  Object* store;  // ValueArray of slots (shaped) or DictObject (dict mode); may be null
};

// The shape tag of dict mode: a small-int bit pattern, so visiting it as a Value reports
// nothing and no cache keyed on shape pointers can match it.
constexpr uintptr_t kDictModeBits = 1;
inline bool is_dict_mode(const InstanceAttrs* a) { return reinterpret_cast<uintptr_t>(a->shape) == kDictModeBits; }

// The storage of a ShapedAttrs instance. With DictAfterItems (tuple subclasses), dict_offset
// counts from the end of the items.
inline InstanceAttrs* instance_attrs(Object* o) {
  TypeObject* t = o->type;
  size_t off = t->dict_offset;
  if (has(t, TypeFlag::DictAfterItems))
    off += static_cast<size_t>(*reinterpret_cast<int64_t*>(reinterpret_cast<char*>(o) + sizeof(Object))) * 8;
  return reinterpret_cast<InstanceAttrs*>(reinterpret_cast<char*>(o) + off);
}

// The dict field of a native type with one (not ShapedAttrs), or of a class inheriting it.
inline DictObject** native_dict_slot(Object* o) {
  TypeObject* t = o->type;
  size_t off = t->dict_offset;
  if (has(t, TypeFlag::DictAfterItems))
    off += static_cast<size_t>(*reinterpret_cast<int64_t*>(reinterpret_cast<char*>(o) + sizeof(Object))) * 8;
  return reinterpret_cast<DictObject**>(reinterpret_cast<char*>(o) + off);
}

// Bytes of attribute storage a class adds to its instances.
constexpr uint32_t kInstanceAttrsSize = sizeof(InstanceAttrs);

// --- shapes ---

// The slot of `name` in `s` (null: the empty shape), or -1.
int64_t shape_find(Shape* s, StrObject* name);
// The shape reached from `s` (null: `owner`'s root) by adding the interned `name` (not in
// `s`); null when the tree is full (the caller switches to dict mode) or on MemoryError
// (pending).
Shape* shape_add(TypeObject* owner, Shape* s, StrObject* name);
// The attribute names of `s` in slot order.
void shape_keys(Shape* s, StrObject** out);

// --- instances (any type with dict_offset) ---

// obj.name from the instance's own attributes; empty when absent (nothing raised).
Value instance_attr_get(Object* o, StrObject* name);
// Sets (or adds) an attribute; false with an exception pending.
bool instance_attr_set(Object* o, StrObject* name, Value v);
// Deletes an attribute: 1 deleted, 0 absent (nothing raised), -1 error pending.
int instance_attr_del(Object* o, StrObject* name);
// The instance's attribute dict, switching shaped storage to dict mode (`obj.__dict__`);
// null with MemoryError pending.
DictObject* instance_dict(Object* o);
// obj.__dict__ = d.
void instance_dict_assign(Object* o, DictObject* d);
// The attribute dict if the instance has any attribute (switching to dict mode), else null.
DictObject* instance_dict_if_nonempty(Object* o);
// Adds the instance's attribute names (and values) to `out` without changing its storage
// (dir(), suggestions); false with an exception pending.
bool instance_attrs_copy_into(Object* o, DictObject* out);
// Reports the references of the instance's attribute storage.
void visit_instance_attrs(Object* o, Visitor& v);
// `o` is about to become an instance of `to` (same layout): moves its shape into to's tree.
bool instance_attrs_rehome(Object* o, TypeObject* to);

void init_shape_type();

}  // namespace coil::rt
