// builtin_iterators.h — the iterator types of the builtins module: enumerate, zip, map,
// filter, reversed (and list_reverseiterator), with a native next() for iter_next.
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

// Is `t` exactly one of these types (so iter_next may call builtin_iterator_next)?
bool is_builtin_iterator_type(TypeObject* t);
// Next item of an exact enumerate/zip/map/filter/reversed/list_reverseiterator; empty with
// *done set at exhaustion, empty without *done on error.
Value builtin_iterator_next(Value it, bool* done);
// `for a, b in zip(xs, ys)` / `for i, x in enumerate(xs)` without the tuple: when `it` is
// an exact zip of n list iterators or an enumerate of a list iterator (n == 2) that all have
// an item left, stores the next items at out[n-1]..out[0] (UnpackSequence's order) and
// returns true. Otherwise returns false having changed nothing (the caller takes the
// generic path, which also handles exhaustion and errors). Never raises.
bool next_unpacked(Value it, int64_t n, Value* out);
// reversed(list) and reversed(range).
Value new_list_reverse_iterator(Value list);
Value range_reversed(Value range);

void init_builtin_iterator_types();

}  // namespace coil::rt
