// bytes_util.h — helpers shared by bytes_methods.cpp and bytearray_methods.cpp.
#pragma once

#include <string>
#include <string_view>

#include "runtime/typeobject.h"

namespace coil::rt {

// The bytes of self (a bytes or bytearray instance, possibly a subclass).
std::string_view self_view(Value self);
// A new bytes, or bytearray when self is a bytearray, holding data.
Value same_kind(Value self, std::string_view data);
// The bytes of a bytes-like v; TypeError "a bytes-like object is required, not 'T'" if not.
bool need_bytes_like(Value v, std::string_view* out);
// An int in range(256) via __index__ ("byte must be in range(0, 256)").
bool byte_value(Value v, unsigned char* out);
// Appends the ints of an iterable, each checked to be a byte (`range_msg` otherwise).
bool bytes_from_iterable(Value src, std::string* out, const char* range_msg);
Value bytes_iter_of(TypeObject* iter_type, Value seq);
// The contents that bytes(source, encoding, errors) / bytearray(...) start with. Sets either
// *out, or *result when a ready bytes object came from __bytes__. `kind` is "bytes" or
// "bytearray" for messages.
bool bytes_source(Value source, Value encoding, Value errors, const char* kind, std::string* out, Value* result);

extern const NativeMethodDef kBytesSharedMethods[];
extern const size_t kBytesSharedMethodCount;

}  // namespace coil::rt
