// typeobject.cpp — type creation (built-in and class statements), C3 MRO, the
// version-tagged lookup cache, and native method tables.
#include "runtime/typeobject.h"

#include <algorithm>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/names.h"
#include "runtime/shape.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type_mro.h"

namespace coil::rt {

namespace {

uint64_t g_next_version = 1;

// Global method cache: (type version, name) -> value, like CPython's type cache.
struct CacheEntry {
  uint64_t version;
  StrObject* name;
  Value value;
};
constexpr size_t kCacheSize = 4096;
CacheEntry g_cache[kCacheSize];

void visit_type(Object* self, Visitor& v) {
  auto* t = static_cast<TypeObject*>(self);
  v.visit(t->name_obj);
  v.visit(t->qualname);
  v.visit(t->base);
  v.visit(t->bases);
  v.visit(t->mro);
  v.visit(t->dict);
  v.visit(t->subclasses);
  v.visit(t->doc);
  v.visit(t->shape_root);
}

}  // namespace

// Appends `sub` to base->subclasses (a list), so version changes reach it.
void note_subclass(TypeObject* base, TypeObject* sub) {
  if (!base->subclasses) base->subclasses = new_list(0);
  if (base->subclasses) list_append(static_cast<ListObject*>(base->subclasses), Value::from_obj(sub));
}

namespace {

Object* generic_alloc(TypeObject* type) {
  Object* o = allocate_object(type, type->basic_size);
  if (!o) raise_memory_error();
  return o;
}

void visit_instance_dict(Object* self, Visitor& v) {
  TypeObject* t = self->type;
  // Visit the base layout first (a list subclass has list storage, ...).
  for (TypeObject* b = t->base; b; b = b->base) {
    if (!has(b, TypeFlag::HeapType)) {
      if (b->visit) b->visit(self, v);
      break;
    }
  }
  if (t->dict_offset) visit_instance_attrs(self, v);
  // The words classes add after a fixed-size built-in layout: __slots__ values (and the
  // attribute storage again, whose dict-mode tag reads as a small int). Variable-size bases
  // (tuple) take no slots.
  TypeObject* solid = t->base;
  while (solid && has(solid, TypeFlag::HeapType)) solid = solid->base;
  if (solid && !has(t, TypeFlag::DictAfterItems)) {
    auto* words = reinterpret_cast<Value*>(reinterpret_cast<char*>(self) + solid->basic_size);
    v.visit_range(words, reinterpret_cast<Value*>(reinterpret_cast<char*>(self) + t->basic_size));
  }
}

}  // namespace

// The most derived ancestor of `t` (or `t`) that adds to the instance layout: a class adds
// to it with __slots__ (its attribute storage alone does not count), a built-in type unless it
// shares its base's size, allocator and visit function (the exception hierarchy). Bases whose
// solid bases are unrelated cannot be combined.
TypeObject* solid_base(TypeObject* t) {
  if (!t->base) return t;
  TypeObject* inherited = solid_base(t->base);
  if (has(t, TypeFlag::HeapType)) {
    uint32_t size = t->basic_size;
    if (t->dict_offset && t->dict_offset != t->base->dict_offset)
      size -= has(t, TypeFlag::ShapedAttrs) ? kInstanceAttrsSize : sizeof(Value);
    return size == t->base->basic_size ? inherited : t;
  }
  bool same_layout = t->basic_size == t->base->basic_size && t->alloc == t->base->alloc &&
                     t->visit == t->base->visit && t->dict_offset == t->base->dict_offset;
  return same_layout ? inherited : t;
}

namespace {

// Pattern matching's sequence/mapping kind comes from the first class along the MRO that has
// one (CPython's inherit_slots), unless the type has its own.
void inherit_collection_flags(TypeObject* type) {
  constexpr TypeFlag kKinds = TypeFlag::Sequence | TypeFlag::Mapping;
  if (any(type->flags & kKinds)) return;
  if (!type->mro) {
    if (type->base) type->flags = type->flags | (type->base->flags & kKinds);
    return;
  }
  for (int64_t i = 1; i < type->mro->size; ++i) {
    TypeFlag f = static_cast<TypeObject*>(type->mro->items[i].as_obj())->flags & kKinds;
    if (any(f)) {
      type->flags = type->flags | f;
      return;
    }
  }
}

}  // namespace

void type_modified(TypeObject* type) {
  type->version = g_next_version++;
  if (type->subclasses) {
    auto* l = static_cast<ListObject*>(type->subclasses);
    for (int64_t i = 0; i < l->size; ++i) type_modified(static_cast<TypeObject*>(l->items()[i].as_obj()));
  }
}

Value type_lookup(TypeObject* type, StrObject* name) {
  size_t slot = (type->version * 31 + (reinterpret_cast<uintptr_t>(name) >> 4)) & (kCacheSize - 1);
  CacheEntry& e = g_cache[slot];
  bool cacheable = (name->aux & static_cast<uint32_t>(StrFlag::Interned)) != 0;
  if (cacheable && e.version == type->version && e.name == name) return e.value;
  Value found;
  TupleObject* mro = type->mro;
  if (mro) {
    for (int64_t i = 0; i < mro->size; ++i) {
      auto* t = static_cast<TypeObject*>(mro->items[i].as_obj());
      if (!t->dict) continue;
      Value v = dict_get_str(t->dict, name);
      if (!v.is_empty_slot()) {
        found = v;
        break;
      }
    }
  }
  if (cacheable) e = CacheEntry{type->version, name, found};
  return found;
}

bool type_set_attr_raw(TypeObject* type, StrObject* name, Value value) {
  bool ok;
  if (value.is_empty_slot()) {
    int r = dict_del(type->dict, Value::from_obj(name));
    ok = r >= 0;
    if (r == 0) {
      raise_fmt(AttributeErrorType, "type object '%s' has no attribute '%s'", type->name, name->data);
      ok = false;
    }
  } else {
    ok = dict_set_str(type->dict, name, value);
  }
  type_modified(type);
  return ok;
}

void add_methods(TypeObject* type, const NativeMethodDef* defs, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const NativeMethodDef& d = defs[i];
    MethodDescrObject* m = new_method_descr(type, d.name, d.fn, d.doc);
    m->is_classmethod = d.kind == NativeMethodDef::Kind::ClassMethod;
    m->is_static = d.kind == NativeMethodDef::Kind::StaticMethod;
    dict_set_str(type->dict, intern(d.name), Value::from_obj(m));
  }
  type_modified(type);
}

void add_getsets(TypeObject* type, const NativeGetSetDef* defs, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    auto* g = static_cast<GetSetObject*>(allocate_object(GetSetDescrType, sizeof(GetSetObject)));
    g->def = &defs[i];
    g->owner = type;
    dict_set_str(type->dict, intern(defs[i].name), Value::from_obj(g));
  }
  type_modified(type);
}

void finish_builtin_type(TypeObject* type, uint32_t basic_size, AllocFn alloc, VisitFn visit) {
  type->basic_size = basic_size;
  if (alloc) type->alloc = alloc;
  else if (type->base) type->alloc = type->base->alloc;
  if (visit) type->visit = visit;
  if (!type->dict) type->dict = new_dict();
  // __doc__ is in every type's dict (None when undocumented), so instances find one.
  if (names::dunder_doc && dict_get_str(type->dict, names::dunder_doc).is_empty_slot())
    dict_set_str(type->dict, names::dunder_doc, None);
  std::string_view full = type->name;
  size_t dot = full.rfind('.');
  type->name_obj = intern(dot == std::string_view::npos ? full : full.substr(dot + 1));
  type->qualname = type->name_obj;
  std::vector<TypeObject*> chain;
  for (TypeObject* t = type; t; t = t->base) chain.push_back(t);
  if (!type->bases) {
    type->bases = type->base ? tuple_of({Value::from_obj(type->base)}) : empty_tuple();
    type->mro = new_tuple(static_cast<int64_t>(chain.size()));
    for (size_t i = 0; i < chain.size(); ++i) type->mro->items[i] = Value::from_obj(chain[i]);
  } else if (!type->mro) {
    type->mro = compute_mro(type, type->bases);
  }
  if (type->base) note_subclass(type->base, type);
  // Flags that say "subclass of X" are inherited.
  if (type->base) {
    constexpr uint32_t kInherited = 0xFF00;
    type->flags = type->flags | static_cast<TypeFlag>(static_cast<uint32_t>(type->base->flags) & kInherited);
    inherit_collection_flags(type);
  }
  type_modified(type);
}

// The __dict__ and __weakref__ getsets a class shows when it, not its base, adds them.
bool add_layout_descriptors(TypeObject* t, TypeObject* base, DictObject* ns) {
  // A metaclass's instances are classes, whose __dict__ is type's (their namespace).
  if (t->dict_offset && !base->dict_offset && !has(base, TypeFlag::TypeSubclass) &&
      dict_get_str(ns, names::dunder_dict).is_empty_slot()) {
    auto* g = static_cast<GetSetObject*>(dict_get_str(ObjectType->dict, names::dunder_dict).as_obj());
    auto* own = static_cast<GetSetObject*>(allocate_object(GetSetDescrType, sizeof(GetSetObject)));
    if (!own) return false;
    own->def = g->def;
    own->owner = t;
    if (!dict_set_str(ns, names::dunder_dict, Value::from_obj(own))) return false;
  }
  StrObject* weakref_name = intern("__weakref__");
  if (has(t, TypeFlag::WeakrefSlot) && !has(base, TypeFlag::WeakrefSlot) &&
      dict_get_str(ns, weakref_name).is_empty_slot()) {
    auto* own = static_cast<GetSetObject*>(allocate_object(GetSetDescrType, sizeof(GetSetObject)));
    if (!own) return false;
    own->def = &kWeakrefGetSet;
    own->owner = t;
    if (!dict_set_str(ns, weakref_name, Value::from_obj(own))) return false;
  }
  return true;
}

TypeObject* new_heap_type(TypeObject* metatype, Value name, TupleObject* bases, DictObject* ns) {
  if (bases->size == 0) bases = tuple_of({Value::from_obj(ObjectType)});
  // The solid base: the base whose layout is the largest (layouts must be compatible).
  TypeObject* solid = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    Value b = bases->items[i];
    if (!b.is_obj() || !has(b.as_obj()->type, TypeFlag::TypeSubclass)) {
      raise_msg(TypeErrorType, "bases must be types");
      return nullptr;
    }
    auto* bt = static_cast<TypeObject*>(b.as_obj());
    if (!has(bt, TypeFlag::BaseType)) {
      raise_fmt(TypeErrorType, "type '%s' is not an acceptable base type", bt->name);
      return nullptr;
    }
    TypeObject* bs = solid_base(bt);  // so `class E(OSError, ValueError)` is allowed
    if (!solid || is_subtype(bs, solid)) solid = bs;
    else if (!is_subtype(solid, bs)) {
      raise_msg(TypeErrorType, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  auto* t = static_cast<TypeObject*>(allocate_object(metatype, std::max<size_t>(sizeof(TypeObject), metatype->basic_size)));
  if (!t) {
    raise_memory_error();
    return nullptr;
  }
  auto* first = static_cast<TypeObject*>(bases->items[0].as_obj());
  t->base = first;
  // The solid layout is what `first` inherits if it is a heap type; pick the solid one.
  for (int64_t i = 0; i < bases->size; ++i) {
    auto* bt = static_cast<TypeObject*>(bases->items[i].as_obj());
    if (is_subtype(bt, solid)) {
      t->base = bt;
      break;
    }
  }
  t->bases = bases;
  t->dict = ns;
  t->flags = TypeFlag::BaseType | TypeFlag::HeapType | TypeFlag::HasDict |
             static_cast<TypeFlag>(static_cast<uint32_t>(t->base->flags) & 0xFF00u);
  std::string nm(as_str(name)->view());
  t->name_obj = as_str(name);
  t->qualname = as_str(name);
  char* cname = new char[nm.size() + 1];  // lives as long as the type (types are rarely freed)
  std::copy(nm.begin(), nm.end(), cname);
  cname[nm.size()] = '\0';
  t->name = cname;
  // __qualname__ and __classcell__ are instructions to type.__new__, not class attributes:
  // taken out first (so __slots__ may name them), the cell filled before mro() can run.
  Value qn = dict_get_str(ns, names::dunder_qualname);
  if (!qn.is_empty_slot()) {
    if (!is_str(qn)) {
      raise_fmt(TypeErrorType, "type __qualname__ must be a str, not %s", type_name(qn));
      return nullptr;
    }
    t->qualname = as_str(qn);
    dict_del(ns, Value::from_obj(names::dunder_qualname));
  }
  Value cell = dict_get_str(ns, names::dunder_classcell);
  if (!cell.is_empty_slot()) {
    if (!cell.is_obj() || cell.as_obj()->type != CellType) {
      std::string r;
      if (!repr_string(Value::from_obj(type_of(cell)), &r)) return nullptr;  // CPython shows the type
      raise_fmt(TypeErrorType, "__classcell__ must be a nonlocal cell, not %s", r.c_str());
      return nullptr;
    }
    static_cast<CellObject*>(cell.as_obj())->contents = Value::from_obj(t);
    dict_del(ns, Value::from_obj(names::dunder_classcell));
  }
  TypeObject* base = t->base;
  Value slots = dict_get_str(ns, names::dunder_slots);
  if (!slots.is_empty_slot()) {
    if (!layout_slots(t, slots, ns)) return nullptr;
  } else if (base->dict_offset) {
    t->dict_offset = base->dict_offset;
    t->basic_size = base->basic_size;
    if (has(base, TypeFlag::DictAfterItems)) t->flags = t->flags | TypeFlag::DictAfterItems;
    if (has(base, TypeFlag::ShapedAttrs)) t->flags = t->flags | TypeFlag::ShapedAttrs;
  } else {
    // Tuple layouts are variable-size: the storage goes after the items (tuple.h).
    if (has(base, TypeFlag::TupleSubclass)) t->flags = t->flags | TypeFlag::DictAfterItems;
    t->dict_offset = base->basic_size;
    t->basic_size = base->basic_size + kInstanceAttrsSize;
    t->flags = t->flags | TypeFlag::ShapedAttrs;
  }
  if (slots.is_empty_slot() || has(base, TypeFlag::WeakrefSlot)) {
    TypeObject* sb = solid_base(base);
    bool var_sized = sb == IntType || sb == BytesType || has(sb, TypeFlag::TupleSubclass);
    if (!var_sized || has(base, TypeFlag::WeakrefSlot)) t->flags = t->flags | TypeFlag::WeakrefSlot;
  }
  if (!add_layout_descriptors(t, base, ns)) return nullptr;
  // Built-in layouts that need setting up (a dict's table, an exception's fields) keep
  // their allocator; plain layouts are zeroed memory.
  t->alloc = base->alloc ? base->alloc : generic_alloc;
  t->finalize = base->finalize;  // native cleanup of the base layout (an _io object's buffers)
  t->visit = visit_instance_dict;
  t->version = g_next_version++;
  if (mro_internal(t, nullptr) < 0) return nullptr;
  inherit_collection_flags(t);
  for (int64_t i = 0; i < bases->size; ++i) note_subclass(static_cast<TypeObject*>(bases->items[i].as_obj()), t);
  // Every class has __doc__ (None without a docstring), as CPython's type_new sets it
  // (after __slots__, which may name __doc__).
  if (dict_get_str(ns, names::dunder_doc).is_empty_slot()) dict_set_str(ns, names::dunder_doc, None);
  return t;
}

void init_type_type() {
  TypeType->visit = visit_type;
  GetSetDescrType->basic_size = sizeof(GetSetObject);
}

}  // namespace coil::rt
