// pending_features.h — entry points of features still to be built (see the .cpp).
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

Value new_set_from(Value* items, int64_t n);
bool set_add_value(Value set, Value v);
bool set_update_value(Value set, Value iterable);

}  // namespace coil::rt
