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

// Appends `sub` to base->subclasses (a list), so version changes reach it.
void note_subclass(TypeObject* base, TypeObject* sub) {
  if (!base->subclasses) base->subclasses = new_list(0);
  if (base->subclasses) list_append(static_cast<ListObject*>(base->subclasses), Value::from_obj(sub));
}

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

// C3 linearisation of `type` with its bases; null with TypeError on a conflict.
TupleObject* compute_mro(TypeObject* type, TupleObject* bases) {
  std::vector<std::vector<TypeObject*>> seqs;
  for (int64_t i = 0; i < bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(bases->items[i].as_obj());
    std::vector<TypeObject*> s;
    for (int64_t k = 0; k < b->mro->size; ++k) s.push_back(static_cast<TypeObject*>(b->mro->items[k].as_obj()));
    seqs.push_back(std::move(s));
  }
  std::vector<TypeObject*> order_of_bases;
  for (int64_t i = 0; i < bases->size; ++i) order_of_bases.push_back(static_cast<TypeObject*>(bases->items[i].as_obj()));
  seqs.push_back(order_of_bases);
  std::vector<TypeObject*> result{type};
  while (true) {
    bool empty = true;
    for (auto& s : seqs) empty &= s.empty();
    if (empty) break;
    TypeObject* pick = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      TypeObject* cand = s.front();
      bool in_tail = false;
      for (auto& o : seqs)
        if (std::find(o.begin() + (o.empty() ? 0 : 1), o.end(), cand) != o.end() && !o.empty()) in_tail = true;
      if (!in_tail) {
        pick = cand;
        break;
      }
    }
    if (!pick) {
      std::string names;
      std::vector<TypeObject*> heads;
      for (auto& s : seqs)
        if (!s.empty() && std::find(heads.begin(), heads.end(), s.front()) == heads.end()) heads.push_back(s.front());
      for (size_t i = 0; i < heads.size(); ++i) names += (i ? ", " : "") + std::string(heads[i]->name);
      raise_fmt(TypeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                names.c_str());
      return nullptr;
    }
    result.push_back(pick);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == pick) s.erase(s.begin());
  }
  TupleObject* mro = new_tuple(static_cast<int64_t>(result.size()));
  if (!mro) return nullptr;
  for (size_t i = 0; i < result.size(); ++i) mro->items[i] = Value::from_obj(result[i]);
  return mro;
}

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
  // Built-in layouts that need setting up (a dict's table, an exception's fields) keep
  // their allocator; plain layouts are zeroed memory.
  t->alloc = base->alloc ? base->alloc : generic_alloc;
  t->finalize = base->finalize;  // native cleanup of the base layout (an _io object's buffers)
  t->visit = visit_instance_dict;
  t->mro = compute_mro(t, bases);
  if (!t->mro) return nullptr;
  inherit_collection_flags(t);
  for (int64_t i = 0; i < bases->size; ++i) note_subclass(static_cast<TypeObject*>(bases->items[i].as_obj()), t);
  t->version = g_next_version++;
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

namespace coil::rt {

namespace {

void forget_subclass(TypeObject* base, TypeObject* sub) {
  auto* l = static_cast<ListObject*>(base->subclasses);
  if (!l) return;
  int64_t w = 0;
  for (int64_t i = 0; i < l->size; ++i)
    if (l->items()[i].as_obj() != sub) l->items()[w++] = l->items()[i];
  l->size = w;
}

// The non-heap type whose layout instances of `t` have.
TypeObject* solid_root(TypeObject* t) {
  while (has(t, TypeFlag::HeapType) && t->base) t = t->base;
  return t;
}

// Recomputes the MRO of `t` and of every subclass (after a __bases__ change above them).
bool recompute_mros(TypeObject* t) {
  TupleObject* mro = compute_mro(t, t->bases);
  if (!mro) return false;
  t->mro = mro;
  if (auto* l = static_cast<ListObject*>(t->subclasses))
    for (int64_t i = 0; i < l->size; ++i)
      if (!recompute_mros(static_cast<TypeObject*>(l->items()[i].as_obj()))) return false;
  return true;
}

}  // namespace

bool type_set_bases(TypeObject* t, Value v) {
  if (v.is_empty_slot()) {
    raise_fmt(TypeErrorType, "cannot delete '__bases__' attribute of immutable type '%s'", t->name);
    return false;
  }
  if (!v.is_obj() || v.as_obj()->type != TupleType) {
    raise_fmt(TypeErrorType, "can only assign tuple to %s.__bases__, not %s", t->name, v.is_obj() ? v.as_obj()->type->name : "int");
    return false;
  }
  auto* bases = static_cast<TupleObject*>(v.as_obj());
  if (bases->size == 0) {
    raise_fmt(TypeErrorType, "can only assign non-empty tuple to %s.__bases__, not ()", t->name);
    return false;
  }
  TypeObject* best = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    Value b = bases->items[i];
    if (!b.is_obj() || !has(b.as_obj()->type, TypeFlag::TypeSubclass)) {
      raise_fmt(TypeErrorType, "%s.__bases__ must be tuple of classes, not '%s'", t->name,
                b.is_obj() ? b.as_obj()->type->name : "int");
      return false;
    }
    auto* bt = static_cast<TypeObject*>(b.as_obj());
    if (is_subtype(bt, t)) {
      raise_msg(TypeErrorType, "a __bases__ item causes an inheritance cycle");
      return false;
    }
    if (!best || (solid_root(bt) != solid_root(best) && is_subtype(solid_root(bt), solid_root(best)))) best = bt;
  }
  TypeObject* old_base = t->base;
  if (solid_root(best) != solid_root(old_base)) {
    raise_fmt(TypeErrorType, "__bases__ assignment: '%s' deallocator differs from '%s'", best->name, old_base->name);
    return false;
  }
  if (best->basic_size > t->basic_size || best->dict_offset != old_base->dict_offset ||
      has(best, TypeFlag::ShapedAttrs) != has(old_base, TypeFlag::ShapedAttrs)) {
    raise_fmt(TypeErrorType, "__bases__ assignment: '%s' object layout differs from '%s'", best->name, old_base->name);
    return false;
  }
  TupleObject* old_bases = t->bases;
  TupleObject* old_mro = t->mro;
  t->bases = bases;
  t->base = best;
  if (!recompute_mros(t)) {
    t->bases = old_bases;
    t->base = old_base;
    t->mro = old_mro;
    recompute_mros(t);
    return false;
  }
  for (int64_t i = 0; i < old_bases->size; ++i) forget_subclass(static_cast<TypeObject*>(old_bases->items[i].as_obj()), t);
  for (int64_t i = 0; i < bases->size; ++i) note_subclass(static_cast<TypeObject*>(bases->items[i].as_obj()), t);
  type_modified(t);
  return true;
}

}  // namespace coil::rt
