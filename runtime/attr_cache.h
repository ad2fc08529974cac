// attr_cache.h — the inline caches of LoadAttr, LoadMethod and StoreAttr: what an entry
// holds (AttrCacheKind) and how the interpreter's slow path fills one.
//
// Instance entries are keyed on (type version, shape key): the version pins everything the
// type's MRO says about the name (no data descriptor, no custom __getattribute__ /
// __setattr__, which method or class value it is), the shape says where (or whether) the
// instance itself holds the name. Only facts that cannot change behind the version's back
// are cached: descriptors whose type is a heap class (which could gain __get__/__set__
// later without the owner's version moving) are never cached. Module entries are keyed on
// the module dict's keys_version (globally unique, so it also names the dict).
//
// Entry fields: key = type version (or keys_version), key2 = shape key, index = slot /
// entry index / value bits, obj = descriptor or the shape a store moves to.
#pragma once

#include <cstdint>

#include "runtime/function.h"
#include "runtime/shape.h"

namespace coil::rt {

enum class AttrCacheKind : uint32_t {
  None = 0,
  Slot,        // the instance's slot `index`
  ClassValue,  // a class attribute that is no descriptor: Value bits in `index`; or a
               // staticmethod `obj`, whose function is read at each hit (__init__ may rebind it)
  Method,      // a function (or native method) on the type, not shadowed: `obj`
  Module,      // the module dict entry's value, whose address is `index`
  StoreSlot,   // StoreAttr: overwrite slot `index`
  StoreAdd,    // StoreAttr: add slot `index`, moving from shape key2 to shape `obj`
  Member,      // a __slots__ member at byte offset `index` (a data descriptor: no shape check)
  StoreMember, // StoreAttr: the __slots__ member at byte offset `index`
  NativeDict,  // the instance's native dict field (heap subclasses of exceptions, ...): a
               // name the type does not have, looked up in that dict (version only)
  StoreNativeDict,  // StoreAttr: into that dict
  Property,    // a property (exact type) on the type: call its getter (version only)
  ClassAttr,   // an attribute of a class object: key = the class's version, key2 = its
               // metaclass's; a function or plain value as for ClassValue, or a staticmethod
               // `obj`
};

// The value a ClassValue / ClassAttr entry stands for.
inline Value cached_class_value(const InlineCache& c) {
  if (c.obj) return static_cast<ClassMethodObject*>(c.obj)->func;
  return Value::from_bits(static_cast<uint64_t>(c.index));
}

// The shape key of an instance: its shape (null for none yet, the dict-mode tag — which no
// entry holds — in dict mode), or kNoStorageKey when its type gives instances no storage.
// Native dict fields are never cached, so their key only has to be something.
constexpr uint64_t kNoStorageKey = 2;
inline uint64_t shape_key(Object* o) {
  TypeObject* t = o->type;
  if (has(t, TypeFlag::ShapedAttrs)) return reinterpret_cast<uintptr_t>(instance_attrs(o)->shape);
  return t->dict_offset ? kDictModeBits : kNoStorageKey;
}

// Which op a cache entry serves (their entries differ: LoadMethod keeps native methods).
enum class AttrOp : uint32_t { Load = 1, Method = 2, Store = 3 };

// Polymorphic sites: a site's single entry thrashes between types, so filled entries are
// also kept in one global table keyed on (op, type version, shape key, name); a miss
// probes it and, on a hit, copies the entry into the site. True when `c` now matches `o`.
bool attr_cache_probe(InlineCache& c, Object* o, StrObject* name, AttrOp op);

// Fills `c` for a LoadAttr (method=false) or LoadMethod (method=true) of obj.name that just
// succeeded on the slow path, when the result is cacheable.
void fill_load_cache(InlineCache& c, Value obj, StrObject* name, bool method);
// Fills `c` for a StoreAttr that moved `o` from shape key `before` and just succeeded.
void fill_store_cache(InlineCache& c, Value obj, StrObject* name, uint64_t before);
// The StoreAdd hit path when the slot array must grow; false with MemoryError pending.
bool store_add_grow(Object* o, const InlineCache& c, Value v);

}  // namespace coil::rt
