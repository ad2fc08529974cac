// attr_cache.cpp — filling the attribute inline caches from the interpreter's slow path
// (attr_cache.h says what may be cached and why it stays valid).
#include "runtime/attr_cache.h"

#include <algorithm>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

void set_entry(InlineCache& c, AttrCacheKind kind, uint64_t key, uint64_t key2, int64_t index, Object* obj) {
  c.kind = static_cast<uint32_t>(kind);
  c.key = key;
  c.key2 = key2;
  c.index = index;
  c.obj = obj;
}

// Does attribute access hand out instances of `t` found on a class unchanged (descr_get in
// attributes.cpp)? Heap types are excluded: they may gain __get__ at any time.
bool returned_as_is(TypeObject* t) {
  return !has(t, TypeFlag::HeapType) && t != FunctionType && t != MethodDescrType && t != GetSetDescrType &&
         t != MemberDescrType && t != PropertyType && t != ClassMethodType && t != StaticMethodType;
}

bool is_plain_method_descr(Value v) {
  if (!v.is_obj() || v.as_obj()->type != MethodDescrType) return false;
  auto* md = static_cast<MethodDescrObject*>(v.as_obj());
  return !md->is_static && !md->is_classmethod;
}

// May the generic attribute protocol of `t` be cached at all?
bool cacheable_type(TypeObject* t) {
  if (t == SuperType || has(t, TypeFlag::TypeSubclass) || !uses_generic_getattr(t)) return false;
  // Native dict fields (exceptions, functions, modules and their subclasses) have no shape.
  return !t->dict_offset || has(t, TypeFlag::ShapedAttrs);
}

struct GlobalEntry {
  InlineCache entry;
  StrObject* name;
  uint32_t op;
};
constexpr size_t kGlobalSize = 4096;
GlobalEntry g_table[kGlobalSize];

size_t global_slot(uint64_t version, uint64_t skey, StrObject* name, AttrOp op) {
  uint64_t h = version * 0x9E3779B97F4A7C15ull ^ (skey >> 3) * 0xC2B2AE3D27D4EB4Full ^
               (reinterpret_cast<uintptr_t>(name) >> 4) ^ static_cast<uint64_t>(op);
  return (h ^ (h >> 29)) & (kGlobalSize - 1);
}

// Remembers an entry just filled (not module entries: their key is no type version).
void remember(const InlineCache& c, StrObject* name, AttrOp op) {
  AttrCacheKind kind = static_cast<AttrCacheKind>(c.kind);
  if (kind == AttrCacheKind::None || kind == AttrCacheKind::Module || kind == AttrCacheKind::ClassAttr) return;
  GlobalEntry& g = g_table[global_slot(c.key, c.key2, name, op)];
  g.entry = c;
  g.entry.counter = 0;
  g.name = name;
  g.op = static_cast<uint32_t>(op);
}

void fill_load_entry(InlineCache& c, Value obj, StrObject* name, bool method);
void fill_store_entry(InlineCache& c, Value obj, StrObject* name, uint64_t before);

// A class whose instances keep a native dict field (a subclass of an exception, ...).
bool heap_with_native_dict(TypeObject* t) {
  return has(t, TypeFlag::HeapType) && t->dict_offset && !has(t, TypeFlag::ShapedAttrs) &&
         !has(t, TypeFlag::TypeSubclass) && uses_generic_getattr(t);
}

}  // namespace

bool attr_cache_probe(InlineCache& c, Object* o, StrObject* name, AttrOp op) {
  if (has(o->type, TypeFlag::TypeSubclass)) return false;
  uint64_t version = o->type->version;
  uint64_t skey = shape_key(o);
  const GlobalEntry& g = g_table[global_slot(version, skey, name, op)];
  if (g.entry.key != version || g.entry.key2 != skey || g.name != name || g.op != static_cast<uint32_t>(op))
    return false;
  AttrCacheKind kind = static_cast<AttrCacheKind>(g.entry.kind);
  if (kind == AttrCacheKind::None) return false;
  c = g.entry;
  return true;
}

void fill_load_cache(InlineCache& c, Value obj, StrObject* name, bool method) {
  if (!obj.is_obj()) return;
  uint32_t before = c.kind;
  c.kind = 0;
  fill_load_entry(c, obj, name, method);
  if (c.kind) remember(c, name, method ? AttrOp::Method : AttrOp::Load);
  else c.kind = before;
}

namespace {

// cls.name where the metaclass has no data descriptor of that name and the class (or a
// base) has a function, a plain native method, a staticmethod or a plain value.
void fill_class_entry(InlineCache& c, TypeObject* cls, StrObject* name) {
  TypeObject* meta = cls->type;
  if (!uses_generic_getattr(meta)) return;
  Value meta_attr = type_lookup(meta, name);
  if (meta_attr.is_obj()) {
    TypeObject* mt = meta_attr.as_obj()->type;
    if (has(mt, TypeFlag::HeapType) || mt == GetSetDescrType || mt == MemberDescrType || mt == PropertyType) return;
  }
  Value attr = type_lookup(cls, name);
  if (attr.is_empty_slot()) return;
  if (attr.is_obj()) {
    TypeObject* at = attr.as_obj()->type;
    if (at == StaticMethodType) {
      set_entry(c, AttrCacheKind::ClassAttr, cls->version, meta->version, 0, attr.as_obj());
      return;
    }
    // A plain native method read from its class is the descriptor itself (descr_get).
    if (at != FunctionType && !returned_as_is(at) && !is_plain_method_descr(attr)) return;
  }
  set_entry(c, AttrCacheKind::ClassAttr, cls->version, meta->version, static_cast<int64_t>(attr.bits()), nullptr);
}

void fill_load_entry(InlineCache& c, Value obj, StrObject* name, bool method) {
  Object* o = obj.as_obj();
  TypeObject* t = o->type;
  if (t == ModuleType) {
    if (!type_lookup(ModuleType, name).is_empty_slot()) return;
    DictObject* d = static_cast<ModuleObject*>(o)->dict;
    int64_t ix = d ? dict_index_str(d, name) : -1;
    // The entry's address: the storage stays put while keys_version holds (only a change of
    // the key set reallocates it).
    if (ix >= 0)
      set_entry(c, AttrCacheKind::Module, d->keys_version, 0,
                static_cast<int64_t>(reinterpret_cast<uintptr_t>(&dict_entries(d->storage)[ix].value)), nullptr);
    return;
  }
  if (has(t, TypeFlag::TypeSubclass)) {
    fill_class_entry(c, static_cast<TypeObject*>(o), name);
    return;
  }
  if (heap_with_native_dict(t)) {
    // Nothing of that name on the type: the instance's own dict is the whole lookup.
    if (type_lookup(t, name).is_empty_slot()) set_entry(c, AttrCacheKind::NativeDict, t->version, 0, 0, nullptr);
    return;
  }
  if (!cacheable_type(t)) return;
  uint64_t skey = shape_key(o);
  if (skey == kDictModeBits) return;
  int64_t slot = has(t, TypeFlag::ShapedAttrs) ? shape_find(instance_attrs(o)->shape, name) : -1;
  Value descr = type_lookup(t, name);
  if (descr.is_empty_slot()) {
    if (slot >= 0) set_entry(c, AttrCacheKind::Slot, t->version, skey, slot, nullptr);
    return;
  }
  TypeObject* dt = descr.is_obj() ? descr.as_obj()->type : nullptr;
  if (dt && has(dt, TypeFlag::HeapType)) return;
  if (dt == MemberDescrType) {
    set_entry(c, AttrCacheKind::Member, t->version, skey, static_cast<MemberDescrObject*>(descr.as_obj())->offset, nullptr);
    return;
  }
  if (dt == PropertyType) {
    auto* p = static_cast<PropertyObject*>(descr.as_obj());
    // A getter raising AttributeError falls back to __getattr__ on the slow path only.
    if (!p->fget.is_empty_slot() && p->fget != None && type_lookup(t, names::dunder_getattr).is_empty_slot())
      set_entry(c, AttrCacheKind::Property, t->version, skey, 0, descr.as_obj());
    return;
  }
  if (dt == GetSetDescrType) return;  // a data descriptor
  if (slot >= 0) {
    set_entry(c, AttrCacheKind::Slot, t->version, skey, slot, nullptr);  // the instance shadows the class
    return;
  }
  if (dt == FunctionType || (method && is_plain_method_descr(descr))) {
    set_entry(c, AttrCacheKind::Method, t->version, skey, 0, descr.as_obj());
    return;
  }
  if (dt == StaticMethodType) {
    set_entry(c, AttrCacheKind::ClassValue, t->version, skey, 0, descr.as_obj());
    return;
  }
  if (dt && !returned_as_is(dt)) return;
  set_entry(c, AttrCacheKind::ClassValue, t->version, skey, static_cast<int64_t>(descr.bits()), nullptr);
}

}  // namespace

void fill_store_cache(InlineCache& c, Value obj, StrObject* name, uint64_t before) {
  if (!obj.is_obj()) return;
  uint32_t old = c.kind;
  c.kind = 0;
  fill_store_entry(c, obj, name, before);
  if (c.kind) remember(c, name, AttrOp::Store);
  else c.kind = old;
}

namespace {

void fill_store_entry(InlineCache& c, Value obj, StrObject* name, uint64_t before) {
  Object* o = obj.as_obj();
  TypeObject* t = o->type;
  if (!has(t, TypeFlag::HeapType)) return;
  // object.__setattr__ itself: the store went to the instance through the generic path.
  if (type_lookup(t, names::dunder_setattr) != type_lookup(ObjectType, names::dunder_setattr)) return;
  Value descr = type_lookup(t, name);
  if (heap_with_native_dict(t)) {
    if (descr.is_empty_slot() && *native_dict_slot(o))
      set_entry(c, AttrCacheKind::StoreNativeDict, t->version, before, 0, nullptr);
    return;
  }
  if (!cacheable_type(t)) return;
  if (descr.is_obj() && descr.as_obj()->type == MemberDescrType) {
    set_entry(c, AttrCacheKind::StoreMember, t->version, before, static_cast<MemberDescrObject*>(descr.as_obj())->offset, nullptr);
    return;
  }
  if (!has(t, TypeFlag::ShapedAttrs)) return;
  if (!descr.is_empty_slot()) {
    TypeObject* dt = descr.is_obj() ? descr.as_obj()->type : nullptr;
    if (dt && (has(dt, TypeFlag::HeapType) || dt == GetSetDescrType || dt == MemberDescrType || dt == PropertyType))
      return;
  }
  InstanceAttrs* a = instance_attrs(o);
  if (is_dict_mode(a) || before == kDictModeBits || !a->shape) return;
  Shape* now = a->shape;
  if (reinterpret_cast<uintptr_t>(now) == before) {
    int64_t slot = shape_find(now, name);
    if (slot >= 0) set_entry(c, AttrCacheKind::StoreSlot, t->version, before, slot, nullptr);
    return;
  }
  // One transition: from `before` (null: the root) to its child `now` adding `name`.
  Shape* parent = now->parent && now->parent->parent ? now->parent : nullptr;
  if (reinterpret_cast<uintptr_t>(parent) == before && now->key == name)
    set_entry(c, AttrCacheKind::StoreAdd, t->version, before, now->count - 1, now);
}

}  // namespace

bool store_add_grow(Object* o, const InlineCache& c, Value v) {
  InstanceAttrs* a = instance_attrs(o);
  auto* old = static_cast<ValueArray*>(a->store);
  int64_t cap = old ? old->capacity : 0;
  Shape* root = o->type->shape_root;
  int64_t want = std::max<int64_t>({c.index + 1, cap * 2, int64_t(root->capacity_hint), 4});
  ValueArray* grown = new_value_array(want);
  if (!grown) return false;
  if (old) std::copy(old->items, old->items + cap, grown->items);
  grown->items[c.index] = v;
  a->store = grown;
  a->shape = static_cast<Shape*>(c.obj);
  return true;
}

}  // namespace coil::rt
