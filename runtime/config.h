// config.h — what the command line and environment ask of one `coil` process.
#pragma once

#include <string>
#include <vector>

namespace coil::rt {

struct Config {
  enum class Run { File, Command, Module, Stdin, Dump };
  enum class Dump { None, Tokens, Ast, Bytecode };

  Run run = Run::Stdin;
  std::string program;            // the file name, the -c command, the -m module name
  std::vector<std::string> argv;  // sys.argv
  std::string executable;         // argv[0] as invoked
  std::vector<std::string> orig_argv;  // the whole command line (sys.orig_argv)
  Dump dump = Dump::None;

  // CPython's flags (sys.flags), in its order.
  int debug = 0, inspect = 0, interactive = 0, optimize = 0, dont_write_bytecode = 0;
  int no_user_site = 0, no_site = 0, ignore_environment = 0, verbose = 0, bytes_warning = 0;
  int quiet = 0, isolated = 0, safe_path = 0, unbuffered = 0, skip_first_line = 0;
  bool dev_mode = false;
  int utf8_mode = 0;
  int int_max_str_digits = -1;
  std::vector<std::string> warnoptions;  // -W and PYTHONWARNINGS
  std::vector<std::string> xoptions;     // -X opt[=val], in order
  std::string check_hash_based_pycs = "default";
  std::vector<std::string> python_path;  // PYTHONPATH entries (unless -E / -I)
  std::string hash_seed;                 // PYTHONHASHSEED ("" = random)
  std::string host_stdlib;               // --stdlib DIR ("" = COILSTDLIB or the configured one)
};

}  // namespace coil::rt
