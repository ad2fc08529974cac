// object_reduce.h — object.__reduce_ex__, __reduce__ and __getstate__ (pickle and copy).
#pragma once

#include "runtime/value.h"

namespace coil::rt {

// obj.__getstate__() (CPython's _PyObject_GetState): the default one unless overridden. With
// `required`, an object whose native layout holds more than object's cannot be pickled from
// its state alone (TypeError "cannot pickle 'X' object").
Value object_getstate(Value obj, bool required);

// Adds the methods to `object` (after its other methods exist).
void init_object_reduce();

}  // namespace coil::rt
