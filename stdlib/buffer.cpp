// buffer.cpp — bytes-like objects seen as raw bytes (see buffer.h), over the runtime's
// buffer protocol (runtime/bytes_export.h).
#include "stdlib/buffer.h"

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/exceptions.h"

namespace coil::lib {

using namespace coil::rt;

bool get_buffer(Value v, ByteBuffer* out) {
  BufferInfo info;
  if (!get_buffer_info(v, &info)) {
    if (has_pending_exception()) clear_exception();
    return false;
  }
  out->data = std::string_view(info.data, static_cast<size_t>(info.len));
  out->writable = info.readonly ? nullptr : info.data;
  out->owner = info.owner;
  return true;
}

bool require_buffer(Value v, ByteBuffer* out) {
  if (get_buffer(v, out)) return true;
  raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

}  // namespace coil::lib
