// sort.h — the stable sort behind sorted() (and list.sort until its own lands): Python's
// ordering (`<` only), optional key function, reverse keeping stability.
#pragma once

#include <cstdint>

#include "runtime/builtin_types.h"

namespace coil::rt {

// Sorts items[0..n) in place with `<` (rich comparison) on key(item) when `key` is not
// empty/None. Stable; `reverse` sorts descending while equal items keep their order.
// False with the exception pending when a key call or a comparison raised (items are then
// a permutation of the input, in no particular order).
bool sort_values(Value* items, int64_t n, Value key, bool reverse);

}  // namespace coil::rt
