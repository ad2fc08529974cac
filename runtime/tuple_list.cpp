// tuple_list.cpp — construction and storage of tuples and lists (their methods are in
// tuple_methods.cpp / list_methods.cpp).
#include "runtime/tuple.h"

#include <algorithm>

#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/roots.h"

namespace coil::rt {

namespace {

constexpr int64_t kMaxItems = (int64_t(1) << 59) / int64_t(sizeof(Value));

TupleObject* g_empty_tuple = nullptr;

void visit_tuple(Object* self, Visitor& v) {
  auto* t = static_cast<TupleObject*>(self);
  v.visit_range(t->items, t->items + t->size);
}

void visit_value_array(Object* self, Visitor& v) {
  auto* a = static_cast<ValueArray*>(self);
  v.visit_range(a->items, a->items + a->capacity);
}

void visit_list(Object* self, Visitor& v) {
  auto* l = static_cast<ListObject*>(self);
  if (l->storage) v.visit(l->storage);
}

}  // namespace

TupleObject* new_tuple(int64_t size) {
  if (size == 0 && g_empty_tuple) return g_empty_tuple;
  if (size < 0 || size > kMaxItems) {
    raise_memory_error();
    return nullptr;
  }
  // gc::allocate inline (tuples have no finalizer: allocate_object's registration is moot).
  auto* t = static_cast<TupleObject*>(gc::allocate(sizeof(TupleObject) + size * sizeof(Value)));
  if (!t) {
    raise_memory_error();
    return nullptr;
  }
  t->type = TupleType;
  t->size = size;
  t->hash = -1;
  std::fill(t->items, t->items + size, None);
  return t;
}

TupleObject* tuple_of(std::initializer_list<Value> items) {
  TupleObject* t = new_tuple(static_cast<int64_t>(items.size()));
  if (!t) return nullptr;
  std::copy(items.begin(), items.end(), t->items);
  return t;
}

TupleObject* empty_tuple() { return g_empty_tuple; }

ValueArray* new_value_array(int64_t capacity) {
  if (capacity < 0 || capacity > kMaxItems) {
    raise_memory_error();
    return nullptr;
  }
  auto* a = static_cast<ValueArray*>(
      allocate_object(ValueArrayType, sizeof(ValueArray) + capacity * sizeof(Value)));
  if (!a) {
    raise_memory_error();
    return nullptr;
  }
  a->capacity = capacity;
  return a;
}

ListObject* new_list(int64_t size, int64_t capacity) {
  if (capacity < size) capacity = size;
  auto* l = static_cast<ListObject*>(allocate_object(ListType, sizeof(ListObject)));
  if (!l) {
    raise_memory_error();
    return nullptr;
  }
  if (capacity > 0) {
    l->storage = new_value_array(capacity);
    if (!l->storage) return nullptr;
    std::fill(l->storage->items, l->storage->items + size, None);
  }
  l->size = size;
  return l;
}

bool list_reserve(ListObject* l, int64_t capacity) {
  if (capacity <= l->capacity()) return true;
  ValueArray* a = new_value_array(capacity);
  if (!a) return false;
  if (l->size) std::copy(l->items(), l->items() + l->size, a->items);
  l->storage = a;
  return true;
}

bool list_append(ListObject* l, Value v) {
  if (l->size == l->capacity()) {
    // Growth like CPython's list_resize: about 1.125x plus a little, so appends are O(1).
    int64_t want = l->size + 1;
    int64_t cap = (want + (want >> 3) + 6) & ~int64_t(3);
    if (!list_reserve(l, cap)) return false;
  }
  l->storage->items[l->size++] = v;
  return true;
}

void init_tuple_list_storage() {
  TupleType->visit = visit_tuple;
  ValueArrayType->visit = visit_value_array;
  ListType->visit = visit_list;
  g_empty_tuple = static_cast<TupleObject*>(allocate_object(TupleType, sizeof(TupleObject)));
  g_empty_tuple->hash = -1;
  add_runtime_root_hook([](Visitor& v) { v.visit(g_empty_tuple); });
}

}  // namespace coil::rt
