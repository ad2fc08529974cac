// main.cpp — the entry point of the `coil` binary.
#include "runtime/cli.h"

int main(int argc, char** argv) { return coil::rt::run_command_line(argc, argv); }
