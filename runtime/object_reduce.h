// object_reduce.h — object.__reduce_ex__, __reduce__ and __getstate__ (pickle and copy).
#pragma once

namespace coil::rt {

// Adds the methods to `object` (after its other methods exist).
void init_object_reduce();

}  // namespace coil::rt
