// itertools.cpp — the itertools module: the infinite and terminating iterators (count, cycle,
// repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, groupby,
// islice, pairwise, zip_longest). tee and the combinatoric ones are in itertools_more.cpp.
#include "stdlib/itertools.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/iterator_reduce.h"
#include "runtime/iterators.h"
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

// `type`'s constructor takes no keywords (unless a subclass's own __init__ takes them).
bool check_iter_args(const char* fname, Value type, int64_t nargs, TupleObject* kwnames, int64_t min, int64_t max) {
  if (!no_kwargs_for(fname, static_cast<TypeObject*>(type.as_obj()), kwnames)) return false;
  return check_positional(fname, nargs, min, max);
}

// Pickling helpers: the reduce tuple (type(self), args[, state]) and a state tuple's checks.
Value reduce_self(Value self, std::initializer_list<Value> args, Value state = Value()) {
  return reduce_tuple(Value::from_obj(type_of(self)), args, state);
}
bool state_is_tuple(Value state) {
  if (is_exact(state, TupleType) || is_subtype(type_of(state), TupleType)) return true;
  raise_msg(TypeErrorType, "state is not a tuple");
  return false;
}
// The one-argument __setstate__ calling convention; false with TypeError.
bool setstate_args(int64_t nargs, TupleObject* kwnames) { return check_args("__setstate__", nargs - 1, kwnames, 1, 1); }
bool reduce_args(int64_t nargs, TupleObject* kwnames) { return check_args("__reduce__", nargs - 1, kwnames, 0, 0); }

TypeObject* g_islice_type = nullptr;

// ---- count(start=0, step=1): v = count, step; n[0] = 1 in "slow mode" -------------------------
// CPython counts in a machine word while start is an int that fits and step is 1; such a
// count pickles as count(n), any other as count(n, step).
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
  int64_t n;
  bool fast = is_int(start) && int_to_int64(start, &n) && is_int(step) && step.is_small_int() && step.as_small_int() == 1;
  o->n[0] = !fast;
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
Value count_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<2>(args[0]);
  int64_t n;
  if (!o->n[0] && int_to_int64(o->v[0], &n) && n != INT64_MAX) return reduce_self(args[0], {o->v[0]});
  return reduce_self(args[0], {o->v[0], o->v[1]});
}
const NativeMethodDef kCountMethods[] = {
    {"__new__", count_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", count_next},
    {"__repr__", count_repr},
    {"__reduce__", count_reduce},
};

// ---- cycle(iterable): v = iterator (empty once exhausted), saved list; n[0] = index into saved,
// n[1] = firstpass: the iterator's items are already in saved (set by __setstate__) ----------
Value cycle_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_iter_args("cycle", args[0], nargs - 1, kwnames, 1, 1)) return Value();
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
  if (!o->v[0].is_empty_slot()) {
    bool done = false;
    Value v = iter_next(o->v[0], &done);
    if (!done) {
      if (v.is_empty_slot()) return v;
      if (!o->n[1] && !list_append(saved, v)) return Value();
      return v;
    }
    o->v[0] = Value();
  }
  if (saved->size == 0) return stop_iteration();
  if (o->n[0] >= saved->size) o->n[0] = 0;
  Value v = saved->items()[o->n[0]];
  o->n[0] = (o->n[0] + 1) % saved->size;
  return v;
}
// Still reading: (cycle, (it,), (saved, firstpass)). Replaying: an iterator over saved from
// the current index, with firstpass true so its items are not saved twice.
Value cycle_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<2>(args[0]);
  if (!o->v[0].is_empty_slot()) {
    TupleObject* st = tuple_of({o->v[1], bool_value(o->n[1])});
    return st ? reduce_self(args[0], {o->v[0]}, Value::from_obj(st)) : Value();
  }
  Value it = get_iter(o->v[1]);
  if (it.is_empty_slot()) return it;
  if (o->n[0] != 0) {
    Value idx = int_from_int64(o->n[0]);
    Value r = call_method(it, intern("__setstate__"), &idx, 1);
    if (r.is_empty_slot()) return r;
  }
  TupleObject* st = tuple_of({o->v[1], True});
  return st ? reduce_self(args[0], {it}, Value::from_obj(st)) : Value();
}
// state: (saved list, firstpass int).
Value cycle_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!setstate_args(nargs, kwnames) || !state_is_tuple(args[1])) return Value();
  TupleObject* st = as_tuple(args[1]);
  if (st->size != 2)
    return raise_fmt(TypeErrorType, "function takes exactly 2 arguments (%lld given)", static_cast<long long>(st->size));
  if (!is_exact(st->items[0], ListType) && !is_subtype(type_of(st->items[0]), ListType))
    return raise_fmt(TypeErrorType, "argument 1 must be list, not %s", arg_type_name(st->items[0]));
  if (is_float(st->items[1])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  int64_t first;
  bool overflow = false;
  if (!as_int64(st->items[1], &first, &overflow)) return Value();
  auto* o = fields<2>(args[0]);
  o->v[1] = st->items[0];
  o->n[1] = first != 0;
  o->n[0] = 0;
  return None;
}
const NativeMethodDef kCycleMethods[] = {
    {"__new__", cycle_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", cycle_next},
    {"__reduce__", cycle_reduce},
    {"__setstate__", cycle_setstate},
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
Value repeat_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<1>(args[0]);
  if (o->n[0] < 0) return reduce_self(args[0], {o->v[0]});
  return reduce_self(args[0], {o->v[0], int_from_int64(o->n[0])});
}
const NativeMethodDef kRepeatMethods[] = {
    {"__new__", repeat_new, NativeMethodDef::Kind::StaticMethod},
    {"__reduce__", repeat_reduce},
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
Value chain_of(Value first, Value it);  // chain((first,), it)
TypeObject* g_chain_type = nullptr;

// (accumulate, (it, func), total). An initial value not yet produced goes in front of the
// iterator; a running total of None (which the state could not tell from "no total yet")
// pickles as islice(accumulate(chain((None,), it), func), 1, None).
Value accumulate_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<4>(args[0]);
  if (!o->v[3].is_empty_slot()) {
    Value it = chain_of(o->v[3], o->v[0]);
    if (it.is_empty_slot()) return it;
    return reduce_self(args[0], {it, o->v[1]}, None);
  }
  if (o->v[2] == None) {
    Value it = chain_of(None, o->v[0]);
    if (it.is_empty_slot()) return it;
    Value acc = call2(Value::from_obj(type_of(args[0])), it, o->v[1]);
    if (acc.is_empty_slot()) return acc;
    return reduce_tuple(Value::from_obj(g_islice_type), {acc, Value::from_small_int(1), None});
  }
  return reduce_self(args[0], {o->v[0], o->v[1]}, o->v[2].is_empty_slot() ? None : o->v[2]);
}
Value accumulate_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!setstate_args(nargs, kwnames)) return Value();
  fields<4>(args[0])->v[2] = args[1];
  return None;
}
const NativeMethodDef kAccumulateMethods[] = {
    {"__new__", accumulate_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", accumulate_next},
    {"__reduce__", accumulate_reduce},
    {"__setstate__", accumulate_setstate},
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
  if (!no_kwargs_for("chain", static_cast<TypeObject*>(args[0].as_obj()), kwnames)) return Value();
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
Value chain_of(Value first, Value it) {
  TupleObject* one = tuple_of({first});
  if (!one) return Value();
  TupleObject* parts = tuple_of({Value::from_obj(one), it});
  if (!parts) return Value();
  Value src = get_iter(Value::from_obj(parts));
  if (src.is_empty_slot()) return src;
  return make_chain(Value::from_obj(g_chain_type), src);
}
// (chain, (), (source[, active])), or (chain, ()) once the source ran out.
Value chain_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<2>(args[0]);
  if (o->v[0].is_empty_slot()) return reduce_self(args[0], {});
  TupleObject* st = o->v[1].is_empty_slot() ? tuple_of({o->v[0]}) : tuple_of({o->v[0], o->v[1]});
  if (!st) return Value();
  return reduce_self(args[0], {}, Value::from_obj(st));
}
bool is_iterator(Value v) { return is_native_iterator(v) || !type_lookup(type_of(v), names::dunder_next).is_empty_slot(); }
Value chain_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!setstate_args(nargs, kwnames) || !state_is_tuple(args[1])) return Value();
  TupleObject* st = as_tuple(args[1]);
  if (st->size < 1 || st->size > 2)
    return raise_fmt(TypeErrorType, "function takes at %s %d argument%s (%lld given)", st->size < 1 ? "least" : "most",
                     st->size < 1 ? 1 : 2, st->size < 1 ? "" : "s", static_cast<long long>(st->size));
  if (!is_iterator(st->items[0]) || (st->size == 2 && !is_iterator(st->items[1])))
    return raise_msg(TypeErrorType, "Arguments must be iterators.");
  auto* o = fields<2>(args[0]);
  o->v[0] = st->items[0];
  o->v[1] = st->size == 2 ? st->items[1] : Value();
  return None;
}
const NativeMethodDef kChainMethods[] = {
    {"__new__", chain_new, NativeMethodDef::Kind::StaticMethod},
    {"from_iterable", chain_from_iterable, NativeMethodDef::Kind::ClassMethod},
    {"__next__", chain_next},
    {"__reduce__", chain_reduce},
    {"__setstate__", chain_setstate},
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
Value pair_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<2>(args[0]);
  return reduce_self(args[0], {o->v[0], o->v[1]});
}
const NativeMethodDef kCompressMethods[] = {
    {"__new__", compress_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", compress_next},
    {"__reduce__", pair_reduce},
};

// ---- dropwhile / takewhile / filterfalse / starmap: v = func, iterator; n[0] = state ------------
template <const char* Name>
Value pred_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_iter_args(Name, args[0], nargs - 1, kwnames, 2, 2)) return Value();
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
// dropwhile / takewhile: (type, (pred, it), flag) where the flag is "dropping done" /
// "stopped"; __setstate__ takes its truth.
Value pred_flag_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<2>(args[0]);
  return reduce_self(args[0], {o->v[0], o->v[1]}, Value::from_small_int(o->n[0]));
}
Value pred_flag_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!setstate_args(nargs, kwnames)) return Value();
  int t = is_true(args[1]);
  if (t < 0) return Value();
  fields<2>(args[0])->n[0] = t;
  return None;
}
const NativeMethodDef kDropwhileMethods[] = {
    {"__new__", pred_new<kDropwhile>, NativeMethodDef::Kind::StaticMethod},
    {"__next__", dropwhile_next},
    {"__reduce__", pred_flag_reduce},
    {"__setstate__", pred_flag_setstate}};
const NativeMethodDef kTakewhileMethods[] = {
    {"__new__", pred_new<kTakewhile>, NativeMethodDef::Kind::StaticMethod},
    {"__next__", takewhile_next},
    {"__reduce__", pred_flag_reduce},
    {"__setstate__", pred_flag_setstate}};
const NativeMethodDef kFilterfalseMethods[] = {
    {"__new__", pred_new<kFilterfalse>, NativeMethodDef::Kind::StaticMethod},
    {"__next__", filterfalse_next},
    {"__reduce__", pair_reduce}};
const NativeMethodDef kStarmapMethods[] = {
    {"__new__", pred_new<kStarmap>, NativeMethodDef::Kind::StaticMethod},
    {"__next__", starmap_next},
    {"__reduce__", pair_reduce}};

// ---- groupby(iterable, key=None): v = it, keyfunc, tgtkey, currkey, currvalue, currgrouper ------
TypeObject* g_grouper_type = nullptr;
TypeObject* g_groupby_type = nullptr;

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
  g->v[3] = Value();
  return r;
}
// (groupby, (it, keyfunc)) plus, once a group started, the state (currkey, currvalue, tgtkey).
Value groupby_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* g = fields<6>(args[0]);
  if (g->v[2].is_empty_slot() || g->v[3].is_empty_slot() || g->v[4].is_empty_slot())
    return reduce_self(args[0], {g->v[0], g->v[1]});
  TupleObject* st = tuple_of({g->v[3], g->v[4], g->v[2]});
  return st ? reduce_self(args[0], {g->v[0], g->v[1]}, Value::from_obj(st)) : Value();
}
Value groupby_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!setstate_args(nargs, kwnames) || !state_is_tuple(args[1])) return Value();
  TupleObject* st = as_tuple(args[1]);
  if (st->size != 3)
    return raise_fmt(TypeErrorType, "function takes exactly 3 arguments (%lld given)", static_cast<long long>(st->size));
  auto* g = fields<6>(args[0]);
  g->v[3] = st->items[0];
  g->v[4] = st->items[1];
  g->v[2] = st->items[2];
  return None;
}
// _grouper(parent, tgtkey): the parent's current group from here on.
Value grouper_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("_grouper", kwnames) || !check_positional("_grouper", nargs - 1, 2, 2)) return Value();
  if (!is_subtype(type_of(args[1]), g_groupby_type))
    return raise_fmt(TypeErrorType, "_grouper() argument 1 must be itertools.groupby, not %s", type_name(args[1]));
  auto* gr = static_cast<ValuesObject<2>*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!gr) return Value();
  gr->v[0] = args[1];
  gr->v[1] = args[2];
  fields<6>(args[1])->v[5] = Value::from_obj(gr);
  return Value::from_obj(gr);
}
// (_grouper, (parent, tgtkey)) while it is the parent's current group, else iter(()).
Value grouper_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* gr = fields<2>(args[0]);
  if (fields<6>(gr->v[0])->v[5] != args[0]) return reduce_tuple(builtin_named("iter"), {Value::from_obj(empty_tuple())});
  return reduce_self(args[0], {gr->v[0], gr->v[1]});
}
const NativeMethodDef kGroupbyMethods[] = {
    {"__new__", groupby_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", groupby_next},
    {"__reduce__", groupby_reduce},
    {"__setstate__", groupby_setstate}};
const NativeMethodDef kGrouperMethods[] = {
    {"__new__", grouper_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", grouper_next},
    {"__reduce__", grouper_reduce}};

// ---- islice(iterable, [start,] stop[, step]): v = it; n = next, stop (-1: none), step; -----------
// the count of items consumed lives in aux-free storage: a 4th integer in v? Use n[0..2] + cnt.
struct IsliceObject : Object {
  Value it;
  int64_t next, stop, step, cnt;
};
void visit_islice(Object* self, Visitor& vis) { vis.visit(static_cast<IsliceObject*>(self)->it); }

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
  if (!check_iter_args("islice", args[0], nargs - 1, kwnames, 2, 4)) return Value();
  static const char kStop[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char kIdx[] = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 3) {
    if (!islice_index(args[2], -1, &stop, kStop)) return Value();
  } else {
    if (!islice_index(args[2], 0, &start, kIdx) || !islice_index(args[3], -1, &stop, kStop)) return Value();
    if (nargs == 5) {
      int64_t s = -1;
      if (args[4] == None) {
        s = 1;
      } else {
        // Any __index__ object, clipped to sys.maxsize; anything else is "not positive".
        Value i = index(args[4]);
        if (i.is_empty_slot()) clear_exception();
        else if (!int_to_int64(i, &s)) s = int_sign(i) < 0 ? -1 : INT64_MAX;
      }
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
// (islice, (it, next, stop, step), count); once exhausted (islice, (iter([]), 0), 0).
Value islice_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = static_cast<IsliceObject*>(args[0].as_obj());
  if (o->it.is_empty_slot()) {
    ListObject* empty = new_list(0);
    if (!empty) return Value();
    Value it = get_iter(Value::from_obj(empty));
    if (it.is_empty_slot()) return it;
    return reduce_self(args[0], {it, Value::from_small_int(0)}, Value::from_small_int(0));
  }
  Value stop = o->stop == -1 ? None : int_from_int64(o->stop);
  return reduce_self(args[0], {o->it, int_from_int64(o->next), stop, int_from_int64(o->step)}, int_from_int64(o->cnt));
}
Value islice_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!setstate_args(nargs, kwnames)) return Value();
  int64_t cnt;
  if (!ssize_arg(args[1], &cnt)) return Value();
  static_cast<IsliceObject*>(args[0].as_obj())->cnt = cnt;
  return None;
}
const NativeMethodDef kIsliceMethods[] = {
    {"__new__", islice_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", islice_next},
    {"__iter__", return_self},
    {"__reduce__", islice_reduce},
    {"__setstate__", islice_setstate},
};

// ---- pairwise(iterable): v = it, old ------------------------------------------------------------
Value pairwise_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_iter_args("pairwise", args[0], nargs - 1, kwnames, 1, 1)) return Value();
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
      if (--o->n[0] == 0) return stop_iteration();
      its->items[i] = None;
      v = o->v[1];
    } else if (v.is_empty_slot()) {
      return v;
    }
    r->items[i] = v;
  }
  return Value::from_obj(r);
}
// (zip_longest, iterators with () for those that ran out, fillvalue): the state is the fillvalue.
Value zip_longest_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!reduce_args(nargs, kwnames)) return Value();
  auto* o = fields<2>(args[0]);
  TupleObject* its = as_tuple(o->v[0]);
  TupleObject* a = new_tuple(its->size);
  if (!a) return Value();
  for (int64_t i = 0; i < its->size; ++i)
    a->items[i] = its->items[i] == None ? Value::from_obj(empty_tuple()) : its->items[i];
  TupleObject* r = tuple_of({Value::from_obj(type_of(args[0])), Value::from_obj(a), o->v[1]});
  return r ? Value::from_obj(r) : Value();
}
Value zip_longest_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!setstate_args(nargs, kwnames)) return Value();
  fields<2>(args[0])->v[1] = args[1];
  return None;
}
const NativeMethodDef kZipLongestMethods[] = {
    {"__new__", zip_longest_new, NativeMethodDef::Kind::StaticMethod},
    {"__next__", zip_longest_next},
    {"__reduce__", zip_longest_reduce},
    {"__setstate__", zip_longest_setstate}};

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
    g_chain_type = make_iter_type<2>("itertools.chain", kChainMethods, std::size(kChainMethods));
    types[i++] = g_chain_type;
    types[i++] = make_iter_type<2>("itertools.compress", kCompressMethods, std::size(kCompressMethods));
    types[i++] = make_iter_type<2>("itertools.dropwhile", kDropwhileMethods, std::size(kDropwhileMethods));
    types[i++] = make_iter_type<2>("itertools.takewhile", kTakewhileMethods, std::size(kTakewhileMethods));
    types[i++] = make_iter_type<2>("itertools.filterfalse", kFilterfalseMethods, std::size(kFilterfalseMethods));
    types[i++] = make_iter_type<2>("itertools.starmap", kStarmapMethods, std::size(kStarmapMethods));
    g_groupby_type = make_iter_type<6>("itertools.groupby", kGroupbyMethods, std::size(kGroupbyMethods));
    types[i++] = g_groupby_type;
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
