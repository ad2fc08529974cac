// iterator_reduce.h — pickling (__reduce__ / __setstate__) of built-in objects that have no
// constructor taking their state: the runtime's iterators, and the helpers the other
// built-in types' __reduce__ methods share.
#pragma once

#include <initializer_list>

#include "runtime/builtin_types.h"
#include "runtime/tuple.h"

namespace coil::rt {

// builtins.<name> (iter, getattr, reversed...); empty with an exception when missing.
Value builtin_named(const char* name);
// The reduce tuple (callable, args) or, when `state` is not empty, (callable, args, state).
Value reduce_tuple(Value callable, std::initializer_list<Value> args, Value state = Value());
// A __setstate__ / index argument as CPython's PyLong_AsSsize_t takes it: an int that fits in
// 64 bits; false with TypeError / OverflowError.
bool ssize_arg(Value v, int64_t* out);
// The items an iterator has left, read from a copy of it (the iterator itself does not move):
// what the dict and set iterators pickle as. Null with an exception pending.
ListObject* remaining_items(Value it);

// __reduce__ / __setstate__ / __length_hint__ of the iterator types created lazily by
// iterators.cpp (longrange_iterator, callable_iterator).
void add_long_range_iter_pickling(TypeObject* t);
void add_callable_iter_pickling(TypeObject* t);
// Adds the methods to the static iterator types (after their own methods exist).
void init_iterator_reduce();

}  // namespace coil::rt
