// bytearray_methods.cpp — bytearray's constructor and its mutating methods (item and slice
// assignment, append, extend, insert, pop, remove, clear, copy, reverse, +=, *=); the
// methods it shares with bytes are registered from bytes_methods.cpp's table.
#include <algorithm>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/bytes_util.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/names.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

Value ba_iadd_value(Value self, Value other);
Value ba_imul_value(Value self, Value n);

namespace {

ByteArrayObject* self_ba(Value* args) { return as_bytearray(args[0]); }

// Replaces b[start:start+len] with data (which may alias b's own storage).
bool splice(ByteArrayObject* b, int64_t start, int64_t len, std::string_view data_in) {
  std::string data(data_in);
  int64_t old_size = b->size;
  int64_t new_size = old_size - len + static_cast<int64_t>(data.size());
  std::string tail(b->view().substr(start + len));
  if (!bytearray_resize(b, new_size)) return false;
  if (!data.empty()) std::memcpy(b->data() + start, data.data(), data.size());
  if (!tail.empty()) std::memcpy(b->data() + start + data.size(), tail.data(), tail.size());
  return true;
}

// Replaces all of b's bytes with `data` (a copy, never b's own storage).
bool assign_all(ByteArrayObject* b, std::string_view data) {
  if (!bytearray_resize(b, static_cast<int64_t>(data.size()))) return false;
  if (!data.empty()) std::memcpy(b->data(), data.data(), data.size());
  return true;
}

Value ba_new(Value* args, int64_t nargs, TupleObject*) {
  if (nargs < 1 || !args[0].is_obj() || !has(args[0].as_obj()->type, TypeFlag::TypeSubclass))
    return raise_msg(TypeErrorType, "bytearray.__new__(X): X is not a type object");
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (!is_bytearray_type(type))
    return raise_fmt(TypeErrorType, "bytearray.__new__(%s): %s is not a subtype of bytearray", type->name, type->name);
  return new_bytearray(type, "");
}

Value ba_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!args_keywords("bytearray", args + 1, nargs - 1, kwnames, {"source", "encoding", "errors"}, 0, a)) return Value();
  ByteArrayObject* b = self_ba(args);
  Value src = a[0];
  std::string_view buf;
  if (!src.is_empty_slot() && a[1].is_empty_slot() && a[2].is_empty_slot() && !is_str(src) && !is_int(src) &&
      type_lookup(type_of(src), names::dunder_index).is_empty_slot() && !buffer_view(src, &buf) &&
      !has_pending_exception() && !get_iter_would_fail(src)) {
    // An iterable fills the bytearray as it goes (a generator sees the items so far).
    if (!bytearray_resize(b, 0)) return Value();
    Value it = get_iter(src);
    if (it.is_empty_slot()) return it;
    while (true) {
      bool done = false;
      Value item = iter_next(it, &done);
      if (done) return None;
      if (item.is_empty_slot()) return item;
      unsigned char c;
      if (!byte_value(item, &c) || !bytearray_resize(b, b->size + 1)) return Value();
      b->data()[b->size - 1] = static_cast<char>(c);
    }
  }
  std::string data;
  Value ready;
  if (!bytes_source(a[0], a[1], a[2], "bytearray", &data, &ready)) return Value();
  // CPython empties the old contents first, so re-initialising an exported bytearray fails.
  return bytearray_resize(b, 0) && assign_all(b, data) ? None : Value();
}

bool is_slice_value(Value v) { return v.is_obj() && v.as_obj()->type == SliceType; }

bool item_index(ByteArrayObject* b, Value key, int64_t* out) {
  if (!is_int(key) && type_lookup(type_of(key), names::dunder_index).is_empty_slot()) {
    raise_fmt(TypeErrorType, "bytearray indices must be integers or slices, not %s", type_name(key));
    return false;
  }
  Value iv = index(key);
  if (iv.is_empty_slot()) return false;
  int64_t i;
  if (!int_to_int64(iv, &i)) i = INT64_MAX;
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) {
    raise_msg(IndexErrorType, "bytearray index out of range");
    return false;
  }
  *out = i;
  return true;
}

// b[slice] = value, or del b[slice] when value is empty.
bool set_slice(ByteArrayObject* b, Value slice, Value value) {
  std::string data;
  if (!value.is_empty_slot()) {
    std::string_view v;
    if (buffer_view(value, &v)) {
      data = std::string(v);
    } else if (is_int(value)) {
      raise_msg(TypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return false;
    } else if (is_str(value)) {
      raise_msg(TypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return false;
    } else if (!bytes_from_iterable(value, &data, "byte must be in range(0, 256)")) {
      return false;
    }
  }
  int64_t start, stop, step, count;
  if (!slice_indices(slice, b->size, &start, &stop, &step, &count)) return false;
  if (step == 1) return splice(b, start, std::max<int64_t>(stop - start, 0), data);
  if (value.is_empty_slot() || data.empty()) {  // assigning nothing to an extended slice deletes it
    std::string keep;
    std::vector<bool> drop(static_cast<size_t>(b->size), false);
    for (int64_t i = 0; i < count; ++i) drop[start + i * step] = true;
    for (int64_t i = 0; i < b->size; ++i)
      if (!drop[i]) keep += b->data()[i];
    return assign_all(b, keep);
  }
  if (static_cast<int64_t>(data.size()) != count) {
    raise_fmt(ValueErrorType, "attempt to assign bytes of size %zu to extended slice of size %lld", data.size(),
              static_cast<long long>(count));
    return false;
  }
  for (int64_t i = 0; i < count; ++i) b->data()[start + i * step] = data[i];
  return true;
}

Value ba_setitem(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 3) return raise_fmt(TypeErrorType, "expected 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  ByteArrayObject* b = self_ba(args);
  if (is_slice_value(args[1])) return set_slice(b, args[1], args[2]) ? None : Value();
  // The key, then the value (whose __index__ may resize b), then the bounds against the size
  // as it is now (CPython's order, gh-91153).
  if (!is_int(args[1]) && type_lookup(type_of(args[1]), names::dunder_index).is_empty_slot())
    return raise_fmt(TypeErrorType, "bytearray indices must be integers or slices, not %s", type_name(args[1]));
  Value iv = index(args[1]);
  if (iv.is_empty_slot()) return iv;
  int64_t i;
  if (!int_to_int64(iv, &i)) i = INT64_MAX;
  unsigned char c;
  if (!byte_value(args[2], &c)) return Value();
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) return raise_msg(IndexErrorType, "bytearray index out of range");
  b->data()[i] = static_cast<char>(c);
  return None;
}

Value ba_delitem(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  ByteArrayObject* b = self_ba(args);
  if (is_slice_value(args[1])) return set_slice(b, args[1], Value()) ? None : Value();
  int64_t i;
  if (!item_index(b, args[1], &i)) return Value();
  return splice(b, i, 1, "") ? None : Value();
}

Value ba_append(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("bytearray.append", nargs - 1, kw)) return Value();
  unsigned char c;
  if (!byte_value(args[1], &c)) return Value();
  ByteArrayObject* b = self_ba(args);
  if (!bytearray_resize(b, b->size + 1)) return Value();
  b->data()[b->size - 1] = static_cast<char>(c);
  return None;
}

Value ba_extend(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("bytearray.extend", nargs - 1, kw)) return Value();
  std::string data;
  std::string_view v;
  if (buffer_view(args[1], &v)) data = std::string(v);
  else if (get_iter_would_fail(args[1]))
    return raise_fmt(TypeErrorType, "can't extend bytearray with %s", type_name(args[1]));
  else if (!bytes_from_iterable(args[1], &data, "byte must be in range(0, 256)")) return Value();
  ByteArrayObject* b = self_ba(args);
  return splice(b, b->size, 0, data) ? None : Value();
}

Value ba_insert(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("bytearray.insert", "insert", nargs - 1, kw, 2, 2)) return Value();
  ByteArrayObject* b = self_ba(args);
  int64_t i;
  if (!arg_index(args[1], 0, &i)) return Value();
  unsigned char c;
  if (!byte_value(args[2], &c)) return Value();
  if (i < 0) i = std::max<int64_t>(i + b->size, 0);
  if (i > b->size) i = b->size;
  char ch = static_cast<char>(c);
  return splice(b, i, 0, std::string_view(&ch, 1)) ? None : Value();
}

Value ba_pop(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("bytearray.pop", "pop", nargs - 1, kw, 0, 1)) return Value();
  ByteArrayObject* b = self_ba(args);
  int64_t i;
  if (!arg_index(nargs > 1 ? args[1] : Value(), -1, &i)) return Value();
  if (b->size == 0) return raise_msg(IndexErrorType, "pop from empty bytearray");
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) return raise_msg(IndexErrorType, "pop index out of range");
  auto c = static_cast<unsigned char>(b->data()[i]);
  if (!splice(b, i, 1, "")) return Value();
  return Value::from_small_int(c);
}

Value ba_remove(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("bytearray.remove", nargs - 1, kw)) return Value();
  unsigned char c;
  if (!byte_value(args[1], &c)) return Value();
  ByteArrayObject* b = self_ba(args);
  size_t pos = b->view().find(static_cast<char>(c));
  if (pos == std::string_view::npos) return raise_msg(ValueErrorType, "value not found in bytearray");
  return splice(b, static_cast<int64_t>(pos), 1, "") ? None : Value();
}

Value ba_clear(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytearray.clear", nargs - 1, kw)) return Value();
  return bytearray_resize(self_ba(args), 0) ? None : Value();
}

// __alloc__(): the bytes allocated for the contents, the trailing NUL included.
Value ba_alloc(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytearray.__alloc__", nargs - 1, kw)) return Value();
  BytesObject* storage = self_ba(args)->storage;
  return int_from_int64(storage ? storage->size + 1 : 0);
}

Value ba_copy(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytearray.copy", nargs - 1, kw)) return Value();
  return new_bytearray(ByteArrayType, self_ba(args)->view());
}

Value ba_reverse(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytearray.reverse", nargs - 1, kw)) return Value();
  ByteArrayObject* b = self_ba(args);
  if (b->size) std::reverse(b->data(), b->data() + b->size);
  return None;
}

Value ba_iadd(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  return ba_iadd_value(args[0], args[1]);
}

Value ba_imul(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  return ba_imul_value(args[0], args[1]);
}

}  // namespace

Value ba_iadd_value(Value self, Value other) {
  Value args[2] = {self, other};
  std::string_view v;
  if (!buffer_view(args[1], &v))
    return raise_fmt(TypeErrorType, "can't concat %s to bytearray", type_name(args[1]));
  ByteArrayObject* b = self_ba(args);
  return splice(b, b->size, 0, v) ? args[0] : Value();
}

Value ba_imul_value(Value self, Value n_value) {
  Value args[2] = {self, n_value};
  if (!is_int(args[1]) && type_lookup(type_of(args[1]), names::dunder_index).is_empty_slot()) return NotImplemented;
  int64_t n;
  if (!arg_index(args[1], 0, &n)) return Value();
  ByteArrayObject* b = self_ba(args);
  if (n <= 0 || b->size == 0) return bytearray_resize(b, 0) ? args[0] : Value();
  if (b->size > INT64_MAX / n) return raise_memory_error();
  const int64_t one = b->size;
  if (!bytearray_resize(b, one * n)) return Value();
  for (int64_t i = 1; i < n; ++i) std::memcpy(b->data() + i * one, b->data(), one);
  return args[0];
}

namespace {

Value ba_len(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytearray.__len__", nargs - 1, kw)) return Value();
  return Value::from_small_int(self_ba(args)->size);
}

void visit_bytearray(Object* self, Visitor& v) { v.visit(static_cast<ByteArrayObject*>(self)->storage); }
void finalize_bytearray(Object* self) { export_drop(static_cast<ByteArrayObject*>(self)->exports); }

const NativeMethodDef kByteArrayMethods[] = {
    {"__new__", ba_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", ba_init},
    {"__setitem__", ba_setitem},
    {"__delitem__", ba_delitem},
    {"__iadd__", ba_iadd},
    {"__imul__", ba_imul},
    {"__len__", ba_len},
    {"append", ba_append},
    {"extend", ba_extend},
    {"insert", ba_insert},
    {"pop", ba_pop},
    {"remove", ba_remove},
    {"clear", ba_clear},
    {"copy", ba_copy},
    {"__alloc__", ba_alloc},
    {"reverse", ba_reverse},
};

}  // namespace

void init_bytearray_methods() {
  ByteArrayType->basic_size = sizeof(ByteArrayObject);
  ByteArrayType->visit = visit_bytearray;
  ByteArrayType->finalize = finalize_bytearray;
  add_methods(ByteArrayType, kBytesSharedMethods, kBytesSharedMethodCount);
  add_methods(ByteArrayType, kByteArrayMethods);
  // bytearray is mutable: hash() must refuse it.
  type_set_attr_raw(ByteArrayType, names::dunder_hash, None);
}

}  // namespace coil::rt
