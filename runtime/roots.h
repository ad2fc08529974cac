// roots.h — registering the runtime's roots with the collector.
#pragma once

#include <vector>

#include "runtime/object.h"

namespace coil::rt {

// Starts the collector for this process and registers the runtime's root visitor.
void init_gc_roots();

// A function that reports more roots (module-level statics of one file).
using RootVisitorHook = void (*)(Visitor& v);
void add_runtime_root_hook(RootVisitorHook hook);

}  // namespace coil::rt
