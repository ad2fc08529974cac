// set_methods.cpp — the Python-level behaviour of set and frozenset: construction, methods,
// operators, comparisons, repr, iteration. Results of operations on subclass instances
// are plain set/frozenset, as in CPython.
#include <string>

#include "runtime/abstract.h"
#include "runtime/names.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/names.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp

namespace {

using fe::BinaryOpKind;
using fe::CompareKind;

struct SetIterObject : Object {
  Value set;          // empty once exhausted
  int64_t pos;
  int64_t used;       // size when iteration started (-1 after a size change was seen)
  int64_t remaining;
};

void visit_set_iter(Object* self, Visitor& v) { v.visit(static_cast<SetIterObject*>(self)->set); }

Object* alloc_set(TypeObject* type) { return new_set(type); }

// The exact type of results computed from `s`: set or frozenset.
TypeObject* base_type(Value s) { return is_set_type(type_of(s)) ? SetType : FrozenSetType; }

Value copy_of(Value s) { return make_new_set(base_type(s), s); }

bool check_self_set(Value self) { return is_anyset(self); }

// A set made from any iterable (for arguments that are not sets).
SetObject* as_set_arg(Value other) {
  if (is_anyset(other)) return as_set(other);
  Value s = make_new_set(SetType, other);
  return s.is_empty_slot() ? nullptr : as_set(s);
}

Value set_intersection(Value self, Value other) {
  if (self == other) return copy_of(self);
  SetObject* result = new_set(base_type(self));
  if (!result) return Value();
  SetObject* so = as_set(self);
  if (is_anyset(other)) {
    SetObject* o = as_set(other);
    if (o->used > so->used) std::swap(so, o);
    int64_t pos = 0;
    SetEntry* e;
    while (set_next(o, &pos, &e)) {
      Value key = e->key;
      int64_t h = e->hash;
      int rv = set_contains_entry(so, key, h);
      if (rv < 0) return Value();
      if (rv && !set_add_entry(result, key, h)) return Value();
    }
    return Value::from_obj(result);
  }
  Value it = get_iter(other);
  if (it.is_empty_slot()) return Value();
  while (true) {
    bool done = false;
    Value key = iter_next(it, &done);
    if (done) break;
    if (key.is_empty_slot()) return Value();
    int64_t h = hash(key);
    if (h == -1 && has_pending_exception()) return Value();
    int rv = set_contains_entry(so, key, h);
    if (rv < 0) return Value();
    if (rv && !set_add_entry(result, key, h)) return Value();
  }
  return Value::from_obj(result);
}

bool difference_update(SetObject* s, Value other) {
  if (Value::from_obj(s) == other) {
    set_clear_internal(s);
    return true;
  }
  if (is_anyset(other)) {
    SetObject* o = as_set(other);
    int64_t pos = 0;
    SetEntry* e;
    while (set_next(o, &pos, &e))
      if (set_discard_entry(s, e->key, e->hash) < 0) return false;
  } else {
    Value it = get_iter(other);
    if (it.is_empty_slot()) return false;
    while (true) {
      bool done = false;
      Value key = iter_next(it, &done);
      if (done) break;
      if (key.is_empty_slot() || set_discard_key(s, key) < 0) return false;
    }
  }
  // More than a quarter dummies: rebuild the table.
  if (s->fill - s->used <= s->mask / 4) return true;
  return set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

Value set_difference(Value self, Value other) {
  SetObject* so = as_set(self);
  int64_t other_size;
  if (is_anyset(other)) other_size = as_set(other)->used;
  else if (is_exact(other, DictType)) other_size = as_dict(other)->used;
  else other_size = -1;
  if (other_size < 0 || (so->used >> 2) > other_size) {
    Value r = copy_of(self);
    if (r.is_empty_slot() || !difference_update(as_set(r), other)) return Value();
    return r;
  }
  SetObject* result = new_set(base_type(self));
  if (!result) return Value();
  int64_t pos = 0;
  SetEntry* e;
  while (set_next(so, &pos, &e)) {
    Value key = e->key;
    int64_t h = e->hash;
    int rv;
    if (is_exact(other, DictType)) {
      rv = dict_contains_hashed(as_dict(other), key, h);  // the set's stored hash: no rehash
      if (rv < 0) return Value();
    } else {
      rv = set_contains_entry(as_set(other), key, h);
      if (rv < 0) return Value();
    }
    if (!rv && !set_add_entry(result, key, h)) return Value();
  }
  return Value::from_obj(result);
}

bool symmetric_difference_update(SetObject* s, Value other) {
  if (Value::from_obj(s) == other) {
    set_clear_internal(s);
    return true;
  }
  auto toggle = [&](Value key, int64_t h) {
    int rv = set_discard_entry(s, key, h);
    if (rv < 0) return false;
    if (rv == 0 && !set_add_entry(s, key, h)) return false;
    return true;
  };
  if (is_exact(other, DictType)) {
    DictObject* d = as_dict(other);
    int64_t pos = 0;
    Value k;
    while (dict_next(d, &pos, &k, nullptr))
      if (!toggle(k, dict_entries(d->storage)[pos - 1].hash)) return false;
    return true;
  }
  SetObject* o;
  if (is_anyset(other)) {
    o = as_set(other);
  } else {
    Value tmp = make_new_set(is_set_type(s->type) ? SetType : FrozenSetType, other);
    if (tmp.is_empty_slot()) return false;
    o = as_set(tmp);
  }
  int64_t pos = 0;
  SetEntry* e;
  while (set_next(o, &pos, &e))
    if (!toggle(e->key, e->hash)) return false;
  return true;
}

Value set_symmetric_difference(Value self, Value other) {
  Value r = make_new_set(base_type(self), other);
  if (r.is_empty_slot() || !symmetric_difference_update(as_set(r), self)) return Value();
  return r;
}

// 1 subset, 0 not, -1 error. `other` must be a set.
int is_subset(SetObject* a, SetObject* b) {
  if (a->used > b->used) return 0;
  int64_t pos = 0;
  SetEntry* e;
  while (set_next(a, &pos, &e)) {
    int rv = set_contains_entry(b, e->key, e->hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

Value set_issubset_impl(Value self, Value other) {
  SetObject* o = as_set_arg(other);
  if (!o) return Value();
  int r = is_subset(as_set(self), o);
  return r < 0 ? Value() : bool_value(r);
}

Value set_issuperset_impl(Value self, Value other) {
  if (is_anyset(other)) {
    int r = is_subset(as_set(other), as_set(self));
    return r < 0 ? Value() : bool_value(r);
  }
  Value it = get_iter(other);
  if (it.is_empty_slot()) return Value();
  while (true) {
    bool done = false;
    Value key = iter_next(it, &done);
    if (done) return True;
    if (key.is_empty_slot()) return Value();
    int rv = set_contains_key(as_set(self), key);
    if (rv < 0) return Value();
    if (!rv) return False;
  }
}

}  // namespace

int set_contains(SetObject* s, Value key) {
  int rv = set_contains_key(s, key);
  if (rv < 0 && is_anyset(key) && is_set_type(type_of(key)) && pending_matches(TypeErrorType)) {
    clear_exception();
    Value tmp = make_new_set(FrozenSetType, key);
    if (tmp.is_empty_slot()) return -1;
    rv = set_contains_key(s, tmp);
  }
  return rv;
}

namespace {

int discard_with_frozen(SetObject* s, Value key) {
  int rv = set_discard_key(s, key);
  if (rv < 0 && is_anyset(key) && is_set_type(type_of(key)) && pending_matches(TypeErrorType)) {
    clear_exception();
    Value tmp = make_new_set(FrozenSetType, key);
    if (tmp.is_empty_slot()) return -1;
    rv = set_discard_key(s, tmp);
  }
  return rv;
}

// --- methods ---

#define SELF as_set(args[0])

bool init_inherited(TypeObject* type, TypeObject* base) {
  return type == base || type_lookup(type, names::dunder_init) == type_lookup(base, names::dunder_init);
}

Value set_new_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  // Keywords are refused unless a subclass brings its own __init__ (CPython's tp_init test).
  if (kwnames && kwnames->size && init_inherited(type, SetType))
    return raise_msg(TypeErrorType, "set() takes no keyword arguments");
  SetObject* s = new_set(type);
  return s ? Value::from_obj(s) : Value();
}

Value set_init_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "set() takes no keyword arguments");
  if (nargs > 2) return raise_fmt(TypeErrorType, "set expected at most 1 argument, got %lld", static_cast<long long>(nargs - 1));
  SetObject* s = SELF;
  if (s->fill) set_clear_internal(s);
  if (nargs == 2 && !set_update_internal(s, args[1])) return Value();
  return None;
}

Value frozenset_new_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (kwnames && kwnames->size && init_inherited(type, FrozenSetType))
    return raise_msg(TypeErrorType, "frozenset() takes no keyword arguments");
  if (nargs > 2)
    return raise_fmt(TypeErrorType, "frozenset expected at most 1 argument, got %lld", static_cast<long long>(nargs - 1));
  Value iterable = nargs == 2 ? args[1] : Value();
  if (type == FrozenSetType && !iterable.is_empty_slot() && is_exact(iterable, FrozenSetType)) return iterable;
  return make_new_set(type, iterable);
}

Value set_add_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("set.add", nargs - 1, kwnames, 1, 1)) return Value();
  return set_add_key(SELF, args[1]) ? None : Value();
}

Value set_clear_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("set.clear", nargs - 1, kwnames, 0, 0)) return Value();
  set_clear_internal(SELF);
  return None;
}

Value set_copy_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args(is_set_type(type_of(args[0])) ? "set.copy" : "frozenset.copy", nargs - 1, kwnames, 0, 0)) return Value();
  if (is_exact(args[0], FrozenSetType)) return args[0];
  return copy_of(args[0]);
}

Value set_discard_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("set.discard", nargs - 1, kwnames, 1, 1)) return Value();
  return discard_with_frozen(SELF, args[1]) < 0 ? Value() : None;
}

Value set_remove_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("set.remove", nargs - 1, kwnames, 1, 1)) return Value();
  int rv = discard_with_frozen(SELF, args[1]);
  if (rv < 0) return Value();
  if (rv == 0) return raise(Value::from_obj(new_exception(KeyErrorType, tuple_of({args[1]}))));
  return None;
}

Value set_pop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("set.pop", nargs - 1, kwnames, 0, 0)) return Value();
  SetObject* s = SELF;
  if (s->used == 0) return raise_msg(KeyErrorType, "pop from an empty set");
  SetEntry* entries = s->table->entries;
  int64_t i = s->finger & s->mask;
  while (entries[i].key.is_empty_slot() || entries[i].key == set_dummy()) i = (i + 1) & s->mask;
  Value key = entries[i].key;
  entries[i].key = set_dummy();
  entries[i].hash = -1;
  --s->used;
  s->finger = i + 1;
  return key;
}

const char* set_kind(Value self) { return is_set_type(type_of(self)) ? "set" : "frozenset"; }

Value set_union_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_fmt(TypeErrorType, "%s.union() takes no keyword arguments", set_kind(args[0]));
  Value r = copy_of(args[0]);
  if (r.is_empty_slot()) return r;
  for (int64_t i = 1; i < nargs; ++i)
    if (args[i] != args[0] && !set_update_internal(as_set(r), args[i])) return Value();
  return r;
}

Value set_update_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "set.update() takes no keyword arguments");
  for (int64_t i = 1; i < nargs; ++i)
    if (!set_update_internal(SELF, args[i])) return Value();
  return None;
}

Value set_intersection_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size)
    return raise_fmt(TypeErrorType, "%s.intersection() takes no keyword arguments", set_kind(args[0]));
  if (nargs == 1) return copy_of(args[0]);
  Value result = args[0];
  for (int64_t i = 1; i < nargs; ++i) {
    result = set_intersection(result, args[i]);
    if (result.is_empty_slot()) return result;
  }
  return result;
}

// Replaces the contents of `s` by those of `other` (a fresh set).
void take_contents(SetObject* s, SetObject* other) {
  s->table = other->table;
  s->fill = other->fill;
  s->used = other->used;
  s->mask = other->mask;
  s->finger = 0;
  s->hash = -1;
}

Value set_intersection_update_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "set.intersection_update() takes no keyword arguments");
  Value r = set_intersection_m(args, nargs, nullptr);
  if (r.is_empty_slot()) return r;
  if (r != args[0]) take_contents(SELF, as_set(r));
  return None;
}

Value set_difference_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size)
    return raise_fmt(TypeErrorType, "%s.difference() takes no keyword arguments", set_kind(args[0]));
  if (nargs == 1) return copy_of(args[0]);
  Value r = set_difference(args[0], args[1]);
  for (int64_t i = 2; i < nargs && !r.is_empty_slot(); ++i)
    if (!difference_update(as_set(r), args[i])) return Value();
  return r;
}

Value set_difference_update_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "set.difference_update() takes no keyword arguments");
  for (int64_t i = 1; i < nargs; ++i)
    if (!difference_update(SELF, args[i])) return Value();
  return None;
}

Value set_symmetric_difference_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args(is_set_type(type_of(args[0])) ? "set.symmetric_difference" : "frozenset.symmetric_difference",
                  nargs - 1, kwnames, 1, 1))
    return Value();
  return set_symmetric_difference(args[0], args[1]);
}

Value set_symmetric_difference_update_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("set.symmetric_difference_update", nargs - 1, kwnames, 1, 1)) return Value();
  return symmetric_difference_update(SELF, args[1]) ? None : Value();
}

Value set_issubset_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args(is_set_type(type_of(args[0])) ? "set.issubset" : "frozenset.issubset", nargs - 1, kwnames, 1, 1))
    return Value();
  return set_issubset_impl(args[0], args[1]);
}

Value set_issuperset_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args(is_set_type(type_of(args[0])) ? "set.issuperset" : "frozenset.issuperset", nargs - 1, kwnames, 1, 1))
    return Value();
  return set_issuperset_impl(args[0], args[1]);
}

Value set_isdisjoint_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args(is_set_type(type_of(args[0])) ? "set.isdisjoint" : "frozenset.isdisjoint", nargs - 1, kwnames, 1, 1))
    return Value();
  SetObject* so = SELF;
  Value other = args[1];
  if (args[0] == other) return bool_value(so->used == 0);
  if (is_anyset(other)) {
    SetObject* o = as_set(other);
    if (o->used > so->used) std::swap(so, o);
    int64_t pos = 0;
    SetEntry* e;
    while (set_next(o, &pos, &e)) {
      int rv = set_contains_entry(so, e->key, e->hash);
      if (rv < 0) return Value();
      if (rv) return False;
    }
    return True;
  }
  Value it = get_iter(other);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value key = iter_next(it, &done);
    if (done) return True;
    if (key.is_empty_slot()) return key;
    int rv = set_contains_key(so, key);
    if (rv < 0) return Value();
    if (rv) return False;
  }
}

Value set_len_m(Value* args, int64_t, TupleObject*) { return Value::from_small_int(SELF->used); }

Value set_contains_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__contains__", nargs - 1, kwnames, 1, 1)) return Value();
  int rv = set_contains(SELF, args[1]);
  return rv < 0 ? Value() : bool_value(rv);
}

Value set_iter_m(Value* args, int64_t, TupleObject*) { return new_set_iter(args[0]); }
Value set_repr_m(Value* args, int64_t, TupleObject*) { return set_repr(args[0]); }

Value set_hash_m(Value* args, int64_t, TupleObject*) { return int_from_int64(frozenset_hash(SELF)); }

template <BinaryOpKind Op>
Value set_binop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__op__", nargs - 1, kwnames, 1, 1)) return Value();
  return set_binary(args[0], args[1], Op);
}
template <BinaryOpKind Op>
Value set_rbinop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__rop__", nargs - 1, kwnames, 1, 1)) return Value();
  return set_binary(args[1], args[0], Op);
}
template <BinaryOpKind Op>
Value set_ibinop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__iop__", nargs - 1, kwnames, 1, 1)) return Value();
  return set_inplace(args[0], args[1], Op);
}
template <CompareKind Op>
Value set_cmp_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__cmp__", nargs - 1, kwnames, 1, 1)) return Value();
  return set_richcompare(args[0], args[1], Op);
}

Value set_iter_next_m(Value* args, int64_t, TupleObject*) {
  bool done = false;
  Value r = set_iter_next(args[0], &done);
  if (done) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return r;
}
Value self_m(Value* args, int64_t, TupleObject*) { return args[0]; }
Value set_iter_length_hint_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<SetIterObject*>(args[0].as_obj());
  return Value::from_small_int(it->set.is_empty_slot() || it->used != as_set(it->set)->used ? 0 : it->remaining);
}

#define BINOPS(Name, Op)                                              \
  {"__" Name "__", set_binop_m<BinaryOpKind::Op>},                   \
  {"__r" Name "__", set_rbinop_m<BinaryOpKind::Op>}
#define CMPS                                                          \
  {"__lt__", set_cmp_m<CompareKind::Lt>}, {"__le__", set_cmp_m<CompareKind::Le>}, \
  {"__eq__", set_cmp_m<CompareKind::Eq>}, {"__ne__", set_cmp_m<CompareKind::Ne>}, \
  {"__gt__", set_cmp_m<CompareKind::Gt>}, {"__ge__", set_cmp_m<CompareKind::Ge>}

const NativeMethodDef kSetMethods[] = {
    {"__new__", set_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__init__", set_init_m},
    {"__len__", set_len_m},
    {"__contains__", set_contains_m},
    {"__iter__", set_iter_m},
    {"__repr__", set_repr_m},
    CMPS,
    BINOPS("or", Or), BINOPS("and", And), BINOPS("sub", Subtract), BINOPS("xor", Xor),
    {"__ior__", set_ibinop_m<BinaryOpKind::InplaceOr>},
    {"__iand__", set_ibinop_m<BinaryOpKind::InplaceAnd>},
    {"__isub__", set_ibinop_m<BinaryOpKind::InplaceSubtract>},
    {"__ixor__", set_ibinop_m<BinaryOpKind::InplaceXor>},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"add", set_add_m},
    {"clear", set_clear_m},
    {"copy", set_copy_m},
    {"discard", set_discard_m},
    {"difference", set_difference_m},
    {"difference_update", set_difference_update_m},
    {"intersection", set_intersection_m},
    {"intersection_update", set_intersection_update_m},
    {"isdisjoint", set_isdisjoint_m},
    {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m},
    {"pop", set_pop_m},
    {"remove", set_remove_m},
    {"symmetric_difference", set_symmetric_difference_m},
    {"symmetric_difference_update", set_symmetric_difference_update_m},
    {"union", set_union_m},
    {"update", set_update_m},
};

const NativeMethodDef kFrozenSetMethods[] = {
    {"__new__", frozenset_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__len__", set_len_m},
    {"__contains__", set_contains_m},
    {"__iter__", set_iter_m},
    {"__repr__", set_repr_m},
    {"__hash__", set_hash_m},
    CMPS,
    BINOPS("or", Or), BINOPS("and", And), BINOPS("sub", Subtract), BINOPS("xor", Xor),
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"copy", set_copy_m},
    {"difference", set_difference_m},
    {"intersection", set_intersection_m},
    {"isdisjoint", set_isdisjoint_m},
    {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m},
    {"symmetric_difference", set_symmetric_difference_m},
    {"union", set_union_m},
};

const NativeMethodDef kSetIterMethods[] = {
    {"__next__", set_iter_next_m},
    {"__iter__", self_m},
    {"__length_hint__", set_iter_length_hint_m},
};

}  // namespace

Value set_repr(Value v) {
  TypeObject* t = type_of(v);
  bool exact_set = t == SetType;
  SetObject* s = as_set(v);
  ReprGuard guard(v.as_obj());
  if (guard.recursive) return str_value(std::string(t->name) + "(...)");
  if (s->used == 0) return str_value(std::string(t->name) + "()");
  if (!enter_call(" while getting the repr of an object")) return Value();
  // Snapshot the keys: a key's repr may mutate the set.
  ListObject* keys = new_list(0, s->used);
  int64_t pos = 0;
  SetEntry* e;
  while (keys && set_next(s, &pos, &e)) list_append(keys, e->key);
  std::string out = exact_set ? "{" : std::string(t->name) + "({";
  bool ok = keys != nullptr;
  for (int64_t i = 0; ok && i < keys->size; ++i) {
    if (i) out += ", ";
    std::string r;
    ok = repr_string(keys->items()[i], &r);
    out += r;
  }
  leave_call();
  if (!ok) return Value();
  out += exact_set ? "}" : "})";
  return str_value(out);
}

Value set_richcompare(Value a, Value b, CompareKind op) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented;
  SetObject* v = as_set(a);
  SetObject* w = as_set(b);
  int r;
  switch (op) {
    case CompareKind::Eq:
    case CompareKind::Ne:
      if (v->used != w->used) return bool_value(op == CompareKind::Ne);
      if (is_frozenset_type(v->type) && is_frozenset_type(w->type) && v->hash != -1 && w->hash != -1 &&
          v->hash != w->hash)
        return bool_value(op == CompareKind::Ne);
      r = is_subset(v, w);
      if (r < 0) return Value();
      return bool_value(op == CompareKind::Eq ? r : !r);
    case CompareKind::Le: r = is_subset(v, w); break;
    case CompareKind::Ge: r = is_subset(w, v); break;
    case CompareKind::Lt:
      if (v->used >= w->used) return False;
      r = is_subset(v, w);
      break;
    default:
      if (v->used <= w->used) return False;
      r = is_subset(w, v);
      break;
  }
  return r < 0 ? Value() : bool_value(r);
}

Value set_binary(Value a, Value b, BinaryOpKind op) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented;
  switch (op) {
    case BinaryOpKind::Or: {
      Value r = copy_of(a);
      if (r.is_empty_slot() || !set_update_internal(as_set(r), b)) return Value();
      return r;
    }
    case BinaryOpKind::And: return set_intersection(a, b);
    case BinaryOpKind::Subtract: return set_difference(a, b);
    case BinaryOpKind::Xor: return set_symmetric_difference(a, b);
    default: return NotImplemented;
  }
}

Value set_inplace(Value a, Value b, BinaryOpKind op) {
  if (!is_anyset(b) || !a.is_obj() || !is_set_type(type_of(a))) return NotImplemented;
  SetObject* s = as_set(a);
  switch (op) {
    case BinaryOpKind::InplaceOr:
      if (!set_update_internal(s, b)) return Value();
      return a;
    case BinaryOpKind::InplaceAnd: {
      Value r = set_intersection(a, b);
      if (r.is_empty_slot()) return r;
      if (r != a) take_contents(s, as_set(r));
      return a;
    }
    case BinaryOpKind::InplaceSubtract:
      if (!difference_update(s, b)) return Value();
      return a;
    case BinaryOpKind::InplaceXor:
      if (!symmetric_difference_update(s, b)) return Value();
      return a;
    default: return NotImplemented;
  }
}

Value new_set_iter(Value set) {
  auto* it = static_cast<SetIterObject*>(allocate_object(SetIterType, sizeof(SetIterObject)));
  if (!it) return raise_memory_error();
  it->set = set;
  it->used = as_set(set)->used;
  it->remaining = it->used;
  return Value::from_obj(it);
}

Value set_iter_next(Value iter, bool* done) {
  *done = false;
  auto* it = static_cast<SetIterObject*>(iter.as_obj());
  if (it->set.is_empty_slot()) {
    *done = true;
    return Value();
  }
  SetObject* s = as_set(it->set);
  if (it->used != s->used) {
    it->used = -1;  // keep failing
    return raise_msg(RuntimeErrorType, "Set changed size during iteration");
  }
  SetEntry* e;
  if (!set_next(s, &it->pos, &e)) {
    it->set = Value();
    *done = true;
    return Value();
  }
  --it->remaining;
  return e->key;
}

void init_set_methods() {
  SetType->basic_size = FrozenSetType->basic_size = sizeof(SetObject);
  SetType->alloc = FrozenSetType->alloc = alloc_set;
  SetIterType->basic_size = sizeof(SetIterObject);
  SetIterType->visit = visit_set_iter;
  add_methods(SetType, kSetMethods);
  dict_set_str(SetType->dict, intern("__hash__"), None);
  type_modified(SetType);
  add_methods(FrozenSetType, kFrozenSetMethods);
  add_methods(SetIterType, kSetIterMethods);
}

}  // namespace coil::rt

// The interpreter's BuildSet / SetAdd / SetUpdate ops.
namespace coil::rt {

Value new_set_from(Value* items, int64_t n) {
  SetObject* s = new_set(SetType);
  if (!s) return Value();
  for (int64_t i = 0; i < n; ++i)
    if (!set_add_key(s, items[i])) return Value();
  return Value::from_obj(s);
}

bool set_add_value(Value set, Value v) { return set_add_key(as_set(set), v); }

bool set_update_value(Value set, Value iterable) { return set_update_internal(as_set(set), iterable); }

}  // namespace coil::rt
