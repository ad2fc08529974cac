// import.h — the import machinery: built-in (native) modules, then .py files and packages
// found on sys.path. (The full importlib-compatible system is its own issue.)
#pragma once

#include <string_view>

#include "runtime/frame.h"
#include "runtime/module.h"

namespace coil::rt {

struct TupleObject;

// The ImportName op: __import__(name, globals, locals, fromlist, level).
Value import_name(Frame* f, StrObject* name, Value fromlist, Value level);
// The ImportFrom op: getattr(module, name), falling back to the submodule `module.name`.
Value import_from(Value module, StrObject* name);
// from m import *: copies __all__ (or the public names) into the frame's locals.
bool import_star(Frame* f, Value module);
// builtins.__import__.
Value import_builtin(Value* args, int64_t nargs, TupleObject* kwnames);
// Imports a module by absolute dotted name; returns the module (the leaf).
Value import_module(std::string_view name);
// Compiles and runs `source` as module `name` (used for __main__ too).
Value exec_module_source(std::string_view source, const std::string& filename, ModuleObject* module);

}  // namespace coil::rt
