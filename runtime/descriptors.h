// descriptors.h — property, classmethod and staticmethod (descriptors.cpp) and the
// attributes of functions, code objects, cells and methods (function_attrs.cpp).
#pragma once

#include "runtime/function.h"

namespace coil::rt {

// Raises AttributeError "property 'x' of 'A' object has no getter" (what: "getter",
// "setter" or "deleter"); returns empty.
Value property_missing(PropertyObject* p, Value obj, const char* what);

void init_descriptor_types();
void init_function_attributes();

}  // namespace coil::rt
