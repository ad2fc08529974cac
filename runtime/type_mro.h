// type_mro.h — a class's MRO (C3, or its metaclass's own mro()), __bases__ assignment, and
// the subclass lists that version changes and MRO updates follow (type_mro.cpp).
#pragma once

#include "runtime/type.h"

namespace coil::rt {

// C3 linearisation of `type` over `bases` (type.mro()); null with TypeError on a conflict or
// when a base's own MRO is not computed yet.
TupleObject* compute_mro(TypeObject* type, TupleObject* bases);
// Sets type->mro from mro() (type's C3, or the metaclass's method, checked as CPython does).
// 1: set; 0: a reentrant call (mro() assigning __bases__) already replaced it; -1: error.
int mro_internal(TypeObject* type, TupleObject** old_mro);
// The most derived ancestor of `t` (or `t`) that adds to the instance layout (typeobject.cpp).
TypeObject* solid_base(TypeObject* t);
// Adds / removes `sub` in base's list of direct subclasses.
void note_subclass(TypeObject* base, TypeObject* sub);
void forget_subclass(TypeObject* base, TypeObject* sub);

}  // namespace coil::rt
