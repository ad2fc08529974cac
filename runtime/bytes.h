// bytes.h — BytesObject (immutable bytes) and ByteArrayObject (mutable bytearray).
//
// A bytes subclass instance is a BytesSubObject holding the exact bytes it stands for (its
// instance dict follows), and `as_bytes` looks through it, as str subclasses do (str.h).
// A bytearray keeps its bytes in a storage BytesObject (a GC object the bytearray owns;
// capacity is the storage's size), so bytearray subclasses have a fixed layout.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct BytesObject : Object {
  int64_t size;
  int64_t hash;  // -1 until computed
  char data[];   // size + 1 (NUL-terminated)
  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

struct BytesSubObject : Object {
  BytesObject* value;  // null only in an instance made by object.__new__ (read as b'')
};

struct ExportCount;

struct ByteArrayObject : Object {
  int64_t size;
  BytesObject* storage;  // null while empty; capacity = storage->size
  ExportCount* exports;  // malloc'd buffer-export bookkeeping (bytes_export.h); null: never exported
  char* data() const { return storage ? storage->data : nullptr; }
  std::string_view view() const { return {storage ? storage->data : "", static_cast<size_t>(size)}; }
};

BytesObject* empty_bytes();
inline BytesObject* as_bytes(Value v) {
  Object* o = v.as_obj();
  if (o->type == BytesType) [[likely]] return static_cast<BytesObject*>(o);
  BytesObject* b = static_cast<BytesSubObject*>(o)->value;
  return b ? b : empty_bytes();
}
inline bool is_bytes(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::BytesSubclass); }
inline bool is_bytearray_type(TypeObject* t) {
  for (; t; t = t->base)
    if (t == ByteArrayType) return true;
  return false;
}
inline ByteArrayObject* as_bytearray(Value v) { return static_cast<ByteArrayObject*>(v.as_obj()); }
inline bool is_bytearray(Value v) { return v.is_obj() && is_bytearray_type(v.as_obj()->type); }

BytesObject* new_bytes(std::string_view data);  // null with MemoryError pending
inline Value bytes_value(std::string_view data) {
  BytesObject* b = new_bytes(data);
  return b ? Value::from_obj(b) : Value();
}
// repr(b); bytearray's repr escapes ' even inside double quotes (CPython's quirk).
std::string bytes_repr(std::string_view data, bool bytearray_style = false);
// A new bytearray (of `type`, bytearray or a subclass) holding `data`; empty on MemoryError.
Value new_bytearray(TypeObject* type, std::string_view data);
// Resizes a bytearray's contents (new bytes are zero); false with MemoryError pending, or
// BufferError while a memoryview holds its buffer and the size would change.
bool bytearray_resize(ByteArrayObject* b, int64_t size);

// `a op b` when a (or, for *, either operand) is bytes or bytearray: +, *, and bytearray's
// in-place += / *=. NotImplemented when it does not apply.
Value bytes_binary(Value a, Value b, fe::BinaryOpKind op);
// Comparison of two bytes-like objects (bytes == bytearray works); NotImplemented otherwise.
Value bytes_richcompare(Value a, Value b, fe::CompareKind op);

// The bytes of a bytes-like object (bytes, bytearray, or subclasses); false if `v` is not one.
bool bytes_like_view(Value v, std::string_view* out);

}  // namespace coil::rt
