// containers.h — how the generic operations (abstract.h: repr, operators, comparisons)
// reach the container types (list, tuple, dict and its views, set, frozenset), including
// heap subclasses whose dunders are the built-in ones; and the repr recursion guard.
#pragma once

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

// repr of a container whose solid built-in type is `solid`; empty (no exception) when
// `solid` is not a container type.
Value container_repr(Value v, TypeObject* solid);
// `a op b` / in-place / comparison for containers (subclasses included); NotImplemented
// when no container rule applies.
Value container_binary(Value a, Value b, fe::BinaryOpKind op);
Value container_inplace(Value a, Value b, fe::BinaryOpKind op);
Value container_compare(Value a, Value b, fe::CompareKind op);

// Marks an object whose repr is being built on this thread (CPython's Py_ReprEnter), so a
// container that contains itself prints as [...] / {...}.
struct ReprGuard {
  Object* obj;
  bool recursive = false;
  explicit ReprGuard(Object* o);
  ~ReprGuard();
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
};

// The native reprs (they ignore overridden __repr__ of the container itself).
Value list_repr(Value v);
Value tuple_repr(Value v);
Value dict_repr(Value v);

}  // namespace coil::rt
