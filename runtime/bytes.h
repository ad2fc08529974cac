// bytes.h — BytesObject: immutable bytes (bytearray and the full API come later).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct BytesObject : Object {
  int64_t size;
  int64_t hash;  // -1 until computed
  char data[];   // size + 1 (NUL-terminated)
  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

inline BytesObject* as_bytes(Value v) { return static_cast<BytesObject*>(v.as_obj()); }
inline bool is_bytes(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::BytesSubclass); }
BytesObject* new_bytes(std::string_view data);  // null with MemoryError pending
std::string bytes_repr(std::string_view data);

}  // namespace coil::rt
