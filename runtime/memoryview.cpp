// memoryview.cpp — one-dimensional memoryviews over any exporter of bytes_export.h (bytes,
// bytearray, array.array): len, indexing, slicing (a view of the same memory, strided when
// the step is not 1), item and slice assignment through writable views, tobytes, tolist,
// hex, release, the context-manager protocol, hashing of read-only byte views, comparison,
// the shape/strides attributes, toreadonly() and one-dimensional cast() to the native
// single-char formats. A view holds its exporter's buffer (export_acquire) until released
// or collected, so a bytearray cannot be resized under it.
//
// Departure: views derived from a view (slices, casts, memoryview(view)) do not hold the
// export themselves, as CPython's do through the shared managed buffer. Without refcounts a
// dead temporary slice still sitting in a live frame's stack slot would otherwise block the
// exporter's resizes until that frame returns; every view re-reads its exporter's storage at
// each access and checks its bounds, so a derived view outliving its parent's export stays
// memory-safe (IndexError if the exporter shrank). Multi-dimensional shapes are not supported:
// cast() with a shape raises NotImplementedError.
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/hashing.h"
#include "runtime/int.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct MemoryViewObject : Object {
  Value obj;             // the exporter (never a memoryview: views of views share the root)
  ExportCount* exports;  // the exporter's bookkeeping while this view holds its buffer
  int64_t offset;        // byte offset of item 0 in the exporter's bytes
  int64_t length;        // number of items
  int64_t stride;        // bytes from one item to the next (negative for reversed slices)
  int64_t hash;          // -1 until computed
  bool released;
  bool readonly;
  char format;           // struct-module char of the items
  uint8_t itemsize;
};

// Size of one item of native format `f` (0: not a supported format).
int native_item_size(char f) {
  switch (f) {
    case 'B': case 'b': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': return 8;
    default: return 0;
  }
}

// The Python value of the item of format `f` at p (native byte order).
Value unpack_native(char f, const char* p) {
  auto load = [p](auto v) {
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  switch (f) {
    case 'B': return Value::from_small_int(load(uint8_t{}));
    case 'b': return Value::from_small_int(load(int8_t{}));
    case 'c': return bytes_value(std::string_view(p, 1));
    case '?': return bool_value(load(uint8_t{}) != 0);
    case 'h': return Value::from_small_int(load(int16_t{}));
    case 'H': return Value::from_small_int(load(uint16_t{}));
    case 'i': return Value::from_small_int(load(int32_t{}));
    case 'I': return Value::from_small_int(load(uint32_t{}));
    case 'l': case 'q': case 'n': return int_from_int64(load(int64_t{}));
    case 'L': case 'Q': case 'N': case 'P': return int_from_uint64(load(uint64_t{}));
    case 'f': return float_value(load(float{}));
    case 'd': return float_value(load(double{}));
    default: return None;
  }
}

// Stores `v` as an item of format `f` at p; false with CPython's TypeError/ValueError.
bool pack_native(char f, Value v, char* p) {
  auto store = [p](auto x) { std::memcpy(p, &x, sizeof x); };
  if (f == 'f' || f == 'd') {
    double d;
    if (!is_float_instance(v) && !is_int(v)) {
      raise_fmt(TypeErrorType, "memoryview: invalid type for format '%c'", f);
      return false;
    }
    if (!to_double(v, &d)) return false;
    if (f == 'f') store(static_cast<float>(d));
    else store(d);
    return true;
  }
  if (f == 'c') {
    std::string_view b;
    if (!is_bytes(v) || (b = as_bytes(v)->view()).size() != 1) {
      raise_fmt(ValueErrorType, "memoryview: invalid value for format '%c'", f);
      return false;
    }
    *p = b[0];
    return true;
  }
  if (f == '?') {
    int t = is_true(v);
    if (t < 0) return false;
    store(static_cast<uint8_t>(t));
    return true;
  }
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "memoryview: invalid type for format '%c'", f);
    return false;
  }
  int64_t x = 0;
  uint64_t u = 0;
  bool is_unsigned = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N' || f == 'P';
  bool ok;
  if (is_unsigned) {
    ok = int_sign(v) >= 0;
    if (ok && !int_to_int64(v, &x)) {  // 2**63 <= v: fits the 64-bit formats only below 2**64
      Value shifted = int_binary(v, Value::from_small_int(1), fe::BinaryOpKind::RShift);
      int64_t half;
      ok = !shifted.is_empty_slot() && int_to_int64(shifted, &half);
      if (!ok && has_pending_exception()) clear_exception();
      if (ok) x = static_cast<int64_t>((static_cast<uint64_t>(half) << 1) | (int_to_bigint(v).is_odd() ? 1 : 0));
    }
    u = static_cast<uint64_t>(x);
  } else {
    ok = int_to_int64(v, &x);
  }
  auto fits = [&](int64_t lo, int64_t hi) { return ok && x >= lo && x <= hi; };
  bool in_range = true;
  switch (f) {
    case 'B': in_range = ok && u <= 0xFF; break;
    case 'b': in_range = fits(-128, 127); break;
    case 'H': in_range = ok && u <= 0xFFFF; break;
    case 'h': in_range = fits(-32768, 32767); break;
    case 'I': in_range = ok && u <= 0xFFFFFFFFu; break;
    case 'i': in_range = fits(INT32_MIN, INT32_MAX); break;
    default: in_range = ok; break;
  }
  if (!in_range) {
    if (has_pending_exception()) clear_exception();
    raise_fmt(ValueErrorType, "memoryview: invalid value for format '%c'", f);
    return false;
  }
  switch (native_item_size(f)) {
    case 1: store(static_cast<uint8_t>(x)); break;
    case 2: store(static_cast<uint16_t>(x)); break;
    case 4: store(static_cast<uint32_t>(x)); break;
    default: store(static_cast<uint64_t>(x)); break;
  }
  return true;
}

MemoryViewObject* self_view(Value v) { return static_cast<MemoryViewObject*>(v.as_obj()); }
bool is_view(Value v) { return v.is_obj() && v.as_obj()->type == MemoryViewType; }

void visit_view(Object* self, Visitor& v) { v.visit(static_cast<MemoryViewObject*>(self)->obj); }

// Gives the exporter's buffer back (release(), __exit__, or the collector).
void drop_export(MemoryViewObject* m) {
  if (m->exports) {
    export_release(m->exports);
    export_drop(m->exports);
    m->exports = nullptr;
  }
}
void finalize_view(Object* self) { drop_export(static_cast<MemoryViewObject*>(self)); }

// The address of item 0 right now; null with ValueError when the view is released.
char* view_base(MemoryViewObject* m) {
  if (m->released) {
    raise_msg(ValueErrorType, "operation forbidden on released memoryview object");
    return nullptr;
  }
  BufferInfo info;
  if (!get_buffer_info(m->obj, &info)) {
    if (!has_pending_exception()) raise_msg(ValueErrorType, "memoryview: underlying buffer is gone");
    return nullptr;
  }
  // An exporter without export tracking (none today) could have shrunk under the view.
  int64_t first = m->offset, last = m->offset + (m->length ? (m->length - 1) * m->stride : 0);
  if (m->length && (std::min(first, last) < 0 || std::max(first, last) + m->itemsize > info.len)) {
    raise_msg(IndexErrorType, "memoryview: underlying buffer shrank");
    return nullptr;
  }
  return info.data + m->offset;
}

// The items' bytes in order (a copy, so strided views work); false when released.
bool view_bytes(Value self, std::string* out) {
  MemoryViewObject* m = self_view(self);
  char* base = view_base(m);
  if (!base) return false;
  out->clear();
  if (m->stride == m->itemsize) {
    out->assign(base, static_cast<size_t>(m->length * m->itemsize));
    return true;
  }
  out->reserve(static_cast<size_t>(m->length * m->itemsize));
  for (int64_t i = 0; i < m->length; ++i) out->append(base + i * m->stride, m->itemsize);
  return true;
}

MemoryViewObject* alloc_view(Value obj, ExportCount** exports) {
  auto* m = static_cast<MemoryViewObject*>(allocate_object(MemoryViewType, sizeof(MemoryViewObject)));
  if (!m) {
    raise_memory_error();
    return nullptr;
  }
  m->obj = obj;
  m->hash = -1;
  if (exports) m->exports = export_acquire(exports);
  return m;
}

Value mv_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value src;
  int64_t nkw = kwnames ? kwnames->size : 0;
  if (nargs == 2 && nkw == 0) src = args[1];
  else if (nargs == 1 && nkw == 1 && as_str(kwnames->items[0])->view() == "object") src = args[1];
  else if (nargs + nkw > 2)
    return raise_fmt(TypeErrorType, "memoryview() takes at most 1 argument (%lld given)",
                     static_cast<long long>(nargs - 1 + nkw));
  else if (nkw == 1)
    return raise_fmt(TypeErrorType, "memoryview() got an unexpected keyword argument '%s'",
                     std::string(as_str(kwnames->items[0])->view()).c_str());
  else return raise_msg(TypeErrorType, "memoryview() missing required argument 'object' (pos 1)");
  if (is_view(src)) {  // a new view of the same memory
    MemoryViewObject* parent = self_view(src);
    if (!view_base(parent)) return Value();
    MemoryViewObject* m = alloc_view(parent->obj, nullptr);
    if (!m) return Value();
    m->offset = parent->offset;
    m->length = parent->length;
    m->stride = parent->stride;
    m->readonly = parent->readonly;
    m->format = parent->format;
    m->itemsize = parent->itemsize;
    return Value::from_obj(m);
  }
  BufferInfo info;
  if (!get_buffer_info(src, &info)) {
    if (has_pending_exception()) return Value();
    return raise_fmt(TypeErrorType, "memoryview: a bytes-like object is required, not '%s'", type_name(src));
  }
  MemoryViewObject* m = alloc_view(src, info.exports);
  if (!m) return Value();
  m->format = info.format;
  m->itemsize = static_cast<uint8_t>(native_item_size(info.format));
  if (!m->itemsize) {  // an exporter format memoryview cannot show (array 'u'): plain bytes
    m->format = 'B';
    m->itemsize = 1;
  }
  m->offset = 0;
  m->length = info.len / m->itemsize;
  m->stride = m->itemsize;
  m->readonly = info.readonly;
  return Value::from_obj(m);
}

Value mv_len(Value* args, int64_t, TupleObject*) {
  if (!view_base(self_view(args[0]))) return Value();
  return int_from_int64(self_view(args[0])->length);
}

Value mv_getitem(Value* args, int64_t, TupleObject*) {
  MemoryViewObject* m = self_view(args[0]);
  char* base = view_base(m);
  if (!base) return Value();
  Value key = args[1];
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, m->length, &start, &stop, &step, &count)) return Value();
    MemoryViewObject* s = alloc_view(m->obj, nullptr);
    if (!s) return Value();
    s->offset = m->offset + start * m->stride;
    s->length = count;
    s->stride = m->stride * step;
    s->readonly = m->readonly;
    s->format = m->format;
    s->itemsize = m->itemsize;
    return Value::from_obj(s);
  }
  if (key == EllipsisValue) return args[0];
  if (is_tuple(key)) return raise_msg(NotImplementedErrorType, "multi-dimensional sub-views are not implemented");
  int64_t i;
  if (!normalize_index(key, m->length, &i, "memoryview")) return Value();
  return unpack_native(m->format, base + i * m->stride);
}

Value mv_setitem(Value* args, int64_t, TupleObject*) {
  MemoryViewObject* m = self_view(args[0]);
  char* base = view_base(m);
  if (!base) return Value();
  if (m->readonly) return raise_msg(TypeErrorType, "cannot modify read-only memory");
  Value key = args[1], value = args[2];
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, m->length, &start, &stop, &step, &count)) return Value();
    BufferInfo src;
    if (!get_buffer_info(value, &src)) {
      if (has_pending_exception()) return Value();
      return raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(value));
    }
    char src_format = is_view(value) ? self_view(value)->format : src.format;
    if (src_format != m->format && !(native_item_size(src_format) == 1 && m->itemsize == 1 &&
                                     (src_format == 'B' || src_format == 'b' || src_format == 'c') &&
                                     (m->format == 'B' || m->format == 'b' || m->format == 'c')))
      return raise_msg(ValueErrorType, "memoryview assignment: lvalue and rvalue have different structures");
    if (src.len != count * m->itemsize)
      return raise_msg(ValueErrorType, "memoryview assignment: lvalue and rvalue have different structures");
    std::string copy(src.data, static_cast<size_t>(src.len));  // source and target may overlap
    for (int64_t i = 0; i < count; ++i)
      std::memcpy(base + (start + i * step) * m->stride, copy.data() + i * m->itemsize, m->itemsize);
    return None;
  }
  if (key == EllipsisValue) return raise_msg(TypeErrorType, "invalid indexing of 0-dim memory");
  int64_t i;
  if (!normalize_index(key, m->length, &i, "memoryview")) return Value();
  return pack_native(m->format, value, base + i * m->stride) ? None : Value();
}

Value mv_delitem(Value* args, int64_t, TupleObject*) {
  MemoryViewObject* m = self_view(args[0]);
  if (!view_base(m)) return Value();
  if (m->readonly) return raise_msg(TypeErrorType, "cannot modify read-only memory");
  return raise_msg(TypeErrorType, "cannot delete memory");
}

// cast(format): a one-dimensional view of the same bytes as items of another native format.
Value mv_cast(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 2 || nargs > 3 || (kwnames && kwnames->size))
    return raise_msg(TypeErrorType, "cast() takes 1 or 2 positional arguments");
  MemoryViewObject* m = self_view(args[0]);
  if (!view_base(m)) return Value();
  if (!is_str(args[1])) return raise_msg(TypeErrorType, "memoryview: format argument must be a string");
  std::string_view f = as_str(args[1])->view();
  if (f.size() == 2 && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1 || !native_item_size(f[0]))
    return raise_msg(ValueErrorType,
                     "memoryview: destination format must be a native single character format prefixed with an "
                     "optional '@'");
  if (nargs == 3) return raise_msg(NotImplementedErrorType, "memoryview: cast with a shape is not supported");
  if (m->stride != m->itemsize) return raise_msg(TypeErrorType, "memoryview: casts are restricted to C-contiguous views");
  auto is_byte_format = [](char c) { return c == 'B' || c == 'b' || c == 'c'; };
  if (!is_byte_format(m->format) && !is_byte_format(f[0]))
    return raise_msg(TypeErrorType, "memoryview: cannot cast between two non-byte formats");
  int64_t nbytes = m->length * m->itemsize, size = native_item_size(f[0]);
  if (nbytes % size) return raise_msg(TypeErrorType, "memoryview: length is not a multiple of itemsize");
  MemoryViewObject* c = alloc_view(m->obj, nullptr);
  if (!c) return Value();
  c->offset = m->offset;
  c->format = f[0];
  c->itemsize = static_cast<uint8_t>(size);
  c->length = nbytes / size;
  c->stride = size;
  c->readonly = m->readonly;
  return Value::from_obj(c);
}

Value mv_toreadonly(Value* args, int64_t, TupleObject*) {
  Value a[2] = {Value::from_obj(MemoryViewType), args[0]};
  Value v = mv_new(a, 2, nullptr);
  if (!v.is_empty_slot()) self_view(v)->readonly = true;
  return v;
}

Value mv_tobytes(Value* args, int64_t, TupleObject*) {
  std::string d;
  if (!view_bytes(args[0], &d)) return Value();
  return bytes_value(d);
}

Value mv_tolist(Value* args, int64_t, TupleObject*) {
  MemoryViewObject* m = self_view(args[0]);
  char* base = view_base(m);
  if (!base) return Value();
  ListObject* l = new_list(m->length);
  if (!l) return Value();
  for (int64_t i = 0; i < m->length; ++i) {
    Value item = unpack_native(m->format, base + i * m->stride);
    if (item.is_empty_slot()) return item;
    l->items()[i] = item;
  }
  return Value::from_obj(l);
}

Value mv_hex(Value* args, int64_t nargs, TupleObject* kw) {
  std::string d;
  if (!view_bytes(args[0], &d)) return Value();
  Value b = bytes_value(d);
  if (b.is_empty_slot()) return b;
  Value method = get_attr(b, "hex");
  if (method.is_empty_slot()) return method;
  return call(method, args + 1, nargs - 1, kw);
}

Value mv_release(Value* args, int64_t, TupleObject*) {
  MemoryViewObject* m = self_view(args[0]);
  m->released = true;
  drop_export(m);
  return None;
}

Value mv_enter(Value* args, int64_t, TupleObject*) {
  if (!view_base(self_view(args[0]))) return Value();
  return args[0];
}

Value mv_eq(Value* args, int64_t, TupleObject*) {
  MemoryViewObject* m = self_view(args[0]);
  if (args[0] == args[1]) return True;
  if (m->released) return False;
  Value other = args[1];
  if (is_view(other) && self_view(other)->released) return False;
  BufferInfo info;
  if (!is_view(other) && !get_buffer_info(other, &info)) {
    if (has_pending_exception()) clear_exception();
    return NotImplemented;
  }
  // Items are compared by value (a 'B' view equals an 'b' one holding the same numbers).
  Value a = mv_tolist(args, 1, nullptr);
  if (a.is_empty_slot()) return a;
  Value b;
  if (is_view(other)) {
    b = mv_tolist(&other, 1, nullptr);
  } else {
    Value tmp[2] = {Value::from_obj(MemoryViewType), other};
    Value v = mv_new(tmp, 2, nullptr);
    if (v.is_empty_slot()) return v;
    b = mv_tolist(&v, 1, nullptr);
    drop_export(self_view(v));
    self_view(v)->released = true;
  }
  if (b.is_empty_slot()) return b;
  return rich_compare(a, b, fe::CompareKind::Eq);
}

Value mv_ne(Value* args, int64_t nargs, TupleObject* kw) {
  Value r = mv_eq(args, nargs, kw);
  if (r.is_empty_slot() || r == NotImplemented) return r;
  return bool_value(r == False);
}

Value mv_hash(Value* args, int64_t, TupleObject*) {
  MemoryViewObject* m = self_view(args[0]);
  if (m->hash != -1) return int_from_int64(m->hash);
  if (!m->readonly) return raise_msg(ValueErrorType, "cannot hash writable memoryview object");
  if (m->format != 'B' && m->format != 'b' && m->format != 'c')
    return raise_msg(ValueErrorType, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  std::string d;
  if (!view_bytes(args[0], &d)) return Value();
  m->hash = hash_bytes(d.data(), d.size());
  return int_from_int64(m->hash);
}

Value mv_repr(Value* args, int64_t, TupleObject*) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %#llx>", self_view(args[0])->released ? "released " : "",
                static_cast<unsigned long long>(args[0].bits()));
  return str_value(buf);
}

// The attributes read a live view (ValueError once released), as CPython's do.
MemoryViewObject* live(Value self) { return view_base(self_view(self)) ? self_view(self) : nullptr; }

Value mv_obj(Value self) { return live(self) ? self_view(self)->obj : Value(); }
Value mv_nbytes(Value self) {
  MemoryViewObject* m = live(self);
  return m ? int_from_int64(m->length * m->itemsize) : Value();
}
Value mv_readonly(Value self) {
  MemoryViewObject* m = live(self);
  return m ? bool_value(m->readonly) : Value();
}
Value mv_itemsize(Value self) {
  MemoryViewObject* m = live(self);
  return m ? Value::from_small_int(m->itemsize) : Value();
}
Value mv_ndim(Value self) { return live(self) ? Value::from_small_int(1) : Value(); }
Value mv_format(Value self) {
  MemoryViewObject* m = live(self);
  return m ? str_value(std::string_view(&m->format, 1)) : Value();
}
Value one_tuple(Value v) {
  if (v.is_empty_slot()) return v;
  TupleObject* t = tuple_of({v});
  return t ? Value::from_obj(t) : Value();
}
Value mv_shape(Value self) {
  MemoryViewObject* m = live(self);
  return m ? one_tuple(int_from_int64(m->length)) : Value();
}
Value mv_strides(Value self) {
  MemoryViewObject* m = live(self);
  return m ? one_tuple(int_from_int64(m->stride)) : Value();
}
Value mv_suboffsets(Value self) { return live(self) ? Value::from_obj(empty_tuple()) : Value(); }
Value mv_contiguous(Value self) {
  MemoryViewObject* m = live(self);
  return m ? bool_value(m->stride == m->itemsize || m->length <= 1) : Value();
}

const NativeMethodDef kViewMethods[] = {
    {"__new__", mv_new, NativeMethodDef::Kind::StaticMethod},
    {"__len__", mv_len},
    {"__getitem__", mv_getitem},
    {"__setitem__", mv_setitem},
    {"__delitem__", mv_delitem},
    {"__eq__", mv_eq},
    {"__ne__", mv_ne},
    {"__hash__", mv_hash},
    {"__repr__", mv_repr},
    {"__enter__", mv_enter},
    {"__exit__", mv_release},
    {"tobytes", mv_tobytes},
    {"tolist", mv_tolist},
    {"toreadonly", mv_toreadonly},
    {"cast", mv_cast},
    {"hex", mv_hex},
    {"release", mv_release},
};
const NativeGetSetDef kViewGetSets[] = {
    {"obj", mv_obj},           {"nbytes", mv_nbytes},         {"readonly", mv_readonly},
    {"itemsize", mv_itemsize}, {"ndim", mv_ndim},             {"format", mv_format},
    {"shape", mv_shape},       {"strides", mv_strides},       {"suboffsets", mv_suboffsets},
    {"contiguous", mv_contiguous}, {"c_contiguous", mv_contiguous}, {"f_contiguous", mv_contiguous},
};

}  // namespace

bool memoryview_buffer_info(Value v, BufferInfo* out) {
  MemoryViewObject* m = self_view(v);
  char* base = view_base(m);
  if (!base) return false;
  if (m->stride != m->itemsize && m->length > 1) {
    raise_msg(BufferErrorType, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  BufferInfo root;
  if (!get_buffer_info(m->obj, &root)) return false;
  *out = BufferInfo{base, m->length * m->itemsize, m->readonly, m->format, root.exports, m->obj};
  return true;
}

void init_memoryview_type() {
  MemoryViewType->flags = MemoryViewType->flags | TypeFlag::ExtType;
  finish_builtin_type(MemoryViewType, sizeof(MemoryViewObject), nullptr, visit_view);
  MemoryViewType->finalize = finalize_view;
  add_methods(MemoryViewType, kViewMethods);
  add_getsets(MemoryViewType, kViewGetSets);
}

}  // namespace coil::rt
