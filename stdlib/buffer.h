// buffer.h — the bytes behind bytes-like objects (bytes, bytearray, memoryview, array.array)
// for the stdlib modules that read or write raw bytes (_sre, _struct, binascii, array).
// Coil has no general buffer protocol yet; this is the one place that knows the exporters.
#pragma once

#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::lib {

struct ByteBuffer {
  std::string_view data;
  char* writable = nullptr;  // the same bytes when the exporter is mutable (bytearray, array)
  rt::Value owner;           // the object whose storage `data` points into
};

// Fills `out` when `v` is bytes-like; false (no exception) otherwise. The view is valid
// until the exporter is resized.
bool get_buffer(rt::Value v, ByteBuffer* out);

// Like get_buffer, but raises TypeError "a bytes-like object is required, not 'str'".
bool require_buffer(rt::Value v, ByteBuffer* out);

// array.array's bytes (array_module.cpp); false if `v` is not an array.
bool array_buffer(rt::Value v, ByteBuffer* out);

}  // namespace coil::lib
