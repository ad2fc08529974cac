// search_path.h — where Coil finds its executable, its own library and CPython's, and
// the initial sys.path (CPython's getpath, for Coil's layout).
#pragma once

#include <string>
#include <vector>

#include "runtime/config.h"

namespace coil::rt {

struct InterpreterPaths {
  std::string executable;        // sys.executable: argv[0] made absolute (symlinks kept)
  std::string base_executable;   // sys._base_executable: the real binary behind a venv's link
  std::string prefix;            // sys.prefix / exec_prefix / base_*: the host Python's prefix
  std::string coil_lib;          // Coil's stdlib/lib
  std::string host_stdlib;       // the CPython 3.11 library directory
  std::vector<std::string> sys_path;   // without path0
  bool has_path0 = false;              // false with -P (safe_path)
  std::string path0;                   // the script's directory, '' or the cwd: put first
                                       // after `site` ran, as CPython does
};

// Computes the paths for `cfg` (once; later calls return the same).
const InterpreterPaths& interpreter_paths(const Config& cfg);

}  // namespace coil::rt
