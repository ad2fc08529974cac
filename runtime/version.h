// version.h — the version strings `coil -V`, sys.version and sys.implementation report.
#pragma once

#include <string>

namespace coil::rt {

constexpr int kPyMajor = 3, kPyMinor = 11;
// sys.implementation.cache_tag: names Coil's bytecode cache files (NAME.coil-311.pyc).
inline constexpr const char* kCacheTag = "coil-311";
int py_micro();                 // 3.11.x: the micro version of the host library
std::string version_short();    // "Python 3.11.2 (Coil 0.1.0)"      (-V)
std::string version_long();     // sys.version: adds build date and compiler (-VV)
std::string coil_version();     // "0.1.0"

}  // namespace coil::rt
