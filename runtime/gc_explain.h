// gc_explain.h — a debugging aid for "why is this object still alive?": with COIL_GC_WHY=NAME
// in the environment, every full collection (gc.collect()) prints to stderr, before marking, for
// each object whose type is named NAME and that the marking will find alive, one chain of
// references from a root to it.
#pragma once

#include <string>

#include "runtime/object.h"

namespace coil::rt::gc {

// Says where the runtime's root visitor holds `o` (a frame slot, the exception state, ...);
// set by the runtime, used to label chains that start there.
using RootDescriber = std::string (*)(Object* o);
void set_root_describer(RootDescriber fn);

// Prints the chains for COIL_GC_WHY (nothing when it is unset). Run by a full collection.
void explain_survivors();

}  // namespace coil::rt::gc
