// module.h — ModuleObject: a namespace dict with a name.
#pragma once

#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct DictObject;

struct ModuleObject : Object {
  DictObject* dict;
};

inline ModuleObject* as_module(Value v) { return static_cast<ModuleObject*>(v.as_obj()); }
// A new module with __name__ (and __doc__, __package__, __loader__, __spec__ as None).
ModuleObject* new_module(std::string_view name);
// Registers a module in sys.modules (and the native-module table).
bool add_module(std::string_view name, ModuleObject* m);
void init_module_type();

}  // namespace coil::rt
