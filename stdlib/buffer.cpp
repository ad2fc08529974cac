// buffer.cpp — bytes-like objects seen as raw bytes (see buffer.h).
#include "stdlib/buffer.h"

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"

namespace coil::lib {

using namespace coil::rt;

bool get_buffer(Value v, ByteBuffer* out) {
  if (!v.is_obj()) return false;
  if (is_bytes(v)) {
    out->data = as_bytes(v)->view();
    out->writable = nullptr;
    out->owner = v;
    return true;
  }
  if (is_bytearray(v)) {
    ByteArrayObject* b = as_bytearray(v);
    out->data = b->view();
    out->writable = b->data();
    out->owner = v;
    return true;
  }
  if (array_buffer(v, out)) return true;
  if (v.as_obj()->type == MemoryViewType) {
    // A memoryview shows its exporter's bytes (slices of a view hold their own copy).
    Value obj = get_attr(v, "obj");
    if (obj.is_empty_slot()) {
      clear_exception();
      return false;
    }
    if (obj.is_obj() && obj.as_obj()->type == MemoryViewType) return false;
    return get_buffer(obj, out);
  }
  return false;
}

bool require_buffer(Value v, ByteBuffer* out) {
  if (get_buffer(v, out)) return true;
  raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

}  // namespace coil::lib

