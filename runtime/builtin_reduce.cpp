// builtin_reduce.cpp — __reduce__ of the built-in types whose instances are rebuilt from a
// call rather than from object.__reduce_ex__'s copyreg protocol, as CPython 3.11 defines them:
// set/frozenset -> (cls, (list(self),), state), slice and range -> (type, (start, stop, step)), a native
// function -> its name (found again as a module global) or (getattr, (self, name)), a method
// descriptor -> (getattr, (owner, name)), bytearray -> (type, (data...), state).
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/iterator_reduce.h"
#include "runtime/iterators.h"
#include "runtime/native_module.h"
#include "runtime/object_reduce.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

void init_builtin_reduce();

namespace {

bool no_args(int64_t nargs, TupleObject* kwnames) { return check_args("__reduce__", nargs - 1, kwnames, 0, 0); }

// (type(self), (list(self),), self.__getstate__()): the instance dict and slots ride along.
Value set_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args(nargs, kwnames)) return Value();
  ListObject* items = new_list(0);
  if (!items || !list_extend(items, args[0])) return Value();
  Value state = object_getstate(args[0], false);
  if (state.is_empty_slot()) return state;
  return reduce_tuple(Value::from_obj(type_of(args[0])), {Value::from_obj(items)}, state);
}

Value slice_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args(nargs, kwnames)) return Value();
  auto* s = static_cast<SliceObject*>(args[0].as_obj());
  return reduce_tuple(Value::from_obj(type_of(args[0])), {s->start, s->stop, s->step});
}

Value range_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args(nargs, kwnames)) return Value();
  auto* r = static_cast<RangeObject*>(args[0].as_obj());
  return reduce_tuple(Value::from_obj(type_of(args[0])), {r->start, r->stop, r->step});
}

// (type, (), state) when empty; protocols before 3 pass the bytes as a latin-1 str (what
// Python 2 could read), later ones as bytes.
Value bytearray_reduce_common(Value self, int64_t protocol) {
  Value state = object_getstate(self, false);
  if (state.is_empty_slot()) return state;
  Value type = Value::from_obj(type_of(self));
  auto* b = static_cast<ByteArrayObject*>(self.as_obj());
  std::string_view data = b->view();
  if (data.empty()) return reduce_tuple(type, {}, state);
  if (protocol >= 3) return reduce_tuple(type, {Value::from_obj(new_bytes(data))}, state);
  std::string utf8;
  for (unsigned char c : data) {
    if (c < 0x80) {
      utf8 += static_cast<char>(c);
    } else {
      utf8 += static_cast<char>(0xC0 | (c >> 6));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return reduce_tuple(type, {str_value(utf8), str_value("latin-1")}, state);
}

Value bytearray_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args(nargs, kwnames)) return Value();
  return bytearray_reduce_common(args[0], 2);
}

Value bytearray_reduce_ex_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce_ex__", nargs - 1, kwnames, 0, 1)) return Value();
  int64_t protocol = 0;
  bool overflow = false;
  if (nargs == 2 && !as_int64(args[1], &protocol, &overflow)) return Value();
  return bytearray_reduce_common(args[0], protocol);
}

bool is_module_value(Value v) { return v.is_obj() && is_subtype(v.as_obj()->type, ModuleType); }

// A module-level function pickles by name (pickle then finds it as module.name); a bound
// method as getattr(self, name).
Value native_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args(nargs, kwnames)) return Value();
  auto* f = static_cast<NativeFunctionObject*>(args[0].as_obj());
  if (f->self.is_empty_slot() || is_module_value(f->self)) return str_value(f->name);
  return reduce_tuple(builtin_named("getattr"), {f->self, str_value(f->name)});
}

Value method_descr_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args(nargs, kwnames)) return Value();
  auto* m = static_cast<MethodDescrObject*>(args[0].as_obj());
  return reduce_tuple(builtin_named("getattr"), {Value::from_obj(m->owner), str_value(m->name)});
}

struct ReduceRow {
  TypeObject** type;
  NativeFn reduce;
  NativeFn reduce_ex = nullptr;  // only for types whose pickle depends on the protocol
};
const ReduceRow kReduceRows[] = {
    {&SetType, set_reduce_m},
    {&FrozenSetType, set_reduce_m},
    {&SliceType, slice_reduce_m},
    {&RangeType, range_reduce_m},
    {&NativeFunctionType, native_reduce_m},
    {&MethodDescrType, method_descr_reduce_m},
    {&ByteArrayType, bytearray_reduce_m, bytearray_reduce_ex_m},
};

}  // namespace

void init_builtin_reduce() {
  for (const ReduceRow& row : kReduceRows) {
    const NativeMethodDef def[] = {{"__reduce__", row.reduce}, {"__reduce_ex__", row.reduce_ex}};
    add_methods(*row.type, def, row.reduce_ex ? 2 : 1);
  }
}

}  // namespace coil::rt
