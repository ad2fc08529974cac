// dict_methods.cpp — the methods and dunders of dict (construction, item access with
// __missing__ for subclasses, get/setdefault/pop/popitem/update/copy/fromkeys, |, ==,
// repr). The views and iterators are in dict_views.cpp.
#include <string>

#include "runtime/abstract.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/dict_views.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp

namespace {

using fe::CompareKind;

#define SELF as_dict(args[0])

Value key_error(Value key) { return raise(Value::from_obj(new_exception(KeyErrorType, tuple_of({key})))); }

Object* alloc_dict(TypeObject* type) {
  auto* d = static_cast<DictObject*>(allocate_object(type, type->basic_size));
  if (!d) {
    raise_memory_error();
    return nullptr;
  }
  dict_clear(d);  // gives it an empty table
  return d->storage ? d : nullptr;
}

// Adds the (key, value) pairs of an iterable (dict(iterable) / update(iterable)).
bool merge_pairs(DictObject* d, Value seq) {
  Value it = get_iter(seq);
  if (it.is_empty_slot()) return false;
  for (int64_t i = 0;; ++i) {
    bool done = false;
    Value item = iter_next(it, &done);
    if (done) return true;
    if (item.is_empty_slot()) return false;
    Value k, v;
    if (is_exact(item, TupleType) || is_exact(item, ListType)) {
      int64_t n = is_exact(item, TupleType) ? as_tuple(item)->size : as_list(item)->size;
      if (n != 2) {
        raise_fmt(ValueErrorType, "dictionary update sequence element #%lld has length %lld; 2 is required",
                  static_cast<long long>(i), static_cast<long long>(n));
        return false;
      }
      Value* items = is_exact(item, TupleType) ? as_tuple(item)->items : as_list(item)->items();
      k = items[0];
      v = items[1];
    } else {
      if (get_iter_would_fail(item)) {
        raise_fmt(TypeErrorType, "cannot convert dictionary update sequence element #%lld to a sequence",
                  static_cast<long long>(i));
        return false;
      }
      Value t = sequence_to_tuple(item);
      if (t.is_empty_slot()) return false;
      if (as_tuple(t)->size != 2) {
        raise_fmt(ValueErrorType, "dictionary update sequence element #%lld has length %lld; 2 is required",
                  static_cast<long long>(i), static_cast<long long>(as_tuple(t)->size));
        return false;
      }
      k = as_tuple(t)->items[0];
      v = as_tuple(t)->items[1];
    }
    if (!dict_set(d, k, v)) return false;
  }
}

// dict.update(arg): a mapping (has keys()) or an iterable of pairs.
bool update_arg(DictObject* d, Value arg) {
  if (is_dict(arg)) return dict_update_from(d, arg);
  bool error = false;
  Value keys = get_attr_opt(arg, names::keys, &error);
  if (error) return false;
  if (!keys.is_empty_slot()) return dict_update_from(d, arg);
  return merge_pairs(d, arg);
}

// The common body of dict.__init__ and dict.update: one optional positional, then kwargs.
bool update_common(DictObject* d, Value* args, int64_t nargs, TupleObject* kwnames, const char* name) {
  if (nargs > 2) {
    raise_fmt(TypeErrorType, "%s expected at most 1 argument, got %lld", name, static_cast<long long>(nargs - 1));
    return false;
  }
  if (nargs == 2 && !update_arg(d, args[1])) return false;
  for (int64_t i = 0; kwnames && i < kwnames->size; ++i)
    if (!dict_set(d, kwnames->items[i], args[nargs + i])) return false;
  return true;
}

DictObject* dict_copy(DictObject* src) {
  DictObject* d = new_dict(src->used);
  if (!d) return nullptr;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(src, &pos, &k, &v))
    if (!dict_set(d, k, v)) return nullptr;
  return d;
}

Value dict_new_m(Value* args, int64_t, TupleObject*) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  Object* o = type == DictType ? new_dict() : type->alloc(type);
  return o ? Value::from_obj(o) : Value();
}

Value dict_init_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return update_common(SELF, args, nargs, kwnames, "dict") ? None : Value();
}

Value dict_update_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return update_common(SELF, args, nargs, kwnames, "update") ? None : Value();
}

Value dict_getitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__getitem__", nargs - 1, kwnames, 1, 1)) return Value();
  bool err;
  Value v = dict_get(SELF, args[1], &err);
  if (err) return Value();
  if (!v.is_empty_slot()) return v;
  if (!is_exact(args[0], DictType)) {
    Value missing = type_lookup(type_of(args[0]), names::dunder_missing);
    if (!missing.is_empty_slot()) return call_special1(missing, args[0], args[1]);
  }
  return key_error(args[1]);
}

Value dict_setitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__setitem__", nargs - 1, kwnames, 2, 2)) return Value();
  return dict_set(SELF, args[1], args[2]) ? None : Value();
}

Value dict_delitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__delitem__", nargs - 1, kwnames, 1, 1)) return Value();
  int r = dict_del(SELF, args[1]);
  if (r < 0) return Value();
  if (r == 0) return key_error(args[1]);
  return None;
}

Value dict_len_m(Value* args, int64_t, TupleObject*) { return Value::from_small_int(SELF->used); }

Value dict_contains_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__contains__", nargs - 1, kwnames, 1, 1)) return Value();
  bool err;
  Value v = dict_get(SELF, args[1], &err);
  if (err) return Value();
  return bool_value(!v.is_empty_slot());
}

Value dict_iter_m(Value* args, int64_t, TupleObject*) { return new_dict_iter(DictKeyIterType, args[0]); }
Value dict_reversed_m(Value* args, int64_t, TupleObject*) { return new_dict_iter(DictRevKeyIterType, args[0]); }

Value dict_repr_m(Value* args, int64_t, TupleObject*) { return dict_repr(args[0]); }

// 1 equal, 0 not, -1 error.
int dict_equal(DictObject* a, DictObject* b) {
  if (a->used != b->used) return 0;
  int64_t pos = 0;
  Value k, av;
  while (dict_next(a, &pos, &k, &av)) {
    bool err;
    Value bv = dict_get(b, k, &err);
    if (err) return -1;
    if (bv.is_empty_slot()) return 0;
    int eq = equal(av, bv);
    if (eq <= 0) return eq;
  }
  return 1;
}

template <CompareKind Op>
Value dict_cmp_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__cmp__", nargs - 1, kwnames, 1, 1)) return Value();
  return container_compare(args[0], args[1], Op);
}

Value dict_or_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__or__", nargs - 1, kwnames, 1, 1)) return Value();
  return container_binary(args[0], args[1], fe::BinaryOpKind::Or);
}
Value dict_ror_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__ror__", nargs - 1, kwnames, 1, 1)) return Value();
  return container_binary(args[1], args[0], fe::BinaryOpKind::Or);
}
Value dict_ior_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.__ior__", nargs - 1, kwnames, 1, 1)) return Value();
  return update_arg(SELF, args[1]) ? args[0] : Value();
}

Value dict_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "dict.get() takes no keyword arguments");
  if (!check_args("get", nargs - 1, nullptr, 1, 2)) return Value();
  bool err;
  Value v = dict_get(SELF, args[1], &err);
  if (err) return Value();
  if (!v.is_empty_slot()) return v;
  return nargs == 3 ? args[2] : None;
}

Value dict_setdefault_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "dict.setdefault() takes no keyword arguments");
  if (!check_args("setdefault", nargs - 1, nullptr, 1, 2)) return Value();
  return dict_setdefault(SELF, args[1], nargs == 3 ? args[2] : None);
}

Value dict_pop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "dict.pop() takes no keyword arguments");
  if (!check_args("pop", nargs - 1, nullptr, 1, 2)) return Value();
  bool err;
  Value v = dict_get(SELF, args[1], &err);
  if (err) return Value();
  if (v.is_empty_slot()) return nargs == 3 ? args[2] : key_error(args[1]);
  if (dict_del(SELF, args[1]) < 0) return Value();
  return v;
}

Value dict_popitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.popitem", nargs - 1, kwnames, 0, 0)) return Value();
  DictObject* d = SELF;
  if (d->used == 0) return raise_msg(KeyErrorType, "popitem(): dictionary is empty");
  DictEntry* e = dict_entries(d->storage);
  int64_t i = d->storage->nentries - 1;
  while (e[i].key.is_empty_slot()) --i;
  Value k = e[i].key, v = e[i].value;
  TupleObject* t = tuple_of({k, v});
  if (!t || dict_del(d, k) < 0) return Value();
  return Value::from_obj(t);
}

Value dict_keys_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.keys", nargs - 1, kwnames, 0, 0)) return Value();
  return new_dict_view(DictKeysType, args[0]);
}
Value dict_values_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.values", nargs - 1, kwnames, 0, 0)) return Value();
  return new_dict_view(DictValuesType, args[0]);
}
Value dict_items_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.items", nargs - 1, kwnames, 0, 0)) return Value();
  return new_dict_view(DictItemsType, args[0]);
}

Value dict_copy_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.copy", nargs - 1, kwnames, 0, 0)) return Value();
  DictObject* d = dict_copy(SELF);
  return d ? Value::from_obj(d) : Value();
}

Value dict_clear_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dict.clear", nargs - 1, kwnames, 0, 0)) return Value();
  dict_clear(SELF);
  return None;
}

Value dict_fromkeys_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "dict.fromkeys() takes no keyword arguments");
  if (!check_args("fromkeys", nargs - 1, nullptr, 1, 2)) return Value();
  Value value = nargs == 3 ? args[2] : None;
  Value d = call0(args[0]);
  if (d.is_empty_slot()) return d;
  bool exact = is_exact(d, DictType);
  // Keys from an exact dict or set carry their hashes: CPython does not rehash them.
  if (exact && (is_exact(args[1], DictType) || is_exact(args[1], SetType) || is_exact(args[1], FrozenSetType))) {
    if (is_exact(args[1], DictType)) {
      int64_t pos = 0, h;
      Value k;
      while (dict_next(as_dict(args[1]), &pos, &k, nullptr, &h))
        if (!dict_set_hashed(as_dict(d), k, h, value)) return Value();
    } else {
      int64_t pos = 0;
      SetEntry* e;
      while (set_next(as_set(args[1]), &pos, &e))
        if (!dict_set_hashed(as_dict(d), e->key, e->hash, value)) return Value();
    }
    return d;
  }
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value k = iter_next(it, &done);
    if (done) return d;
    if (k.is_empty_slot()) return k;
    if (exact ? !dict_set(as_dict(d), k, value) : !set_item(d, k, value)) return Value();
  }
}

const NativeMethodDef kDictMethods[] = {
    {"__new__", dict_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__init__", dict_init_m},
    {"__getitem__", dict_getitem_m},
    {"__setitem__", dict_setitem_m},
    {"__delitem__", dict_delitem_m},
    {"__len__", dict_len_m},
    {"__contains__", dict_contains_m},
    {"__iter__", dict_iter_m},
    {"__reversed__", dict_reversed_m},
    {"__repr__", dict_repr_m},
    {"__lt__", dict_cmp_m<CompareKind::Lt>},
    {"__le__", dict_cmp_m<CompareKind::Le>},
    {"__eq__", dict_cmp_m<CompareKind::Eq>},
    {"__ne__", dict_cmp_m<CompareKind::Ne>},
    {"__gt__", dict_cmp_m<CompareKind::Gt>},
    {"__ge__", dict_cmp_m<CompareKind::Ge>},
    {"__or__", dict_or_m},
    {"__ror__", dict_ror_m},
    {"__ior__", dict_ior_m},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"get", dict_get_m},
    {"setdefault", dict_setdefault_m},
    {"pop", dict_pop_m},
    {"popitem", dict_popitem_m},
    {"keys", dict_keys_m},
    {"values", dict_values_m},
    {"items", dict_items_m},
    {"update", dict_update_m},
    {"copy", dict_copy_m},
    {"clear", dict_clear_m},
    {"fromkeys", dict_fromkeys_m, NativeMethodDef::Kind::ClassMethod},
};

}  // namespace

Value dict_richcompare(Value a, Value b, CompareKind op) {
  if (!is_dict(a) || !is_dict(b) || (op != CompareKind::Eq && op != CompareKind::Ne)) return NotImplemented;
  int eq = dict_equal(as_dict(a), as_dict(b));
  if (eq < 0) return Value();
  return bool_value(op == CompareKind::Eq ? eq : !eq);
}

Value dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return NotImplemented;
  DictObject* d = dict_copy(as_dict(a));
  if (!d || !update_arg(d, b)) return Value();
  return Value::from_obj(d);
}

Value dict_inplace_or(Value a, Value b) {
  if (!is_dict(a)) return NotImplemented;
  return update_arg(as_dict(a), b) ? a : Value();
}

void init_dict_methods() {
  DictType->basic_size = sizeof(DictObject);
  DictType->alloc = alloc_dict;
  add_methods(DictType, kDictMethods);
  dict_set_str(DictType->dict, intern("__hash__"), None);
  type_modified(DictType);
}

}  // namespace coil::rt
