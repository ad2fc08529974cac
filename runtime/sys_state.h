// sys_state.h — the interpreter-wide state that lives in the sys module: sys.modules,
// sys.path, the standard streams, and the configuration it was started with.
#pragma once

#include "runtime/config.h"
#include "runtime/module.h"

namespace coil::rt {

struct DictObject;

extern ModuleObject* g_sys_module;
extern ModuleObject* g_builtins_module;
extern DictObject* g_sys_modules;  // sys.modules (the dict object itself)
extern const Config* g_config;

// sys.<name>, or empty when missing (no exception).
Value sys_attr(const char* name);

}  // namespace coil::rt
