// formatting.h — format(x, spec) for built-in objects and str % args (printf-style).
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

// format(v, spec) when type(v) has no Python-level __format__: numbers and str through
// the format-spec mini-language, anything else as object.__format__ (str(v) for '').
Value native_format(Value v, Value spec);
// fmt % args for a str fmt: CPython's printf-style formatting and errors.
Value str_percent_format(Value fmt, Value args);
// bytes % args / bytearray % args (PEP 461): a bytes or bytearray result; NotImplemented when
// `fmt` is not bytes-like.
Value bytes_percent_format(Value fmt, Value args);

}  // namespace coil::rt
