// bytes.cpp — BytesObject creation and repr.
#include "runtime/bytes.h"

#include <cstring>

#include "runtime/exceptions.h"

namespace coil::rt {

BytesObject* new_bytes(std::string_view data) {
  auto* b = static_cast<BytesObject*>(allocate_object(BytesType, sizeof(BytesObject) + data.size() + 1));
  if (!b) {
    raise_memory_error();
    return nullptr;
  }
  b->size = static_cast<int64_t>(data.size());
  b->hash = -1;
  std::memcpy(b->data, data.data(), data.size());
  return b;
}

std::string bytes_repr(std::string_view data) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  std::string out = "b";
  out += quote;
  for (unsigned char c : data) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else out += static_cast<char>(c);
  }
  out += quote;
  return out;
}

}  // namespace coil::rt
