// type_mro.cpp — a class's MRO and __bases__ assignment, as CPython's typeobject.c does
// them: C3 (type.mro()), a metaclass's own mro() with its result checked, and __bases__
// assignment recomputing the MRO of the class and its subclasses. mro() is Python code that
// may itself assign __bases__ (reentrancy): an MRO computed by an outer call is dropped when
// an inner call already replaced it, and a failure rolls back only what is still current.
#include "runtime/type_mro.h"

#include <algorithm>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

TupleObject* compute_mro(TypeObject* type, TupleObject* bases) {
  std::vector<std::vector<TypeObject*>> seqs;
  for (int64_t i = 0; i < bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(bases->items[i].as_obj());
    // A base still inside its own mro() call has no MRO yet.
    if (!b->mro) {
      raise_fmt(TypeErrorType, "Cannot extend an incomplete type '%s'", b->name);
      return nullptr;
    }
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


namespace {

bool is_type_value(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass); }

// A metaclass's mro() result must list classes whose layouts the new class's layout extends.
bool mro_check(TypeObject* type, TupleObject* mro) {
  TypeObject* solid = solid_base(type);
  for (int64_t i = 0; i < mro->size; ++i) {
    Value v = mro->items[i];
    if (!is_type_value(v)) {
      raise_fmt(TypeErrorType, "mro() returned a non-class ('%s')", type_name(v));
      return false;
    }
    auto* b = static_cast<TypeObject*>(v.as_obj());
    if (!is_subtype(solid, solid_base(b))) {
      raise_fmt(TypeErrorType, "mro() returned base with unsuitable layout ('%s')", b->name);
      return false;
    }
  }
  return true;
}

// The MRO mro() gives: C3 directly unless the metaclass defines its own mro().
TupleObject* mro_invoke(TypeObject* type) {
  TypeObject* meta = type_of(Value::from_obj(type));
  Value m = type_lookup(meta, intern("mro"));
  if (meta == TypeType || m.is_empty_slot() || m == type_lookup(TypeType, intern("mro")))
    return compute_mro(type, type->bases);
  Value r = call_special0(m, Value::from_obj(type));
  if (r.is_empty_slot()) return nullptr;
  Value t = sequence_to_tuple(r);
  if (t.is_empty_slot()) return nullptr;
  auto* mro = static_cast<TupleObject*>(t.as_obj());
  return mro_check(type, mro) ? mro : nullptr;
}

}  // namespace

int mro_internal(TypeObject* type, TupleObject** old_mro) {
  TupleObject* old = type->mro;
  TupleObject* mro = mro_invoke(type);
  if (!mro) return -1;
  if (type->mro != old) return 0;  // replaced by a reentrant call
  type->mro = mro;
  type_modified(type);
  if (old_mro) *old_mro = old;
  return 1;
}

void forget_subclass(TypeObject* base, TypeObject* sub) {
  auto* l = static_cast<ListObject*>(base->subclasses);
  if (!l) return;
  int64_t w = 0;
  for (int64_t i = 0; i < l->size; ++i)
    if (l->items()[i].as_obj() != sub) l->items()[w++] = l->items()[i];
  l->size = w;
}

namespace {

// The non-heap type whose layout instances of `t` have.
TypeObject* solid_root(TypeObject* t) {
  while (has(t, TypeFlag::HeapType) && t->base) t = t->base;
  return t;
}

// Is `b` reachable from `a` through __base__ links (set before any mro() runs)?
bool base_chain_has(TypeObject* a, TypeObject* b) {
  for (TypeObject* t = a; t; t = t->base)
    if (t == b) return true;
  return false;
}

// Recomputes the MRO of `t` and then of its subclasses (over a copy of the list, which
// mro() may change), recording (class, new MRO, old MRO) in `done` for a rollback.
int mro_hierarchy(TypeObject* t, ListObject* done) {
  TupleObject* old = nullptr;
  int r = mro_internal(t, &old);
  if (r <= 0) return r;
  Value rec = Value::from_obj(tuple_of({Value::from_obj(t), Value::from_obj(t->mro), old ? Value::from_obj(old) : None}));
  if (!list_append(done, rec)) return -1;
  auto* subs = static_cast<ListObject*>(t->subclasses);
  if (!subs) return r;
  ListObject* copy = new_list(subs->size);
  if (!copy) return -1;
  for (int64_t i = 0; i < subs->size; ++i) copy->items()[i] = subs->items()[i];
  for (int64_t i = 0; i < copy->size; ++i) {
    r = mro_hierarchy(static_cast<TypeObject*>(copy->items()[i].as_obj()), done);
    if (r < 0) return r;
  }
  return r;
}

}  // namespace

bool type_set_bases(TypeObject* t, Value v) {
  if (v.is_empty_slot()) {
    raise_fmt(TypeErrorType, "cannot delete '__bases__' attribute of immutable type '%s'", t->name);
    return false;
  }
  if (!v.is_obj() || v.as_obj()->type != TupleType) {
    raise_fmt(TypeErrorType, "can only assign tuple to %s.__bases__, not %s", t->name, type_name(v));
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
    if (!is_type_value(b)) {
      raise_fmt(TypeErrorType, "%s.__bases__ must be tuple of classes, not '%s'", t->name, type_name(b));
      return false;
    }
    auto* bt = static_cast<TypeObject*>(b.as_obj());
    if (is_subtype(bt, t) || (bt->mro && base_chain_has(bt, t))) {
      raise_msg(TypeErrorType, "a __bases__ item causes an inheritance cycle");
      return false;
    }
    if (!best || (solid_root(bt) != solid_root(best) && is_subtype(solid_root(bt), solid_root(best)))) best = bt;
  }
  TypeObject* old_base = t->base;
  // object's instances are not collected like classes' (CPython: tp_free differs).
  if (solid_root(best) != solid_root(old_base) || ((best == ObjectType) != (old_base == ObjectType))) {
    raise_fmt(TypeErrorType, "__bases__ assignment: '%s' deallocator differs from '%s'", best->name, old_base->name);
    return false;
  }
  if (best->basic_size > t->basic_size || best->dict_offset != old_base->dict_offset ||
      has(best, TypeFlag::ShapedAttrs) != has(old_base, TypeFlag::ShapedAttrs)) {
    raise_fmt(TypeErrorType, "__bases__ assignment: '%s' object layout differs from '%s'", best->name, old_base->name);
    return false;
  }
  TupleObject* old_bases = t->bases;
  t->bases = bases;
  t->base = best;
  ListObject* done = new_list(0);
  if (!done) return false;
  if (mro_hierarchy(t, done) < 0) {
    // Undo newest first, leaving alone any MRO a reentrant call has set since.
    for (int64_t i = done->size - 1; i >= 0; --i) {
      TupleObject* rec = as_tuple(done->items()[i]);
      auto* cls = static_cast<TypeObject*>(rec->items[0].as_obj());
      if (Value::from_obj(cls->mro) == rec->items[1] && rec->items[2] != None) {
        cls->mro = static_cast<TupleObject*>(rec->items[2].as_obj());
        type_modified(cls);
      }
    }
    if (t->bases == bases) {
      t->bases = old_bases;
      t->base = old_base;
    }
    return false;
  }
  // A reentrant assignment already re-registered the class under its own bases.
  if (t->bases == bases) {
    for (int64_t i = 0; i < old_bases->size; ++i) forget_subclass(static_cast<TypeObject*>(old_bases->items[i].as_obj()), t);
    for (int64_t i = 0; i < bases->size; ++i) note_subclass(static_cast<TypeObject*>(bases->items[i].as_obj()), t);
  }
  type_modified(t);
  return true;
}

}  // namespace coil::rt
