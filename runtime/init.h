// init.h — bringing the runtime up: types, names, builtins and sys, in dependency order.
#pragma once

#include <string>

#include "runtime/config.h"
#include "runtime/value.h"

namespace coil::rt {

// Creates every built-in type and module for a process configured by `cfg`.
bool init_runtime(const Config& cfg);
// `--dump tokens|ast|bytecode FILE`: prints the frontend's view and returns the exit code.
int run_dump(const Config& cfg);
// The absolute form of a path (for error messages as CPython prints them).
std::string absolute_path(const std::string& path);
// `-m module`: runs the module as __main__ (runpy's job in CPython).
Value run_module_as_main(const std::string& name);
// Set when run_module_as_main failed because the module does not exist (the runner then
// prints "coil: No module named X" instead of a traceback, as CPython's runpy does).
extern bool g_module_not_found_for_main;

}  // namespace coil::rt
