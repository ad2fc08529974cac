// collections_module.cpp — the _collections module: deque (a ring buffer over a GC value
// array, with maxlen and mutation-checked iterators) and defaultdict (a dict subclass).
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/match.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/itertools.h"

namespace coil::lib {

using namespace coil::rt;
using fe::CompareKind;

namespace {

// ---- deque --------------------------------------------------------------------------------------
struct DequeObject : Object {
  ValueArray* buf;   // capacity buf->capacity, items at (head + i) % capacity
  int64_t head, size;
  int64_t maxlen;    // -1: unbounded
  uint64_t state;    // bumped by every mutation, checked by iterators
};
struct DequeIterObject : Object {
  Value deque;
  int64_t index;     // items left to yield from the front (or back, reversed)
  uint64_t state;
  int64_t counter;
};

TypeObject* g_deque_type = nullptr;
TypeObject* g_deque_iter_type = nullptr;
TypeObject* g_deque_rev_iter_type = nullptr;
TypeObject* g_defaultdict_type = nullptr;

DequeObject* D(Value v) { return static_cast<DequeObject*>(v.as_obj()); }
Value& at(DequeObject* d, int64_t i) { return d->buf->items[(d->head + i) % d->buf->capacity]; }

void visit_deque(Object* self, Visitor& v) { v.visit(static_cast<DequeObject*>(self)->buf); }
void visit_deque_iter(Object* self, Visitor& v) { v.visit(static_cast<DequeIterObject*>(self)->deque); }

bool is_deque(Value v) { return v.is_obj() && is_subtype(v.as_obj()->type, g_deque_type); }

bool ensure_capacity(DequeObject* d, int64_t need) {
  int64_t cap = d->buf ? d->buf->capacity : 0;
  if (need <= cap) return true;
  int64_t ncap = cap < 8 ? 8 : cap * 2;
  while (ncap < need) ncap *= 2;
  ValueArray* nb = new_value_array(ncap);
  if (!nb) return false;
  for (int64_t i = 0; i < d->size; ++i) nb->items[i] = at(d, i);
  d->buf = nb;
  d->head = 0;
  return true;
}

Value pop_right(DequeObject* d) {
  Value v = at(d, d->size - 1);
  at(d, d->size - 1) = None;
  --d->size;
  ++d->state;
  return v;
}
Value pop_left(DequeObject* d) {
  Value v = at(d, 0);
  at(d, 0) = None;
  d->head = (d->head + 1) % d->buf->capacity;
  --d->size;
  ++d->state;
  return v;
}
bool push_right(DequeObject* d, Value v) {
  if (d->maxlen == 0) return true;
  if (!ensure_capacity(d, d->size + 1)) return false;
  at(d, d->size) = v;
  ++d->size;
  ++d->state;
  if (d->maxlen >= 0 && d->size > d->maxlen) pop_left(d);
  return true;
}
bool push_left(DequeObject* d, Value v) {
  if (d->maxlen == 0) return true;
  if (!ensure_capacity(d, d->size + 1)) return false;
  d->head = (d->head - 1 + d->buf->capacity) % d->buf->capacity;
  at(d, 0) = v;
  ++d->size;
  ++d->state;
  if (d->maxlen >= 0 && d->size > d->maxlen) pop_right(d);
  return true;
}
void clear_deque(DequeObject* d) {
  for (int64_t i = 0; i < d->size; ++i) at(d, i) = None;
  d->size = 0;
  d->head = 0;
  ++d->state;
}

// Items of an iterable pushed one by one (a deque extended with itself is snapshotted first).
bool extend(DequeObject* d, Value iterable, bool left) {
  if (iterable.is_obj() && iterable.as_obj() == d) {
    Value copy = sequence_to_tuple(iterable);
    if (copy.is_empty_slot()) return false;
    iterable = copy;
  }
  Value it = get_iter(iterable);
  if (it.is_empty_slot()) return false;
  while (true) {
    bool done = false;
    Value v = iter_next(it, &done);
    if (done) return true;
    if (v.is_empty_slot()) return false;
    if (!(left ? push_left(d, v) : push_right(d, v))) return false;
  }
}

Value deque_new(Value* args, int64_t, TupleObject*) {
  auto* d = static_cast<DequeObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!d) return Value();
  d->maxlen = -1;
  return Value::from_obj(d);
}
Value deque_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("deque", args + 1, nargs - 1, kwnames, {"iterable", "maxlen"}, 0, a)) return Value();
  DequeObject* d = D(args[0]);
  int64_t maxlen = -1;
  if (!a[1].is_empty_slot() && a[1] != None) {
    if (!is_int(a[1])) return raise_msg(TypeErrorType, "an integer is required");
    if (!int_to_int64(a[1], &maxlen)) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    if (maxlen < 0) return raise_msg(ValueErrorType, "maxlen must be non-negative");
  }
  d->maxlen = maxlen;
  if (d->size) clear_deque(d);
  if (!a[0].is_empty_slot() && !extend(d, a[0], false)) return Value();
  return None;
}

Value deque_append(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("append", nargs - 1, kw, 1, 1)) return Value();
  return push_right(D(args[0]), args[1]) ? None : Value();
}
Value deque_appendleft(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("appendleft", nargs - 1, kw, 1, 1)) return Value();
  return push_left(D(args[0]), args[1]) ? None : Value();
}
Value deque_pop(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("pop", nargs - 1, kw, 0, 0)) return Value();
  if (D(args[0])->size == 0) return raise_msg(IndexErrorType, "pop from an empty deque");
  return pop_right(D(args[0]));
}
Value deque_popleft(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("popleft", nargs - 1, kw, 0, 0)) return Value();
  if (D(args[0])->size == 0) return raise_msg(IndexErrorType, "pop from an empty deque");
  return pop_left(D(args[0]));
}
Value deque_extend(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("extend", nargs - 1, kw, 1, 1)) return Value();
  return extend(D(args[0]), args[1], false) ? None : Value();
}
Value deque_extendleft(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("extendleft", nargs - 1, kw, 1, 1)) return Value();
  return extend(D(args[0]), args[1], true) ? None : Value();
}
Value deque_clear(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("clear", nargs - 1, kw, 0, 0)) return Value();
  clear_deque(D(args[0]));
  return None;
}
Value deque_copy(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("copy", nargs - 1, kw, 0, 0)) return Value();
  DequeObject* d = D(args[0]);
  Value maxlen = d->maxlen < 0 ? None : int_from_int64(d->maxlen);
  TypeObject* t = type_of(args[0]);
  if (t == g_deque_type) {
    Value tv = Value::from_obj(t);
    Value nd = deque_new(&tv, 1, nullptr);
    if (nd.is_empty_slot()) return nd;
    D(nd)->maxlen = d->maxlen;
    for (int64_t i = 0; i < d->size; ++i)
      if (!push_right(D(nd), at(d, i))) return Value();
    return nd;
  }
  Value a[2] = {args[0], maxlen};
  if (d->maxlen < 0) return call(Value::from_obj(t), a, 1, nullptr);
  TupleObject* kwn = tuple_of({str_value("maxlen")});
  if (!kwn) return Value();
  return call(Value::from_obj(t), a, 1, kwn);
}
Value deque_count(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("count", nargs - 1, kw, 1, 1)) return Value();
  DequeObject* d = D(args[0]);
  uint64_t state = d->state;
  int64_t n = 0;
  for (int64_t i = 0; i < d->size; ++i) {
    int eq = equal(at(d, i), args[1]);
    if (eq < 0) return Value();
    if (d->state != state) return raise_msg(RuntimeErrorType, "deque mutated during iteration");
    n += eq;
  }
  return int_from_int64(n);
}
// Position of x in [start, stop); -1 when absent, -2 on error.
int64_t find(DequeObject* d, Value x, int64_t start, int64_t stop) {
  uint64_t state = d->state;
  for (int64_t i = start; i < stop && i < d->size; ++i) {
    int eq = equal(at(d, i), x);
    if (eq < 0) return -2;
    if (d->state != state) {
      raise_msg(RuntimeErrorType, "deque mutated during iteration");
      return -2;
    }
    if (eq) return i;
  }
  return -1;
}
bool clip_index(Value v, int64_t size, int64_t* out) {
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  int64_t x;
  if (!int_to_int64(i, &x)) x = rich_compare_bool(i, Value::from_small_int(0), CompareKind::Lt) == 1 ? -INT64_MAX : INT64_MAX;
  if (x < 0) x = x + size < 0 ? 0 : x + size;
  if (x > size) x = size;
  *out = x;
  return true;
}
Value deque_index(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("index", nargs - 1, kw, 1, 3)) return Value();
  DequeObject* d = D(args[0]);
  int64_t start = 0, stop = d->size;
  if (nargs > 2 && !clip_index(args[2], d->size, &start)) return Value();
  if (nargs > 3 && !clip_index(args[3], d->size, &stop)) return Value();
  int64_t i = find(d, args[1], start, stop);
  if (i == -2) return Value();
  if (i < 0) {
    std::string s;
    if (!repr_string(args[1], &s)) return Value();
    return raise_msg(ValueErrorType, s + " is not in deque");
  }
  return int_from_int64(i);
}
Value deque_insert(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("insert", nargs - 1, kw, 2, 2)) return Value();
  DequeObject* d = D(args[0]);
  if (d->maxlen >= 0 && d->size >= d->maxlen) return raise_msg(IndexErrorType, "deque already at its maximum size");
  int64_t i;
  if (!clip_index(args[1], d->size, &i)) return Value();
  if (!push_right(d, None)) return Value();
  for (int64_t j = d->size - 1; j > i; --j) at(d, j) = at(d, j - 1);
  at(d, i) = args[2];
  return None;
}
void delete_at(DequeObject* d, int64_t i) {
  for (int64_t j = i; j < d->size - 1; ++j) at(d, j) = at(d, j + 1);
  pop_right(d);
}
Value deque_remove(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("remove", nargs - 1, kw, 1, 1)) return Value();
  DequeObject* d = D(args[0]);
  int64_t i = find(d, args[1], 0, d->size);
  if (i == -2) return Value();
  if (i < 0) {
    std::string s;
    if (!repr_string(args[1], &s)) return Value();
    return raise_msg(ValueErrorType, s + " is not in deque");
  }
  delete_at(d, i);
  return None;
}
Value deque_reverse(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("reverse", nargs - 1, kw, 0, 0)) return Value();
  DequeObject* d = D(args[0]);
  for (int64_t i = 0, j = d->size - 1; i < j; ++i, --j) std::swap(at(d, i), at(d, j));
  ++d->state;
  return None;
}
Value deque_rotate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("rotate", nargs - 1, kw, 0, 1)) return Value();
  DequeObject* d = D(args[0]);
  int64_t n = 1;
  if (nargs > 1) {
    Value i = index(args[1]);
    if (i.is_empty_slot()) return i;
    if (!int_to_int64(i, &n)) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  }
  if (d->size <= 1) return None;
  int64_t k = ((n % d->size) + d->size) % d->size;
  // Rotating right by k moves the head back by k; with a full ring that is just a head move.
  for (int64_t s = 0; s < k; ++s) {
    Value v = pop_right(d);
    push_left(d, v);
  }
  return None;
}
Value deque_len(Value* args, int64_t, TupleObject*) { return int_from_int64(D(args[0])->size); }
Value deque_bool(Value* args, int64_t, TupleObject*) { return bool_value(D(args[0])->size != 0); }

bool norm_index(DequeObject* d, Value key, int64_t* out) {
  if (!is_int(key) && type_lookup(type_of(key), names::dunder_index).is_empty_slot()) {
    raise_fmt(TypeErrorType, "sequence index must be integer, not '%s'", type_name(key));
    return false;
  }
  Value i = index(key);
  if (i.is_empty_slot()) return false;
  int64_t x;
  if (!int_to_int64(i, &x)) {
    raise_msg(IndexErrorType, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (x < 0) x += d->size;
  if (x < 0 || x >= d->size) {
    raise_msg(IndexErrorType, "deque index out of range");
    return false;
  }
  *out = x;
  return true;
}
Value deque_getitem(Value* args, int64_t, TupleObject*) {
  int64_t i;
  if (!norm_index(D(args[0]), args[1], &i)) return Value();
  return at(D(args[0]), i);
}
Value deque_setitem(Value* args, int64_t, TupleObject*) {
  int64_t i;
  if (!norm_index(D(args[0]), args[1], &i)) return Value();
  at(D(args[0]), i) = args[2];
  return None;
}
Value deque_delitem(Value* args, int64_t, TupleObject*) {
  int64_t i;
  if (!norm_index(D(args[0]), args[1], &i)) return Value();
  delete_at(D(args[0]), i);
  return None;
}
Value deque_contains(Value* args, int64_t, TupleObject*) {
  int64_t i = find(D(args[0]), args[1], 0, D(args[0])->size);
  if (i == -2) return Value();
  return bool_value(i >= 0);
}

Value deque_repr(Value* args, int64_t, TupleObject*) {
  DequeObject* d = D(args[0]);
  std::string name(type_of(args[0])->name_obj->view());
  ReprGuard guard(d);
  if (guard.recursive) return str_value("[...]");
  std::string out = name + "([";
  for (int64_t i = 0; i < d->size; ++i) {
    if (i) out += ", ";
    std::string s;
    if (!repr_string(at(d, i), &s)) return Value();
    out += s;
  }
  out += "]";
  if (d->maxlen >= 0) out += ", maxlen=" + std::to_string(d->maxlen);
  return str_value(out + ")");
}

Value deque_iter_common(Value self, TypeObject* type) {
  auto* it = static_cast<DequeIterObject*>(new_instance(type));
  if (!it) return Value();
  it->deque = self;
  it->index = 0;
  it->state = D(self)->state;
  it->counter = D(self)->size;
  return Value::from_obj(it);
}
Value deque_iter(Value* args, int64_t, TupleObject*) { return deque_iter_common(args[0], g_deque_iter_type); }
Value deque_reversed(Value* args, int64_t, TupleObject*) { return deque_iter_common(args[0], g_deque_rev_iter_type); }
Value deque_iter_next_impl(Value self, bool reverse) {
  auto* it = static_cast<DequeIterObject*>(self.as_obj());
  DequeObject* d = D(it->deque);
  if (d->state != it->state) {
    it->counter = 0;
    return raise_msg(RuntimeErrorType, "deque mutated during iteration");
  }
  if (it->counter == 0) return stop_iteration();
  int64_t i = reverse ? d->size - 1 - it->index : it->index;
  ++it->index;
  --it->counter;
  return at(d, i);
}
Value deque_iter_next(Value* args, int64_t, TupleObject*) { return deque_iter_next_impl(args[0], false); }
Value deque_rev_iter_next(Value* args, int64_t, TupleObject*) { return deque_iter_next_impl(args[0], true); }
Value deque_iter_length_hint(Value* args, int64_t, TupleObject*) {
  return int_from_int64(static_cast<DequeIterObject*>(args[0].as_obj())->counter);
}

// Lexicographic comparison, like lists.
Value deque_compare(Value a, Value b, CompareKind op) {
  if (!is_deque(b)) return NotImplemented;
  DequeObject* x = D(a);
  DequeObject* y = D(b);
  int64_t i = 0;
  for (; i < x->size && i < y->size; ++i) {
    int eq = equal(at(x, i), at(y, i));
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= x->size || i >= y->size) {
    int64_t l = x->size, r = y->size;
    bool res = false;
    switch (op) {
      case CompareKind::Lt: res = l < r; break;
      case CompareKind::Le: res = l <= r; break;
      case CompareKind::Eq: res = l == r; break;
      case CompareKind::Ne: res = l != r; break;
      case CompareKind::Gt: res = l > r; break;
      case CompareKind::Ge: res = l >= r; break;
      default: break;
    }
    return bool_value(res);
  }
  if (op == CompareKind::Eq) return False;
  if (op == CompareKind::Ne) return True;
  return rich_compare(at(x, i), at(y, i), op);
}
template <CompareKind K>
Value deque_cmp(Value* args, int64_t, TupleObject*) { return deque_compare(args[0], args[1], K); }

Value deque_add(Value* args, int64_t, TupleObject*) {
  if (!is_deque(args[1]))
    return raise_fmt(TypeErrorType, "can only concatenate deque (not \"%s\") to deque", type_name(args[1]));
  Value c = deque_copy(args, 1, nullptr);
  if (c.is_empty_slot()) return c;
  return extend(D(c), args[1], false) ? c : Value();
}
Value deque_iadd(Value* args, int64_t, TupleObject*) {
  return extend(D(args[0]), args[1], false) ? args[0] : Value();
}
// d *= n: the items n times over (with maxlen, only the last maxlen of them survive, so a few
// repetitions are enough).
bool repeat_in_place(DequeObject* d, Value count) {
  Value i = index(count);
  if (i.is_empty_slot()) return false;
  int64_t n;
  if (!int_to_int64(i, &n)) n = rich_compare_bool(i, Value::from_small_int(0), CompareKind::Lt) == 1 ? 0 : INT64_MAX;
  if (n <= 0) {
    clear_deque(d);
    return true;
  }
  const int64_t size = d->size;
  if (size == 0 || n == 1) return true;
  Value orig = sequence_to_tuple(Value::from_obj(d));
  if (orig.is_empty_slot()) return false;
  int64_t extra = n - 1;
  if (d->maxlen >= 0 && extra > d->maxlen / size + 1) extra = d->maxlen / size + 1;
  for (int64_t k = 0; k < extra; ++k)
    for (int64_t j = 0; j < size; ++j)
      if (!push_right(d, as_tuple(orig)->items[j])) return false;
  return true;
}
Value deque_mul(Value* args, int64_t, TupleObject*) {
  if (!is_int(args[1]) && type_lookup(type_of(args[1]), names::dunder_index).is_empty_slot()) return NotImplemented;
  Value c = deque_copy(args, 1, nullptr);
  if (c.is_empty_slot()) return c;
  return repeat_in_place(D(c), args[1]) ? c : Value();
}
Value deque_imul(Value* args, int64_t, TupleObject*) {
  if (!is_int(args[1]) && type_lookup(type_of(args[1]), names::dunder_index).is_empty_slot()) return NotImplemented;
  return repeat_in_place(D(args[0]), args[1]) ? args[0] : Value();
}
// (type, () or ((), maxlen), instance dict or None, iterator over the items).
Value deque_reduce(Value* args, int64_t, TupleObject*) {
  DequeObject* d = D(args[0]);
  Value state = None;
  if (d->type->dict_offset) {
    DictObject* own = instance_dict_if_nonempty(d);
    if (own) state = Value::from_obj(own);
    else if (has_pending_exception()) return Value();
  }
  TupleObject* ctor = d->maxlen < 0 ? empty_tuple() : tuple_of({Value::from_obj(empty_tuple()), int_from_int64(d->maxlen)});
  if (!ctor) return Value();
  Value it = deque_iter(args, 1, nullptr);
  if (it.is_empty_slot()) return it;
  TupleObject* t = tuple_of({Value::from_obj(type_of(args[0])), Value::from_obj(ctor), state, it});
  return t ? Value::from_obj(t) : Value();
}
Value deque_get_maxlen(Value self) { return D(self)->maxlen < 0 ? None : int_from_int64(D(self)->maxlen); }

const NativeMethodDef kDequeMethods[] = {
    {"__new__", deque_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", deque_init},
    {"append", deque_append},
    {"appendleft", deque_appendleft},
    {"pop", deque_pop},
    {"popleft", deque_popleft},
    {"extend", deque_extend},
    {"extendleft", deque_extendleft},
    {"clear", deque_clear},
    {"copy", deque_copy},
    {"__copy__", deque_copy},
    {"count", deque_count},
    {"index", deque_index},
    {"insert", deque_insert},
    {"remove", deque_remove},
    {"reverse", deque_reverse},
    {"rotate", deque_rotate},
    {"__len__", deque_len},
    {"__bool__", deque_bool},
    {"__getitem__", deque_getitem},
    {"__setitem__", deque_setitem},
    {"__delitem__", deque_delitem},
    {"__contains__", deque_contains},
    {"__iter__", deque_iter},
    {"__reversed__", deque_reversed},
    {"__repr__", deque_repr},
    {"__eq__", deque_cmp<CompareKind::Eq>},
    {"__ne__", deque_cmp<CompareKind::Ne>},
    {"__lt__", deque_cmp<CompareKind::Lt>},
    {"__le__", deque_cmp<CompareKind::Le>},
    {"__gt__", deque_cmp<CompareKind::Gt>},
    {"__ge__", deque_cmp<CompareKind::Ge>},
    {"__add__", deque_add},
    {"__iadd__", deque_iadd},
    {"__mul__", deque_mul},
    {"__rmul__", deque_mul},
    {"__imul__", deque_imul},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"__reduce__", deque_reduce},
};
const NativeGetSetDef kDequeGetSets[] = {{"maxlen", deque_get_maxlen}};

// ---- defaultdict --------------------------------------------------------------------------------
struct DefaultDictObject : DictObject {
  Value factory;
};
Value& factory_of(Value v) { return static_cast<DefaultDictObject*>(v.as_obj())->factory; }

void visit_defaultdict(Object* self, Visitor& v) {
  DictType->visit(self, v);
  v.visit(static_cast<DefaultDictObject*>(self)->factory);
}

Value dd_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value factory = None;
  Value* rest = args + 1;
  int64_t nrest = nargs - 1;
  if (nrest > 0) {
    factory = args[1];
    if (factory != None && !is_callable(factory))
      return raise_msg(TypeErrorType, "first argument must be callable or None");
    ++rest;
    --nrest;
  }
  factory_of(args[0]) = factory;
  // dict.__init__(self, *rest, **kw)
  Value init = type_lookup(DictType, names::dunder_init);
  int64_t total = nrest + (kwnames ? kwnames->size : 0);
  std::vector<Value> buf(static_cast<size_t>(total + 1));
  buf[0] = args[0];
  for (int64_t i = 0; i < total; ++i) buf[i + 1] = rest[i];
  return call(init, buf.data(), nrest + 1, kwnames);
}
Value dd_missing(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__missing__", nargs - 1, kw, 1, 1)) return Value();
  Value f = factory_of(args[0]);
  if (f.is_empty_slot() || f == None)
    return raise(Value::from_obj(new_exception(KeyErrorType, tuple_of({args[1]}))));
  Value v = call0(f);
  if (v.is_empty_slot()) return v;
  if (!set_item(args[0], args[1], v)) return Value();
  return v;
}
Value dd_repr(Value* args, int64_t, TupleObject*) {
  Value f = factory_of(args[0]);
  std::string fs;
  if (f.is_empty_slot() || f == None) {
    fs = "None";
  } else {
    ReprGuard guard(args[0].as_obj());
    if (guard.recursive) fs = "...";
    else if (!repr_string(f, &fs)) return Value();
  }
  Value base = dict_repr(args[0]);
  if (base.is_empty_slot()) return base;
  return str_value(std::string(type_of(args[0])->name_obj->view()) + "(" + fs + ", " +
                   std::string(as_str(base)->view()) + ")");
}
Value dd_copy(Value* args, int64_t, TupleObject*) {
  Value f = factory_of(args[0]);
  Value a[2] = {f.is_empty_slot() ? None : f, args[0]};
  return call(Value::from_obj(type_of(args[0])), a, 2, nullptr);
}
Value dd_get_factory(Value self) {
  Value f = factory_of(self);
  return f.is_empty_slot() ? None : f;
}
bool dd_set_factory(Value self, Value v) {
  factory_of(self) = v.is_empty_slot() ? None : v;
  return true;
}
Value dd_or(Value* args, int64_t, TupleObject*) {
  if (!is_dict(args[1])) return NotImplemented;
  Value c = dd_copy(args, 1, nullptr);
  if (c.is_empty_slot()) return c;
  return dict_update_from(as_dict(c), args[1]) ? c : Value();
}

// (type, (factory,) or (), None, None, iterator over the items).
Value dd_reduce(Value* args, int64_t, TupleObject*) {
  Value f = factory_of(args[0]);
  TupleObject* ctor = f.is_empty_slot() || f == None ? empty_tuple() : tuple_of({f});
  if (!ctor) return Value();
  Value items = call_method(args[0], intern("items"), nullptr, 0);
  if (items.is_empty_slot()) return items;
  Value it = get_iter(items);
  if (it.is_empty_slot()) return it;
  TupleObject* t = tuple_of({Value::from_obj(type_of(args[0])), Value::from_obj(ctor), None, None, it});
  return t ? Value::from_obj(t) : Value();
}

const NativeMethodDef kDefaultDictMethods[] = {
    {"__reduce__", dd_reduce},
    {"__init__", dd_init},
    {"__missing__", dd_missing},
    {"__repr__", dd_repr},
    {"copy", dd_copy},
    {"__copy__", dd_copy},
    {"__or__", dd_or},
};
const NativeGetSetDef kDefaultDictGetSets[] = {{"default_factory", dd_get_factory, dd_set_factory}};

bool init_collections(ModuleObject* m) {
  if (!g_deque_type) {
    g_deque_type = make_native_type("collections.deque", sizeof(DequeObject), visit_deque, true);
    set_collection_kind(g_deque_type, kCollectionSequence);
    g_deque_type->flags = g_deque_type->flags | TypeFlag::Sequence;  // a sequence to pattern matching
    add_methods(g_deque_type, kDequeMethods);
    add_getsets(g_deque_type, kDequeGetSets);
    type_set_attr_raw(g_deque_type, names::dunder_hash, None);
    g_deque_iter_type = make_native_type("_collections._deque_iterator", sizeof(DequeIterObject), visit_deque_iter, false);
    static const NativeMethodDef kIterMethods[] = {
        {"__next__", deque_iter_next}, {"__iter__", return_self}, {"__length_hint__", deque_iter_length_hint}};
    add_methods(g_deque_iter_type, kIterMethods);
    g_deque_rev_iter_type =
        make_native_type("_collections._deque_reverse_iterator", sizeof(DequeIterObject), visit_deque_iter, false);
    static const NativeMethodDef kRevMethods[] = {
        {"__next__", deque_rev_iter_next}, {"__iter__", return_self}, {"__length_hint__", deque_iter_length_hint}};
    add_methods(g_deque_rev_iter_type, kRevMethods);
    g_defaultdict_type =
        make_native_type("collections.defaultdict", sizeof(DefaultDictObject), visit_defaultdict, true, DictType);
    add_methods(g_defaultdict_type, kDefaultDictMethods);
    add_getsets(g_defaultdict_type, kDefaultDictGetSets);
  }
  return module_add(m, "deque", Value::from_obj(g_deque_type)) &&
         module_add(m, "defaultdict", Value::from_obj(g_defaultdict_type)) &&
         module_add(m, "_deque_iterator", Value::from_obj(g_deque_iter_type)) &&
         module_add(m, "_deque_reverse_iterator", Value::from_obj(g_deque_rev_iter_type));
}

}  // namespace

extern const NativeModuleDef kCollectionsModule;
const NativeModuleDef kCollectionsModule = {"_collections", nullptr, 0, init_collections};

}  // namespace coil::lib
