// list_methods.cpp — the methods and dunders of list (also reached by subclasses and
// explicit calls like list.__getitem__(l, 0)); the interpreter and abstract.cpp keep their
// own fast paths for exact lists.
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/names.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/native_module.h"
#include "runtime/sequence_ops.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

bool list_sort(ListObject* l, Value key, bool reverse);                   // list_sort.cpp
Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp

namespace {

using fe::CompareKind;

#define SELF as_list(args[0])

bool is_slice(Value v) { return v.is_obj() && v.as_obj()->type == SliceType; }

Object* alloc_list(TypeObject* type) {
  Object* o = allocate_object(type, type->basic_size);
  if (!o) raise_memory_error();
  return o;  // zeroed: size 0, no storage — a valid empty list
}

// An index argument clamped into [0, size] the way list.index/insert read them.
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

Value list_new_m(Value* args, int64_t, TupleObject*) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (type == ListType) {
    ListObject* l = new_list(0);
    return l ? Value::from_obj(l) : Value();
  }
  Object* o = type->alloc(type);
  return o ? Value::from_obj(o) : Value();
}

// Keywords reach list.__init__ from a subclass's own __new__; without one they are refused.
Value list_init_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  // Keywords are refused unless a subclass brings its own __new__ (CPython's tp_new test).
  TypeObject* type = type_of(args[0]);
  if (kwnames && kwnames->size &&
      (type == ListType || type_lookup(type, names::dunder_new) == type_lookup(ListType, names::dunder_new)))
    return raise_msg(TypeErrorType, "list() takes no keyword arguments");
  if (nargs > 2) return raise_fmt(TypeErrorType, "list expected at most 1 argument, got %lld", static_cast<long long>(nargs - 1));
  ListObject* l = SELF;
  if (l->size) {
    std::fill(l->items(), l->items() + l->size, Value());
    l->size = 0;
  }
  if (nargs == 2 && !list_extend(l, args[1])) return Value();
  return None;
}

Value list_getitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__getitem__", nargs - 1, kwnames, 1, 1)) return Value();
  ListObject* l = SELF;
  Value key = args[1];
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, l->size, &start, &stop, &step, &count)) return Value();
    ListObject* r = new_list(count);
    if (!r) return Value();
    for (int64_t i = 0; i < count; ++i) r->items()[i] = l->items()[start + i * step];
    return Value::from_obj(r);
  }
  int64_t i;
  if (!normalize_index(key, l->size, &i, "list")) return Value();
  return l->items()[i];
}

Value list_setitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__setitem__", nargs - 1, kwnames, 2, 2)) return Value();
  ListObject* l = SELF;
  if (is_slice(args[1])) return list_set_slice(l, args[1], args[2]) ? None : Value();
  int64_t i;
  if (!normalize_index(args[1], l->size, &i, "list")) {
    if (pending_matches(IndexErrorType)) {
      clear_exception();
      raise_msg(IndexErrorType, "list assignment index out of range");
    }
    return Value();
  }
  l->items()[i] = args[2];
  return None;
}

bool list_delete_at(ListObject* l, int64_t i) {
  Value* items = l->items();
  std::memmove(static_cast<void*>(items + i), items + i + 1, (l->size - i - 1) * sizeof(Value));
  items[--l->size] = Value();
  return true;
}

Value list_delitem_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__delitem__", nargs - 1, kwnames, 1, 1)) return Value();
  ListObject* l = SELF;
  if (is_slice(args[1])) return list_set_slice(l, args[1], Value()) ? None : Value();
  int64_t i;
  if (!normalize_index(args[1], l->size, &i, "list")) {
    if (pending_matches(IndexErrorType)) {
      clear_exception();
      raise_msg(IndexErrorType, "list assignment index out of range");
    }
    return Value();
  }
  list_delete_at(l, i);
  return None;
}

Value list_len_m(Value* args, int64_t, TupleObject*) { return Value::from_small_int(SELF->size); }

Value list_contains_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__contains__", nargs - 1, kwnames, 1, 1)) return Value();
  ListObject* l = SELF;
  for (int64_t i = 0; i < l->size; ++i) {
    int eq = equal(l->items()[i], args[1]);
    if (eq < 0) return Value();
    if (eq) return True;
  }
  return False;
}

Value list_iter_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<SeqIterObject*>(allocate_object(ListIterType, sizeof(SeqIterObject)));
  if (!it) return raise_memory_error();
  it->seq = args[0];
  it->index = 0;
  return Value::from_obj(it);
}

Value list_add_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__add__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_list(args[1]))
    return raise_fmt(TypeErrorType, "can only concatenate list (not \"%s\") to list", type_name(args[1]));
  ListObject *a = SELF, *b = as_list(args[1]);
  ListObject* r = new_list(a->size + b->size);
  if (!r) return Value();
  std::copy(a->items(), a->items() + a->size, r->items());
  std::copy(b->items(), b->items() + b->size, r->items() + a->size);
  return Value::from_obj(r);
}

Value list_iadd_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__iadd__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!list_extend(SELF, args[1])) return Value();
  return args[0];
}

// n for `list * n`; NotImplemented-worthy (returns false without exception) if not an index.
bool repeat_count(Value n, int64_t* out) {
  bool overflow;
  if (!as_int64(n, out, &overflow)) return false;
  if (overflow) {
    if (int_sign(index(n)) < 0) {
      *out = 0;
      return true;
    }
    raise_msg(OverflowErrorType, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (*out < 0) *out = 0;
  return true;
}

Value list_mul_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__mul__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_int(args[1]) && lookup_special(args[1], intern("__index__")).is_empty_slot())
    return raise_fmt(TypeErrorType, "can't multiply sequence by non-int of type '%s'", type_name(args[1]));
  int64_t count;
  if (!repeat_count(args[1], &count)) return Value();
  ListObject* l = SELF;
  int64_t n = l->size;
  if (n && count > (int64_t(1) << 56) / n) return raise_memory_error();
  ListObject* r = new_list(n * count);
  if (!r) return Value();
  for (int64_t i = 0; i < count; ++i) std::copy(l->items(), l->items() + n, r->items() + i * n);
  return Value::from_obj(r);
}

Value list_imul_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__imul__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_int(args[1]) && lookup_special(args[1], intern("__index__")).is_empty_slot())
    return raise_fmt(TypeErrorType, "can't multiply sequence by non-int of type '%s'", type_name(args[1]));
  int64_t count;
  if (!repeat_count(args[1], &count)) return Value();
  ListObject* l = SELF;
  int64_t n = l->size;
  if (count == 0 || n == 0) {
    if (n) std::fill(l->items(), l->items() + n, Value());
    l->size = 0;
    return args[0];
  }
  if (count > (int64_t(1) << 56) / n) return raise_memory_error();
  if (!list_reserve(l, n * count)) return Value();
  for (int64_t i = 1; i < count; ++i) std::copy(l->items(), l->items() + n, l->items() + i * n);
  l->size = n * count;
  return args[0];
}

template <CompareKind Op>
Value list_cmp_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.__cmp__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_list(args[1])) return NotImplemented;
  return container_compare(args[0], args[1], Op);
}

Value list_repr_m(Value* args, int64_t, TupleObject*) { return list_repr(args[0]); }

Value list_append_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.append", nargs - 1, kwnames, 1, 1)) return Value();
  return list_append(SELF, args[1]) ? None : Value();
}

Value list_extend_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.extend", nargs - 1, kwnames, 1, 1)) return Value();
  if (!list_extend(SELF, args[1])) {
    if (pending_matches(TypeErrorType) && get_iter_would_fail(args[1])) {
      clear_exception();
      raise_fmt(TypeErrorType, "'%s' object is not iterable", type_name(args[1]));
    }
    return Value();
  }
  return None;
}

Value list_insert_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "list.insert() takes no keyword arguments");
  if (!check_args("insert", nargs - 1, nullptr, 2, 2)) return Value();
  ListObject* l = SELF;
  int64_t i;
  if (!is_int(args[1]) && lookup_special(args[1], intern("__index__")).is_empty_slot())
    return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
  if (!clamp_index(args[1], l->size, &i)) return Value();
  if (!list_append(l, None)) return Value();
  Value* items = l->items();
  std::memmove(static_cast<void*>(items + i + 1), items + i, (l->size - 1 - i) * sizeof(Value));
  items[i] = args[2];
  return None;
}

Value list_pop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "list.pop() takes no keyword arguments");
  if (!check_args("pop", nargs - 1, nullptr, 0, 1)) return Value();
  ListObject* l = SELF;
  int64_t i = -1;
  if (nargs == 2) {
    bool overflow;
    if (!is_int(args[1]) && lookup_special(args[1], intern("__index__")).is_empty_slot())
      return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    if (!as_int64(args[1], &i, &overflow)) return Value();
    if (overflow) return raise_msg(IndexErrorType, "pop index out of range");
  }
  if (l->size == 0) return raise_msg(IndexErrorType, "pop from empty list");
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return raise_msg(IndexErrorType, "pop index out of range");
  Value v = l->items()[i];
  list_delete_at(l, i);
  return v;
}

Value list_remove_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.remove", nargs - 1, kwnames, 1, 1)) return Value();
  ListObject* l = SELF;
  for (int64_t i = 0; i < l->size; ++i) {
    int eq = equal(l->items()[i], args[1]);
    if (eq < 0) return Value();
    if (eq) {
      if (i < l->size) list_delete_at(l, i);
      return None;
    }
  }
  return raise_msg(ValueErrorType, "list.remove(x): x not in list");
}

Value list_index_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "list.index() takes no keyword arguments");
  if (!check_args("index", nargs - 1, nullptr, 1, 3)) return Value();
  ListObject* l = SELF;
  int64_t start = 0, stop = l->size;
  for (int k = 2; k < nargs; ++k) {
    if (!is_int(args[k]) && lookup_special(args[k], intern("__index__")).is_empty_slot())
      return raise_msg(TypeErrorType, "slice indices must be integers or have an __index__ method");
  }
  if (nargs > 2 && !clamp_index(args[2], l->size, &start)) return Value();
  if (nargs > 3 && !clamp_index(args[3], l->size, &stop)) return Value();
  for (int64_t i = start; i < stop && i < l->size; ++i) {
    int eq = equal(l->items()[i], args[1]);
    if (eq < 0) return Value();
    if (eq) return Value::from_small_int(i);
  }
  return raise_msg(ValueErrorType, std::string(as_str(repr(args[1]))->view()) + " is not in list");
}

Value list_count_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.count", nargs - 1, kwnames, 1, 1)) return Value();
  ListObject* l = SELF;
  int64_t n = 0;
  for (int64_t i = 0; i < l->size; ++i) {
    int eq = equal(l->items()[i], args[1]);
    if (eq < 0) return Value();
    n += eq;
  }
  return Value::from_small_int(n);
}

Value list_reverse_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.reverse", nargs - 1, kwnames, 0, 0)) return Value();
  ListObject* l = SELF;
  if (l->size) std::reverse(l->items(), l->items() + l->size);
  return None;
}

Value list_sort_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs > 1) return raise_msg(TypeErrorType, "sort() takes no positional arguments");
  for (int64_t i = 0; kwnames && i < kwnames->size; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    if (k != "key" && k != "reverse")
      return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for sort()", as_str(kwnames->items[i])->data);
  }
  Value key = kwarg(args, nargs, kwnames, "key");
  Value rev = kwarg(args, nargs, kwnames, "reverse");
  bool reverse = false;
  if (!rev.is_empty_slot()) {
    // reverse is an int flag (CPython's bool(accept={int})): None or a float is refused.
    Value i = index(rev);
    if (i.is_empty_slot()) return i;
    reverse = !int_is_zero(i);
  }
  return list_sort(SELF, key, reverse) ? None : Value();
}

Value list_copy_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.copy", nargs - 1, kwnames, 0, 0)) return Value();
  ListObject* l = SELF;
  ListObject* r = new_list(l->size);
  if (!r) return Value();
  std::copy(l->items(), l->items() + l->size, r->items());
  return Value::from_obj(r);
}

Value list_clear_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("list.clear", nargs - 1, kwnames, 0, 0)) return Value();
  ListObject* l = SELF;
  l->storage = nullptr;
  l->size = 0;
  return None;
}

const NativeMethodDef kListMethods[] = {
    {"__new__", list_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__init__", list_init_m},
    {"__getitem__", list_getitem_m},
    {"__setitem__", list_setitem_m},
    {"__delitem__", list_delitem_m},
    {"__len__", list_len_m},
    {"__contains__", list_contains_m},
    {"__iter__", list_iter_m},
    {"__add__", list_add_m},
    {"__iadd__", list_iadd_m},
    {"__mul__", list_mul_m},
    {"__rmul__", list_mul_m},
    {"__imul__", list_imul_m},
    {"__lt__", list_cmp_m<CompareKind::Lt>},
    {"__le__", list_cmp_m<CompareKind::Le>},
    {"__eq__", list_cmp_m<CompareKind::Eq>},
    {"__ne__", list_cmp_m<CompareKind::Ne>},
    {"__gt__", list_cmp_m<CompareKind::Gt>},
    {"__ge__", list_cmp_m<CompareKind::Ge>},
    {"__repr__", list_repr_m},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"append", list_append_m},
    {"extend", list_extend_m},
    {"insert", list_insert_m},
    {"pop", list_pop_m},
    {"remove", list_remove_m},
    {"index", list_index_m},
    {"count", list_count_m},
    {"reverse", list_reverse_m},
    {"sort", list_sort_m},
    {"copy", list_copy_m},
    {"clear", list_clear_m},
};

Value list_iter_next_m(Value* args, int64_t, TupleObject*) {
  bool done = false;
  Value r = iter_next(args[0], &done);
  if (done) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return r;
}
Value self_m(Value* args, int64_t, TupleObject*) { return args[0]; }
Value seq_iter_length_hint_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<SeqIterObject*>(args[0].as_obj());
  if (it->seq.is_empty_slot()) return Value::from_small_int(0);
  int64_t n = is_list(it->seq) ? as_list(it->seq)->size : as_tuple(it->seq)->size;
  return Value::from_small_int(std::max<int64_t>(0, n - it->index));
}

const NativeMethodDef kSeqIterMethods[] = {
    {"__next__", list_iter_next_m},
    {"__iter__", self_m},
    {"__length_hint__", seq_iter_length_hint_m},
};

}  // namespace

void init_list_methods() {
  ListType->basic_size = sizeof(ListObject);
  ListType->alloc = alloc_list;
  add_methods(ListType, kListMethods);
  dict_set_str(ListType->dict, intern("__hash__"), None);
  type_modified(ListType);
  add_methods(ListIterType, kSeqIterMethods);
  add_methods(TupleIterType, kSeqIterMethods);
}

}  // namespace coil::rt
