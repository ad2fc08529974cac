// struct_format.h — the _struct module's format language: parsing "<2hxq5s" into items
// with offsets (native sizes and alignment for '@', standard sizes for '=<>!'), and
// packing/unpacking one item with CPython 3.11's conversions and error messages.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/builtin_types.h"

namespace coil::lib::structfmt {

enum class Order : uint8_t { Native, NativeStd, Little, Big };

// One format code with its repeat count, laid out at `offset`.
struct Item {
  char code;
  Order order;
  uint32_t size;      // bytes of one value (for s/p: the whole field)
  int64_t count;      // values (1 for s/p, which take `size` bytes as one value)
  int64_t offset;
};

struct Layout {
  std::vector<Item> items;
  int64_t size = 0;     // total bytes
  int64_t nvalues = 0;  // values pack takes / unpack returns
};

// Parses `fmt`; false with struct.error pending ("bad char in struct format", ...).
bool parse(std::string_view fmt, Layout* out, rt::TypeObject* error);

// Packs `v` as one value of `item` at p; false with an exception pending.
bool pack_value(const Item& item, rt::Value v, char* p, rt::TypeObject* error);
// The value of one `item` at p.
rt::Value unpack_value(const Item& item, const char* p);

}  // namespace coil::lib::structfmt
