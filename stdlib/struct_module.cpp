// struct_module.cpp — the _struct module: the Struct type (pack, pack_into, unpack,
// unpack_from, iter_unpack, format, size), the module-level functions over a cache of
// Structs keyed by format, struct.error, and the unpack iterator. The format language
// itself is struct_format.cpp.
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/buffer.h"
#include "stdlib/itertools.h"
#include "stdlib/native_type_util.h"
#include "stdlib/struct_format.h"

namespace coil::lib {

using namespace coil::rt;
using structfmt::Item;

namespace {

struct StructObject : Object {
  Value format;        // str
  BytesObject* items;  // Item[nitems], plain data in a GC-owned buffer
  int64_t nitems;
  int64_t size;
  int64_t nvalues;
  const Item* item_array() const { return reinterpret_cast<const Item*>(items->data); }
};

struct UnpackIterObject : Object {
  StructObject* s;
  Value buffer;        // the exporter
  int64_t index;       // next record
  int64_t count;       // records in the buffer
};

TypeObject* g_struct_type = nullptr;
TypeObject* g_unpack_iter_type = nullptr;
TypeObject* g_error = nullptr;
DictObject* g_cache = nullptr;  // format -> Struct for the module-level functions
constexpr int64_t kMaxCache = 100;

StructObject* ST(Value v) { return static_cast<StructObject*>(v.as_obj()); }

void visit_struct(Object* self, Visitor& v) {
  auto* s = static_cast<StructObject*>(self);
  v.visit(s->format);
  v.visit(s->items);
}
void visit_unpack_iter(Object* self, Visitor& v) {
  auto* it = static_cast<UnpackIterObject*>(self);
  v.visit(it->s);
  v.visit(it->buffer);
}

bool is_struct(Value v) { return v.is_obj() && is_subtype(v.as_obj()->type, g_struct_type); }

// Parses `format` (str or bytes) into s.
bool struct_set_format(StructObject* s, Value format) {
  std::string_view text;
  Value fmt_str;
  if (is_str(format)) {
    text = as_str(format)->view();
    fmt_str = Value::from_obj(as_str(format));
  } else if (is_bytes(format)) {
    text = as_bytes(format)->view();
    fmt_str = str_value(text);  // ASCII in practice; CPython decodes it as such
  } else {
    raise_fmt(TypeErrorType, "Struct() argument 1 must be a str or bytes object, not %s", type_name(format));
    return false;
  }
  if (text.find('\0') != std::string_view::npos) {
    raise_msg(g_error, "embedded null character");
    return false;
  }
  structfmt::Layout layout;
  if (!structfmt::parse(text, &layout, g_error)) return false;
  BytesObject* items = new_bytes(std::string_view(reinterpret_cast<const char*>(layout.items.data()),
                                                  layout.items.size() * sizeof(Item)));
  if (!items) return false;
  s->format = fmt_str;
  s->items = items;
  s->nitems = static_cast<int64_t>(layout.items.size());
  s->size = layout.size;
  s->nvalues = layout.nvalues;
  return true;
}

// Packs values v[0..nvalues) into p (zeroed first).
bool pack_values(StructObject* s, const Value* v, char* p) {
  std::memset(p, 0, static_cast<size_t>(s->size));
  const Item* items = s->item_array();
  int64_t k = 0;
  for (int64_t i = 0; i < s->nitems; ++i) {
    const Item& it = items[i];
    if (it.code == 'x') continue;
    if (it.code == 's' || it.code == 'p') {
      if (!structfmt::pack_value(it, v[k++], p + it.offset, g_error)) return false;
      continue;
    }
    for (int64_t j = 0; j < it.count; ++j)
      if (!structfmt::pack_value(it, v[k++], p + it.offset + j * it.size, g_error)) return false;
  }
  return true;
}

Value unpack_values(StructObject* s, const char* p) {
  TupleObject* t = new_tuple(s->nvalues);
  if (!t) return Value();
  const Item* items = s->item_array();
  int64_t k = 0;
  for (int64_t i = 0; i < s->nitems; ++i) {
    const Item& it = items[i];
    if (it.code == 'x') continue;
    int64_t n = (it.code == 's' || it.code == 'p') ? 1 : it.count;
    for (int64_t j = 0; j < n; ++j) {
      Value v = structfmt::unpack_value(it, p + it.offset + j * it.size);
      if (v.is_empty_slot()) return v;
      t->items[k++] = v;
    }
  }
  return Value::from_obj(t);
}

Value do_pack(StructObject* s, const Value* v, int64_t n) {
  if (n != s->nvalues)
    return raise_fmt(g_error, "pack expected %lld items for packing (got %lld)", static_cast<long long>(s->nvalues),
                     static_cast<long long>(n));
  std::string out(static_cast<size_t>(s->size), '\0');
  if (!pack_values(s, v, out.data())) return Value();
  return bytes_value(out);
}

Value do_pack_into(StructObject* s, const Value* args, int64_t n) {
  if (n != s->nvalues + 2) {
    if (n == 0) return raise_msg(g_error, "pack_into expected buffer argument");
    if (n == 1) return raise_msg(g_error, "pack_into expected offset argument");
    return raise_fmt(g_error, "pack_into expected %lld items for packing (got %lld)",
                     static_cast<long long>(s->nvalues), static_cast<long long>(n - 2));
  }
  ByteBuffer b;
  if (!get_buffer(args[0], &b) || !b.writable)
    return raise_fmt(TypeErrorType, "argument must be read-write bytes-like object, not %s", type_name(args[0]));
  int64_t offset;
  Value off = index(args[1]);
  if (off.is_empty_slot()) return off;
  if (!int_to_int64(off, &offset)) return raise_msg(IndexErrorType, "cannot fit 'int' into an index-sized integer");
  const int64_t len = static_cast<int64_t>(b.data.size());
  if (offset < 0) {
    if (offset + s->size > 0)
      return raise_fmt(g_error, "no space to pack %lld bytes at offset %lld", static_cast<long long>(s->size),
                       static_cast<long long>(offset));
    if (offset + len < 0)
      return raise_fmt(g_error, "offset %lld out of range for %lld-byte buffer", static_cast<long long>(offset),
                       static_cast<long long>(len));
    offset += len;
  }
  if (len - offset < s->size)
    return raise_fmt(g_error,
                     "pack_into requires a buffer of at least %llu bytes for packing %lld bytes at offset %lld "
                     "(actual buffer size is %lld)",
                     static_cast<unsigned long long>(s->size) + static_cast<unsigned long long>(offset),
                     static_cast<long long>(s->size),
                     static_cast<long long>(offset), static_cast<long long>(len));
  // Pack into a scratch copy first: converting a value may run Python code that resizes
  // the target.
  std::string tmp(static_cast<size_t>(s->size), '\0');
  if (!pack_values(s, args + 2, tmp.data())) return Value();
  ByteBuffer again;
  if (!get_buffer(args[0], &again) || !again.writable || static_cast<int64_t>(again.data.size()) < offset + s->size)
    return raise_msg(BufferErrorType, "buffer changed size while packing");
  std::memcpy(again.writable + offset, tmp.data(), tmp.size());
  return None;
}

Value do_unpack(StructObject* s, Value buffer) {
  ByteBuffer b;
  if (!require_buffer(buffer, &b)) return Value();
  if (static_cast<int64_t>(b.data.size()) != s->size)
    return raise_fmt(g_error, "unpack requires a buffer of %lld bytes", static_cast<long long>(s->size));
  return unpack_values(s, b.data.data());
}

Value do_unpack_from(StructObject* s, Value buffer, Value offset_arg) {
  ByteBuffer b;
  if (!require_buffer(buffer, &b)) return Value();
  int64_t offset;
  if (!arg_index(offset_arg, 0, &offset)) return Value();
  const int64_t len = static_cast<int64_t>(b.data.size());
  if (offset < 0) {
    if (offset + len < 0)
      return raise_fmt(g_error, "offset %lld out of range for %lld-byte buffer", static_cast<long long>(offset),
                       static_cast<long long>(len));
    if (offset + s->size > 0)
      return raise_fmt(g_error, "not enough data to unpack %lld bytes at offset %lld",
                       static_cast<long long>(s->size), static_cast<long long>(offset));
    offset += len;
  }
  if (len - offset < s->size)
    return raise_fmt(g_error,
                     "unpack_from requires a buffer of at least %llu bytes for unpacking %lld bytes at offset %lld "
                     "(actual buffer size is %lld)",
                     static_cast<unsigned long long>(s->size) + static_cast<unsigned long long>(offset),
                     static_cast<long long>(s->size),
                     static_cast<long long>(offset), static_cast<long long>(len));
  return unpack_values(s, b.data.data() + offset);
}

Value do_iter_unpack(StructObject* s, Value buffer) {
  if (s->size == 0) return raise_msg(g_error, "cannot iteratively unpack with a struct of length 0");
  ByteBuffer b;
  if (!require_buffer(buffer, &b)) return Value();
  if (static_cast<int64_t>(b.data.size()) % s->size)
    return raise_fmt(g_error, "iterative unpacking requires a buffer of a multiple of %lld bytes",
                     static_cast<long long>(s->size));
  auto* it = static_cast<UnpackIterObject*>(new_instance(g_unpack_iter_type));
  if (!it) return Value();
  it->s = s;
  it->buffer = buffer;
  it->index = 0;
  it->count = static_cast<int64_t>(b.data.size()) / s->size;
  return Value::from_obj(it);
}

// ---- Struct methods ---------------------------------------------------------------------------------
Value struct_new(Value* args, int64_t, TupleObject*) {
  auto* s = static_cast<StructObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!s) return Value();
  s->format = None;
  s->items = new_bytes("");
  return s->items ? Value::from_obj(s) : Value();
}
Value struct_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("Struct", args + 1, nargs - 1, kwnames, {"format"}, 1, a)) return Value();
  return struct_set_format(ST(args[0]), a[0]) ? None : Value();
}
Value struct_pack(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("pack", kwnames)) return Value();
  return do_pack(ST(args[0]), args + 1, nargs - 1);
}
Value struct_pack_into(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("pack_into", kwnames)) return Value();
  return do_pack_into(ST(args[0]), args + 1, nargs - 1);
}
Value struct_unpack(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!args_one("unpack", nargs - 1, kwnames)) return Value();
  return do_unpack(ST(args[0]), args[1]);
}
Value struct_unpack_from(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("unpack_from", args + 1, nargs - 1, kwnames, {"buffer", "offset"}, 1, a)) return Value();
  return do_unpack_from(ST(args[0]), a[0], a[1]);
}
Value struct_iter_unpack(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!args_one("iter_unpack", nargs - 1, kwnames)) return Value();
  return do_iter_unpack(ST(args[0]), args[1]);
}
Value struct_sizeof(Value* args, int64_t, TupleObject*) {
  return int_from_int64(static_cast<int64_t>(sizeof(StructObject)) + ST(args[0])->nitems * sizeof(Item));
}
Value struct_format(Value self) { return ST(self)->format; }
Value struct_size(Value self) { return int_from_int64(ST(self)->size); }

const NativeMethodDef kStructMethods[] = {
    {"__new__", struct_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", struct_init},
    {"pack", struct_pack},
    {"pack_into", struct_pack_into},
    {"unpack", struct_unpack},
    {"unpack_from", struct_unpack_from},
    {"iter_unpack", struct_iter_unpack},
    {"__sizeof__", struct_sizeof},
};
const NativeGetSetDef kStructGetSets[] = {{"format", struct_format}, {"size", struct_size}};

Value unpack_iter_next(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<UnpackIterObject*>(args[0].as_obj());
  if (it->index >= it->count) return stop_iteration();
  ByteBuffer b;
  int64_t at = it->index * it->s->size;
  if (!get_buffer(it->buffer, &b) || static_cast<int64_t>(b.data.size()) < at + it->s->size) {
    it->index = it->count;
    return stop_iteration();
  }
  ++it->index;
  return unpack_values(it->s, b.data.data() + at);
}
Value unpack_iter_length_hint(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<UnpackIterObject*>(args[0].as_obj());
  return int_from_int64(it->count - it->index);
}
Value unpack_iter_new(Value*, int64_t, TupleObject*) {
  return raise_msg(TypeErrorType, "cannot create '_struct.unpack_iterator' instances");
}

// ---- module functions -------------------------------------------------------------------------------
// The cached Struct for `format` (CPython keeps up to 100 and then starts over).
StructObject* cached_struct(Value format) {
  if (is_struct(format)) return ST(format);
  bool error = false;
  Value hit = (is_str(format) || is_bytes(format)) ? dict_get(g_cache, format, &error) : Value();
  if (error) return nullptr;
  if (!hit.is_empty_slot()) return ST(hit);
  Value tv = Value::from_obj(g_struct_type);
  Value s = struct_new(&tv, 1, nullptr);
  if (s.is_empty_slot() || !struct_set_format(ST(s), format)) return nullptr;
  if (g_cache->used >= kMaxCache) dict_clear(g_cache);
  if (!dict_set(g_cache, format, s)) return nullptr;
  return ST(s);
}

Value mod_pack(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("pack", kwnames)) return Value();
  if (nargs < 1) return raise_msg(TypeErrorType, "pack expected at least 1 argument, got 0");
  StructObject* s = cached_struct(args[0]);
  return s ? do_pack(s, args + 1, nargs - 1) : Value();
}
Value mod_pack_into(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("pack_into", kwnames)) return Value();
  if (nargs < 1) return raise_msg(TypeErrorType, "pack_into expected at least 1 argument, got 0");
  StructObject* s = cached_struct(args[0]);
  return s ? do_pack_into(s, args + 1, nargs - 1) : Value();
}
Value mod_unpack(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("unpack", nargs, 2, 2) || !no_kwargs("unpack", kwnames)) return Value();
  StructObject* s = cached_struct(args[0]);
  return s ? do_unpack(s, args[1]) : Value();
}
Value mod_unpack_from(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("unpack_from", args, nargs, kwnames, {"format", "buffer", "offset"}, 2, a)) return Value();
  StructObject* s = cached_struct(a[0]);
  return s ? do_unpack_from(s, a[1], a[2]) : Value();
}
Value mod_iter_unpack(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("iter_unpack", nargs, 2, 2) || !no_kwargs("iter_unpack", kwnames)) return Value();
  StructObject* s = cached_struct(args[0]);
  return s ? do_iter_unpack(s, args[1]) : Value();
}
Value mod_calcsize(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!args_one("_struct.calcsize", nargs, kwnames)) return Value();
  StructObject* s = cached_struct(args[0]);
  return s ? int_from_int64(s->size) : Value();
}
Value mod_clearcache(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!args_none("_clearcache", nargs, kwnames)) return Value();
  dict_clear(g_cache);
  return None;
}

const NativeFunctionDef kStructFunctions[] = {
    {"pack", mod_pack},           {"pack_into", mod_pack_into},     {"unpack", mod_unpack},
    {"unpack_from", mod_unpack_from}, {"iter_unpack", mod_iter_unpack}, {"calcsize", mod_calcsize},
    {"_clearcache", mod_clearcache},
};

bool init_struct(ModuleObject* m) {
  if (!g_struct_type) {
    g_struct_type = make_native_type("_struct.Struct", sizeof(StructObject), visit_struct, true);
    add_methods(g_struct_type, kStructMethods);
    add_getsets(g_struct_type, kStructGetSets);
    register_weakrefable_type(g_struct_type);
    g_struct_type->alloc = nullptr;  // instances come from Struct.__new__ only
    g_unpack_iter_type =
        make_native_type("_struct.unpack_iterator", sizeof(UnpackIterObject), visit_unpack_iter, false);
    static const NativeMethodDef kIterMethods[] = {
        {"__new__", unpack_iter_new, NativeMethodDef::Kind::StaticMethod},
        {"__iter__", return_self},
        {"__next__", unpack_iter_next},
        {"__length_hint__", unpack_iter_length_hint},
    };
    add_methods(g_unpack_iter_type, kIterMethods);
    g_unpack_iter_type->alloc = nullptr;
    g_error = make_exception_class("struct", "error", ExceptionType);
    if (!g_error) return false;
    g_cache = new_dict();
    if (!g_cache) return false;
    add_runtime_root_hook([](Visitor& v) { v.visit(g_cache); });
  }
  return module_add(m, "Struct", Value::from_obj(g_struct_type)) && module_add(m, "error", Value::from_obj(g_error)) &&
         module_add(m, "__doc__", str_value("Functions to convert between Python values and C structs."));
}

}  // namespace

extern const NativeModuleDef kStructModule;
const NativeModuleDef kStructModule = {"_struct", kStructFunctions, std::size(kStructFunctions), init_struct};

}  // namespace coil::lib
