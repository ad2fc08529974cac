// iterators.cpp — iter() and next() for every object: native iterators for list, tuple,
// str, dict and range; __iter__/__next__ and the old __getitem__ protocol for the rest.
#include "runtime/iterators.h"

#include "runtime/iterator_reduce.h"

#include "runtime/abstract.h"
#include "runtime/builtin_iterators.h"
#include "runtime/dict.h"
#include "runtime/dict_views.h"
#include "runtime/set.h"
#include "runtime/exceptions.h"
#include "runtime/generator.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/sequence_ops.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "runtime/sequence_ops.h"

namespace coil::rt {

namespace {

void visit_seq_iter(Object* self, Visitor& v) { v.visit(static_cast<SeqIterObject*>(self)->seq); }
void visit_range(Object* self, Visitor& v) {
  auto* r = static_cast<RangeObject*>(self);
  v.visit(r->start);
  v.visit(r->stop);
  v.visit(r->step);
  v.visit(r->length);
}

Value new_seq_iter(TypeObject* type, Value seq) {
  auto* it = static_cast<SeqIterObject*>(allocate_object(type, sizeof(SeqIterObject)));
  if (!it) return raise_memory_error();
  it->seq = seq;
  it->index = 0;
  return Value::from_obj(it);
}

Value stop_iteration_value(bool* done) {
  // StopIteration raised by a __next__ means exhaustion: swallow it.
  if (pending_matches(StopIterationType)) {
    clear_exception();
    *done = true;
  }
  return Value();
}

}  // namespace

namespace {

TypeObject* g_long_range_iter_type = nullptr;

void visit_long_range_iter(Object* self, Visitor& v) {
  auto* it = static_cast<LongRangeIterObject*>(self);
  v.visit(it->next);
  v.visit(it->step);
  v.visit(it->remaining);
  v.visit(it->start);
  v.visit(it->len);
}

Value long_range_next(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<LongRangeIterObject*>(args[0].as_obj());
  if (int_sign(it->remaining) <= 0) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  Value v = it->next;
  Value n = int_binary(it->next, it->step, fe::BinaryOpKind::Add);
  Value r = int_binary(it->remaining, Value::from_small_int(1), fe::BinaryOpKind::Subtract);
  if (n.is_empty_slot() || r.is_empty_slot()) return Value();
  it->next = n;
  it->remaining = r;
  return v;
}

Value long_range_iter_self(Value* args, int64_t, TupleObject*) { return args[0]; }

const NativeMethodDef kLongRangeIterMethods[] = {
    {"__next__", long_range_next},
    {"__iter__", long_range_iter_self},
};

}  // namespace

Value new_long_range_iter(RangeObject* r) {
  if (!g_long_range_iter_type) {
    g_long_range_iter_type = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
    g_long_range_iter_type->name = "longrange_iterator";
    g_long_range_iter_type->base = ObjectType;
    g_long_range_iter_type->flags = TypeFlag::Immutable | TypeFlag::ExtType;
    finish_builtin_type(g_long_range_iter_type, sizeof(LongRangeIterObject), nullptr, visit_long_range_iter);
    g_long_range_iter_type->alloc = nullptr;  // made by iter() only
    add_methods(g_long_range_iter_type, kLongRangeIterMethods);
    add_long_range_iter_pickling(g_long_range_iter_type);
    add_runtime_root_hook([](Visitor& v) { v.visit(g_long_range_iter_type); });
  }
  auto* it = static_cast<LongRangeIterObject*>(allocate_object(g_long_range_iter_type, sizeof(LongRangeIterObject)));
  if (!it) return raise_memory_error();
  it->next = r->start;
  it->step = r->step;
  it->remaining = r->length;
  it->start = r->start;
  it->len = r->length;
  return Value::from_obj(it);
}

Value new_range(Value start, Value stop, Value step) {
  if (int_is_zero(step)) return raise_msg(ValueErrorType, "range() arg 3 must not be zero");
  auto* r = static_cast<RangeObject*>(allocate_object(RangeType, sizeof(RangeObject)));
  if (!r) return raise_memory_error();
  r->start = start;
  r->stop = stop;
  r->step = step;
  // length = max(0, ceil((stop - start) / step))
  Value diff = int_binary(stop, start, fe::BinaryOpKind::Subtract);
  if (diff.is_empty_slot()) return diff;
  int s = int_sign(step);
  if ((s > 0 && int_sign(diff) <= 0) || (s < 0 && int_sign(diff) >= 0)) {
    r->length = Value::from_small_int(0);
  } else {
    // ceil(diff / step) = -((-diff) // step)
    Value q = int_binary(int_negate(diff), step, fe::BinaryOpKind::FloorDivide);
    if (q.is_empty_slot()) return q;
    r->length = int_negate(q);
  }
  return Value::from_obj(r);
}

Value get_iter(Value v) {
  TypeObject* t = type_of(v);
  if (t == ListType) return new_seq_iter(ListIterType, v);
  if (is_tuple_layout(t)) return new_seq_iter(TupleIterType, v);
  if (t == StrType) return new_seq_iter(StrIterType, v);
  if (t == DictType) return new_dict_iter(DictKeyIterType, v);
  if (t == SetType || t == FrozenSetType) return new_set_iter(v);
  if (t == RangeType) {
    auto* r = static_cast<RangeObject*>(v.as_obj());
    int64_t start, step, len, span, end;
    // The 64-bit iterator needs every value up to start + len * step (the stop its pickle
    // names) to fit, so that `next` never overflows.
    if (int_to_int64(r->start, &start) && int_to_int64(r->step, &step) && int_to_int64(r->length, &len) &&
        !__builtin_mul_overflow(len, step, &span) && !__builtin_add_overflow(start, span, &end)) {
      auto* it = static_cast<RangeIterObject*>(allocate_object(RangeIterType, sizeof(RangeIterObject)));
      if (!it) return raise_memory_error();
      it->next = start;
      it->step = step;
      it->remaining = len;
      it->len = len;
      return Value::from_obj(it);
    }
    return new_long_range_iter(r);
  }
  if (is_builtin_iterator_type(t)) return v;  // enumerate, zip, map, ...: their own iterators
  Value m = type_lookup(t, names::dunder_iter);
  if (!m.is_empty_slot() && m != None) {
    Value it = call_special0(m, v);
    if (it.is_empty_slot()) return it;
    if (type_lookup(type_of(it), names::dunder_next).is_empty_slot() && !is_native_iterator(it))
      return raise_fmt(TypeErrorType, "iter() returned non-iterator of type '%s'", type_name(it));
    return it;
  }
  if (m.is_empty_slot() && is_native_iterator(v)) return v;  // iterators are their own iterators
  if (m.is_empty_slot() && !type_lookup(t, names::dunder_getitem).is_empty_slot())
    return new_seq_iter(SeqIterType, v);
  return raise_fmt(TypeErrorType, "'%s' object is not iterable", t->name);
}

bool get_iter_would_fail(Value v) {
  TypeObject* t = type_of(v);
  if (t == ListType || t == TupleType || t == StrType || t == DictType || t == RangeType || t == SetType ||
      t == FrozenSetType)
    return false;
  if (is_native_iterator(v)) return false;
  Value m = type_lookup(t, names::dunder_iter);
  if (!m.is_empty_slot()) return m == None;
  return type_lookup(t, names::dunder_getitem).is_empty_slot();
}

bool is_native_iterator(Value v) {
  if (!v.is_obj()) return false;
  TypeObject* t = v.as_obj()->type;
  return t == ListIterType || t == TupleIterType || t == StrIterType || t == RangeIterType || t == SeqIterType ||
         t == GeneratorType || t == SetIterType || is_dict_iter_type(t) || is_builtin_iterator_type(t);
}

Value iter_next(Value it, bool* done) {
  *done = false;
  if (!it.is_obj()) return raise_fmt(TypeErrorType, "'%s' object is not an iterator", type_name(it));
  TypeObject* t = it.as_obj()->type;
  if (t == RangeIterType) {
    auto* r = static_cast<RangeIterObject*>(it.as_obj());
    if (r->remaining <= 0) {
      *done = true;
      return Value();
    }
    int64_t v = r->next;
    r->next += r->step;
    --r->remaining;
    return int_from_int64(v);
  }
  if (t == ListIterType || t == TupleIterType) {
    auto* s = static_cast<SeqIterObject*>(it.as_obj());
    if (s->seq.is_empty_slot()) {
      *done = true;
      return Value();
    }
    int64_t size = t == ListIterType ? as_list(s->seq)->size : as_tuple(s->seq)->size;
    if (s->index >= size) {
      s->seq = Value();
      *done = true;
      return Value();
    }
    return t == ListIterType ? as_list(s->seq)->items()[s->index++] : as_tuple(s->seq)->items[s->index++];
  }
  if (t == StrIterType) {
    auto* s = static_cast<SeqIterObject*>(it.as_obj());
    if (s->seq.is_empty_slot() || s->index >= as_str(s->seq)->nbytes) {
      s->seq = Value();
      *done = true;
      return Value();
    }
    const char* start = as_str(s->seq)->data + s->index;
    const char* p = start;
    uint32_t cp = decode_utf8(p);
    s->index += p - start;
    return str_char(cp);
  }
  if (is_dict_iter_type(t)) return dict_iter_next(it, done);
  if (t == SetIterType) return set_iter_next(it, done);
  if (t == SeqIterType) {
    auto* s = static_cast<SeqIterObject*>(it.as_obj());
    if (s->seq.is_empty_slot()) {
      *done = true;
      return Value();
    }
    Value r = get_item(s->seq, Value::from_small_int(s->index));
    if (r.is_empty_slot()) {
      if (pending_matches(IndexErrorType) || pending_matches(StopIterationType)) {
        clear_exception();
        s->seq = Value();
        *done = true;
      }
      return Value();
    }
    ++s->index;
    return r;
  }
  if (t == GeneratorType) {
    bool returned = false;
    Value r = gen_resume(static_cast<GeneratorObject*>(it.as_obj()), None, Value(), &returned);
    if (returned) {
      *done = true;
      return Value();
    }
    if (r.is_empty_slot()) return stop_iteration_value(done);
    return r;
  }
  if (is_builtin_iterator_type(t)) return builtin_iterator_next(it, done);
  Value m = type_lookup(t, names::dunder_next);
  if (m.is_empty_slot()) return raise_fmt(TypeErrorType, "'%s' object is not an iterator", t->name);
  Value r = call_special0(m, it);
  if (r.is_empty_slot()) return stop_iteration_value(done);
  return r;
}

Value sequence_to_tuple(Value v) {
  if (is_exact(v, TupleType)) return v;
  ListObject* l = new_list(0);
  if (!l) return Value();
  if (!list_extend(l, v)) return Value();
  TupleObject* t = new_tuple(l->size);
  if (!t) return Value();
  for (int64_t i = 0; i < l->size; ++i) t->items[i] = l->items()[i];
  return Value::from_obj(t);
}

void init_iterator_types() {
  for (TypeObject* t : {SeqIterType, ListIterType, TupleIterType, StrIterType})
    finish_builtin_type(t, sizeof(SeqIterObject), nullptr, visit_seq_iter);
  finish_builtin_type(RangeIterType, sizeof(RangeIterObject), nullptr, nullptr);
  // Only iter() makes these: calling the type is "cannot create 'list_iterator' instances".
  for (TypeObject* t : {SeqIterType, ListIterType, TupleIterType, StrIterType, RangeIterType}) t->alloc = nullptr;
  finish_builtin_type(RangeType, sizeof(RangeObject), nullptr, visit_range);
}

}  // namespace coil::rt

namespace coil::rt {

namespace {

void visit_callable_iter(Object* self, Visitor& v) {
  auto* c = static_cast<CallableIterObject*>(self);
  v.visit(c->callable);
  v.visit(c->sentinel);
}

Value callable_iter_next(Value* args, int64_t, TupleObject*) {
  auto* c = static_cast<CallableIterObject*>(args[0].as_obj());
  if (c->callable.is_empty_slot()) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  Value v = call0(c->callable);
  if (v.is_empty_slot()) return v;
  int eq = equal(v, c->sentinel);
  if (eq < 0) return Value();
  if (eq) {
    c->callable = Value();
    return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  }
  return v;
}

Value self_iter(Value* args, int64_t, TupleObject*) { return args[0]; }

TypeObject* g_callable_iter_type = nullptr;

const NativeMethodDef kCallableIterMethods[] = {
    {"__next__", callable_iter_next},
    {"__iter__", self_iter},
};

}  // namespace

Value new_callable_iterator(Value callable, Value sentinel) {
  if (!is_callable(callable)) return raise_msg(TypeErrorType, "iter(v, w): v must be callable");
  if (!g_callable_iter_type) {
    g_callable_iter_type = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
    g_callable_iter_type->name = "callable_iterator";
    g_callable_iter_type->base = ObjectType;
    g_callable_iter_type->flags = TypeFlag::Immutable;
    finish_builtin_type(g_callable_iter_type, sizeof(CallableIterObject), nullptr, visit_callable_iter);
    g_callable_iter_type->alloc = nullptr;  // made by iter() only
    add_methods(g_callable_iter_type, kCallableIterMethods);
    add_callable_iter_pickling(g_callable_iter_type);
    add_runtime_root_hook([](Visitor& v) { v.visit(g_callable_iter_type); });
  }
  auto* c = static_cast<CallableIterObject*>(allocate_object(g_callable_iter_type, sizeof(CallableIterObject)));
  if (!c) return raise_memory_error();
  c->callable = callable;
  c->sentinel = sentinel;
  return Value::from_obj(c);
}

Value range_subscript(Value range, Value key) {
  auto* r = static_cast<RangeObject*>(range.as_obj());
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    Value start, stop, step;
    if (!slice_long_indices(key, r->length, &start, &stop, &step)) return Value();
    auto at = [&](Value i) {
      Value offset = int_binary(i, r->step, fe::BinaryOpKind::Multiply);
      return offset.is_empty_slot() ? offset : int_binary(r->start, offset, fe::BinaryOpKind::Add);
    };
    // The slice's index bounds map through the range (CPython's compute_slice), so the
    // repr of the result shows the same stop.
    Value new_start = at(start);
    Value new_stop = at(stop);
    Value new_step = int_binary(r->step, step, fe::BinaryOpKind::Multiply);
    if (new_start.is_empty_slot() || new_stop.is_empty_slot() || new_step.is_empty_slot()) return Value();
    return new_range(new_start, new_stop, new_step);
  }
  Value i = index(key);
  if (i.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      return raise_fmt(TypeErrorType, "range indices must be integers or slices, not %s", type_name(key));
    }
    return i;
  }
  if (int_sign(i) < 0) i = int_binary(i, r->length, fe::BinaryOpKind::Add);
  if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) return raise_msg(IndexErrorType, "range object index out of range");
  return int_binary(r->start, int_binary(i, r->step, fe::BinaryOpKind::Multiply), fe::BinaryOpKind::Add);
}

}  // namespace coil::rt
