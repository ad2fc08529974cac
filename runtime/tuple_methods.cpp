// tuple_methods.cpp — the methods and dunders of tuple, and tuple subclasses.
//
// Layout of a heap subclass instance (class P(tuple), namedtuple): a TupleObject of the
// subclass type with the items inline exactly like a tuple (so every reader of
// TupleObject::items works), followed by the attribute storage; the type carries
// TypeFlag::DictAfterItems and instance_attrs() (shape.h) finds it from the size.
#include <algorithm>
#include <string>

#include "runtime/abstract.h"
#include "runtime/names.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/native_module.h"
#include "runtime/sequence_ops.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp

namespace {

using fe::CompareKind;

#define SELF as_tuple(args[0])

bool is_slice(Value v) { return v.is_obj() && v.as_obj()->type == SliceType; }

bool clamp_index(Value v, int64_t size, int64_t* out) {
  bool overflow;
  int64_t i;
  if (!as_int64(v, &i, &overflow)) return false;
  if (overflow) i = int_sign(index(v)) < 0 ? -size - 1 : size;
  if (i < 0) {
    i += size;
    if (i < 0) i = 0;
  }
  if (i > size) i = size;
  *out = i;
  return true;
}

Value tuple_new_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  // Keywords are refused unless a subclass brings its own __init__ (CPython's tp_init test).
  if (kwnames && kwnames->size &&
      (type == TupleType || type_lookup(type, names::dunder_init) == type_lookup(TupleType, names::dunder_init)))
    return raise_msg(TypeErrorType, "tuple() takes no keyword arguments");
  if (nargs > 2)
    return raise_fmt(TypeErrorType, "tuple expected at most 1 argument, got %lld", static_cast<long long>(nargs - 1));
  Value items = nargs == 2 ? sequence_to_tuple(args[1]) : Value::from_obj(empty_tuple());
  if (items.is_empty_slot()) return items;
  if (type == TupleType) return items;
  return new_tuple_of_type(type, as_tuple(items)->items, as_tuple(items)->size);
}

Value tuple_getitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("tuple.__getitem__", nargs - 1, kwnames, 1, 1)) return Value();
  TupleObject* t = SELF;
  Value key = args[1];
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, t->size, &start, &stop, &step, &count)) return Value();
    if (start == 0 && step == 1 && count == t->size && is_exact(args[0], TupleType)) return args[0];
    TupleObject* r = new_tuple(count);
    if (!r) return Value();
    for (int64_t i = 0; i < count; ++i) r->items[i] = t->items[start + i * step];
    return Value::from_obj(r);
  }
  int64_t i;
  if (!normalize_index(key, t->size, &i, "tuple")) return Value();
  return t->items[i];
}

Value tuple_len_m(Value* args, int64_t, TupleObject*) { return Value::from_small_int(SELF->size); }

Value tuple_contains_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("tuple.__contains__", nargs - 1, kwnames, 1, 1)) return Value();
  TupleObject* t = SELF;
  for (int64_t i = 0; i < t->size; ++i) {
    int eq = equal(t->items[i], args[1]);
    if (eq < 0) return Value();
    if (eq) return True;
  }
  return False;
}

Value tuple_iter_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<SeqIterObject*>(allocate_object(TupleIterType, sizeof(SeqIterObject)));
  if (!it) return raise_memory_error();
  it->seq = args[0];
  it->index = 0;
  return Value::from_obj(it);
}

Value tuple_add_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("tuple.__add__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_tuple(args[1]))
    return raise_fmt(TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", type_name(args[1]));
  return container_binary(args[0], args[1], fe::BinaryOpKind::Add);
}

Value tuple_mul_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("tuple.__mul__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_int(args[1]) && lookup_special(args[1], intern("__index__")).is_empty_slot())
    return raise_fmt(TypeErrorType, "can't multiply sequence by non-int of type '%s'", type_name(args[1]));
  return container_binary(args[0], args[1], fe::BinaryOpKind::Multiply);
}

template <CompareKind Op>
Value tuple_cmp_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("tuple.__cmp__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_tuple(args[1])) return NotImplemented;
  return container_compare(args[0], args[1], Op);
}

Value tuple_hash_m(Value* args, int64_t, TupleObject*) {
  int64_t h = tuple_hash(SELF);
  if (h == -1 && has_pending_exception()) return Value();
  return int_from_int64(h);
}

Value tuple_repr_m(Value* args, int64_t, TupleObject*) { return tuple_repr(args[0]); }

Value tuple_getnewargs_m(Value* args, int64_t, TupleObject*) {
  TupleObject* t = SELF;
  TupleObject* copy = new_tuple(t->size);
  if (!copy) return Value();
  std::copy(t->items, t->items + t->size, copy->items);
  TupleObject* r = tuple_of({Value::from_obj(copy)});
  return r ? Value::from_obj(r) : Value();
}

Value tuple_index_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "tuple.index() takes no keyword arguments");
  if (!check_args("index", nargs - 1, nullptr, 1, 3)) return Value();
  TupleObject* t = SELF;
  int64_t start = 0, stop = t->size;
  for (int k = 2; k < nargs; ++k) {
    if (!is_int(args[k]) && lookup_special(args[k], intern("__index__")).is_empty_slot())
      return raise_msg(TypeErrorType, "slice indices must be integers or have an __index__ method");
  }
  if (nargs > 2 && !clamp_index(args[2], t->size, &start)) return Value();
  if (nargs > 3 && !clamp_index(args[3], t->size, &stop)) return Value();
  for (int64_t i = start; i < stop; ++i) {
    int eq = equal(t->items[i], args[1]);
    if (eq < 0) return Value();
    if (eq) return Value::from_small_int(i);
  }
  return raise_msg(ValueErrorType, "tuple.index(x): x not in tuple");
}

Value tuple_count_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("tuple.count", nargs - 1, kwnames, 1, 1)) return Value();
  TupleObject* t = SELF;
  int64_t n = 0;
  for (int64_t i = 0; i < t->size; ++i) {
    int eq = equal(t->items[i], args[1]);
    if (eq < 0) return Value();
    n += eq;
  }
  return Value::from_small_int(n);
}

const NativeMethodDef kTupleMethods[] = {
    {"__new__", tuple_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__getitem__", tuple_getitem_m},
    {"__len__", tuple_len_m},
    {"__contains__", tuple_contains_m},
    {"__iter__", tuple_iter_m},
    {"__add__", tuple_add_m},
    {"__mul__", tuple_mul_m},
    {"__rmul__", tuple_mul_m},
    {"__lt__", tuple_cmp_m<CompareKind::Lt>},
    {"__le__", tuple_cmp_m<CompareKind::Le>},
    {"__eq__", tuple_cmp_m<CompareKind::Eq>},
    {"__ne__", tuple_cmp_m<CompareKind::Ne>},
    {"__gt__", tuple_cmp_m<CompareKind::Gt>},
    {"__ge__", tuple_cmp_m<CompareKind::Ge>},
    {"__hash__", tuple_hash_m},
    {"__repr__", tuple_repr_m},
    {"__getnewargs__", tuple_getnewargs_m},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"index", tuple_index_m},
    {"count", tuple_count_m},
};

}  // namespace

Value new_tuple_of_type(TypeObject* type, const Value* items, int64_t n) {
  if (type == TupleType) {
    TupleObject* t = new_tuple(n);
    if (!t) return Value();
    std::copy(items, items + n, t->items);
    return Value::from_obj(t);
  }
  auto* t = static_cast<TupleObject*>(allocate_object(type, type->basic_size + n * sizeof(Value)));
  if (!t) return raise_memory_error();
  t->size = n;
  t->hash = -1;
  std::copy(items, items + n, t->items);
  return Value::from_obj(t);
}

void init_tuple_methods() {
  TupleType->basic_size = sizeof(TupleObject);
  add_methods(TupleType, kTupleMethods);
}

}  // namespace coil::rt
