// type.h — TypeObject: every type is a GC object. Its fields are what the GC, the
// interpreter's caches and the JIT read.
//
// Behaviour lives in the type's dict as callables (native functions for built-in types,
// Python functions for classes), found through the MRO with a version-tagged cache
// (`lookup` in typeobject.cpp). Built-in types also get native fast paths in the abstract
// operations and the interpreter, keyed on the exact type. `version` changes whenever the
// namespace of the type or of any base changes, so caches that checked it stay valid.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"

namespace coil::rt {

struct DictObject;
struct Shape;
struct StrObject;
struct TupleObject;

// Runs when the collector finds an object of this type dead (native cleanup only).
using FinalizeFn = void (*)(Object* self);

enum class TypeFlag : uint32_t {
  None = 0,
  BaseType = 1u << 0,   // may be subclassed
  HeapType = 1u << 1,   // created by a class statement or type()
  HasDict = 1u << 2,    // instances carry attributes (shape + slots)
  HasDel = 1u << 3,     // defines __del__ (the GC queues a Python finalizer)
  Immutable = 1u << 4,  // setattr on the type is refused (built-in types)
  IsAbstract = 1u << 5,
  // "this is a subclass of <builtin>" bits, so isinstance against hot built-ins is one test.
  IntSubclass = 1u << 8, TupleSubclass = 1u << 9, ListSubclass = 1u << 10,
  StrSubclass = 1u << 11, BytesSubclass = 1u << 12, DictSubclass = 1u << 13,
  TypeSubclass = 1u << 14, BaseExcSubclass = 1u << 15,
  // Instances are variable-size (an int64 item count right after the header, then 8-byte
  // items): the instance dict slot sits after the items (heap subclasses of tuple).
  DictAfterItems = 1u << 16,
  // A native type defined outside the runtime core (stdlib modules: weakref, deque, ...): the
  // abstract operations have no fast path for it, so its dunder methods (__eq__, __hash__, ...)
  // in the dict are what comparisons and hash() call, as for heap types.
  ExtType = 1u << 17,
  // Instances keep their attributes as a shape + slot array (InstanceAttrs at dict_offset,
  // shape.h); without it a dict_offset locates a plain dict field (functions, modules, ...).
  ShapedAttrs = 1u << 18,
  // Pattern matching's subject kinds (CPython's Py_TPFLAGS_SEQUENCE / _MAPPING): set on the
  // built-in sequences and mappings, and by _abc on classes built on or registered with
  // collections.abc.Sequence / Mapping; inherited by subclasses.
  Sequence = 1u << 19,
  Mapping = 1u << 20,
  // Instances of this class can be weakly referenced and it shows __weakref__ (CPython's
  // tp_weaklistoffset != 0): classes without __slots__, or naming "__weakref__" in them.
  WeakrefSlot = 1u << 21,
};
constexpr TypeFlag operator|(TypeFlag a, TypeFlag b) {
  return static_cast<TypeFlag>(static_cast<uint32_t>(a) | static_cast<uint32_t>(b));
}
constexpr bool any(TypeFlag f) { return static_cast<uint32_t>(f) != 0; }
constexpr TypeFlag operator&(TypeFlag a, TypeFlag b) {
  return static_cast<TypeFlag>(static_cast<uint32_t>(a) & static_cast<uint32_t>(b));
}

// What the collector needs to know about a type's instances (bits of TypeObject::gc_flags).
enum class GcTypeFlag : uint32_t {
  kNone = 0,
  kHasPythonFinalizer = 1u << 0,  // instances have __del__: queued once when found dead
};
constexpr GcTypeFlag operator|(GcTypeFlag a, GcTypeFlag b) {
  return static_cast<GcTypeFlag>(static_cast<uint32_t>(a) | static_cast<uint32_t>(b));
}
constexpr bool has_flag(GcTypeFlag set, GcTypeFlag f) {
  return (static_cast<uint32_t>(set) & static_cast<uint32_t>(f)) != 0;
}

// The bytes an instance owns (object.__sizeof__): its own size plus buffers it alone holds.
using SizeFn = int64_t (*)(Object* self);

// Allocates a fresh, uninitialised instance of `type` for type.__new__ / object.__new__.
using AllocFn = Object* (*)(TypeObject* type);

struct TypeObject : Object {
  VisitFn visit = nullptr;        // reports the references of an instance; null: none
  FinalizeFn finalize = nullptr;  // native cleanup of an instance; null: none
  const char* name = nullptr;     // tp_name: "int", "collections.OrderedDict", "Foo"
  StrObject* name_obj = nullptr;  // __name__
  StrObject* qualname = nullptr;  // __qualname__
  TypeObject* base = nullptr;     // __base__ (the solid base)
  TupleObject* bases = nullptr;   // __bases__
  TupleObject* mro = nullptr;     // __mro__
  DictObject* dict = nullptr;     // the namespace
  uint64_t version = 0;           // changes on any namespace change here or in a base
  TypeFlag flags = TypeFlag::None;
  uint32_t basic_size = 0;        // bytes of an instance of this exact type
  AllocFn alloc = nullptr;        // makes instances (inherited from the solid base)
  TypeObject* metatype_cache = nullptr;
  uint32_t dict_offset = 0;       // instance attribute storage offset (0: none; see shape.h)
  uint32_t subclass_count = 0;
  Object* subclasses = nullptr;   // weak-ish list for version invalidation (a list object)
  Value doc;
  GcTypeFlag gc_flags = GcTypeFlag::kNone;  // what the collector needs to know (gc.h)
  // Cache of "is __getattribute__ object's own?" valid while `version` equals getattr_version.
  uint64_t getattr_version = 0;
  bool getattr_generic = false;
  Shape* shape_root = nullptr;    // the empty shape of this type's tree (shape.h); lazy
  SizeFn size_of = nullptr;       // object.__sizeof__ (inherited); null: basic_size
};

inline bool has(const TypeObject* t, TypeFlag f) { return any(t->flags & f); }
// Do the type's dict dunders define its behaviour (heap types and ExtType natives)?
inline bool uses_dict_dunders(const TypeObject* t) { return any(t->flags & (TypeFlag::HeapType | TypeFlag::ExtType)); }

}  // namespace coil::rt
