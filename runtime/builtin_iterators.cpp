// builtin_iterators.cpp — enumerate, zip, map, filter, reversed and list_reverseiterator.
//
// Each type has a native `next` used directly by iter_next (for the exact type: no
// StopIteration object at exhaustion) and a `__next__` method wrapping it, so subclasses,
// next() and explicit calls see the Python protocol. Instances of Python subclasses share
// the native layout; their dict follows it (typeobject.cpp's heap-type layout).
#include "runtime/builtin_iterators.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/arg_parse.h"
#include "runtime/exceptions.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/iterator_reduce.h"
#include "runtime/iterators.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct EnumerateObject : Object {
  Value it;
  Value index;  // an int; may grow past 63 bits
};

struct ZipObject : Object {
  TupleObject* iters;  // null once exhausted
  bool strict;
};

struct MapObject : Object {
  Value func;
  TupleObject* iters;
};

struct FilterObject : Object {
  Value func;  // None: keep true items
  Value it;
};

// reversed() over the sequence protocol, and list_reverseiterator.
struct ReversedObject : Object {
  Value seq;      // empty once exhausted
  int64_t index;  // next index to produce
};

void visit_enumerate(Object* self, Visitor& v) {
  auto* e = static_cast<EnumerateObject*>(self);
  v.visit(e->it);
  v.visit(e->index);
}
void visit_zip(Object* self, Visitor& v) { v.visit(static_cast<ZipObject*>(self)->iters); }
void visit_map(Object* self, Visitor& v) {
  auto* m = static_cast<MapObject*>(self);
  v.visit(m->func);
  v.visit(m->iters);
}
void visit_filter(Object* self, Visitor& v) {
  auto* f = static_cast<FilterObject*>(self);
  v.visit(f->func);
  v.visit(f->it);
}
void visit_reversed(Object* self, Visitor& v) { v.visit(static_cast<ReversedObject*>(self)->seq); }

Object* alloc_basic(TypeObject* type) {
  Object* o = allocate_object(type, type->basic_size);
  if (!o) raise_memory_error();
  return o;
}

template <typename T>
T* new_instance(Value type) {
  auto* t = static_cast<TypeObject*>(type.as_obj());
  return static_cast<T*>(t->alloc(t));
}

// CPython's rule for constructors without keyword parameters (map, filter, reversed): the
// keywords are refused unless a subclass's own __init__ is there to take them.
bool refuses_keywords(Value type, TupleObject* kwnames) {
  if (!kwnames || !kwnames->size) return false;
  StrObject* init = intern("__init__");
  return type_lookup(static_cast<TypeObject*>(type.as_obj()), init) == type_lookup(ObjectType, init);
}

Value stop_iteration() {
  ExceptionObject* e = new_exception(StopIterationType, nullptr);
  return e ? raise(Value::from_obj(e)) : Value();
}

// --- enumerate ---

Value enumerate_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args({"enumerate", {"iterable", "start"}, 0, 0}, args + 1, nargs - 1, kwnames, a)) return Value();
  if (a[0].is_empty_slot()) return raise_msg(TypeErrorType, "enumerate() missing required argument 'iterable'");
  Value start = Value::from_small_int(0);
  if (!a[1].is_empty_slot()) {
    start = index(a[1]);
    if (start.is_empty_slot()) return start;
  }
  Value it = get_iter(a[0]);
  if (it.is_empty_slot()) return it;
  auto* e = new_instance<EnumerateObject>(args[0]);
  if (!e) return Value();
  e->it = it;
  e->index = start;
  return Value::from_obj(e);
}

Value enumerate_next(EnumerateObject* e, bool* done) {
  Value item = iter_next(e->it, done);
  if (item.is_empty_slot()) return item;
  Value i = e->index;
  Value next = i.is_small_int() && i.as_small_int() < Value::kMaxSmallInt
                   ? Value::from_small_int(i.as_small_int() + 1)
                   : int_binary(i, Value::from_small_int(1), fe::BinaryOpKind::Add);
  if (next.is_empty_slot()) return next;
  e->index = next;
  TupleObject* t = tuple_of({i, item});
  return t ? Value::from_obj(t) : Value();
}

// The next item of a list iterator that has one, else empty (exhausted, or not a list iterator).
Value list_iter_peek(Value it) {
  if (!it.is_obj() || it.as_obj()->type != ListIterType) return Value();
  auto* s = static_cast<SeqIterObject*>(it.as_obj());
  if (s->seq.is_empty_slot() || s->index >= as_list(s->seq)->size) return Value();
  return as_list(s->seq)->items()[s->index];
}

}  // namespace

bool next_unpacked(Value it, int64_t n, Value* out) {
  TypeObject* t = it.as_obj()->type;
  if (t == ZipType) {
    TupleObject* iters = static_cast<ZipObject*>(it.as_obj())->iters;
    if (!iters || iters->size != n) return false;
    // Items are written to `out` as found (the stack slots above the top are free) and the
    // iterators advanced only once all of them had one.
    for (int64_t i = 0; i < n; ++i) {
      Value v = list_iter_peek(iters->items[i]);
      if (v.is_empty_slot()) return false;
      out[n - 1 - i] = v;
    }
    for (int64_t i = 0; i < n; ++i) ++static_cast<SeqIterObject*>(iters->items[i].as_obj())->index;
    return true;
  }
  if (t == EnumerateType && n == 2) {
    auto* e = static_cast<EnumerateObject*>(it.as_obj());
    Value item = list_iter_peek(e->it);
    Value i = e->index;
    if (item.is_empty_slot() || !i.is_small_int() || i.as_small_int() >= Value::kMaxSmallInt) return false;
    ++static_cast<SeqIterObject*>(e->it.as_obj())->index;
    e->index = Value::from_small_int(i.as_small_int() + 1);
    out[1] = i;
    out[0] = item;
    return true;
  }
  return false;
}

namespace {

// --- zip ---

Value zip_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  bool strict = false;
  for (int64_t i = 0; kwnames && i < kwnames->size; ++i) {
    if (as_str(kwnames->items[i])->view() != "strict")
      return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for zip()", as_str(kwnames->items[i])->data);
    int t = is_true(args[nargs + i]);
    if (t < 0) return Value();
    strict = t;
  }
  TupleObject* iters = new_tuple(nargs - 1);
  if (!iters) return Value();
  for (int64_t i = 1; i < nargs; ++i) {
    Value it = get_iter(args[i]);
    if (it.is_empty_slot()) return it;
    iters->items[i - 1] = it;
  }
  auto* z = new_instance<ZipObject>(args[0]);
  if (!z) return Value();
  z->iters = iters;
  z->strict = strict;
  return Value::from_obj(z);
}

// "argument 1" / "arguments 1-3": the arguments before position `n` (1-based).
std::string zip_arguments_before(int64_t n) {
  return n == 2 ? "argument 1" : "arguments 1-" + std::to_string(n - 1);
}

Value zip_next(ZipObject* z, bool* done) {
  *done = false;
  TupleObject* iters = z->iters;
  if (!iters || iters->size == 0) {
    *done = true;
    return Value();
  }
  TupleObject* result = new_tuple(iters->size);
  if (!result) return Value();
  for (int64_t i = 0; i < iters->size; ++i) {
    bool d = false;
    Value item = iter_next(iters->items[i], &d);
    if (d) {
      if (z->strict) {
        if (i > 0)
          return raise_fmt(ValueErrorType, "zip() argument %lld is shorter than %s", static_cast<long long>(i + 1),
                           zip_arguments_before(i + 1).c_str());
        // The first ran out: every other one must be exhausted too.
        for (int64_t j = 1; j < iters->size; ++j) {
          bool dj = false;
          Value extra = iter_next(iters->items[j], &dj);
          if (dj) continue;
          if (extra.is_empty_slot()) return extra;
          return raise_fmt(ValueErrorType, "zip() argument %lld is longer than %s", static_cast<long long>(j + 1),
                           zip_arguments_before(j + 1).c_str());
        }
      }
      *done = true;
      return Value();
    }
    if (item.is_empty_slot()) return item;
    result->items[i] = item;
  }
  return Value::from_obj(result);
}

// --- map ---

Value map_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (refuses_keywords(args[0], kwnames)) return raise_msg(TypeErrorType, "map() takes no keyword arguments");
  if (nargs < 3) return raise_msg(TypeErrorType, "map() must have at least two arguments.");
  TupleObject* iters = new_tuple(nargs - 2);
  if (!iters) return Value();
  for (int64_t i = 2; i < nargs; ++i) {
    Value it = get_iter(args[i]);
    if (it.is_empty_slot()) return it;
    iters->items[i - 2] = it;
  }
  auto* m = new_instance<MapObject>(args[0]);
  if (!m) return Value();
  m->func = args[1];
  m->iters = iters;
  return Value::from_obj(m);
}

Value map_next(MapObject* m, bool* done) {
  *done = false;
  int64_t n = m->iters->size;
  Value small[8];
  TupleObject* big = n > 8 ? new_tuple(n) : nullptr;
  if (n > 8 && !big) return Value();
  Value* items = big ? big->items : small;
  for (int64_t i = 0; i < n; ++i) {
    Value item = iter_next(m->iters->items[i], done);
    if (item.is_empty_slot()) return item;
    items[i] = item;
  }
  return call(m->func, items, n);
}

// --- filter ---

Value filter_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (refuses_keywords(args[0], kwnames)) return raise_msg(TypeErrorType, "filter() takes no keyword arguments");
  if (!check_args("filter", nargs - 1, nullptr, 2, 2)) return Value();
  Value it = get_iter(args[2]);
  if (it.is_empty_slot()) return it;
  auto* f = new_instance<FilterObject>(args[0]);
  if (!f) return Value();
  f->func = args[1];
  f->it = it;
  return Value::from_obj(f);
}

Value filter_next(FilterObject* f, bool* done) {
  bool truth_only = f->func == None || f->func == Value::from_obj(BoolType);
  while (true) {
    Value item = iter_next(f->it, done);
    if (item.is_empty_slot()) return item;
    Value test = truth_only ? item : call1(f->func, item);
    if (test.is_empty_slot()) return test;
    int t = is_true(test);
    if (t < 0) return Value();
    if (t) return item;
  }
}

// --- reversed ---

bool is_sequence(Value v) {
  TypeObject* t = type_of(v);
  if (t == TupleType || t == StrType || t == BytesType || t == ListType) return true;
  if (has(t, TypeFlag::DictSubclass)) return false;
  return !type_lookup(t, names::dunder_getitem).is_empty_slot() && !type_lookup(t, names::dunder_len).is_empty_slot();
}

Value reversed_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (refuses_keywords(args[0], kwnames)) return raise_msg(TypeErrorType, "reversed() takes no keyword arguments");
  if (nargs != 2)
    return raise_fmt(TypeErrorType, "reversed expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  Value seq = args[1];
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  TypeObject* t = type_of(seq);
  if (type == ReversedType) {
    if (t == ListType) return new_list_reverse_iterator(seq);
    if (t == RangeType) return range_reversed(seq);
  }
  Value m = type_lookup(t, names::dunder_reversed);
  if (m == None) return raise_fmt(TypeErrorType, "'%s' object is not reversible", t->name);
  if (!m.is_empty_slot()) return call_special0(m, seq);
  if (!is_sequence(seq)) return raise_fmt(TypeErrorType, "'%s' object is not reversible", t->name);
  int64_t n = length(seq);
  if (n < 0) return Value();
  auto* r = static_cast<ReversedObject*>(type->alloc(type));
  if (!r) return Value();
  r->seq = seq;
  r->index = n - 1;
  return Value::from_obj(r);
}

Value reversed_next(ReversedObject* r, bool* done) {
  *done = false;
  if (r->seq.is_empty_slot() || r->index < 0) {
    r->seq = Value();
    *done = true;
    return Value();
  }
  Value item = get_item(r->seq, int_from_int64(r->index));
  if (item.is_empty_slot()) {
    if (pending_matches(IndexErrorType) || pending_matches(StopIterationType)) {
      clear_exception();
      r->seq = Value();
      *done = true;
    }
    return item;
  }
  --r->index;
  return item;
}

Value list_rev_next(ReversedObject* r, bool* done) {
  *done = false;
  if (!r->seq.is_empty_slot() && r->index >= 0 && r->index < as_list(r->seq)->size)
    return as_list(r->seq)->items()[r->index--];
  r->seq = Value();
  *done = true;
  return Value();
}

Value reversed_length_hint(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__length_hint__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* r = static_cast<ReversedObject*>(args[0].as_obj());
  if (r->seq.is_empty_slot()) return Value::from_small_int(0);
  int64_t n = r->index + 1;
  if (r->seq.as_obj()->type == ListType && n > as_list(r->seq)->size) n = 0;
  return int_from_int64(n < 0 ? 0 : n);
}

// --- pickling: each reduces to a call of its type on its current parts ---

Value type_value(Value self) { return Value::from_obj(type_of(self)); }

Value enumerate_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* e = static_cast<EnumerateObject*>(args[0].as_obj());
  return reduce_tuple(type_value(args[0]), {e->it, e->index});
}

// (zip, iterators) and, for zip(..., strict=True), the state True.
Value zip_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* z = static_cast<ZipObject*>(args[0].as_obj());
  TupleObject* iters = z->iters ? z->iters : empty_tuple();
  TupleObject* r = z->strict ? tuple_of({type_value(args[0]), Value::from_obj(iters), True})
                             : tuple_of({type_value(args[0]), Value::from_obj(iters)});
  return r ? Value::from_obj(r) : Value();
}

Value zip_setstate_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  int t = is_true(args[1]);
  if (t < 0) return Value();
  static_cast<ZipObject*>(args[0].as_obj())->strict = t;
  return None;
}

// (map, (func, *iterators)).
Value map_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* m = static_cast<MapObject*>(args[0].as_obj());
  TupleObject* a = new_tuple(m->iters->size + 1);
  if (!a) return Value();
  a->items[0] = m->func;
  for (int64_t i = 0; i < m->iters->size; ++i) a->items[i + 1] = m->iters->items[i];
  TupleObject* r = tuple_of({type_value(args[0]), Value::from_obj(a)});
  return r ? Value::from_obj(r) : Value();
}

Value filter_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* f = static_cast<FilterObject*>(args[0].as_obj());
  return reduce_tuple(type_value(args[0]), {f->func, f->it});
}

// (reversed, (seq,), index); an exhausted reversed() pickles as reversed(()), an exhausted
// list_reverseiterator as iter([]).
Value reversed_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* r = static_cast<ReversedObject*>(args[0].as_obj());
  bool list_rev = type_of(args[0]) == ListRevIterType;
  if (!r->seq.is_empty_slot()) return reduce_tuple(builtin_named("reversed"), {r->seq}, int_from_int64(r->index));
  if (!list_rev) return reduce_tuple(type_value(args[0]), {Value::from_obj(empty_tuple())});
  ListObject* empty = new_list(0);
  if (!empty) return Value();
  return reduce_tuple(builtin_named("iter"), {Value::from_obj(empty)});
}

// Clamps the index to [-1, len(seq) - 1].
Value reversed_setstate_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  int64_t i;
  if (!ssize_arg(args[1], &i)) return Value();
  auto* r = static_cast<ReversedObject*>(args[0].as_obj());
  if (r->seq.is_empty_slot()) return None;
  int64_t n = length(r->seq);
  if (n < 0) return Value();
  if (i < -1) i = -1;
  if (i > n - 1) i = n - 1;
  r->index = i;
  return None;
}

// --- shared methods ---

Value native_next(Value it, bool* done) {
  TypeObject* t = it.as_obj()->type;
  // A subclass shares its base's layout: find the built-in base.
  while (has(t, TypeFlag::HeapType)) t = t->base;
  Object* o = it.as_obj();
  if (t == EnumerateType) return enumerate_next(static_cast<EnumerateObject*>(o), done);
  if (t == ZipType) return zip_next(static_cast<ZipObject*>(o), done);
  if (t == MapType) return map_next(static_cast<MapObject*>(o), done);
  if (t == FilterType) return filter_next(static_cast<FilterObject*>(o), done);
  if (t == ReversedType) return reversed_next(static_cast<ReversedObject*>(o), done);
  return list_rev_next(static_cast<ReversedObject*>(o), done);
}

Value iterator_next_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__next__", nargs - 1, kwnames, 0, 0)) return Value();
  bool done = false;
  Value r = native_next(args[0], &done);
  if (done) return stop_iteration();
  return r;
}

Value iterator_iter_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__iter__", nargs - 1, kwnames, 0, 0)) return Value();
  return args[0];
}

const NativeMethodDef kEnumerateMethods[] = {
    {"__new__", enumerate_new, NativeMethodDef::Kind::StaticMethod},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"__iter__", iterator_iter_m},
    {"__next__", iterator_next_m},
    {"__reduce__", enumerate_reduce_m},
};
const NativeMethodDef kZipMethods[] = {
    {"__new__", zip_new, NativeMethodDef::Kind::StaticMethod},
    {"__iter__", iterator_iter_m},
    {"__next__", iterator_next_m},
    {"__reduce__", zip_reduce_m},
    {"__setstate__", zip_setstate_m},
};
const NativeMethodDef kMapMethods[] = {
    {"__new__", map_new, NativeMethodDef::Kind::StaticMethod},
    {"__iter__", iterator_iter_m},
    {"__next__", iterator_next_m},
    {"__reduce__", map_reduce_m},
};
const NativeMethodDef kFilterMethods[] = {
    {"__new__", filter_new, NativeMethodDef::Kind::StaticMethod},
    {"__iter__", iterator_iter_m},
    {"__next__", iterator_next_m},
    {"__reduce__", filter_reduce_m},
};
const NativeMethodDef kReversedMethods[] = {
    {"__new__", reversed_new, NativeMethodDef::Kind::StaticMethod},
    {"__iter__", iterator_iter_m},
    {"__next__", iterator_next_m},
    {"__length_hint__", reversed_length_hint},
    {"__reduce__", reversed_reduce_m},
    {"__setstate__", reversed_setstate_m},
};
const NativeMethodDef kListRevIterMethods[] = {
    {"__iter__", iterator_iter_m},
    {"__next__", iterator_next_m},
    {"__length_hint__", reversed_length_hint},
    {"__reduce__", reversed_reduce_m},
    {"__setstate__", reversed_setstate_m},
};

Value list_reversed_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reversed__", nargs - 1, kwnames, 0, 0)) return Value();
  return new_list_reverse_iterator(args[0]);
}

// list.__reversed__ belongs with list_reverseiterator; list's other methods register later
// (list_methods.cpp) and would win if they define their own.
const NativeMethodDef kListReversed[] = {
    {"__reversed__", list_reversed_m},
};

void set_layout(TypeObject* t, uint32_t size, VisitFn visit) {
  t->basic_size = size;
  t->alloc = alloc_basic;
  t->visit = visit;
}

}  // namespace

bool is_builtin_iterator_type(TypeObject* t) {
  return t == EnumerateType || t == ZipType || t == MapType || t == FilterType || t == ReversedType ||
         t == ListRevIterType;
}

Value builtin_iterator_next(Value it, bool* done) {
  *done = false;
  return native_next(it, done);
}

Value new_list_reverse_iterator(Value list) {
  auto* r = static_cast<ReversedObject*>(alloc_basic(ListRevIterType));
  if (!r) return Value();
  r->seq = list;
  r->index = as_list(list)->size - 1;
  return Value::from_obj(r);
}

void init_builtin_iterator_types() {
  set_layout(EnumerateType, sizeof(EnumerateObject), visit_enumerate);
  set_layout(ZipType, sizeof(ZipObject), visit_zip);
  set_layout(MapType, sizeof(MapObject), visit_map);
  set_layout(FilterType, sizeof(FilterObject), visit_filter);
  set_layout(ReversedType, sizeof(ReversedObject), visit_reversed);
  set_layout(ListRevIterType, sizeof(ReversedObject), visit_reversed);
  ListRevIterType->alloc = nullptr;  // only reversed(list) makes one
  add_methods(EnumerateType, kEnumerateMethods);
  add_methods(ZipType, kZipMethods);
  add_methods(MapType, kMapMethods);
  add_methods(FilterType, kFilterMethods);
  add_methods(ReversedType, kReversedMethods);
  add_methods(ListRevIterType, kListRevIterMethods);
  add_methods(ListType, kListReversed);
}

}  // namespace coil::rt
