// str.h — StrObject: immutable UTF-8 text with a cached code-point count and hash.
//
// `aux` of the header holds StrFlag bits (ASCII, interned, indexed). ASCII strings index in
// O(1); a non-ASCII string longer than kStrIndexStride code points carries, after its data,
// the byte offset of every kStrIndexStride-th code point, so indexing walks at most one
// stride. The bytes are NUL-terminated for C APIs, but may contain NUL themselves.
//
// A str subclass instance is a StrSubObject: the subclass type, the exact str it stands for,
// then the instance dict slot (added by new_heap_type). `as_str` looks through it, so every
// `is_str(v) ... as_str(v)->view()` user works on subclass instances unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

enum class StrFlag : uint32_t { Ascii = 1, Interned = 2, Indexed = 4 };
constexpr int64_t kStrIndexStride = 32;

struct StrObject : Object {
  int64_t length;   // in code points
  int64_t nbytes;   // UTF-8 bytes, not counting the terminating NUL
  int64_t hash;     // -1 until computed
  char data[];      // nbytes + 1

  bool is_ascii() const { return aux & static_cast<uint32_t>(StrFlag::Ascii); }
  std::string_view view() const { return {data, static_cast<size_t>(nbytes)}; }
};

struct StrSubObject : Object {
  StrObject* value;  // null only in an instance made by object.__new__ (read as '')
};
StrObject* empty_str();

// Makes a str from UTF-8 (assumed valid). Returns null (MemoryError raised) when too big.
StrObject* new_str(std::string_view utf8);
inline Value str_value(std::string_view utf8) { return Value::from_obj(new_str(utf8)); }
// The interned str for `utf8` (identifiers, attribute names): one object per text.
StrObject* intern(std::string_view utf8);
inline StrObject* as_str(Value v) {
  Object* o = v.as_obj();
  if (o->type == StrType) [[likely]] return static_cast<StrObject*>(o);
  StrObject* s = static_cast<StrSubObject*>(o)->value;
  return s ? s : empty_str();
}
inline bool is_str(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::StrSubclass); }

// The one-char str for code point cp (cached for Latin-1).
Value str_char(uint32_t cp);
// Byte offset of code point `index` (0 <= index <= length) in s.
int64_t str_byte_offset(const StrObject* s, int64_t index);
// Makes an instance of str subclass `type` holding `value`.
Value new_str_subclass(TypeObject* type, StrObject* value);

int64_t str_hash(StrObject* s);
bool str_equal(StrObject* a, StrObject* b);
// Number of code points in valid UTF-8.
int64_t utf8_length(std::string_view utf8, bool* ascii);
// Appends code point `cp` as UTF-8.
void append_utf8(std::string& out, uint32_t cp);
// Decodes the code point at `p` (valid UTF-8); advances p.
uint32_t decode_utf8(const char*& p);

// repr(s) as CPython prints it: quote choice, escapes, printable Unicode kept.
std::string str_repr(std::string_view utf8);

void init_str_type();

}  // namespace coil::rt
