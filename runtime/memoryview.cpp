// memoryview.cpp — memoryview basics over bytes and bytearray: len, indexing, slicing (to a
// new view of the copied bytes), tobytes, tolist, hex, release, the context-manager
// protocol, obj/nbytes/readonly/itemsize/format/ndim, and one-dimensional cast() to the
// native single-char formats (re's compiler packs charset blocks with cast('I')).
// (Multi-dimensional shapes and writes through the view are not supported yet.)
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct MemoryViewObject : Object {
  Value obj;        // the exporter (bytes / bytearray)
  bool released;
  char format;      // struct-module char of the items ('B' until cast)
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

void visit_view(Object* self, Visitor& v) { v.visit(static_cast<MemoryViewObject*>(self)->obj); }

MemoryViewObject* self_view(Value v) { return static_cast<MemoryViewObject*>(v.as_obj()); }

// The bytes currently seen through the view; false with ValueError when released.
bool view_data(Value self, std::string_view* out) {
  MemoryViewObject* m = self_view(self);
  if (m->released) {
    raise_msg(ValueErrorType, "operation forbidden on released memoryview object");
    return false;
  }
  return buffer_view(m->obj, out);
}

Value mv_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 2 || (kwnames && kwnames->size))
    return raise_msg(TypeErrorType, "memoryview() missing required argument 'object' (pos 1)");
  std::string_view data;
  if (!buffer_view(args[1], &data)) {
    if (has_pending_exception()) clear_exception();
    return raise_fmt(TypeErrorType, "memoryview: a bytes-like object is required, not '%s'", type_name(args[1]));
  }
  auto* m = static_cast<MemoryViewObject*>(allocate_object(MemoryViewType, sizeof(MemoryViewObject)));
  if (!m) return raise_memory_error();
  m->obj = args[1];
  m->format = bytes_export_format(args[1]);
  m->itemsize = static_cast<uint8_t>(native_item_size(m->format));
  if (!m->itemsize) {  // an exporter format memoryview cannot show (array 'u'): plain bytes
    m->format = 'B';
    m->itemsize = 1;
  }
  return Value::from_obj(m);
}

// A view of format `format` over bytes `b` (slices and casts).
Value view_with_format(Value b, char format) {
  Value a[2] = {Value::from_obj(MemoryViewType), b};
  Value v = mv_new(a, 2, nullptr);
  if (v.is_empty_slot()) return v;
  self_view(v)->format = format;
  self_view(v)->itemsize = static_cast<uint8_t>(native_item_size(format));
  return v;
}

Value mv_len(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  return int_from_int64(static_cast<int64_t>(d.size() / self_view(args[0])->itemsize));
}

Value mv_getitem(Value* args, int64_t nargs, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  Value key = args[1];
  MemoryViewObject* m = self_view(args[0]);
  const int64_t size = m->itemsize;
  const int64_t n = static_cast<int64_t>(d.size()) / size;
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, n, &start, &stop, &step, &count)) return Value();
    std::string out;
    for (int64_t i = 0; i < count; ++i) out.append(d.substr((start + i * step) * size, size));
    Value b = bytes_value(out);
    if (b.is_empty_slot()) return b;
    return view_with_format(b, m->format);
  }
  int64_t i;
  if (!normalize_index(key, n, &i, "memoryview")) return Value();
  return unpack_native(m->format, d.data() + i * size);
}

// cast(format): a one-dimensional view of the same bytes as items of another native format.
Value mv_cast(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 2 || nargs > 3 || (kwnames && kwnames->size))
    return raise_msg(TypeErrorType, "cast() takes 1 or 2 positional arguments");
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  if (!is_str(args[1])) return raise_msg(TypeErrorType, "memoryview: format argument must be a string");
  std::string_view f = as_str(args[1])->view();
  if (f.size() == 2 && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1 || !native_item_size(f[0]))
    return raise_msg(ValueErrorType,
                     "memoryview: destination format must be a native single character format prefixed with an "
                     "optional '@'");
  if (nargs == 3) return raise_msg(NotImplementedErrorType, "memoryview: cast with a shape is not supported");
  auto is_byte_format = [](char c) { return c == 'B' || c == 'b' || c == 'c'; };
  if (!is_byte_format(self_view(args[0])->format) && !is_byte_format(f[0]))
    return raise_msg(TypeErrorType, "memoryview: cannot cast between two non-byte formats");
  if (d.size() % native_item_size(f[0]))
    return raise_msg(TypeErrorType, "memoryview: length is not a multiple of itemsize");
  Value v = view_with_format(self_view(args[0])->obj, f[0]);
  return v;
}

Value mv_tobytes(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  return bytes_value(d);
}

Value mv_tolist(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  MemoryViewObject* m = self_view(args[0]);
  const int64_t n = static_cast<int64_t>(d.size()) / m->itemsize;
  ListObject* l = new_list(n);
  if (!l) return Value();
  for (int64_t i = 0; i < n; ++i) {
    Value item = unpack_native(m->format, d.data() + i * m->itemsize);
    if (item.is_empty_slot()) return item;
    l->items()[i] = item;
  }
  return Value::from_obj(l);
}

// hex(sep=..., bytes_per_sep=1): bytes.hex of the viewed bytes (the same separators).
Value mv_hex(Value* args, int64_t nargs, TupleObject* kwnames) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  Value b = bytes_value(d);
  if (b.is_empty_slot()) return b;
  int64_t total = nargs + (kwnames ? kwnames->size : 0);
  Value meth = get_attr(b, intern("hex"));
  if (meth.is_empty_slot()) return meth;
  return call(meth, args + 1, nargs - 1, total > nargs ? kwnames : nullptr);
}

Value mv_release(Value* args, int64_t, TupleObject*) {
  self_view(args[0])->released = true;
  return None;
}

Value mv_enter(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  return args[0];
}

Value mv_exit(Value* args, int64_t, TupleObject*) {
  self_view(args[0])->released = true;
  return None;
}

Value mv_eq(Value* args, int64_t nargs, TupleObject*) {
  std::string_view a, b;
  if (self_view(args[0])->released) return bool_value(args[0] == args[1]);
  if (!view_data(args[0], &a)) return Value();
  Value other = args[1];
  if (other.is_obj() && other.as_obj()->type == MemoryViewType) {
    if (!view_data(other, &b)) return Value();
  } else if (!buffer_view(other, &b)) {
    clear_exception();
    return NotImplemented;
  }
  return bool_value(a == b);
}

Value mv_repr(Value* args, int64_t, TupleObject*) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %#llx>", self_view(args[0])->released ? "released " : "",
                static_cast<unsigned long long>(args[0].bits()));
  return str_value(buf);
}

Value mv_obj(Value self) { return self_view(self)->obj; }
Value mv_nbytes(Value self) {
  std::string_view d;
  if (!view_data(self, &d)) return Value();
  return int_from_int64(static_cast<int64_t>(d.size()));
}
Value mv_readonly(Value self) { return bool_value(!is_bytearray(self_view(self)->obj)); }
Value mv_itemsize(Value self) { return Value::from_small_int(self_view(self)->itemsize); }
Value mv_ndim(Value) { return Value::from_small_int(1); }
Value mv_format(Value self) { return str_value(std::string_view(&self_view(self)->format, 1)); }

const NativeMethodDef kViewMethods[] = {
    {"__new__", mv_new, NativeMethodDef::Kind::StaticMethod},
    {"__len__", mv_len},
    {"__getitem__", mv_getitem},
    {"__eq__", mv_eq},
    {"__repr__", mv_repr},
    {"__enter__", mv_enter},
    {"__exit__", mv_exit},
    {"tobytes", mv_tobytes},
    {"tolist", mv_tolist},
    {"cast", mv_cast},
    {"hex", mv_hex},
    {"release", mv_release},
};
const NativeGetSetDef kViewGetSets[] = {
    {"obj", mv_obj},           {"nbytes", mv_nbytes}, {"readonly", mv_readonly},
    {"itemsize", mv_itemsize}, {"ndim", mv_ndim},     {"format", mv_format},
};

}  // namespace

void init_memoryview_type() {
  MemoryViewType->flags = MemoryViewType->flags | TypeFlag::ExtType;
  finish_builtin_type(MemoryViewType, sizeof(MemoryViewObject), nullptr, visit_view);
  add_methods(MemoryViewType, kViewMethods);
  add_getsets(MemoryViewType, kViewGetSets);
}

}  // namespace coil::rt
