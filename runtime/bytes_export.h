// bytes_export.h — bytes-like objects defined outside the runtime (array.array) tell the
// runtime how to see their bytes, until Coil has a general buffer protocol. `buffer_view` is
// for the places that take any buffer (bytes(), bytearray(), memoryview(), bytes.join,
// bytes-like method arguments); bytes_like_view stays "is it bytes or bytearray".
#pragma once

#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct BytesExporter {
  // The bytes of `v` (false: not this exporter's object; no exception).
  bool (*view)(Value v, std::string_view* out);
  // The struct-style format char of v's items (a memoryview of it shows that format).
  char (*format)(Value v);
};

void set_bytes_exporter(const BytesExporter* exporter);
// bytes_like_view, or the registered exporter's view of v.
bool buffer_view(Value v, std::string_view* out);
// The item format of a bytes-like object: 'B' unless an exporter says otherwise.
char bytes_export_format(Value v);

}  // namespace coil::rt
