// repl.h — the interactive prompt.
#pragma once

#include "runtime/module.h"

namespace coil::rt {

// Runs the read-eval-print loop in `main` until EOF (returns 0) or SystemExit (returns -1
// with the exception pending).
int run_repl(ModuleObject* main, bool banner);

}  // namespace coil::rt
