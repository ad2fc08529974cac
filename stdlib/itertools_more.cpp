// itertools_more.cpp — itertools.tee (and its _tee / _tee_dataobject types) and the
// combinatoric iterators: product, permutations, combinations, combinations_with_replacement.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iterator_reduce.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/itertools.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// ---- tee ----------------------------------------------------------------------------------------
// The items read from the shared iterator are kept in a linked list of fixed-size chunks; each
// _tee object walks the list with its own position, so items are freed once every tee passed.
constexpr int kTeeChunk = 57;

struct TeeDataObject : Object {
  Value it;
  Value next;  // the following chunk (empty until needed)
  int64_t numread;
  bool running;  // inside the shared iterator's __next__ (re-entry would corrupt the chunk)
  Value values[kTeeChunk];
};
struct TeeObject : Object {
  Value data;  // TeeDataObject
  int64_t index;
};

TypeObject* g_tee_type = nullptr;
TypeObject* g_teedata_type = nullptr;

void visit_teedata(Object* self, Visitor& v) {
  auto* d = static_cast<TeeDataObject*>(self);
  v.visit(d->it);
  v.visit(d->next);
  v.visit_range(d->values, d->values + d->numread);
}
void visit_tee(Object* self, Visitor& v) { v.visit(static_cast<TeeObject*>(self)->data); }

TeeDataObject* new_teedata(Value it) {
  auto* d = static_cast<TeeDataObject*>(new_instance(g_teedata_type));
  if (d) d->it = it;
  return d;
}

Value new_tee_from_iterator(Value it) {
  TeeDataObject* d = new_teedata(it);
  if (!d) return Value();
  auto* t = static_cast<TeeObject*>(new_instance(g_tee_type));
  if (!t) return Value();
  t->data = Value::from_obj(d);
  return Value::from_obj(t);
}

Value tee_copy(Value* args, int64_t, TupleObject*) {
  auto* src = static_cast<TeeObject*>(args[0].as_obj());
  auto* t = static_cast<TeeObject*>(new_instance(g_tee_type));
  if (!t) return Value();
  t->data = src->data;
  t->index = src->index;
  return Value::from_obj(t);
}

Value tee_next(Value* args, int64_t, TupleObject*) {
  auto* t = static_cast<TeeObject*>(args[0].as_obj());
  auto* d = static_cast<TeeDataObject*>(t->data.as_obj());
  if (t->index >= kTeeChunk) {
    if (d->next.is_empty_slot()) {
      TeeDataObject* nx = new_teedata(d->it);
      if (!nx) return Value();
      d->next = Value::from_obj(nx);
    }
    t->data = d->next;
    t->index = 0;
    d = static_cast<TeeDataObject*>(t->data.as_obj());
  }
  if (t->index < d->numread) return d->values[t->index++];
  // The iterator's __next__ may re-enter this tee group (from Python code, or from another
  // thread while it waits with the GIL released): refused, as CPython does.
  if (d->running) return raise_msg(RuntimeErrorType, "cannot re-enter the tee iterator");
  d->running = true;
  Value v = next_or_stop(d->it);
  d->running = false;
  if (v.is_empty_slot()) return v;
  d->values[d->numread++] = v;
  ++t->index;
  return v;
}

Value tee_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("_tee", kwnames) || !check_positional("_tee", nargs - 1, 1, 1)) return Value();
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return it;
  if (is_exact(it, g_tee_type)) return tee_copy(&it, 1, nullptr);
  return new_tee_from_iterator(it);
}

// --- tee pickling: a _tee is (_tee, ((),), (dataobject, index)); a _tee_dataobject is
// (_tee_dataobject, (it, values read so far, next chunk or None)).

Value tee_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* t = static_cast<TeeObject*>(args[0].as_obj());
  TupleObject* st = tuple_of({t->data, int_from_int64(t->index)});
  if (!st) return Value();
  return reduce_tuple(Value::from_obj(type_of(args[0])), {Value::from_obj(empty_tuple())}, Value::from_obj(st));
}

Value tee_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_subtype(type_of(args[1]), TupleType)) return raise_msg(TypeErrorType, "state is not a tuple");
  TupleObject* st = as_tuple(args[1]);
  if (st->size != 2)
    return raise_fmt(TypeErrorType, "function takes exactly 2 arguments (%lld given)", static_cast<long long>(st->size));
  if (!is_exact(st->items[0], g_teedata_type))
    return raise_fmt(TypeErrorType, "argument 1 must be itertools._tee_dataobject, not %s", arg_type_name(st->items[0]));
  int64_t index;
  if (!ssize_arg(st->items[1], &index)) return Value();
  if (index < 0 || index > kTeeChunk) return raise_msg(ValueErrorType, "Index out of range");
  auto* t = static_cast<TeeObject*>(args[0].as_obj());
  t->data = st->items[0];
  t->index = index;
  return None;
}

Value teedata_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* d = static_cast<TeeDataObject*>(args[0].as_obj());
  ListObject* values = new_list(d->numread);
  if (!values) return Value();
  for (int64_t i = 0; i < d->numread; ++i) values->items()[i] = d->values[i];
  Value next = d->next.is_empty_slot() ? None : d->next;
  return reduce_tuple(Value::from_obj(type_of(args[0])), {d->it, Value::from_obj(values), next});
}

// _tee_dataobject(iterator, values, next): a chunk restored from its pickle.
Value teedata_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("_tee_dataobject", kwnames) || !check_positional("_tee_dataobject", nargs - 1, 3, 3)) return Value();
  Value values = args[2], next = args[3];
  if (!is_exact(values, ListType))
    return raise_fmt(TypeErrorType, "_tee_dataobject() argument 2 must be list, not %s", arg_type_name(values));
  ListObject* l = as_list(values);
  // At most a chunk of values, and only a full chunk may link to a next one.
  bool ok = l->size <= kTeeChunk && (next == None || (l->size == kTeeChunk && is_exact(next, g_teedata_type)));
  if (!ok) return raise_msg(ValueErrorType, "Invalid arguments");
  TeeDataObject* d = new_teedata(args[1]);
  if (!d) return Value();
  for (int64_t i = 0; i < l->size; ++i) d->values[i] = l->items()[i];
  d->numread = l->size;
  d->next = next == None ? Value() : next;
  return Value::from_obj(d);
}

const NativeMethodDef kTeeMethods[] = {
    {"__new__", tee_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", tee_next},
    {"__iter__", return_self},
    {"__copy__", tee_copy},
    {"__reduce__", tee_reduce},
    {"__setstate__", tee_setstate},
};
const NativeMethodDef kTeeDataMethods[] = {
    {"__new__", teedata_new, NativeMethodDef::Kind::StaticMethod},
    {"__reduce__", teedata_reduce},
};

Value itertools_tee(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("tee", kwnames)) return Value();
  if (!check_positional("tee", nargs, 1, 2)) return Value();
  int64_t n = 2;
  if (nargs == 2) {
    Value i = index(args[1]);
    if (i.is_empty_slot()) return i;
    if (!int_to_int64(i, &n)) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  }
  if (n < 0) return raise_msg(ValueErrorType, "n must be >= 0");
  TupleObject* result = new_tuple(n);
  if (!result) return Value();
  if (n == 0) return Value::from_obj(result);
  Value it = get_iter(args[0]);
  if (it.is_empty_slot()) return it;
  // An iterator with __copy__ (a _tee) is copied instead of wrapped.
  Value copy = type_lookup(type_of(it), intern("__copy__"));
  Value first = copy.is_empty_slot() ? new_tee_from_iterator(it) : it;
  if (first.is_empty_slot()) return first;
  result->items[0] = first;
  for (int64_t i = 1; i < n; ++i) {
    Value c = call_method(first, intern("__copy__"), nullptr, 0);
    if (c.is_empty_slot()) return c;
    result->items[i] = c;
  }
  return Value::from_obj(result);
}

// ---- combinatorics ------------------------------------------------------------------------------
// pool: the tuple of items (product: a tuple of pools); idx / aux: tuples of small ints the
// object mutates in place; result: the last tuple returned; state: 0 first, 1 running, 2 done.
struct CombObject : Object {
  Value pool, idx, aux;
  int64_t n, r, state;
};
void visit_comb(Object* self, Visitor& v) {
  auto* c = static_cast<CombObject*>(self);
  v.visit(c->pool);
  v.visit(c->idx);
  v.visit(c->aux);
}
TypeObject* g_product_type = nullptr;
TypeObject* g_permutations_type = nullptr;
TypeObject* g_combinations_type = nullptr;
TypeObject* g_cwr_type = nullptr;

// Index tuples hold small ints, rewritten in place (they never escape to Python code).
int64_t get_i(Value t, int64_t i) { return as_tuple(t)->items[i].as_small_int(); }
void set_i(Value t, int64_t i, int64_t v) { as_tuple(t)->items[i] = Value::from_small_int(v); }

Value int_tuple(int64_t n, int64_t fill) {
  TupleObject* t = new_tuple(n);
  if (!t) return Value();
  for (int64_t i = 0; i < n; ++i) t->items[i] = Value::from_small_int(fill);
  return Value::from_obj(t);
}

CombObject* new_comb(Value type, Value pool, int64_t n, int64_t r) {
  auto* c = static_cast<CombObject*>(new_instance(static_cast<TypeObject*>(type.as_obj())));
  if (!c) return nullptr;
  c->pool = pool;
  c->n = n;
  c->r = r;
  return c;
}

// The tuple pool[idx[0]], ..., pool[idx[r-1]].
Value pick(CombObject* c) {
  TupleObject* t = new_tuple(c->r);
  if (!t) return Value();
  TupleObject* pool = as_tuple(c->pool);
  for (int64_t i = 0; i < c->r; ++i) t->items[i] = pool->items[get_i(c->idx, i)];
  return Value::from_obj(t);
}

bool get_r(Value v, int64_t* r) {
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  if (!int_to_int64(i, r)) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    return false;
  }
  if (*r < 0) {
    raise_msg(ValueErrorType, "r must be non-negative");
    return false;
  }
  return true;
}

Value combinations_new_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, bool repl) {
  Value a[2];
  if (!parse_args(fname, args + 1, nargs - 1, kwnames, {"iterable", "r"}, 2, a)) return Value();
  Value pool = sequence_to_tuple(a[0]);
  if (pool.is_empty_slot()) return pool;
  int64_t r;
  if (!get_r(a[1], &r)) return Value();
  int64_t n = as_tuple(pool)->size;
  CombObject* c = new_comb(args[0], pool, n, r);
  if (!c) return Value();
  Value idx = int_tuple(r, 0);
  if (idx.is_empty_slot()) return idx;
  if (!repl)
    for (int64_t i = 0; i < r; ++i) set_i(idx, i, i);
  c->idx = idx;
  return Value::from_obj(c);
}
Value combinations_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  return combinations_new_impl("combinations", args, nargs, kwnames, false);
}
Value cwr_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  return combinations_new_impl("combinations_with_replacement", args, nargs, kwnames, true);
}

Value combinations_next(Value* args, int64_t, TupleObject*) {
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  if (c->state == 2) return stop_iteration();
  if (c->state == 0) {
    if (c->r > c->n) {
      c->state = 2;
      return stop_iteration();
    }
    c->state = 1;
    return pick(c);
  }
  int64_t i = c->r - 1;
  while (i >= 0 && get_i(c->idx, i) == i + c->n - c->r) --i;
  if (i < 0) {
    c->state = 2;
    return stop_iteration();
  }
  set_i(c->idx, i, get_i(c->idx, i) + 1);
  for (int64_t j = i + 1; j < c->r; ++j) set_i(c->idx, j, get_i(c->idx, j - 1) + 1);
  return pick(c);
}

Value cwr_next(Value* args, int64_t, TupleObject*) {
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  if (c->state == 2) return stop_iteration();
  if (c->state == 0) {
    if (c->n == 0 && c->r > 0) {
      c->state = 2;
      return stop_iteration();
    }
    c->state = 1;
    return pick(c);
  }
  int64_t i = c->r - 1;
  while (i >= 0 && get_i(c->idx, i) == c->n - 1) --i;
  if (i < 0) {
    c->state = 2;
    return stop_iteration();
  }
  int64_t v = get_i(c->idx, i) + 1;
  for (int64_t j = i; j < c->r; ++j) set_i(c->idx, j, v);
  return pick(c);
}

Value permutations_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("permutations", args + 1, nargs - 1, kwnames, {"iterable", "r"}, 1, a)) return Value();
  Value pool = sequence_to_tuple(a[0]);
  if (pool.is_empty_slot()) return pool;
  int64_t n = as_tuple(pool)->size;
  int64_t r = n;
  if (!a[1].is_empty_slot() && a[1] != None && !get_r(a[1], &r)) return Value();
  CombObject* c = new_comb(args[0], pool, n, r);
  if (!c) return Value();
  Value idx = int_tuple(n, 0);
  if (idx.is_empty_slot()) return idx;
  for (int64_t i = 0; i < n; ++i) set_i(idx, i, i);
  c->idx = idx;
  Value cycles = int_tuple(r > n ? 0 : r, 0);
  if (cycles.is_empty_slot()) return cycles;
  for (int64_t i = 0; i < r && r <= n; ++i) set_i(cycles, i, n - i);
  c->aux = cycles;
  return Value::from_obj(c);
}

Value permutations_next(Value* args, int64_t, TupleObject*) {
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  if (c->state == 2) return stop_iteration();
  if (c->state == 0) {
    if (c->r > c->n) {
      c->state = 2;
      return stop_iteration();
    }
    c->state = 1;
    return pick(c);
  }
  const int64_t n = c->n, r = c->r;
  for (int64_t i = r - 1; i >= 0; --i) {
    int64_t cyc = get_i(c->aux, i) - 1;
    if (cyc == 0) {
      // Rotate indices[i:] left by one.
      int64_t first = get_i(c->idx, i);
      for (int64_t j = i; j < n - 1; ++j) set_i(c->idx, j, get_i(c->idx, j + 1));
      set_i(c->idx, n - 1, first);
      set_i(c->aux, i, n - i);
    } else {
      set_i(c->aux, i, cyc);
      int64_t j = n - cyc;
      int64_t tmp = get_i(c->idx, i);
      set_i(c->idx, i, get_i(c->idx, j));
      set_i(c->idx, j, tmp);
      return pick(c);
    }
  }
  c->state = 2;
  return stop_iteration();
}

Value product_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  int64_t repeat = 1;
  if (kwnames && kwnames->size) {
    for (int64_t i = 0; i < kwnames->size; ++i)
      if (as_str(kwnames->items[i])->view() != "repeat")
        return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for product()",
                         as_str(kwnames->items[i])->data);
    Value rv = kwarg(args, nargs, kwnames, "repeat");
    Value i = index(rv);
    if (i.is_empty_slot()) return i;
    if (!int_to_int64(i, &repeat)) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    if (repeat < 0) return raise_msg(ValueErrorType, "repeat argument cannot be negative");
  }
  int64_t npools = nargs - 1;
  TupleObject* pools = new_tuple(npools * repeat);
  if (!pools) return Value();
  for (int64_t i = 0; i < npools; ++i) {
    Value p = sequence_to_tuple(args[1 + i]);
    if (p.is_empty_slot()) return p;
    for (int64_t k = 0; k < repeat; ++k) pools->items[k * npools + i] = p;
  }
  CombObject* c = new_comb(args[0], Value::from_obj(pools), pools->size, pools->size);
  if (!c) return Value();
  Value idx = int_tuple(pools->size, 0);
  if (idx.is_empty_slot()) return idx;
  c->idx = idx;
  return Value::from_obj(c);
}

Value product_pick(CombObject* c) {
  TupleObject* t = new_tuple(c->r);
  if (!t) return Value();
  TupleObject* pools = as_tuple(c->pool);
  for (int64_t i = 0; i < c->r; ++i) t->items[i] = as_tuple(pools->items[i])->items[get_i(c->idx, i)];
  return Value::from_obj(t);
}

Value product_next(Value* args, int64_t, TupleObject*) {
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  if (c->state == 2) return stop_iteration();
  TupleObject* pools = as_tuple(c->pool);
  if (c->state == 0) {
    for (int64_t i = 0; i < pools->size; ++i)
      if (as_tuple(pools->items[i])->size == 0) {
        c->state = 2;
        return stop_iteration();
      }
    c->state = 1;
    return product_pick(c);
  }
  int64_t i = pools->size - 1;
  for (; i >= 0; --i) {
    int64_t v = get_i(c->idx, i) + 1;
    if (v < as_tuple(pools->items[i])->size) {
      set_i(c->idx, i, v);
      break;
    }
    set_i(c->idx, i, 0);
  }
  if (i < 0) {
    c->state = 2;
    return stop_iteration();
  }
  return product_pick(c);
}

// --- pickling of the combinatoric iterators -----------------------------------------------------
// Before the first item: (type, (pool, r)); running: the same plus the index state of the last
// item produced (restored by __setstate__, which clamps every index into range); done: an
// empty pool. product's arguments are its pools (already repeated).

Value comb_type(Value self) { return Value::from_obj(type_of(self)); }

// The copy of an index tuple (the object rewrites its own in place).
Value copy_indices(Value t, int64_t n) {
  TupleObject* c = new_tuple(n);
  if (!c) return Value();
  for (int64_t i = 0; i < n; ++i) c->items[i] = as_tuple(t)->items[i];
  return Value::from_obj(c);
}

// combinations, combinations_with_replacement, permutations: "started" means an item was
// produced (a pool too small for r never produces one, and pickles as fresh).
Value comb_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  Value r = int_from_int64(c->r);
  bool never = c->state == 0 || (type_of(args[0]) != g_cwr_type && c->r > c->n) ||
               (type_of(args[0]) == g_cwr_type && c->n == 0 && c->r > 0);
  if (never) return reduce_tuple(comb_type(args[0]), {c->pool, r});
  if (c->state == 2) return reduce_tuple(comb_type(args[0]), {Value::from_obj(empty_tuple()), r});
  bool perm = is_subtype(type_of(args[0]), g_permutations_type);
  Value idx = copy_indices(c->idx, perm ? c->n : c->r);
  if (idx.is_empty_slot()) return idx;
  if (!perm) return reduce_tuple(comb_type(args[0]), {c->pool, r}, idx);
  Value cycles = copy_indices(c->aux, c->r);
  if (cycles.is_empty_slot()) return cycles;
  TupleObject* st = tuple_of({idx, cycles});
  return st ? reduce_tuple(comb_type(args[0]), {c->pool, r}, Value::from_obj(st)) : Value();
}

// Reads a tuple of `n` ints clamped to [lo(i), hi(i)] into `dst`; false with ValueError.
template <typename Lo, typename Hi>
bool read_indices(Value src, int64_t n, Value dst, Lo lo, Hi hi) {
  if (!is_exact(src, TupleType) || as_tuple(src)->size != n) {
    raise_msg(ValueErrorType, "invalid arguments");
    return false;
  }
  for (int64_t i = 0; i < n; ++i) {
    int64_t v;
    if (!ssize_arg(as_tuple(src)->items[i], &v)) return false;
    if (v < lo(i)) v = lo(i);
    if (v > hi(i)) v = hi(i);
    set_i(dst, i, v);
  }
  return true;
}

Value combinations_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  bool repl = is_subtype(type_of(args[0]), g_cwr_type);
  const int64_t n = c->n, r = c->r;
  if (repl ? n == 0 && r > 0 : r > n) return None;  // never produces an item: nothing to restore
  auto lo = [](int64_t) { return int64_t{0}; };
  auto hi = [&](int64_t i) { return repl ? n - 1 : i + n - r; };
  if (!read_indices(args[1], r, c->idx, lo, hi)) return Value();
  c->state = 1;
  return None;
}

Value permutations_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!is_subtype(type_of(args[1]), TupleType)) return raise_msg(TypeErrorType, "state is not a tuple");
  TupleObject* st = as_tuple(args[1]);
  if (st->size != 2)
    return raise_fmt(TypeErrorType, "function takes exactly 2 arguments (%lld given)", static_cast<long long>(st->size));
  for (int64_t i = 0; i < 2; ++i)
    if (!is_subtype(type_of(st->items[i]), TupleType))
      return raise_fmt(TypeErrorType, "argument %lld must be tuple, not %s", static_cast<long long>(i + 1),
                       arg_type_name(st->items[i]));
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  const int64_t n = c->n;
  if (c->r > n) return None;  // never produces an item: nothing to restore
  if (as_tuple(st->items[0])->size != n || as_tuple(st->items[1])->size != c->r)
    return raise_msg(ValueErrorType, "invalid arguments");
  if (!read_indices(st->items[0], n, c->idx, [](int64_t) { return int64_t{0}; }, [&](int64_t) { return n - 1; }) ||
      !read_indices(st->items[1], c->r, c->aux, [](int64_t) { return int64_t{1}; }, [&](int64_t i) { return n - i; }))
    return Value();
  c->state = 1;
  return None;
}

Value product_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  if (c->state == 2) return reduce_tuple(comb_type(args[0]), {Value::from_obj(empty_tuple())});
  TupleObject* r = nullptr;
  if (c->state == 0) {
    r = tuple_of({comb_type(args[0]), c->pool});
  } else {
    Value idx = copy_indices(c->idx, c->r);
    if (idx.is_empty_slot()) return idx;
    r = tuple_of({comb_type(args[0]), c->pool, idx});
  }
  return r ? Value::from_obj(r) : Value();
}

// A pool that is empty makes the product stop at once.
Value product_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  auto* c = static_cast<CombObject*>(args[0].as_obj());
  TupleObject* pools = as_tuple(c->pool);
  Value st = args[1];
  if (!is_exact(st, TupleType) || as_tuple(st)->size != pools->size) return raise_msg(ValueErrorType, "invalid arguments");
  for (int64_t i = 0; i < pools->size; ++i) {
    int64_t v;
    if (!ssize_arg(as_tuple(st)->items[i], &v)) return Value();
    int64_t size = as_tuple(pools->items[i])->size;
    if (size == 0) {
      c->state = 2;
      return None;
    }
    if (v < 0) v = 0;
    if (v > size - 1) v = size - 1;
    set_i(c->idx, i, v);
  }
  c->state = 1;
  return None;
}

const NativeMethodDef kProductMethods[] = {{"__new__", product_new, NativeMethodDef::Kind::StaticMethod},
                                           {"__next__", product_next},
                                           {"__iter__", return_self},
                                           {"__reduce__", product_reduce},
                                           {"__setstate__", product_setstate}};
const NativeMethodDef kPermutationsMethods[] = {{"__new__", permutations_new, NativeMethodDef::Kind::StaticMethod},
                                                {"__next__", permutations_next},
                                                {"__iter__", return_self},
                                                {"__reduce__", comb_reduce},
                                                {"__setstate__", permutations_setstate}};
const NativeMethodDef kCombinationsMethods[] = {{"__new__", combinations_new, NativeMethodDef::Kind::StaticMethod},
                                                {"__next__", combinations_next},
                                                {"__iter__", return_self},
                                                {"__reduce__", comb_reduce},
                                                {"__setstate__", combinations_setstate}};
const NativeMethodDef kCwrMethods[] = {{"__new__", cwr_new, NativeMethodDef::Kind::StaticMethod},
                                       {"__next__", cwr_next},
                                       {"__iter__", return_self},
                                       {"__reduce__", comb_reduce},
                                       {"__setstate__", combinations_setstate}};

}  // namespace

bool init_itertools_more(ModuleObject* m) {
  if (!g_tee_type) {
    g_teedata_type = make_native_type("itertools._tee_dataobject", sizeof(TeeDataObject), visit_teedata, false);
    g_tee_type = make_native_type("itertools._tee", sizeof(TeeObject), visit_tee, false);
    add_methods(g_tee_type, kTeeMethods);
    add_methods(g_teedata_type, kTeeDataMethods);
    register_weakrefable_type(g_tee_type);
    g_product_type = make_native_type("itertools.product", sizeof(CombObject), visit_comb, true);
    add_methods(g_product_type, kProductMethods);
    g_permutations_type = make_native_type("itertools.permutations", sizeof(CombObject), visit_comb, true);
    add_methods(g_permutations_type, kPermutationsMethods);
    g_combinations_type = make_native_type("itertools.combinations", sizeof(CombObject), visit_comb, true);
    add_methods(g_combinations_type, kCombinationsMethods);
    g_cwr_type = make_native_type("itertools.combinations_with_replacement", sizeof(CombObject), visit_comb, true);
    add_methods(g_cwr_type, kCwrMethods);
  }
  static const NativeFunctionDef kTee = {"tee", itertools_tee};
  NativeFunctionObject* tee = new_native_function(kTee.name, kTee.fn, Value(), Value());
  if (!tee) return false;
  for (TypeObject* t : {g_teedata_type, g_tee_type, g_product_type, g_permutations_type, g_combinations_type, g_cwr_type})
    if (!module_add(m, t->name_obj->data, Value::from_obj(t))) return false;
  return module_add(m, "tee", Value::from_obj(tee));
}

}  // namespace coil::lib
