// native_type_util.h — helpers shared by the stdlib modules that define native types
// (itertools, _functools, _collections): making an ExtType type, argument parsing with
// CPython's messages.
#pragma once

#include <initializer_list>

#include "runtime/native_module.h"
#include "runtime/typeobject.h"

namespace coil::lib {

// A native type named `name` ("itertools.count") with instances of `size` bytes, registered as a
// runtime root. ExtType: its dunders in the dict are what the abstract operations call.
rt::TypeObject* make_native_type(const char* name, uint32_t size, rt::VisitFn visit, bool subclassable,
                                 rt::TypeObject* base = nullptr);

// Allocates an instance of `type` (a subclass gets its own basic size); null with MemoryError.
rt::Object* new_instance(rt::TypeObject* type);

// Binds positional and keyword arguments to `names` (outs[i] empty when not given), with
// CPython's messages: "f() takes at most 2 arguments (3 given)", "f() missing required argument
// 'x' (pos 1)", "f() got an unexpected keyword argument 'y'", "argument for f() given by name
// ('x') and position (1)". `kwonly_from` is the index of the first keyword-only name.
bool parse_args(const char* fname, rt::Value* args, int64_t nargs, rt::TupleObject* kwnames,
                std::initializer_list<const char*> names, int64_t required, rt::Value* outs,
                int64_t kwonly_from = -1);

// CPython's positional-count check: "f expected 1 argument, got 0", "f expected at least 2
// arguments, got 1", "f expected at most 2 arguments, got 3".
bool check_positional(const char* fname, int64_t nargs, int64_t min, int64_t max);

// How CPython's argument errors name a value's type: "None" for None, else the type's name.
const char* arg_type_name(rt::Value v);

// "f() takes no keyword arguments" when any keyword was passed.
bool no_kwargs(const char* fname, rt::TupleObject* kwnames);
// The same for the __new__ of a built-in type whose constructor takes no keywords, called for
// `type`: a subclass defining its own __init__ may be given keywords (its __init__ gets them),
// as CPython's rule `type == T || type->tp_init == T->tp_init` allows.
bool no_kwargs_for(const char* fname, rt::TypeObject* type, rt::TupleObject* kwnames);

// The checks of T.__new__(cls, ...) called directly: cls must be a subtype of `type` ("T" is its
// tp_name, e.g. "_thread.RLock"), with CPython's messages; null with TypeError pending.
rt::TypeObject* check_new_cls(rt::TypeObject* type, rt::Value* args, int64_t nargs);

// Raises type(err, strerror(err)) (OSError picks its errno subclass); returns empty.
rt::Value raise_errno(rt::TypeObject* type, int err);

// A new exception class `name` ("signal.itimer_error": module and name) deriving from `base`,
// made like a Python class statement would; null with an exception pending.
rt::TypeObject* new_exception_class(const char* name, rt::TypeObject* base);

// Native method returning its self (the __iter__ of an iterator).
rt::Value return_self(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);

}  // namespace coil::lib

namespace coil::lib {
// A Python exception class `module.name` deriving from `base` (struct.error, binascii.Error),
// registered as a runtime root. Null with an exception pending on failure.
rt::TypeObject* make_exception_class(const char* module, const char* name, rt::TypeObject* base);
}  // namespace coil::lib

namespace coil::lib {
// Lets weakref.ref accept instances of a native type (re.Pattern, array.array, ...), as
// CPython's types with a weak-reference list do.
void register_weakrefable_type(rt::TypeObject* type);
bool is_registered_weakrefable(const rt::TypeObject* type);
}  // namespace coil::lib
