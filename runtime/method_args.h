// method_args.h — argument checking for native methods of built-in types, with the
// messages CPython 3.11 gives for each calling convention it uses (METH_NOARGS, METH_O,
// positional-only fastcall, METH_VARARGS tuples, and Argument Clinic keyword parsing).
// `nargs` counts the arguments after self. Each returns false with TypeError pending.
#pragma once

#include <cstdint>
#include <initializer_list>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct TupleObject;

// "str.upper() takes no arguments (1 given)".
bool args_none(const char* qualname, int64_t nargs, TupleObject* kwnames);
// "str.join() takes exactly one argument (0 given)".
bool args_one(const char* qualname, int64_t nargs, TupleObject* kwnames);
// Positional-only with a range: "center expected at most 2 arguments, got 3".
bool args_positional(const char* qualname, const char* name, int64_t nargs, TupleObject* kwnames, int64_t min,
                     int64_t max);
// Tuple-parsed positional args: "find() takes at least 1 argument (0 given)".
bool args_tuple(const char* qualname, const char* name, int64_t nargs, TupleObject* kwnames, int64_t min,
                int64_t max);
// Keyword-capable parameters `names` (the first `npos_only` positional-only): fills out[i]
// (empty when not passed). "split() takes at most 2 arguments (3 given)",
// "'x' is an invalid keyword argument for split()", "argument for split() given by name ...".
bool args_keywords(const char* name, Value* args, int64_t nargs, TupleObject* kwnames,
                   std::initializer_list<const char*> names, int64_t min, Value* out, int64_t npos_only = 0);

// Reads an optional index argument as __index__ does ("'str' object cannot be
// interpreted as an integer"); `dflt` when empty.
bool arg_index(Value v, int64_t dflt, int64_t* out);
// Slice-style start/end (None allowed; clamped like slice indices).
bool arg_slice_index(Value v, int64_t* out);

}  // namespace coil::rt
