// itertools_more.cpp — itertools.tee (and its _tee / _tee_dataobject types) and the
// combinatoric iterators: product, permutations, combinations, combinations_with_replacement.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
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

const NativeMethodDef kTeeMethods[] = {
    {"__new__", tee_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", tee_next},
    {"__iter__", return_self},
    {"__copy__", tee_copy},
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

const NativeMethodDef kProductMethods[] = {
    {"__new__", product_new, NativeMethodDef::Kind::StaticMethod}, {"__next__", product_next}, {"__iter__", return_self}};
const NativeMethodDef kPermutationsMethods[] = {{"__new__", permutations_new, NativeMethodDef::Kind::StaticMethod},
                                                {"__next__", permutations_next},
                                                {"__iter__", return_self}};
const NativeMethodDef kCombinationsMethods[] = {{"__new__", combinations_new, NativeMethodDef::Kind::StaticMethod},
                                                {"__next__", combinations_next},
                                                {"__iter__", return_self}};
const NativeMethodDef kCwrMethods[] = {
    {"__new__", cwr_new, NativeMethodDef::Kind::StaticMethod}, {"__next__", cwr_next}, {"__iter__", return_self}};

}  // namespace

bool init_itertools_more(ModuleObject* m) {
  if (!g_tee_type) {
    g_teedata_type = make_native_type("itertools._tee_dataobject", sizeof(TeeDataObject), visit_teedata, false);
    g_tee_type = make_native_type("itertools._tee", sizeof(TeeObject), visit_tee, false);
    add_methods(g_tee_type, kTeeMethods);
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
