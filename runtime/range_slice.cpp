// range_slice.cpp — the methods of range (constructor, len, in, index/count, equality,
// hash, reversed, repr) and slice (constructor, indices, comparisons, attributes).
// Iteration and subscripting of ranges live in iterators.cpp.
#include "runtime/abstract.h"
#include "runtime/builtin_iterators.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

using fe::BinaryOpKind;

RangeObject* as_range(Value v) { return static_cast<RangeObject*>(v.as_obj()); }

Value range_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "range() takes no keyword arguments");
  if (!check_args("range", nargs - 1, nullptr, 1, 3)) return Value();
  Value v[3];
  for (int64_t i = 1; i < nargs; ++i) {
    v[i - 1] = index(args[i]);
    if (v[i - 1].is_empty_slot()) return Value();
  }
  if (nargs == 2) return new_range(Value::from_small_int(0), v[0], Value::from_small_int(1));
  return new_range(v[0], v[1], nargs == 4 ? v[2] : Value::from_small_int(1));
}

Value range_len(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__len__", nargs - 1, kwnames, 0, 0)) return Value();
  int64_t n;
  if (!int_to_int64(as_range(args[0])->length, &n))
    return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  return int_from_int64(n);
}

Value range_bool(Value* args, int64_t, TupleObject*) { return bool_value(!int_is_zero(as_range(args[0])->length)); }

// Is the int x one of the range's values? Arithmetic, no iteration.
bool range_has_int(RangeObject* r, Value x) {
  int s = int_sign(r->step);
  if (s > 0) {
    if (int_compare(x, r->start) < 0 || int_compare(x, r->stop) >= 0) return false;
  } else {
    if (int_compare(x, r->start) > 0 || int_compare(x, r->stop) <= 0) return false;
  }
  Value off = int_binary(x, r->start, BinaryOpKind::Subtract);
  Value rem = int_binary(off, r->step, BinaryOpKind::Remainder);
  return int_is_zero(rem);
}

bool is_plain_int(Value v) { return is_exact(v, IntType) || is_exact(v, BoolType); }

// Position of `x` (compared with ==) in the range: -1 when absent, -2 on error.
int64_t range_find(Value self, Value x, int64_t* count) {
  Value it = get_iter(self);
  if (it.is_empty_slot()) return -2;
  int64_t pos = -1;
  *count = 0;
  for (int64_t i = 0;; ++i) {
    bool done = false;
    Value item = iter_next(it, &done);
    if (done) return pos;
    if (item.is_empty_slot()) return -2;
    int eq = equal(item, x);
    if (eq < 0) return -2;
    if (eq) {
      ++*count;
      if (pos < 0) pos = i;
    }
  }
}

Value range_contains(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (is_plain_int(args[1])) return bool_value(range_has_int(as_range(args[0]), args[1]));
  int64_t count;
  int64_t pos = range_find(args[0], args[1], &count);
  if (pos == -2) return Value();
  return bool_value(pos >= 0);
}

Value range_index(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("index", nargs - 1, kwnames, 1, 1)) return Value();
  RangeObject* r = as_range(args[0]);
  Value x = args[1];
  if (is_plain_int(x)) {
    if (range_has_int(r, x))
      return int_binary(int_binary(x, r->start, BinaryOpKind::Subtract), r->step, BinaryOpKind::FloorDivide);
  } else {
    int64_t count;
    int64_t pos = range_find(args[0], x, &count);
    if (pos == -2) return Value();
    if (pos >= 0) return int_from_int64(pos);
    return raise_msg(ValueErrorType, "sequence.index(x): x not in sequence");
  }
  std::string text;
  if (!repr_string(x, &text)) return Value();
  return raise_fmt(ValueErrorType, "%s is not in range", text.c_str());
}

Value range_count(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("count", nargs - 1, kwnames, 1, 1)) return Value();
  if (is_plain_int(args[1])) return Value::from_small_int(range_has_int(as_range(args[0]), args[1]) ? 1 : 0);
  int64_t count;
  if (range_find(args[0], args[1], &count) == -2) return Value();
  return int_from_int64(count);
}

// Ranges are equal when they produce the same values (start/stop/step may differ).
bool range_equal(RangeObject* a, RangeObject* b) {
  if (a == b) return true;
  if (int_compare(a->length, b->length) != 0) return false;
  if (int_is_zero(a->length)) return true;
  if (int_compare(a->start, b->start) != 0) return false;
  if (int_compare(a->length, Value::from_small_int(1)) == 0) return true;
  return int_compare(a->step, b->step) == 0;
}

Value range_compare(Value* args, int64_t nargs, bool want_equal) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (!args[1].is_obj() || args[1].as_obj()->type != RangeType) return NotImplemented;
  return bool_value(range_equal(as_range(args[0]), as_range(args[1])) == want_equal);
}
Value range_eq(Value* args, int64_t nargs, TupleObject*) { return range_compare(args, nargs, true); }
Value range_ne(Value* args, int64_t nargs, TupleObject*) { return range_compare(args, nargs, false); }

// Equal ranges hash alike: the hash of (len, start, step) with the parts that do not
// matter for empty and one-item ranges replaced by None.
Value range_hash(Value* args, int64_t, TupleObject*) {
  RangeObject* r = as_range(args[0]);
  TupleObject* t;
  if (int_is_zero(r->length)) t = tuple_of({r->length, None, None});
  else if (int_compare(r->length, Value::from_small_int(1)) == 0) t = tuple_of({r->length, r->start, None});
  else t = tuple_of({r->length, r->start, r->step});
  if (!t) return Value();
  int64_t h = hash(Value::from_obj(t));
  if (h == -1 && has_pending_exception()) return Value();
  return int_from_int64(h);
}

Value range_repr(Value* args, int64_t, TupleObject*) {
  RangeObject* r = as_range(args[0]);
  std::string out = "range(" + int_to_string(r->start) + ", " + int_to_string(r->stop);
  if (!(r->step.is_small_int() && r->step.as_small_int() == 1)) out += ", " + int_to_string(r->step);
  return str_value(out + ")");
}

Value range_iter_m(Value* args, int64_t, TupleObject*) { return get_iter(args[0]); }
Value range_getitem_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return range_subscript(args[0], args[1]);
}
Value range_reversed_m(Value* args, int64_t, TupleObject*) { return range_reversed(args[0]); }

Value range_start(Value self) { return as_range(self)->start; }
Value range_stop(Value self) { return as_range(self)->stop; }
Value range_step(Value self) { return as_range(self)->step; }

const NativeMethodDef kRangeMethods[] = {
    {"__new__", range_new, NativeMethodDef::Kind::StaticMethod},
    {"__len__", range_len},
    {"__bool__", range_bool},
    {"__contains__", range_contains},
    {"__getitem__", range_getitem_m},
    {"__iter__", range_iter_m},
    {"__reversed__", range_reversed_m},
    {"__eq__", range_eq},
    {"__ne__", range_ne},
    {"__hash__", range_hash},
    {"__repr__", range_repr},
    {"index", range_index},
    {"count", range_count},
};
const NativeGetSetDef kRangeGetSets[] = {
    {"start", range_start},
    {"stop", range_stop},
    {"step", range_step},
};

// --- slice ---

SliceObject* as_slice_obj(Value v) { return static_cast<SliceObject*>(v.as_obj()); }

Value slice_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "slice() takes no keyword arguments");
  if (!check_args("slice", nargs - 1, nullptr, 1, 3)) return Value();
  if (nargs == 2) return new_slice(None, args[1], None);
  return new_slice(args[1], args[2], nargs == 4 ? args[3] : None);
}

// One bound of slice.indices in arbitrary precision: None gives `dflt`, a negative value
// counts from `length`, and the result is clamped to [lower, upper].
Value long_slice_bound(Value v, Value dflt, Value length, Value lower, Value upper) {
  if (v == None) return dflt;
  if (!is_int(v) && lookup_special(v, names::dunder_index).is_empty_slot())
    return raise_msg(TypeErrorType, "slice indices must be integers or None or have an __index__ method");
  Value i = index(v);
  if (i.is_empty_slot()) return i;
  if (int_sign(i) < 0) {
    i = int_binary(i, length, fe::BinaryOpKind::Add);
    if (i.is_empty_slot()) return i;
    return int_compare(i, lower) < 0 ? lower : i;
  }
  return int_compare(i, upper) > 0 ? upper : i;
}

}  // namespace

bool slice_long_indices(Value slice, Value len, Value* start_out, Value* stop_out, Value* step_out) {
  auto* sl = static_cast<SliceObject*>(slice.as_obj());
  Value step = Value::from_small_int(1);
  if (sl->step != None) {
    if (!is_int(sl->step) && lookup_special(sl->step, names::dunder_index).is_empty_slot()) {
      raise_msg(TypeErrorType, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    step = index(sl->step);
    if (step.is_empty_slot()) return false;
    if (int_is_zero(step)) {
      raise_msg(ValueErrorType, "slice step cannot be zero");
      return false;
    }
  }
  const bool backwards = int_sign(step) < 0;
  Value lower = backwards ? Value::from_small_int(-1) : Value::from_small_int(0);
  Value upper = backwards ? int_binary(len, lower, fe::BinaryOpKind::Add) : len;
  if (upper.is_empty_slot()) return false;
  Value start = long_slice_bound(sl->start, backwards ? upper : lower, len, lower, upper);
  if (start.is_empty_slot()) return false;
  Value stop = long_slice_bound(sl->stop, backwards ? lower : upper, len, lower, upper);
  if (stop.is_empty_slot()) return false;
  *start_out = start;
  *stop_out = stop;
  *step_out = step;
  return true;
}

namespace {

// slice.indices(length) for any int length (CPython's _PySlice_GetLongIndices).
Value slice_indices_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("indices", nargs - 1, kwnames, 1, 1)) return Value();
  Value len = index(args[1]);
  if (len.is_empty_slot()) return len;
  if (int_sign(len) < 0) return raise_msg(ValueErrorType, "length should not be negative");
  Value start, stop, step;
  if (!slice_long_indices(args[0], len, &start, &stop, &step)) return Value();
  TupleObject* t = tuple_of({start, stop, step});
  return t ? Value::from_obj(t) : Value();
}

// Slices compare like the tuples (start, stop, step).
Value slice_compare(Value* args, int64_t nargs, fe::CompareKind op) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (!args[1].is_obj() || args[1].as_obj()->type != SliceType) return NotImplemented;
  SliceObject* a = as_slice_obj(args[0]);
  SliceObject* b = as_slice_obj(args[1]);
  TupleObject* ta = tuple_of({a->start, a->stop, a->step});
  TupleObject* tb = tuple_of({b->start, b->stop, b->step});
  if (!ta || !tb) return Value();
  return rich_compare(Value::from_obj(ta), Value::from_obj(tb), op);
}
Value slice_eq(Value* a, int64_t n, TupleObject*) { return slice_compare(a, n, fe::CompareKind::Eq); }
Value slice_ne(Value* a, int64_t n, TupleObject*) { return slice_compare(a, n, fe::CompareKind::Ne); }
Value slice_lt(Value* a, int64_t n, TupleObject*) { return slice_compare(a, n, fe::CompareKind::Lt); }
Value slice_le(Value* a, int64_t n, TupleObject*) { return slice_compare(a, n, fe::CompareKind::Le); }
Value slice_gt(Value* a, int64_t n, TupleObject*) { return slice_compare(a, n, fe::CompareKind::Gt); }
Value slice_ge(Value* a, int64_t n, TupleObject*) { return slice_compare(a, n, fe::CompareKind::Ge); }

Value slice_repr_m(Value* args, int64_t, TupleObject*) { return repr(args[0]); }

Value slice_start(Value self) { return as_slice_obj(self)->start; }
Value slice_stop(Value self) { return as_slice_obj(self)->stop; }
Value slice_step(Value self) { return as_slice_obj(self)->step; }

void visit_slice(Object* self, Visitor& v) {
  auto* s = static_cast<SliceObject*>(self);
  v.visit(s->start);
  v.visit(s->stop);
  v.visit(s->step);
}

const NativeMethodDef kSliceMethods[] = {
    {"__new__", slice_new, NativeMethodDef::Kind::StaticMethod},
    {"indices", slice_indices_m},
    {"__eq__", slice_eq},
    {"__ne__", slice_ne},
    {"__lt__", slice_lt},
    {"__le__", slice_le},
    {"__gt__", slice_gt},
    {"__ge__", slice_ge},
};
const NativeGetSetDef kSliceGetSets[] = {
    {"start", slice_start},
    {"stop", slice_stop},
    {"step", slice_step},
};

}  // namespace

Value range_reversed(Value range) {
  RangeObject* r = as_range(range);
  // Last value first, stepping backwards: start + (len - 1) * step, then -step.
  Value last = int_binary(r->start,
                          int_binary(int_binary(r->length, Value::from_small_int(1), BinaryOpKind::Subtract), r->step,
                                     BinaryOpKind::Multiply),
                          BinaryOpKind::Add);
  if (last.is_empty_slot()) return last;
  Value r2 = new_range(last, int_binary(r->start, r->step, BinaryOpKind::Subtract), int_negate(r->step));
  if (r2.is_empty_slot()) return r2;
  as_range(r2)->length = r->length;
  return get_iter(r2);
}

void init_range_slice_methods() {
  add_methods(RangeType, kRangeMethods);
  add_getsets(RangeType, kRangeGetSets);
  SliceType->visit = visit_slice;
  SliceType->basic_size = sizeof(SliceObject);
  add_methods(SliceType, kSliceMethods);
  add_getsets(SliceType, kSliceGetSets);
  // Slices are unhashable in 3.11.
  type_set_attr_raw(SliceType, names::dunder_hash, None);
}

}  // namespace coil::rt
