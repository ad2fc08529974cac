// names.h — the interned strings of names.def (`names::dunder_add` is "__add__").
#pragma once

#include "runtime/str.h"

namespace coil::rt::names {

#define NAME(Var, Text) extern StrObject* Var;
#include "runtime/names.def"

void init();

}  // namespace coil::rt::names
