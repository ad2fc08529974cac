// os_error.h — OSError from C errno values: the errno -> subclass map CPython applies
// (ENOENT -> FileNotFoundError, ...) and raising with filenames.
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

// The OSError subclass CPython's OSError(errno, ...) constructs for `err`, or OSError.
TypeObject* os_error_type_for_errno(int err);
// Raises OSError (mapped subclass) for `err` with strerror(err) and the optional
// filenames (empty Value: not given). Returns an empty Value.
Value raise_os_error(int err, Value filename = Value(), Value filename2 = Value());
// Raises for the current errno.
Value raise_errno(Value filename = Value(), Value filename2 = Value());

}  // namespace coil::rt
