// version.cpp — version strings, from the build configuration.
#include "runtime/version.h"

#include "coil_config.h"

namespace coil::rt {

namespace {
std::string compiler_name() {
#if defined(__clang__)
  return std::string("[Clang ") + __clang_version__ + "]";
#elif defined(__GNUC__)
  return std::string("[GCC ") + __VERSION__ + "]";
#else
  return "[unknown compiler]";
#endif
}
}  // namespace

int py_micro() { return COIL_PY_MICRO; }
std::string coil_version() { return COIL_VERSION; }

std::string version_short() {
  return "Python 3.11." + std::to_string(COIL_PY_MICRO) + " (Coil " + COIL_VERSION + ")";
}

std::string version_long() {
  return "3.11." + std::to_string(COIL_PY_MICRO) + " (Coil " + COIL_VERSION + ", " + __DATE__ +
         ", " + __TIME__ + ") " + compiler_name();
}

}  // namespace coil::rt
