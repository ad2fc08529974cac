// sequence_ops.h — operators on the built-in sequences (str, bytes, list, tuple):
// concatenation, repetition, comparison, hashing, indexing and slicing.
#pragma once

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct TupleObject;
struct BytesObject;
struct ListObject;

// `a op b` for sequences (+, *, in-place forms); NotImplemented when it does not apply.
Value sequence_binary(Value a, Value b, fe::BinaryOpKind op);
// list += iterable, list *= n (mutating); NotImplemented otherwise.
Value sequence_inplace(Value a, Value b, fe::BinaryOpKind op);
// Comparisons of same-kind sequences; NotImplemented otherwise.
Value sequence_compare(Value a, Value b, fe::CompareKind op);
int64_t tuple_hash(TupleObject* t);
int64_t bytes_hash(BytesObject* b);
// list.extend(iterable); false with an exception pending.
bool list_extend(ListObject* l, Value iterable);
// l[slice] = iterable, or del l[slice] when value is empty.
bool list_set_slice(ListObject* l, Value slice, Value value);

// Python index normalisation: negative counts from the end; false (IndexError pending) if out
// of range. `what` names the sequence in the message ("list", "tuple", "string").
bool normalize_index(Value index, int64_t size, int64_t* out, const char* what);

// Slices: the slice object and its normalised indices (CPython's PySlice_GetIndicesEx).
struct SliceObject : Object {
  Value start, stop, step;
};
Value new_slice(Value start, Value stop, Value step);
bool slice_indices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step, int64_t* count);
// slice_indices for an int `length` of any size (slice.indices, range slicing): the
// clamped start, stop and step as ints; false with the exception pending.
bool slice_long_indices(Value slice, Value length, Value* start, Value* stop, Value* step);

}  // namespace coil::rt
