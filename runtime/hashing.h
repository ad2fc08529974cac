// hashing.h — TEMPORARY until the CPython-exact hashes land (branch `num`).
#pragma once
#include <cstdint>
#include <string_view>
namespace coil::rt {
int64_t hash_str_utf8(std::string_view utf8, bool ascii);
int64_t hash_bytes(std::string_view data);
}
