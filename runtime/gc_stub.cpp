// gc_stub.cpp — TEMPORARY: allocation without collection, until the collector lands.
#include <cstdlib>

#include "runtime/gc.h"

namespace coil::rt::gc {

void* allocate(size_t bytes) {
  if (bytes > (size_t(1) << 46)) return nullptr;
  return std::calloc(1, (bytes + 15) & ~size_t(15));
}

}  // namespace coil::rt::gc
