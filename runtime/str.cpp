// str.cpp — StrObject basics: creation, interning, hashing, equality, UTF-8 helpers, repr.
#include "runtime/str.h"

#include <cstring>
#include <string>
#include <unordered_map>

#include <utf8proc.h>

#include "runtime/exceptions.h"
#include "runtime/hashing.h"

namespace coil::rt {

namespace {

// Interned strings by content. The map's keys view the objects' own bytes.
std::unordered_map<std::string_view, StrObject*>& interned() {
  static auto* table = new std::unordered_map<std::string_view, StrObject*>();
  return *table;
}

}  // namespace

int64_t utf8_length(std::string_view s, bool* ascii) {
  // Eight bytes at a time: code points are the bytes that are not continuations (10xxxxxx).
  constexpr uint64_t kHigh = 0x8080808080808080ull, kLow = 0x0101010101010101ull;
  int64_t n = 0;
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    high |= w & kHigh;
    const uint64_t continuation = (w >> 7) & (~w >> 6) & kLow;
    n += 8 - static_cast<int64_t>((continuation * kLow) >> 56);  // sums the 0/1 bytes (no popcnt needed)
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) ++n;
    high |= c & 0x80;
  }
  if (ascii) *ascii = high == 0;
  return n;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

uint32_t decode_utf8(const char*& p) {
  auto c = static_cast<unsigned char>(*p++);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> extra);
  while (extra--) cp = (cp << 6) | (static_cast<unsigned char>(*p++) & 0x3F);
  return cp;
}

namespace {

// Where the stride index of an Indexed str starts (after the data's NUL, 4-byte aligned).
uint32_t* index_of(const StrObject* s) {
  auto addr = reinterpret_cast<uintptr_t>(s->data + s->nbytes + 1);
  return reinterpret_cast<uint32_t*>((addr + 3) & ~uintptr_t(3));
}

// Offsets of code points 0, stride, 2*stride, ... (each < 2**32: only such strs get one).
void build_index(StrObject* s) {
  uint32_t* idx = index_of(s);
  const char* p = s->data;
  int64_t n = 0;
  for (int64_t i = 0; i < s->nbytes; ++i) {
    if ((static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) continue;
    if (n % kStrIndexStride == 0) idx[n / kStrIndexStride] = static_cast<uint32_t>(i);
    ++n;
  }
}

}  // namespace

StrObject* new_str(std::string_view utf8) {
  bool ascii = false;
  int64_t length = utf8_length(utf8, &ascii);
  bool indexed = !ascii && length > kStrIndexStride && utf8.size() < (size_t(1) << 32);
  size_t size = sizeof(StrObject) + utf8.size() + 1;
  if (indexed) size = ((size + 3) & ~size_t(3)) + 4 * static_cast<size_t>((length + kStrIndexStride - 1) / kStrIndexStride) + 4;
  auto* s = static_cast<StrObject*>(allocate_object(StrType, size));
  if (!s) {
    raise_memory_error();
    return nullptr;
  }
  std::memcpy(s->data, utf8.data(), utf8.size());
  s->data[utf8.size()] = '\0';
  s->nbytes = static_cast<int64_t>(utf8.size());
  s->length = length;
  s->aux = (ascii ? static_cast<uint32_t>(StrFlag::Ascii) : 0) | (indexed ? static_cast<uint32_t>(StrFlag::Indexed) : 0);
  s->hash = -1;
  if (indexed) build_index(s);
  return s;
}

int64_t str_byte_offset(const StrObject* s, int64_t index) {
  if (s->is_ascii()) return index;
  if (index >= s->length) return s->nbytes;
  const char* p = s->data;
  int64_t i = 0;
  if (s->aux & static_cast<uint32_t>(StrFlag::Indexed)) {
    p += index_of(s)[index / kStrIndexStride];
    i = index - index % kStrIndexStride;
  }
  for (; i < index; ++i) decode_utf8(p);
  return p - s->data;
}

StrObject* empty_str() {
  static StrObject* empty = intern("");
  return empty;
}

Value str_char(uint32_t cp) {
  static StrObject* cache[256];
  if (cp < 256) {
    if (!cache[cp]) {
      std::string one;
      append_utf8(one, cp);
      cache[cp] = intern(one);  // the interned table keeps it alive
      if (!cache[cp]) return Value();
    }
    return Value::from_obj(cache[cp]);
  }
  std::string one;
  append_utf8(one, cp);
  StrObject* s = new_str(one);
  return s ? Value::from_obj(s) : Value();
}

Value new_str_subclass(TypeObject* type, StrObject* value) {
  auto* o = static_cast<StrSubObject*>(type->alloc(type));
  if (!o) return Value();
  o->value = value;
  return Value::from_obj(o);
}

StrObject* intern(std::string_view utf8) {
  auto& table = interned();
  auto it = table.find(utf8);
  if (it != table.end()) return it->second;
  StrObject* s = new_str(utf8);
  if (!s) return nullptr;
  s->aux |= static_cast<uint32_t>(StrFlag::Interned);
  table.emplace(s->view(), s);
  return s;
}

void visit_interned_strings(Visitor& v) {
  for (auto& [key, s] : interned()) v.visit(s);
}

int64_t str_hash(StrObject* s) {
  if (s->hash != -1) return s->hash;
  s->hash = hash_str_utf8(s->view(), s->is_ascii());
  return s->hash;
}

bool str_equal(StrObject* a, StrObject* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data, b->data, a->nbytes) == 0;
}

// Printable as str.isprintable() decides: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs
// (except the ASCII space).
static bool is_printable(uint32_t cp) {
  if (cp == ' ') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

std::string str_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out += quote;
  const char* p = s.data();
  const char* end = p + s.size();
  static const char kHex[] = "0123456789abcdef";
  while (p < end) {
    uint32_t cp = decode_utf8(p);
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      out += "\\x";
      out += kHex[cp >> 4];
      out += kHex[cp & 15];
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (is_printable(cp)) {
      append_utf8(out, cp);
    } else if (cp <= 0xFF) {
      out += "\\x";
      out += kHex[cp >> 4];
      out += kHex[cp & 15];
    } else if (cp <= 0xFFFF) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
    } else {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
    }
  }
  out += quote;
  return out;
}

}  // namespace coil::rt
