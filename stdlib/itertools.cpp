// itertools.cpp — the itertools module: the infinite and terminating iterators (count, cycle,
// repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, groupby,
// islice, pairwise, zip_longest). tee and the combinatoric ones are in itertools_more.cpp.
#include "stdlib/itertools.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::lib {

using namespace coil::rt;

Value stop_iteration() { return raise(Value::from_obj(new_exception(StopIterationType, nullptr))); }

Value next_or_stop(Value it) {
  bool done = false;
  Value v = iter_next(it, &done);
  if (done) return stop_iteration();
  return v;
}

namespace {

// Every itertools object: a handful of Value fields and a few integers, visited by field list.
template <int N>
struct ValuesObject : Object {
  Value v[N];
  int64_t n[3];
};
template <int N>
void visit_values(Object* self, Visitor& vis) {
  auto* o = static_cast<ValuesObject<N>*>(self);
  vis.visit_range(o->v, o->v + N);
}
template <int N>
ValuesObject<N>* fields(Value self) { return static_cast<ValuesObject<N>*>(self.as_obj()); }
template <int N>
ValuesObject<N>* new_values(Value type) {
  return static_cast<ValuesObject<N>*>(new_instance(static_cast<TypeObject*>(type.as_obj())));
}
template <int N>
TypeObject* make_iter_type(const char* name, const NativeMethodDef* methods, size_t n) {
  TypeObject* t = make_native_type(name, sizeof(ValuesObject<N>), visit_values<N>, true);
  add_methods(t, methods, n);
  static const NativeMethodDef kIter[] = {{"__iter__", return_self}};
  add_methods(t, kIter);
  return t;
}

bool check_iter_args(const char* fname, int64_t nargs, TupleObject* kwnames, int64_t min, int64_t max) {
  if (!no_kwargs(fname, kwnames)) return false;
  return check_positional(fname, nargs, min, max);
}

// ---- count(start=0, step=1) ---------------------------------------------------------------------
bool is_numberish(Value v) {
  if (is_number(v)) return true;
  TypeObject* t = type_of(v);
  return !type_lookup(t, names::dunder_index).is_empty_slot() || !type_lookup(t, names::dunder_int).is_empty_slot() ||
         !type_lookup(t, names::dunder_float).is_empty_slot();
}

Value count_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("count", args + 1, nargs - 1, kwnames, {"start", "step"}, 0, a)) return Value();
  Value start = a[0].is_empty_slot() ? Value::from_small_int(0) : a[0];
  Value step = a[1].is_empty_slot() ? Value::from_small_int(1) : a[1];
  if (!is_numberish(start) || !is_numberish(step)) return raise_msg(TypeErrorType, "a number is required");
  auto* o = new_values<2>(args[0]);
  if (!o) return Value();
  o->v[0] = start;
  o->v[1] = step;
  return Value::from_obj(o);
}
Value count_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  Value r = o->v[0];
  Value nx = binary_op(r, o->v[1], fe::BinaryOpKind::Add);
  if (nx.is_empty_slot()) return nx;
  o->v[0] = nx;
  return r;
}
Value count_repr(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  std::string out = std::string(type_of(args[0])->name_obj->view()) + "(";
  std::string s;
  if (!repr_string(o->v[0], &s)) return Value();
  out += s;
  Value step = o->v[1];
  if (!(is_exact(step, IntType) && step.is_small_int() && step.as_small_int() == 1)) {
    if (!repr_string(step, &s)) return Value();
    out += ", " + s;
  }
  return str_value(out + ")");
}
const NativeMethodDef kCountMethods[] = {
    {"__new__", count_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", count_next},
    {"__repr__", count_repr},
};

// ---- cycle(iterable): v = iterator, saved list; n[0] = index into saved, n[1] = replaying ----
Value cycle_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_iter_args("cycle", nargs - 1, kwnames, 1, 1)) return Value();
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return it;
  ListObject* saved = new_list(0);
  if (!saved) return Value();
  auto* o = new_values<2>(args[0]);
  if (!o) return Value();
  o->v[0] = it;
  o->v[1] = Value::from_obj(saved);
  return Value::from_obj(o);
}
Value cycle_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  ListObject* saved = as_list(o->v[1]);
  if (!o->n[1]) {
    bool done = false;
    Value v = iter_next(o->v[0], &done);
    if (!done) {
      if (v.is_empty_slot()) return v;
      if (!list_append(saved, v)) return Value();
      return v;
    }
    o->n[1] = 1;
  }
  if (saved->size == 0) return stop_iteration();
  Value v = saved->items()[o->n[0]];
  o->n[0] = (o->n[0] + 1) % saved->size;
  return v;
}
const NativeMethodDef kCycleMethods[] = {
    {"__new__", cycle_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", cycle_next},
};

// ---- repeat(object[, times]): n[0] = remaining (-1: forever) -------------------------------------
Value repeat_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("repeat", args + 1, nargs - 1, kwnames, {"object", "times"}, 1, a)) return Value();
  int64_t cnt = -1;
  if (!a[1].is_empty_slot()) {
    Value i = index(a[1]);
    if (i.is_empty_slot()) return i;
    if (!int_to_int64(i, &cnt)) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    if (cnt < 0) cnt = 0;
  }
  auto* o = new_values<1>(args[0]);
  if (!o) return Value();
  o->v[0] = a[0];
  o->n[0] = cnt;
  return Value::from_obj(o);
}
Value repeat_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<1>(args[0]);
  if (o->n[0] == 0) return stop_iteration();
  if (o->n[0] > 0) --o->n[0];
  return o->v[0];
}
Value repeat_repr(Value* args, int64_t, TupleObject*) {
  auto* o = fields<1>(args[0]);
  std::string s;
  if (!repr_string(o->v[0], &s)) return Value();
  std::string out = std::string(type_of(args[0])->name_obj->view()) + "(" + s;
  if (o->n[0] >= 0) out += ", " + std::to_string(o->n[0]);
  return str_value(out + ")");
}
Value repeat_length_hint(Value* args, int64_t, TupleObject*) {
  auto* o = fields<1>(args[0]);
  if (o->n[0] < 0) return raise_msg(TypeErrorType, "len() of unsized object");
  return int_from_int64(o->n[0]);
}
const NativeMethodDef kRepeatMethods[] = {
    {"__new__", repeat_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", repeat_next},
    {"__repr__", repeat_repr},
    {"__length_hint__", repeat_length_hint},
};

// ---- accumulate(iterable, func=None, *, initial=None): v = it, func, total, initial ----------
Value accumulate_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("accumulate", args + 1, nargs - 1, kwnames, {"iterable", "func", "initial"}, 1, a, 2)) return Value();
  Value it = get_iter(a[0]);
  if (it.is_empty_slot()) return it;
  auto* o = new_values<4>(args[0]);
  if (!o) return Value();
  o->v[0] = it;
  o->v[1] = a[1].is_empty_slot() ? None : a[1];
  o->v[2] = Value();
  o->v[3] = a[2].is_empty_slot() || a[2] == None ? Value() : a[2];
  return Value::from_obj(o);
}
Value accumulate_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<4>(args[0]);
  if (!o->v[3].is_empty_slot()) {
    o->v[2] = o->v[3];
    o->v[3] = Value();
    return o->v[2];
  }
  Value v = next_or_stop(o->v[0]);
  if (v.is_empty_slot()) return v;
  if (o->v[2].is_empty_slot()) {
    o->v[2] = v;
    return v;
  }
  Value r = o->v[1] == None ? binary_op(o->v[2], v, fe::BinaryOpKind::Add) : call2(o->v[1], o->v[2], v);
  if (r.is_empty_slot()) return r;
  o->v[2] = r;
  return r;
}
const NativeMethodDef kAccumulateMethods[] = {
    {"__new__", accumulate_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", accumulate_next},
};

// ---- chain(*iterables): v = source iterator of iterables, active iterator -----------------------
Value make_chain(Value type, Value source) {
  auto* o = new_values<2>(type);
  if (!o) return Value();
  o->v[0] = source;
  o->v[1] = Value();
  return Value::from_obj(o);
}
Value chain_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("chain", kwnames)) return Value();
  TupleObject* t = new_tuple(nargs - 1);
  if (!t) return Value();
  for (int64_t i = 1; i < nargs; ++i) t->items[i - 1] = args[i];
  Value src = get_iter(Value::from_obj(t));
  if (src.is_empty_slot()) return src;
  return make_chain(args[0], src);
}
Value chain_from_iterable(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("from_iterable", nargs - 1, kwnames, 1, 1)) return Value();
  Value src = get_iter(args[1]);
  if (src.is_empty_slot()) return src;
  return make_chain(args[0], src);
}
Value chain_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  while (!o->v[0].is_empty_slot()) {
    if (o->v[1].is_empty_slot()) {
      bool done = false;
      Value iterable = iter_next(o->v[0], &done);
      if (done) {
        o->v[0] = Value();
        break;
      }
      if (iterable.is_empty_slot()) return iterable;
      Value it = get_iter(iterable);
      if (it.is_empty_slot()) return it;
      o->v[1] = it;
    }
    bool done = false;
    Value v = iter_next(o->v[1], &done);
    if (!done) return v;
    o->v[1] = Value();
  }
  return stop_iteration();
}
const NativeMethodDef kChainMethods[] = {
    {"__new__", chain_new, NativeMethodDef::Kind::StaticMethod},
    {"from_iterable", chain_from_iterable, NativeMethodDef::Kind::ClassMethod},
    {"__next__", chain_next},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};

// ---- compress(data, selectors) ------------------------------------------------------------------
Value compress_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("compress", args + 1, nargs - 1, kwnames, {"data", "selectors"}, 2, a)) return Value();
  Value d = get_iter(a[0]);
  if (d.is_empty_slot()) return d;
  Value s = get_iter(a[1]);
  if (s.is_empty_slot()) return s;
  auto* o = new_values<2>(args[0]);
  if (!o) return Value();
  o->v[0] = d;
  o->v[1] = s;
  return Value::from_obj(o);
}
Value compress_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  while (true) {
    Value d = next_or_stop(o->v[0]);
    if (d.is_empty_slot()) return d;
    Value s = next_or_stop(o->v[1]);
    if (s.is_empty_slot()) return s;
    int t = is_true(s);
    if (t < 0) return Value();
    if (t) return d;
  }
}
const NativeMethodDef kCompressMethods[] = {
    {"__new__", compress_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", compress_next},
};

// ---- dropwhile / takewhile / filterfalse / starmap: v = func, iterator; n[0] = state ------------
template <const char* Name>
Value pred_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_iter_args(Name, nargs - 1, kwnames, 2, 2)) return Value();
  Value it = get_iter(args[2]);
  if (it.is_empty_slot()) return it;
  auto* o = new_values<2>(args[0]);
  if (!o) return Value();
  o->v[0] = args[1];
  o->v[1] = it;
  return Value::from_obj(o);
}
constexpr char kDropwhile[] = "dropwhile";
constexpr char kTakewhile[] = "takewhile";
constexpr char kFilterfalse[] = "filterfalse";
constexpr char kStarmap[] = "starmap";

// pred(v) as a truth value: -1 on error.
int test(Value pred, Value v) {
  Value r = pred == None ? v : call1(pred, v);
  if (r.is_empty_slot()) return -1;
  return is_true(r);
}

Value dropwhile_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  while (true) {
    Value v = next_or_stop(o->v[1]);
    if (v.is_empty_slot()) return v;
    if (o->n[0]) return v;
    int t = test(o->v[0], v);
    if (t < 0) return Value();
    if (!t) {
      o->n[0] = 1;
      return v;
    }
  }
}
Value takewhile_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  if (o->n[0]) return stop_iteration();
  Value v = next_or_stop(o->v[1]);
  if (v.is_empty_slot()) return v;
  int t = test(o->v[0], v);
  if (t < 0) return Value();
  if (t) return v;
  o->n[0] = 1;
  return stop_iteration();
}
Value filterfalse_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  while (true) {
    Value v = next_or_stop(o->v[1]);
    if (v.is_empty_slot()) return v;
    int t = test(o->v[0], v);
    if (t < 0) return Value();
    if (!t) return v;
  }
}
Value starmap_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  Value v = next_or_stop(o->v[1]);
  if (v.is_empty_slot()) return v;
  if (!is_exact(v, TupleType)) {
    if (get_iter_would_fail(v)) return raise_msg(TypeErrorType, "iterator should return tuples");
    v = sequence_to_tuple(v);
    if (v.is_empty_slot()) return v;
  }
  return call(o->v[0], as_tuple(v)->items, as_tuple(v)->size, nullptr);
}
const NativeMethodDef kDropwhileMethods[] = {
    {"__new__", pred_new<kDropwhile>, NativeMethodDef::Kind::StaticMethod}, {"__next__", dropwhile_next}};
const NativeMethodDef kTakewhileMethods[] = {
    {"__new__", pred_new<kTakewhile>, NativeMethodDef::Kind::StaticMethod}, {"__next__", takewhile_next}};
const NativeMethodDef kFilterfalseMethods[] = {
    {"__new__", pred_new<kFilterfalse>, NativeMethodDef::Kind::StaticMethod}, {"__next__", filterfalse_next}};
const NativeMethodDef kStarmapMethods[] = {
    {"__new__", pred_new<kStarmap>, NativeMethodDef::Kind::StaticMethod}, {"__next__", starmap_next}};

// ---- groupby(iterable, key=None): v = it, keyfunc, tgtkey, currkey, currvalue, currgrouper ------
TypeObject* g_grouper_type = nullptr;

// Advances to the next item: currvalue and currkey. Empty (StopIteration or error) at the end.
bool groupby_step(ValuesObject<6>* g) {
  Value v = next_or_stop(g->v[0]);
  if (v.is_empty_slot()) return false;
  Value k = g->v[1] == None ? v : call1(g->v[1], v);
  if (k.is_empty_slot()) return false;
  g->v[4] = v;
  g->v[3] = k;
  return true;
}
Value groupby_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("groupby", args + 1, nargs - 1, kwnames, {"iterable", "key"}, 1, a)) return Value();
  Value it = get_iter(a[0]);
  if (it.is_empty_slot()) return it;
  auto* o = new_values<6>(args[0]);
  if (!o) return Value();
  o->v[0] = it;
  o->v[1] = a[1].is_empty_slot() ? None : a[1];
  return Value::from_obj(o);
}
Value groupby_next(Value* args, int64_t, TupleObject*) {
  auto* g = fields<6>(args[0]);
  g->v[5] = Value();
  // Skip the rest of the current group.
  while (true) {
    if (!g->v[3].is_empty_slot()) {
      if (g->v[2].is_empty_slot()) break;
      int eq = equal(g->v[2], g->v[3]);
      if (eq < 0) return Value();
      if (!eq) break;
    }
    if (!groupby_step(g)) return Value();
  }
  g->v[2] = g->v[3];
  auto* gr = static_cast<ValuesObject<2>*>(new_instance(g_grouper_type));
  if (!gr) return Value();
  gr->v[0] = args[0];
  gr->v[1] = g->v[2];
  g->v[5] = Value::from_obj(gr);
  TupleObject* t = tuple_of({g->v[3], Value::from_obj(gr)});
  return t ? Value::from_obj(t) : Value();
}
Value grouper_next(Value* args, int64_t, TupleObject*) {
  auto* gr = fields<2>(args[0]);
  auto* g = fields<6>(gr->v[0]);
  if (g->v[5] != args[0]) return stop_iteration();
  if ((g->v[4].is_empty_slot() || g->v[3].is_empty_slot()) && !groupby_step(g)) return Value();
  int eq = equal(gr->v[1], g->v[3]);
  if (eq < 0) return Value();
  if (!eq) return stop_iteration();
  // The key's __eq__ may have advanced this grouper (or the groupby) itself and taken the value:
  // then this group has nothing left here, as in CPython.
  Value r = g->v[4];
  if (r.is_empty_slot()) return stop_iteration();
  g->v[4] = Value();
  return r;
}
const NativeMethodDef kGroupbyMethods[] = {
    {"__new__", groupby_new, NativeMethodDef::Kind::StaticMethod}, {"__next__", groupby_next}};
const NativeMethodDef kGrouperMethods[] = {{"__next__", grouper_next}};

// ---- islice(iterable, [start,] stop[, step]): v = it; n = next, stop (-1: none), step; -----------
// the count of items consumed lives in aux-free storage: a 4th integer in v? Use n[0..2] + cnt.
struct IsliceObject : Object {
  Value it;
  int64_t next, stop, step, cnt;
};
void visit_islice(Object* self, Visitor& vis) { vis.visit(static_cast<IsliceObject*>(self)->it); }
TypeObject* g_islice_type = nullptr;

// An islice index: None (-> dflt) or an int in [0, sys.maxsize]; false with ValueError.
bool islice_index(Value v, int64_t dflt, int64_t* out, const char* msg) {
  if (v == None) {
    *out = dflt;
    return true;
  }
  Value i = is_int(v) ? v : Value();
  if (i.is_empty_slot() && !type_lookup(type_of(v), names::dunder_index).is_empty_slot()) {
    i = index(v);
    if (i.is_empty_slot()) return false;
  }
  int64_t x = -1;
  if (!i.is_empty_slot() && !int_to_int64(i, &x)) x = INT64_MAX;  // clipped like CPython
  if (x < 0) {
    raise_msg(ValueErrorType, msg);
    return false;
  }
  *out = x;
  return true;
}
Value islice_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_iter_args("islice", nargs - 1, kwnames, 2, 4)) return Value();
  static const char kStop[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char kIdx[] = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 3) {
    if (!islice_index(args[2], -1, &stop, kStop)) return Value();
  } else {
    if (!islice_index(args[2], 0, &start, kIdx) || !islice_index(args[3], -1, &stop, kStop)) return Value();
    if (nargs == 5) {
      int64_t s = -1;
      if (args[4] == None) s = 1;
      else if (is_int(args[4]) && !int_to_int64(args[4], &s)) s = INT64_MAX;
      if (s < 1) return raise_msg(ValueErrorType, "Step for islice() must be a positive integer or None.");
      step = s;
    }
  }
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return it;
  auto* o = static_cast<IsliceObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!o) return Value();
  o->it = it;
  o->next = start;
  o->stop = stop;
  o->step = step;
  return Value::from_obj(o);
}
Value islice_next(Value* args, int64_t, TupleObject*) {
  auto* o = static_cast<IsliceObject*>(args[0].as_obj());
  if (o->it.is_empty_slot()) return stop_iteration();
  while (o->cnt < o->next) {
    bool done = false;
    Value v = iter_next(o->it, &done);
    if (done) {
      o->it = Value();
      return stop_iteration();
    }
    if (v.is_empty_slot()) return v;
    ++o->cnt;
  }
  if (o->stop != -1 && o->cnt >= o->stop) {
    o->it = Value();
    return stop_iteration();
  }
  bool done = false;
  Value v = iter_next(o->it, &done);
  if (done) {
    o->it = Value();
    return stop_iteration();
  }
  if (v.is_empty_slot()) return v;
  ++o->cnt;
  int64_t old = o->next;
  o->next += o->step;
  if (o->next < old || (o->stop != -1 && o->next > o->stop)) o->next = o->stop;
  return v;
}
const NativeMethodDef kIsliceMethods[] = {
    {"__new__", islice_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", islice_next},
    {"__iter__", return_self},
};

// ---- pairwise(iterable): v = it, old ------------------------------------------------------------
Value pairwise_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_iter_args("pairwise", nargs - 1, kwnames, 1, 1)) return Value();
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return it;
  auto* o = new_values<2>(args[0]);
  if (!o) return Value();
  o->v[0] = it;
  return Value::from_obj(o);
}
Value pairwise_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  if (o->v[0].is_empty_slot()) return stop_iteration();
  bool done = false;
  if (o->v[1].is_empty_slot()) {
    Value first = iter_next(o->v[0], &done);
    if (done) {
      o->v[0] = Value();
      return stop_iteration();
    }
    if (first.is_empty_slot()) return first;
    o->v[1] = first;
  }
  Value nw = iter_next(o->v[0], &done);
  if (done) {
    o->v[0] = Value();
    o->v[1] = Value();
    return stop_iteration();
  }
  if (nw.is_empty_slot()) return nw;
  TupleObject* t = tuple_of({o->v[1], nw});
  if (!t) return Value();
  o->v[1] = nw;
  return Value::from_obj(t);
}
const NativeMethodDef kPairwiseMethods[] = {
    {"__new__", pairwise_new, NativeMethodDef::Kind::StaticMethod}, {"__next__", pairwise_next}};

// ---- zip_longest(*iterables, fillvalue=None): v = tuple of iterators, fillvalue; n[0] = active --
Value zip_longest_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value fill = None;
  if (kwnames && kwnames->size) {
    fill = kwarg(args, nargs, kwnames, "fillvalue");
    if (fill.is_empty_slot() || kwnames->size > 1)
      return raise_msg(TypeErrorType, "zip_longest() got an unexpected keyword argument");
  }
  TupleObject* its = new_tuple(nargs - 1);
  if (!its) return Value();
  for (int64_t i = 1; i < nargs; ++i) {
    Value it = get_iter(args[i]);
    if (it.is_empty_slot()) return it;
    its->items[i - 1] = it;
  }
  auto* o = new_values<2>(args[0]);
  if (!o) return Value();
  o->v[0] = Value::from_obj(its);
  o->v[1] = fill;
  o->n[0] = nargs - 1;
  return Value::from_obj(o);
}
Value zip_longest_next(Value* args, int64_t, TupleObject*) {
  auto* o = fields<2>(args[0]);
  TupleObject* its = as_tuple(o->v[0]);
  if (its->size == 0 || o->n[0] == 0) return stop_iteration();
  TupleObject* r = new_tuple(its->size);
  if (!r) return Value();
  for (int64_t i = 0; i < its->size; ++i) {
    if (its->items[i] == None) {
      r->items[i] = o->v[1];
      continue;
    }
    bool done = false;
    Value v = iter_next(its->items[i], &done);
    if (done) {
      its->items[i] = None;
      if (--o->n[0] == 0) return stop_iteration();
      v = o->v[1];
    } else if (v.is_empty_slot()) {
      return v;
    }
    r->items[i] = v;
  }
  return Value::from_obj(r);
}
const NativeMethodDef kZipLongestMethods[] = {
    {"__new__", zip_longest_new, NativeMethodDef::Kind::StaticMethod}, {"__next__", zip_longest_next}};

bool add_type(ModuleObject* m, TypeObject* t) {
  return module_add(m, t->name_obj->data, Value::from_obj(t));
}

bool init_itertools(ModuleObject* m) {
  static TypeObject* types[16];
  static bool made = false;
  if (!made) {
    int i = 0;
    types[i++] = make_iter_type<2>("itertools.count", kCountMethods, std::size(kCountMethods));
    types[i++] = make_iter_type<2>("itertools.cycle", kCycleMethods, std::size(kCycleMethods));
    types[i++] = make_iter_type<1>("itertools.repeat", kRepeatMethods, std::size(kRepeatMethods));
    types[i++] = make_iter_type<4>("itertools.accumulate", kAccumulateMethods, std::size(kAccumulateMethods));
    types[i++] = make_iter_type<2>("itertools.chain", kChainMethods, std::size(kChainMethods));
    types[i++] = make_iter_type<2>("itertools.compress", kCompressMethods, std::size(kCompressMethods));
    types[i++] = make_iter_type<2>("itertools.dropwhile", kDropwhileMethods, std::size(kDropwhileMethods));
    types[i++] = make_iter_type<2>("itertools.takewhile", kTakewhileMethods, std::size(kTakewhileMethods));
    types[i++] = make_iter_type<2>("itertools.filterfalse", kFilterfalseMethods, std::size(kFilterfalseMethods));
    types[i++] = make_iter_type<2>("itertools.starmap", kStarmapMethods, std::size(kStarmapMethods));
    types[i++] = make_iter_type<6>("itertools.groupby", kGroupbyMethods, std::size(kGroupbyMethods));
    g_grouper_type = make_native_type("itertools._grouper", sizeof(ValuesObject<2>), visit_values<2>, false);
    add_methods(g_grouper_type, kGrouperMethods);
    static const NativeMethodDef kIter[] = {{"__iter__", return_self}};
    add_methods(g_grouper_type, kIter);
    types[i++] = g_grouper_type;
    g_islice_type = make_native_type("itertools.islice", sizeof(IsliceObject), visit_islice, true);
    add_methods(g_islice_type, kIsliceMethods);
    types[i++] = g_islice_type;
    types[i++] = make_iter_type<2>("itertools.pairwise", kPairwiseMethods, std::size(kPairwiseMethods));
    types[i++] = make_iter_type<2>("itertools.zip_longest", kZipLongestMethods, std::size(kZipLongestMethods));
    types[i] = nullptr;
    made = true;
  }
  for (TypeObject** t = types; *t; ++t)
    if (!add_type(m, *t)) return false;
  return init_itertools_more(m);
}

}  // namespace

extern const NativeModuleDef kItertoolsModule;
const NativeModuleDef kItertoolsModule = {"itertools", nullptr, 0, init_itertools};

}  // namespace coil::lib
