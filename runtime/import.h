// import.h — the import system: the import statement's ops and __import__ (import.cpp),
// CPython's importlib._bootstrap installed as the machinery behind them
// (import_bootstrap.cpp), and `-m` (runpy).
#pragma once

#include <string>
#include <string_view>

#include "runtime/frame.h"
#include "runtime/module.h"

namespace coil::rt {

struct TupleObject;

// The ImportName op: __import__(name, globals, locals, fromlist, level).
Value import_name(Frame* f, StrObject* name, Value fromlist, Value level);
// The ImportFrom op: getattr(module, name), falling back to the submodule `module.name`.
bool import_star(Frame* f, Value module);
Value import_from(Value module, StrObject* name);
// builtins.__import__.
Value import_builtin(Value* args, int64_t nargs, TupleObject* kwnames);
// Imports a module by absolute dotted name; returns the module (the leaf).
Value import_module(std::string_view name);
// True while the module's code is still running (__spec__._initializing, or the native
// loader's own record): the "partially initialized module" messages.
bool module_initializing(Value module);
// True while submodule `name` of the package is being loaded (the "cannot access
// submodule" message).
bool module_uninitialized_submodule(Value module, StrObject* name);
// The same through the native stand-in finder only (start-up, before importlib).
Value import_native_path(std::string_view name);
// Compiles and runs `source` as module `name` (used for __main__ too).
Value exec_module_source(std::string_view source, const std::string& filename, ModuleObject* module);

// The code file names of the bootstrap modules (CPython's frozen names, so tracebacks
// read the same and remove_importlib_frames recognises them).
inline constexpr std::string_view kBootstrapFilename = "<frozen importlib._bootstrap>";
inline constexpr std::string_view kBootstrapExternalFilename = "<frozen importlib._bootstrap_external>";

// The importlib._bootstrap functions the native import path calls; empty until
// install_importlib() succeeded.
enum class ImportlibFn { FindAndLoad, HandleFromlist, LockUnlockModule };
Value importlib_function(ImportlibFn which);
// Loads CPython's importlib._bootstrap / _bootstrap_external from the host library as
// _frozen_importlib / _frozen_importlib_external and installs them with Coil's loaders
// (stdlib/lib/_coil_importlib.py). False (nothing changed, no exception) when a module
// they need is missing; false with an exception pending when installing failed.
bool install_importlib();
// `-m` without runpy: the native finder locates the module (a package's __main__).
Value native_run_module_as_main(const std::string& name);
// Gives __main__ its __loader__ (and __cached__ for a file) once importlib runs.
bool init_main_module_attrs(ModuleObject* main, const std::string& file);

}  // namespace coil::rt
