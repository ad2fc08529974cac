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
// reversed(list) and reversed(range).
Value new_list_reverse_iterator(Value list);
Value range_reversed(Value range);

void init_builtin_iterator_types();

}  // namespace coil::rt
