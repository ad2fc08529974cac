// generic_alias.h — types.GenericAlias (generic_alias.cpp) and types.UnionType (union_type.cpp):
// the parameterized types of PEP 585 / 604 and the type-variable substitution they share.
#pragma once

#include <string>

#include "runtime/tuple.h"
#include "runtime/value.h"

namespace coil::rt {

// cls[args] for the built-in generic classes (list[int], enumerate[str], ...): a new alias.
Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);
// Is v a types.GenericAlias (or an instance of a subclass)?
bool is_generic_alias(Value v);
// Is v a types.UnionType?
bool is_union_type(Value v);
// The args of a union (its members, flattened); v must be a union.
TupleObject* union_args(Value v);
// a | b for the union-able (classes, None, aliases, unions); NotImplemented for anything else.
Value union_of(Value a, Value b);

// The type variables among `args` (those with __typing_subst__, and the __parameters__ of
// nested aliases), each once, in order of appearance. Null with an exception pending.
TupleObject* make_type_parameters(TupleObject* args);
// The args of `self` (whose args and parameters are given) subscripted with `item`: each type
// variable replaced by its value, nested aliases subscripted in turn. Null with TypeError
// ("... is not a generic class", "Too many arguments for ...") or another exception pending.
TupleObject* substitute_type_parameters(Value self, TupleObject* args, TupleObject* parameters, Value item);
// How a class or alias prints inside list[...] or X | Y: module.qualname (builtins bare), an
// alias by its repr, ... as is. False with an exception pending.
bool type_arg_repr(Value v, std::string* out);

}  // namespace coil::rt
