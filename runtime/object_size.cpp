// object_size.cpp — object.__sizeof__ and the per-type size functions behind it (what
// sys.getsizeof reports): the instance's own bytes plus the buffers only it holds.
//
// A built-in type with variable-size contents sets TypeObject::size_of; a class adds its own
// words (slots, attribute storage) to what its built-in base reports.
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

int64_t list_size(Object* o) {
  auto* l = static_cast<ListObject*>(o);
  return static_cast<int64_t>(sizeof(ListObject)) + l->capacity() * static_cast<int64_t>(sizeof(Value));
}
int64_t tuple_size(Object* o) {
  return static_cast<int64_t>(sizeof(TupleObject)) + static_cast<TupleObject*>(o)->size * static_cast<int64_t>(sizeof(Value));
}
int64_t dict_size(Object* o) {
  auto* d = static_cast<DictObject*>(o);
  int64_t n = sizeof(DictObject);
  if (DictStorage* s = d->storage) {
    int64_t slots = int64_t{1} << s->log2_size;
    int64_t index_width = slots <= 0x80 ? 1 : slots <= 0x8000 ? 2 : slots <= 0x80000000LL ? 4 : 8;
    n += static_cast<int64_t>(sizeof(DictStorage)) + slots * index_width + s->usable * static_cast<int64_t>(sizeof(DictEntry));
  }
  return n;
}
int64_t set_size(Object* o) {
  auto* s = static_cast<SetObject*>(o);
  int64_t n = sizeof(SetObject);
  if (s->table) n += static_cast<int64_t>(sizeof(SetStorage)) + s->table->size * static_cast<int64_t>(sizeof(SetEntry));
  return n;
}
int64_t bytes_size(Object* o) { return static_cast<int64_t>(sizeof(BytesObject)) + static_cast<BytesObject*>(o)->size + 1; }
int64_t bytearray_size(Object* o) {
  auto* b = static_cast<ByteArrayObject*>(o);
  return static_cast<int64_t>(sizeof(ByteArrayObject)) + (b->storage ? b->storage->size + 1 : 0);
}
int64_t str_size(Object* o) { return static_cast<int64_t>(sizeof(StrObject)) + static_cast<StrObject*>(o)->nbytes + 1; }
int64_t int_size(Object* o) {
  int32_t limbs = static_cast<IntObject*>(o)->size;
  return static_cast<int64_t>(sizeof(IntObject)) + (limbs < 0 ? -limbs : limbs) * static_cast<int64_t>(sizeof(uint64_t));
}

// object.__sizeof__: the first built-in layout with a size function measures its part; a
// class's own words (slots, attribute storage) come on top.
Value object_sizeof_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__sizeof__", nargs - 1, kwnames, 0, 0)) return Value();
  Value self = args[0];
  if (!self.is_obj()) return Value::from_small_int(static_cast<int64_t>(sizeof(IntObject) + sizeof(uint64_t)));
  TypeObject* t = type_of(self);
  for (TypeObject* b = t; b; b = b->base) {
    if (has(b, TypeFlag::HeapType)) continue;
    // Subclasses of int, bytes and str keep the value in a different layout (IntSubObject, ...).
    bool same_layout = b == t || (b != IntType && b != BytesType && b != StrType);
    int64_t own = b->size_of && same_layout ? b->size_of(self.as_obj()) : static_cast<int64_t>(b->basic_size);
    int64_t extra = t->basic_size > b->basic_size ? static_cast<int64_t>(t->basic_size - b->basic_size) : 0;
    return Value::from_small_int(own + extra);
  }
  return Value::from_small_int(static_cast<int64_t>(t->basic_size));
}

const NativeMethodDef kObjectSizeMethods[] = {
    {"__sizeof__", object_sizeof_m, NativeMethodDef::Kind::Method, "Size of object in memory, in bytes."},
};

}  // namespace

void init_object_sizes() {
  ListType->size_of = list_size;
  TupleType->size_of = tuple_size;
  DictType->size_of = dict_size;
  SetType->size_of = set_size;
  FrozenSetType->size_of = set_size;
  BytesType->size_of = bytes_size;
  ByteArrayType->size_of = bytearray_size;
  StrType->size_of = str_size;
  IntType->size_of = int_size;
  add_methods(ObjectType, kObjectSizeMethods);
}

}  // namespace coil::rt
