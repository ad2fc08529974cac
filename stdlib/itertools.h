// itertools.h — what the two halves of the itertools module share.
#pragma once

#include "stdlib/native_type_util.h"

namespace coil::rt {
Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp
}

namespace coil::lib {

// Raises StopIteration; returns empty.
rt::Value stop_iteration();
// next(it), with exhaustion turned into a pending StopIteration (for __next__ bodies).
rt::Value next_or_stop(rt::Value it);
// Adds tee, _tee, product, permutations, combinations, combinations_with_replacement.
bool init_itertools_more(rt::ModuleObject* m);

}  // namespace coil::lib
