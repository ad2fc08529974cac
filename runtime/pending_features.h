// pending_features.h — entry points the interpreter calls into other files: sets
// (set_methods.cpp), format() (format_object.cpp) and str % args (percent_format.cpp).
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

Value new_set_from(Value* items, int64_t n);
bool set_add_value(Value set, Value v);
bool set_update_value(Value set, Value iterable);

}  // namespace coil::rt
