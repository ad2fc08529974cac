// cli.cpp — the `coil` command line.
#include "runtime/cli.h"

namespace coil::rt {

int run_command_line(int argc, char** argv) { return 0; }

}  // namespace coil::rt
