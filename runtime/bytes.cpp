// bytes.cpp — BytesObject / ByteArrayObject creation, storage growth and repr.
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"

#include <algorithm>
#include <cstring>

#include "runtime/exceptions.h"
#include "runtime/gc.h"

namespace coil::rt {

BytesObject* new_bytes(std::string_view data) {
  auto* b = static_cast<BytesObject*>(allocate_object(BytesType, sizeof(BytesObject) + data.size() + 1));
  if (!b) {
    raise_memory_error();
    return nullptr;
  }
  b->size = static_cast<int64_t>(data.size());
  b->hash = -1;
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
  b->data[data.size()] = '\0';
  return b;
}

namespace {
BytesObject* g_empty_bytes = nullptr;  // reported by visit_bytes_roots (bytes_methods.cpp registers it)
}  // namespace

BytesObject* empty_bytes() {
  if (!g_empty_bytes) g_empty_bytes = new_bytes("");
  return g_empty_bytes;
}

void visit_bytes_roots(Visitor& v) {
  if (g_empty_bytes) v.visit(g_empty_bytes);
}

Value new_bytearray(TypeObject* type, std::string_view data) {
  auto* b = static_cast<ByteArrayObject*>(type == ByteArrayType ? allocate_object(type, sizeof(ByteArrayObject))
                                                                  : type->alloc(type));
  if (!b) return raise_memory_error();
  if (!data.empty()) {
    if (!bytearray_resize(b, static_cast<int64_t>(data.size()))) return Value();
    std::memcpy(b->data(), data.data(), data.size());
  }
  return Value::from_obj(b);
}

bool bytearray_resize(ByteArrayObject* b, int64_t size) {
  if (size != b->size && !exports_allow_resize(b->exports)) return false;
  int64_t cap = b->storage ? b->storage->size : 0;
  if (size > cap) {
    int64_t new_cap = std::max<int64_t>(size, cap + (cap >> 1) + 8);
    auto* s = static_cast<BytesObject*>(allocate_object(BytesType, sizeof(BytesObject) + new_cap + 1));
    if (!s) {
      raise_memory_error();
      return false;
    }
    s->size = new_cap;
    s->hash = -1;
    if (b->size) std::memcpy(s->data, b->storage->data, b->size);
    std::memset(s->data + b->size, 0, new_cap + 1 - b->size);
    b->storage = s;
  } else if (size > b->size) {
    std::memset(b->storage->data + b->size, 0, size - b->size);
  }
  b->size = size;
  return true;
}

namespace {
const BytesExporter* g_exporter = nullptr;  // array.array's, once the array module is imported
char g_empty_data[1];                       // what an empty bytearray's BufferInfo points at
}  // namespace

bool bytes_like_view(Value v, std::string_view* out) {
  if (!v.is_obj()) return false;
  TypeObject* t = v.as_obj()->type;
  if (t == BytesType || has(t, TypeFlag::BytesSubclass)) {
    *out = as_bytes(v)->view();
    return true;
  }
  if (is_bytearray_type(t)) {
    *out = as_bytearray(v)->view();
    return true;
  }
  return false;
}

bool get_buffer_info(Value v, BufferInfo* out) {
  if (!v.is_obj()) return false;
  TypeObject* t = v.as_obj()->type;
  if (t == BytesType || has(t, TypeFlag::BytesSubclass)) {
    BytesObject* b = as_bytes(v);
    *out = BufferInfo{b->data, b->size, true, 'B', nullptr, v};
    return true;
  }
  if (is_bytearray_type(t)) {
    ByteArrayObject* b = as_bytearray(v);
    *out = BufferInfo{b->storage ? b->data() : g_empty_data, b->size, false, 'B', &b->exports, v};
    return true;
  }
  if (t == MemoryViewType) return memoryview_buffer_info(v, out);
  return g_exporter && g_exporter->info(v, out);
}

bool buffer_view(Value v, std::string_view* out) {
  BufferInfo info;
  if (!get_buffer_info(v, &info)) return false;
  *out = std::string_view(info.data, static_cast<size_t>(info.len));
  return true;
}

void set_bytes_exporter(const BytesExporter* exporter) { g_exporter = exporter; }

char bytes_export_format(Value v) {
  BufferInfo info;
  return get_buffer_info(v, &info) ? info.format : 'B';
}

ExportCount* export_acquire(ExportCount** slot) {
  if (!*slot) {
    *slot = new ExportCount;
    (*slot)->refs = 1;  // the exporter's own reference, dropped by its finalizer
  }
  ++(*slot)->exports;
  ++(*slot)->refs;
  return *slot;
}

void export_release(ExportCount* c) { --c->exports; }

void export_drop(ExportCount* c) {
  if (c && --c->refs == 0) delete c;
}

bool exports_allow_resize(ExportCount* c) {
  if (!c || c->exports == 0) return true;
  gc::collect();  // holders that died unreleased give their exports back when swept
  if (c->exports == 0) return true;
  raise_msg(BufferErrorType, "Existing exports of data: object cannot be re-sized");
  return false;
}

std::string bytes_repr(std::string_view data, bool bytearray_style) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  static const char kHex[] = "0123456789abcdef";
  std::string out = "b";
  out += quote;
  for (unsigned char c : data) {
    if (c == static_cast<unsigned char>(quote) || c == '\\' || (bytearray_style && c == '\'')) {
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
