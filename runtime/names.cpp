// names.cpp — interns the strings of names.def at startup.
#include "runtime/names.h"

namespace coil::rt::names {

#define NAME(Var, Text) StrObject* Var = nullptr;
#include "runtime/names.def"

void init() {
#define NAME(Var, Text) Var = intern(Text);
#include "runtime/names.def"
}

}  // namespace coil::rt::names
