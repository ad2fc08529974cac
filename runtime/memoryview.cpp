// memoryview.cpp — memoryview basics over bytes and bytearray: len, indexing (ints),
// slicing (to a new view of the copied bytes), tobytes, tolist, hex, release, the
// context-manager protocol, obj/nbytes/readonly/itemsize/format/ndim. (Multi-dimensional
// and typed formats, and writes through the view, are not supported yet.)
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
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
};

void visit_view(Object* self, Visitor& v) { v.visit(static_cast<MemoryViewObject*>(self)->obj); }

MemoryViewObject* self_view(Value v) { return static_cast<MemoryViewObject*>(v.as_obj()); }

// The bytes currently seen through the view; false with ValueError when released.
bool view_data(Value self, std::string_view* out) {
  MemoryViewObject* m = self_view(self);
  if (m->released) {
    raise_msg(ValueErrorType, "operation forbidden on released memoryview object");
    return false;
  }
  return bytes_like_view(m->obj, out);
}

Value mv_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 2 || (kwnames && kwnames->size))
    return raise_msg(TypeErrorType, "memoryview() missing required argument 'object' (pos 1)");
  std::string_view data;
  if (!bytes_like_view(args[1], &data)) {
    if (has_pending_exception()) clear_exception();
    return raise_fmt(TypeErrorType, "memoryview: a bytes-like object is required, not '%s'", type_name(args[1]));
  }
  auto* m = static_cast<MemoryViewObject*>(allocate_object(MemoryViewType, sizeof(MemoryViewObject)));
  if (!m) return raise_memory_error();
  m->obj = args[1];
  return Value::from_obj(m);
}

Value mv_len(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  return int_from_int64(static_cast<int64_t>(d.size()));
}

Value mv_getitem(Value* args, int64_t nargs, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  Value key = args[1];
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, static_cast<int64_t>(d.size()), &start, &stop, &step, &count)) return Value();
    std::string out;
    for (int64_t i = 0; i < count; ++i) out += d[start + i * step];
    Value b = bytes_value(out);
    if (b.is_empty_slot()) return b;
    Value a[2] = {Value::from_obj(MemoryViewType), b};
    return mv_new(a, 2, nullptr);
  }
  int64_t i;
  if (!normalize_index(key, static_cast<int64_t>(d.size()), &i, "memoryview")) return Value();
  return Value::from_small_int(static_cast<unsigned char>(d[i]));
}

Value mv_tobytes(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  return bytes_value(d);
}

Value mv_tolist(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  ListObject* l = new_list(static_cast<int64_t>(d.size()));
  if (!l) return Value();
  for (size_t i = 0; i < d.size(); ++i) l->items()[i] = Value::from_small_int(static_cast<unsigned char>(d[i]));
  return Value::from_obj(l);
}

Value mv_hex(Value* args, int64_t, TupleObject*) {
  std::string_view d;
  if (!view_data(args[0], &d)) return Value();
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : d) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return str_value(out);
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
  } else if (!bytes_like_view(other, &b)) {
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
Value mv_itemsize(Value) { return Value::from_small_int(1); }
Value mv_ndim(Value) { return Value::from_small_int(1); }
Value mv_format(Value) { return str_value("B"); }

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
