// match.h — the runtime side of pattern matching (the Match* ops of the interpreter).
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

struct TupleObject;

// Is the subject a mapping / a sequence for `case {...}` / `case [...]`? -1 on error.
int match_is_mapping(Value subject);
int match_is_sequence(Value subject);
// The values of `keys` in the subject (a tuple), None if a key is missing, empty on error.
Value match_keys(Value subject, TupleObject* keys);
// Positional + keyword attributes of a class pattern (a tuple), None if no match.
Value match_class(Value subject, Value cls, int64_t npos, TupleObject* kwnames);
// dict(subject) without `keys` (for `**rest`).
Value copy_dict_without_keys(Value subject, TupleObject* keys);

}  // namespace coil::rt
