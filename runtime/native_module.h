// native_module.h — how native (C++) modules are defined: a table of functions plus an
// init hook, registered once in stdlib/module_table.cpp so `import` can find them.
#pragma once

#include "runtime/function.h"
#include "runtime/module.h"

namespace coil::rt {

struct NativeFunctionDef {
  const char* name;
  NativeFn fn;
  const char* doc = nullptr;
};

struct NativeModuleDef {
  const char* name;
  const NativeFunctionDef* functions;
  size_t nfunctions;
  // Adds the module's other attributes (constants, types); false with an exception pending.
  bool (*init)(ModuleObject* m) = nullptr;
};

// Makes the module object for `def` (functions bound, init run). Null on failure.
ModuleObject* create_native_module(const NativeModuleDef& def);
// Finds a native module definition by name (stdlib/module_table.cpp); null if none.
const NativeModuleDef* find_native_module(std::string_view name);
// Adds `name = value` to a module's namespace.
bool module_add(ModuleObject* m, const char* name, Value value);

// Argument checking for natives, with CPython's messages.
bool check_args(const char* fname, int64_t nargs, TupleObject* kwnames, int64_t min, int64_t max);
// Finds keyword `name` among kwnames; returns the value or empty.
Value kwarg(Value* args, int64_t nargs, TupleObject* kwnames, const char* name);
// Fails if any keyword other than the listed ones was passed.
bool check_kwargs(const char* fname, TupleObject* kwnames, std::initializer_list<const char*> allowed);

}  // namespace coil::rt
