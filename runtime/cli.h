// cli.h — the `coil` command line: CPython's options plus `--jit` and `--dump`.
#pragma once

#include <string>
#include <vector>

namespace coil::rt {

// Runs `coil` with the given arguments (argv[0] included); returns the process exit code.
int run_command_line(int argc, char** argv);

}  // namespace coil::rt
