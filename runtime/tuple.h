// tuple.h — TupleObject (immutable, items inline) and ListObject (items in a ValueArray).
#pragma once

#include <cstdint>
#include <initializer_list>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct TupleObject : Object {
  int64_t size;
  int64_t hash;  // -1 until computed
  Value items[];
};

// Growable storage behind lists (and other resizable containers): a GC object itself.
struct ValueArray : Object {
  int64_t capacity;
  Value items[];
};

struct ListObject : Object {
  int64_t size;
  ValueArray* storage;  // null when capacity is 0
  Value* items() const { return storage ? storage->items : nullptr; }
  int64_t capacity() const { return storage ? storage->capacity : 0; }
};

inline TupleObject* as_tuple(Value v) { return static_cast<TupleObject*>(v.as_obj()); }
inline ListObject* as_list(Value v) { return static_cast<ListObject*>(v.as_obj()); }
inline bool is_tuple(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::TupleSubclass); }
inline bool is_list(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::ListSubclass); }

// Constructors return null with MemoryError raised when out of memory.
TupleObject* new_tuple(int64_t size);  // items start as None
TupleObject* tuple_of(std::initializer_list<Value> items);
TupleObject* empty_tuple();
ValueArray* new_value_array(int64_t capacity);
ListObject* new_list(int64_t size, int64_t capacity = -1);  // items start as None
bool list_append(ListObject* l, Value v);  // false: MemoryError raised
bool list_reserve(ListObject* l, int64_t capacity);
// A tuple of exact type `type` (tuple or a heap subclass: see tuple_methods.cpp) holding
// a copy of items[0..n); empty with MemoryError pending on failure.
Value new_tuple_of_type(TypeObject* type, const Value* items, int64_t n);
// list.sort(key=key, reverse=reverse) (list_sort.cpp); key may be empty or None.
bool list_sort(ListObject* l, Value key, bool reverse);

void init_tuple_list_types();

}  // namespace coil::rt
