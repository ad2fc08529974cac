// iterator_reduce.cpp — pickling of the runtime's iterators, as CPython 3.11 does it: an
// iterator reduces to a call of builtins.iter on what it walks plus its position as the state
// (`(iter, (seq,), index)`, restored by __setstate__, which clamps it), or, when it cannot be
// positioned (dict and set iterators), to `(iter, (list_of_what_is_left,))`. An exhausted
// iterator reduces to an iterator over an empty sequence. Also the __next__, __iter__ and
// __length_hint__ these types lacked (iter_next serves them natively, but Python code and
// collections.abc look for the methods).
#include "runtime/iterator_reduce.h"

#include <cstring>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/native_module.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value builtin_named(const char* name) {
  Value v = dict_get_str(g_builtins_module->dict, intern(name));
  if (v.is_empty_slot()) return raise_fmt(AttributeErrorType, "module 'builtins' has no attribute '%s'", name);
  return v;
}

Value reduce_tuple(Value callable, std::initializer_list<Value> args, Value state) {
  if (callable.is_empty_slot()) return callable;
  TupleObject* a = new_tuple(static_cast<int64_t>(args.size()));
  if (!a) return Value();
  int64_t i = 0;
  for (Value v : args) a->items[i++] = v;
  TupleObject* r = state.is_empty_slot() ? tuple_of({callable, Value::from_obj(a)})
                                         : tuple_of({callable, Value::from_obj(a), state});
  return r ? Value::from_obj(r) : Value();
}

bool ssize_arg(Value v, int64_t* out) {
  if (!is_int(v)) {
    raise_msg(TypeErrorType, "an integer is required");
    return false;
  }
  if (!int_to_int64(v, out)) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

ListObject* remaining_items(Value it) {
  // A field-for-field copy of the iterator object, drained: the original keeps its place.
  TypeObject* t = type_of(it);
  uint32_t size = t->basic_size;
  Object* copy = allocate_object(t, size);
  if (!copy) {
    raise_memory_error();
    return nullptr;
  }
  std::memcpy(reinterpret_cast<char*>(copy) + sizeof(Object), reinterpret_cast<char*>(it.as_obj()) + sizeof(Object),
              size - sizeof(Object));
  ListObject* l = new_list(0);
  if (!l || !list_extend(l, Value::from_obj(copy))) return nullptr;
  return l;
}

namespace {

Value iter_fn() { return builtin_named("iter"); }

bool no_args(const char* name, int64_t nargs, TupleObject* kwnames) { return check_args(name, nargs - 1, kwnames, 0, 0); }

// --- iterators over an indexable sequence: list, tuple, str, bytes, bytearray, __getitem__ ---

enum class SeqKind { List, Tuple, Str, Bytes, ByteArray, Sequence };

struct SeqIterRow {
  TypeObject** type;
  SeqKind kind;
};
const SeqIterRow kSeqIters[] = {
    {&ListIterType, SeqKind::List},   {&TupleIterType, SeqKind::Tuple},         {&StrIterType, SeqKind::Str},
    {&BytesIterType, SeqKind::Bytes}, {&ByteArrayIterType, SeqKind::ByteArray}, {&SeqIterType, SeqKind::Sequence},
};

SeqKind seq_kind(Value it) {
  for (const SeqIterRow& row : kSeqIters)
    if (*row.type == type_of(it)) return row.kind;
  return SeqKind::Sequence;
}

SeqIterObject* seq_iter(Value* args) { return static_cast<SeqIterObject*>(args[0].as_obj()); }

// What an exhausted iterator of this kind pickles as: iter() of an empty one.
Value empty_like(SeqKind kind) {
  if (kind == SeqKind::List) {
    ListObject* l = new_list(0);
    return l ? Value::from_obj(l) : Value();
  }
  if (kind == SeqKind::Str) return Value::from_obj(empty_str());
  return Value::from_obj(empty_tuple());
}

// The position as an index: str iterators keep a UTF-8 byte offset.
int64_t seq_position(SeqIterObject* it, SeqKind kind) {
  if (kind != SeqKind::Str) return it->index;
  StrObject* s = as_str(it->seq);
  if (s->is_ascii()) return it->index;
  int64_t n = 0;
  for (int64_t i = 0; i < it->index && i < s->nbytes; ++i) n += (static_cast<unsigned char>(s->data[i]) & 0xC0) != 0x80;
  return n;
}

Value seq_iter_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__reduce__", nargs, kwnames)) return Value();
  SeqIterObject* it = seq_iter(args);
  SeqKind kind = seq_kind(args[0]);
  if (it->seq.is_empty_slot()) {
    Value empty = empty_like(kind);
    if (empty.is_empty_slot()) return empty;
    return reduce_tuple(iter_fn(), {empty});
  }
  return reduce_tuple(iter_fn(), {it->seq}, int_from_int64(seq_position(it, kind)));
}

Value seq_iter_setstate_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  int64_t index;
  if (!ssize_arg(args[1], &index)) return Value();
  SeqIterObject* it = seq_iter(args);
  if (it->seq.is_empty_slot()) return None;
  SeqKind kind = seq_kind(args[0]);
  if (index < 0) index = 0;
  if (kind != SeqKind::Sequence) {
    int64_t n = length(it->seq);
    if (n < 0) return Value();
    if (index > n) index = n;  // at the end: exhausted
  }
  it->index = kind == SeqKind::Str ? str_byte_offset(as_str(it->seq), index) : index;
  return None;
}

// How many items are left; NotImplemented for a __getitem__ sequence without __len__.
Value seq_iter_length_hint_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__length_hint__", nargs, kwnames)) return Value();
  SeqIterObject* it = seq_iter(args);
  if (it->seq.is_empty_slot()) return Value::from_small_int(0);
  SeqKind kind = seq_kind(args[0]);
  if (kind == SeqKind::Sequence && type_lookup(type_of(it->seq), intern("__len__")).is_empty_slot())
    return NotImplemented;
  int64_t n = kind == SeqKind::Str ? as_str(it->seq)->length : length(it->seq);
  if (n < 0) return Value();
  int64_t left = n - seq_position(it, kind);
  return int_from_int64(left < 0 ? 0 : left);
}

// __next__ of the iterators iter_next serves natively.
Value native_iter_next_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__next__", nargs, kwnames)) return Value();
  bool done = false;
  Value v = iter_next(args[0], &done);
  if (done) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return v;
}

Value iter_self_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__iter__", nargs, kwnames)) return Value();
  return args[0];
}

// --- range iterators: (iter, (range(start, start + len * step, step),), index) ---

Value range_iter_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__reduce__", nargs, kwnames)) return Value();
  auto* r = static_cast<RangeIterObject*>(args[0].as_obj());
  int64_t index = r->len - r->remaining;
  // These cannot overflow: get_iter only makes this iterator when start + len * step fits.
  int64_t start = r->next - index * r->step;
  Value range = new_range(int_from_int64(start), int_from_int64(start + r->len * r->step), int_from_int64(r->step));
  if (range.is_empty_slot()) return range;
  return reduce_tuple(iter_fn(), {range}, int_from_int64(index));
}

Value range_iter_setstate_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  int64_t index;
  if (!ssize_arg(args[1], &index)) return Value();
  auto* r = static_cast<RangeIterObject*>(args[0].as_obj());
  int64_t start = r->next - (r->len - r->remaining) * r->step;
  if (index < 0) index = 0;
  if (index > r->len) index = r->len;
  r->next = start + index * r->step;
  r->remaining = r->len - index;
  return None;
}

Value range_iter_length_hint_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__length_hint__", nargs, kwnames)) return Value();
  return int_from_int64(static_cast<RangeIterObject*>(args[0].as_obj())->remaining);
}

LongRangeIterObject* long_range(Value* args) { return static_cast<LongRangeIterObject*>(args[0].as_obj()); }

Value long_range_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__reduce__", nargs, kwnames)) return Value();
  LongRangeIterObject* r = long_range(args);
  Value span = binary_op(r->len, r->step, fe::BinaryOpKind::Multiply);
  if (span.is_empty_slot()) return span;
  Value stop = binary_op(r->start, span, fe::BinaryOpKind::Add);
  if (stop.is_empty_slot()) return stop;
  Value range = new_range(r->start, stop, r->step);
  if (range.is_empty_slot()) return range;
  Value pos = binary_op(r->len, r->remaining, fe::BinaryOpKind::Subtract);
  if (pos.is_empty_slot()) return pos;
  return reduce_tuple(iter_fn(), {range}, pos);
}

Value long_range_setstate_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  LongRangeIterObject* r = long_range(args);
  Value pos = index(args[1]);
  if (pos.is_empty_slot()) return pos;
  if (int_sign(pos) < 0) pos = Value::from_small_int(0);
  if (int_compare(pos, r->len) > 0) pos = r->len;
  Value offset = binary_op(pos, r->step, fe::BinaryOpKind::Multiply);
  if (offset.is_empty_slot()) return offset;
  Value next = binary_op(r->start, offset, fe::BinaryOpKind::Add);
  Value remaining = binary_op(r->len, pos, fe::BinaryOpKind::Subtract);
  if (next.is_empty_slot() || remaining.is_empty_slot()) return Value();
  r->next = next;
  r->remaining = remaining;
  return None;
}

Value long_range_length_hint_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__length_hint__", nargs, kwnames)) return Value();
  return long_range(args)->remaining;
}

// --- iter(callable, sentinel) ---

Value callable_iter_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__reduce__", nargs, kwnames)) return Value();
  auto* c = static_cast<CallableIterObject*>(args[0].as_obj());
  if (c->callable.is_empty_slot()) return reduce_tuple(iter_fn(), {Value::from_obj(empty_tuple())});
  return reduce_tuple(iter_fn(), {c->callable, c->sentinel});
}

// --- dict and set iterators: (iter, (list of the rest,)) ---

Value drain_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("__reduce__", nargs, kwnames)) return Value();
  ListObject* rest = remaining_items(args[0]);
  if (!rest) return Value();
  return reduce_tuple(iter_fn(), {Value::from_obj(rest)});
}

const NativeMethodDef kSeqIterMethods[] = {
    {"__reduce__", seq_iter_reduce_m},
    {"__setstate__", seq_iter_setstate_m},
};
// str and __getitem__ iterators had no methods of their own.
const NativeMethodDef kSeqIterProtocol[] = {
    {"__next__", native_iter_next_m},
    {"__iter__", iter_self_m},
    {"__length_hint__", seq_iter_length_hint_m},
};
const NativeMethodDef kRangeIterMethods[] = {
    {"__next__", native_iter_next_m},
    {"__iter__", iter_self_m},
    {"__length_hint__", range_iter_length_hint_m},
    {"__reduce__", range_iter_reduce_m},
    {"__setstate__", range_iter_setstate_m},
};
const NativeMethodDef kLongRangeIterMethods[] = {
    {"__length_hint__", long_range_length_hint_m},
    {"__reduce__", long_range_reduce_m},
    {"__setstate__", long_range_setstate_m},
};
const NativeMethodDef kCallableIterMethods[] = {
    {"__reduce__", callable_iter_reduce_m},
};
const NativeMethodDef kDrainMethods[] = {
    {"__reduce__", drain_reduce_m},
};

}  // namespace

void add_long_range_iter_pickling(TypeObject* t) { add_methods(t, kLongRangeIterMethods); }
void add_callable_iter_pickling(TypeObject* t) { add_methods(t, kCallableIterMethods); }

void init_iterator_reduce() {
  for (const SeqIterRow& row : kSeqIters) add_methods(*row.type, kSeqIterMethods);
  for (TypeObject* t : {StrIterType, SeqIterType}) add_methods(t, kSeqIterProtocol);
  add_methods(RangeIterType, kRangeIterMethods);
  for (TypeObject* t : {DictKeyIterType, DictValueIterType, DictItemIterType, DictRevKeyIterType, DictRevValueIterType,
                        DictRevItemIterType, SetIterType})
    add_methods(t, kDrainMethods);
}

}  // namespace coil::rt
