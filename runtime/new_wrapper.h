// new_wrapper.h — binding the static methods of built-in types, with the checks CPython's
// tp_new_wrapper makes on an explicit `T.__new__(cls, ...)`.
#pragma once

#include "runtime/function.h"

namespace coil::rt {

// The callable a static native method `md` binds to: for `__new__`, one bound to its type that
// first checks that cls is a type, a subtype of it, and that its nearest built-in base makes
// its instances with this same __new__ (otherwise the instance's layout would be wrong);
// any other static method as a plain function. Null with MemoryError.
NativeFunctionObject* bind_static_native(MethodDescrObject* md);
// Is `v` such a checking __new__ (what `__new__ = list.__new__` in a class body stores)?
bool is_checked_new(Value v);

}  // namespace coil::rt
