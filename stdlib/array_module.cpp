// array_module.cpp — the array module: array.array, a typed sequence of C numbers (typecodes
// bBuhHiIlLqQfd) kept in a GC-owned byte buffer, with the list-like API (indexing, slices,
// append/extend/insert/pop/remove/index/count/reverse), conversions (tobytes/frombytes,
// tolist/fromlist, tounicode/fromunicode, tofile/fromfile), byteswap, comparisons and repr.
// Item conversions raise CPython's per-typecode OverflowError messages.
#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/match.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/names.h"
#include "runtime/roots.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/buffer.h"
#include "stdlib/itertools.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;
using fe::CompareKind;

namespace {

struct ArrayObject : Object {
  BytesObject* buf;  // capacity: buf->size bytes; null while nothing was ever stored
  int64_t size;      // items
  char typecode;
  uint8_t itemsize;
  char* data() const { return buf ? buf->data : nullptr; }
  int64_t nbytes() const { return size * itemsize; }
};

struct ArrayIterObject : Object {
  Value array;
  int64_t index;
};

TypeObject* g_array_type = nullptr;
TypeObject* g_iter_type = nullptr;
ModuleObject* g_array_module = nullptr;  // for _array_reconstructor in __reduce_ex__
constexpr char kTypecodes[] = "bBuhHiIlLqQfd";

int item_size(char t) {
  switch (t) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'u': case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

ArrayObject* A(Value v) { return static_cast<ArrayObject*>(v.as_obj()); }
bool is_array(Value v) { return v.is_obj() && is_subtype(v.as_obj()->type, g_array_type); }

void visit_array(Object* self, Visitor& v) { v.visit(static_cast<ArrayObject*>(self)->buf); }
void visit_iter(Object* self, Visitor& v) { v.visit(static_cast<ArrayIterObject*>(self)->array); }

// Makes room for `items` items (contents kept); false with MemoryError pending.
bool reserve(ArrayObject* a, int64_t items) {
  int64_t need = items * a->itemsize;
  int64_t cap = a->buf ? a->buf->size : 0;
  if (need <= cap) return true;
  int64_t ncap = std::max<int64_t>(need, cap + cap / 2 + 16);
  auto* nb = static_cast<BytesObject*>(allocate_object(BytesType, sizeof(BytesObject) + ncap + 1));
  if (!nb) return raise_memory_error(), false;
  nb->size = ncap;
  nb->hash = -1;
  if (a->buf) std::memcpy(nb->data, a->buf->data, static_cast<size_t>(a->nbytes()));
  a->buf = nb;
  return true;
}

Value get_item(const ArrayObject* a, int64_t i) {
  const char* p = a->data() + i * a->itemsize;
  auto load = [p](auto v) {
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  switch (a->typecode) {
    case 'b': return Value::from_small_int(load(int8_t{}));
    case 'B': return Value::from_small_int(load(uint8_t{}));
    case 'h': return Value::from_small_int(load(int16_t{}));
    case 'H': return Value::from_small_int(load(uint16_t{}));
    case 'i': return Value::from_small_int(load(int32_t{}));
    case 'I': return Value::from_small_int(load(uint32_t{}));
    case 'l': case 'q': return int_from_int64(load(int64_t{}));
    case 'L': case 'Q': return int_from_uint64(load(uint64_t{}));
    case 'f': return float_value(load(float{}));
    case 'd': return float_value(load(double{}));
    case 'u': return str_char(load(uint32_t{}));
    default: return None;
  }
}

Value overflow(const char* msg) { return raise_msg(OverflowErrorType, msg); }

// Converts v for typecode t into out[0..itemsize); false with CPython's error pending.
bool convert_item(char t, Value v, char* out) {
  auto put = [out](auto x) {
    std::memcpy(out, &x, sizeof x);
    return true;
  };
  switch (t) {
    case 'f':
    case 'd': {
      double d;
      if (!as_double(v, &d)) return false;
      return t == 'f' ? put(static_cast<float>(d)) : put(d);
    }
    case 'u': {
      if (!is_str(v) || as_str(v)->length != 1) {
        raise_msg(TypeErrorType, "array item must be unicode character");
        return false;
      }
      const char* p = as_str(v)->data;
      return put(static_cast<uint32_t>(decode_utf8(p)));
    }
    default: break;
  }
  Value n = index(v);
  if (n.is_empty_slot()) return false;
  int64_t s;
  bool fits = int_to_int64(n, &s);
  const bool negative = int_sign(n) < 0;
  switch (t) {
    case 'b':
      if (!fits) return overflow("Python int too large to convert to C long"), false;
      if (s > 32767) return overflow("signed short integer is greater than maximum"), false;
      if (s < -32768) return overflow("signed short integer is less than minimum"), false;
      if (s > 127) return overflow("signed char is greater than maximum"), false;
      if (s < -128) return overflow("signed char is less than minimum"), false;
      return put(static_cast<int8_t>(s));
    case 'B':
      if (!fits) return overflow("Python int too large to convert to C long"), false;
      if (s > 255) return overflow("unsigned byte integer is greater than maximum"), false;
      if (s < 0) return overflow("unsigned byte integer is less than minimum"), false;
      return put(static_cast<uint8_t>(s));
    case 'h':
      if (!fits) return overflow("Python int too large to convert to C long"), false;
      if (s > 32767) return overflow("signed short integer is greater than maximum"), false;
      if (s < -32768) return overflow("signed short integer is less than minimum"), false;
      return put(static_cast<int16_t>(s));
    case 'H':
      if (!fits) return overflow("Python int too large to convert to C long"), false;
      if (s > INT32_MAX) return overflow("signed integer is greater than maximum"), false;
      if (s < INT32_MIN) return overflow("signed integer is less than minimum"), false;
      if (s > 65535) return overflow("unsigned short is greater than maximum"), false;
      if (s < 0) return overflow("unsigned short is less than minimum"), false;
      return put(static_cast<uint16_t>(s));
    case 'i':
      if (!fits) return overflow("Python int too large to convert to C long"), false;
      if (s > INT32_MAX) return overflow("signed integer is greater than maximum"), false;
      if (s < INT32_MIN) return overflow("signed integer is less than minimum"), false;
      return put(static_cast<int32_t>(s));
    case 'l':
      if (!fits) return overflow("Python int too large to convert to C long"), false;
      return put(s);
    case 'q':
      if (!fits) return overflow("int too big to convert"), false;
      return put(s);
    case 'I':
    case 'L': {
      if (negative) return overflow("can't convert negative value to unsigned int"), false;
      uint64_t u;
      if (!int_to_bigint(n).to_uint64(&u)) return overflow("Python int too large to convert to C unsigned long"), false;
      if (t == 'I') {
        if (u > UINT32_MAX) return overflow("unsigned int is greater than maximum"), false;
        return put(static_cast<uint32_t>(u));
      }
      return put(u);
    }
    case 'Q': {
      if (negative) return overflow("can't convert negative int to unsigned"), false;
      uint64_t u;
      if (!int_to_bigint(n).to_uint64(&u)) return overflow("int too big to convert"), false;
      return put(u);
    }
    default: return false;
  }
}

bool append_item(ArrayObject* a, Value v) {
  char tmp[8];
  if (!convert_item(a->typecode, v, tmp)) return false;
  if (!reserve(a, a->size + 1)) return false;
  std::memcpy(a->data() + a->nbytes(), tmp, a->itemsize);
  ++a->size;
  return true;
}

bool append_bytes(ArrayObject* a, std::string_view b) {
  if (b.size() % a->itemsize) {
    raise_msg(ValueErrorType, "bytes length not a multiple of item size");
    return false;
  }
  int64_t n = static_cast<int64_t>(b.size()) / a->itemsize;
  std::string copy(b);  // b may alias a's own buffer
  if (!reserve(a, a->size + n)) return false;
  std::memcpy(a->data() + a->nbytes(), copy.data(), copy.size());
  a->size += n;
  return true;
}

bool append_unicode(ArrayObject* a, StrObject* s) {
  if (!reserve(a, a->size + s->length)) return false;
  const char* p = s->data;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t cp = decode_utf8(p);
    std::memcpy(a->data() + a->nbytes(), &cp, 4);
    ++a->size;
  }
  return true;
}

// extend(): an array of the same typecode, or any iterable (items appended one by one).
bool extend_from(ArrayObject* a, Value src) {
  if (is_array(src)) {
    ArrayObject* b = A(src);
    if (b->typecode != a->typecode) {
      raise_msg(TypeErrorType, "can only extend with array of same kind");
      return false;
    }
    return append_bytes(a, std::string_view(b->data() ? b->data() : "", static_cast<size_t>(b->nbytes())));
  }
  Value it = get_iter(src);
  if (it.is_empty_slot()) return false;
  for (;;) {
    bool done = false;
    Value v = iter_next(it, &done);
    if (done) return true;
    if (v.is_empty_slot() || !append_item(a, v)) return false;
  }
}

ArrayObject* new_array(TypeObject* type, char typecode) {
  auto* a = static_cast<ArrayObject*>(new_instance(type));
  if (!a) return nullptr;
  a->typecode = typecode;
  a->itemsize = static_cast<uint8_t>(item_size(typecode));
  return a;
}

Value array_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (type == g_array_type && !no_kwargs("array.array", kwnames)) return Value();
  if (nargs < 2) return raise_msg(TypeErrorType, "array() takes at least 1 argument (0 given)");
  if (nargs > 3)
    return raise_fmt(TypeErrorType, "array() takes at most 2 arguments (%lld given)", static_cast<long long>(nargs - 1));
  Value tc = args[1];
  if (!is_str(tc) || as_str(tc)->length != 1)
    return raise_fmt(TypeErrorType, "array() argument 1 must be a unicode character, not %s", type_name(tc));
  char t = as_str(tc)->data[0];
  if (!as_str(tc)->is_ascii() || !std::strchr(kTypecodes, t))
    return raise_msg(ValueErrorType, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  Value init = nargs == 3 ? args[2] : Value();
  if (!init.is_empty_slot()) {
    if (is_str(init) && t != 'u')
      return raise_fmt(TypeErrorType, "cannot use a str to initialize an array with typecode '%c'", t);
    if (is_array(init) && A(init)->typecode == 'u' && t != 'u')
      return raise_fmt(TypeErrorType, "cannot use a unicode array to initialize an array with typecode '%c'", t);
  }
  ArrayObject* a = new_array(type, t);
  if (!a) return Value();
  if (init.is_empty_slot()) return Value::from_obj(a);
  bool ok;
  std::string_view bytes;
  if (is_str(init)) ok = append_unicode(a, as_str(init));
  else if (!is_array(init) && bytes_like_view(init, &bytes)) ok = append_bytes(a, bytes);
  else if (is_array(init) && A(init)->typecode != t) {
    // Another kind of array: convert item by item.
    ArrayObject* src = A(init);
    ok = true;
    for (int64_t i = 0; ok && i < src->size; ++i) ok = append_item(a, get_item(src, i));
  } else {
    ok = extend_from(a, init);
  }
  return ok ? Value::from_obj(a) : Value();
}

// ---- sequence protocol ------------------------------------------------------------------------------------
Value array_len(Value* args, int64_t, TupleObject*) { return int_from_int64(A(args[0])->size); }

Value slice_of(ArrayObject* a, int64_t start, int64_t step, int64_t count) {
  ArrayObject* r = new_array(g_array_type, a->typecode);
  if (!r || !reserve(r, count)) return Value();
  for (int64_t i = 0; i < count; ++i)
    std::memcpy(r->data() + i * a->itemsize, a->data() + (start + i * step) * a->itemsize, a->itemsize);
  r->size = count;
  return Value::from_obj(r);
}

Value array_getitem(Value* args, int64_t, TupleObject*) {
  ArrayObject* a = A(args[0]);
  Value key = args[1];
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, a->size, &start, &stop, &step, &count)) return Value();
    return slice_of(a, start, step, count);
  }
  if (!is_int(key) && lookup_special(key, names::dunder_index).is_empty_slot())
    return raise_msg(TypeErrorType, "array indices must be integers");
  int64_t i;
  if (!arg_index(key, 0, &i)) return Value();
  if (i < 0) i += a->size;
  if (i < 0 || i >= a->size) return raise_msg(IndexErrorType, "array index out of range");
  return get_item(a, i);
}

// Replaces items [lo, hi) with the bytes of `src` (a contiguous slice assignment or delete).
bool replace_range(ArrayObject* a, int64_t lo, int64_t hi, std::string_view src) {
  int64_t n = static_cast<int64_t>(src.size()) / a->itemsize;
  std::string copy(src);
  int64_t newsize = a->size - (hi - lo) + n;
  if (!reserve(a, newsize)) return false;
  char* d = a->data();
  std::memmove(d + (lo + n) * a->itemsize, d + hi * a->itemsize, static_cast<size_t>((a->size - hi) * a->itemsize));
  std::memcpy(d + lo * a->itemsize, copy.data(), copy.size());
  a->size = newsize;
  return true;
}

bool delete_slice(ArrayObject* a, int64_t start, int64_t step, int64_t count) {
  if (step == 1 || count == 0) return replace_range(a, start, start + count, {});
  if (step < 0) {
    start += (count - 1) * step;
    step = -step;
  }
  // Keep every item not on the slice's positions.
  int64_t w = 0;
  for (int64_t r = 0; r < a->size; ++r) {
    bool drop = r >= start && (r - start) % step == 0 && (r - start) / step < count;
    if (!drop) std::memmove(a->data() + w++ * a->itemsize, a->data() + r * a->itemsize, a->itemsize);
  }
  a->size = w;
  return true;
}

Value array_setitem(Value* args, int64_t, TupleObject*) {
  ArrayObject* a = A(args[0]);
  Value key = args[1], v = args[2];
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, a->size, &start, &stop, &step, &count)) return Value();
    if (!is_array(v))
      return raise_fmt(TypeErrorType, "can only assign array (not \"%s\") to array slice", type_name(v));
    ArrayObject* b = A(v);
    if (b->typecode != a->typecode) return raise_msg(TypeErrorType, "bad argument type for built-in operation");
    std::string_view src(b->data() ? b->data() : "", static_cast<size_t>(b->nbytes()));
    if (step == 1) {
      if (stop < start) stop = start;
      return replace_range(a, start, stop, src) ? None : Value();
    }
    if (b->size != count)
      return raise_fmt(ValueErrorType, "attempt to assign array of size %lld to extended slice of size %lld",
                       static_cast<long long>(b->size), static_cast<long long>(count));
    std::string copy(src);
    for (int64_t i = 0; i < count; ++i)
      std::memcpy(a->data() + (start + i * step) * a->itemsize, copy.data() + i * a->itemsize, a->itemsize);
    return None;
  }
  int64_t i;
  if (!arg_index(key, 0, &i)) return Value();
  if (i < 0) i += a->size;
  if (i < 0 || i >= a->size) return raise_msg(IndexErrorType, "array assignment index out of range");
  char tmp[8];
  if (!convert_item(a->typecode, v, tmp)) return Value();
  std::memcpy(a->data() + i * a->itemsize, tmp, a->itemsize);
  return None;
}

Value array_delitem(Value* args, int64_t, TupleObject*) {
  ArrayObject* a = A(args[0]);
  Value key = args[1];
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, a->size, &start, &stop, &step, &count)) return Value();
    return delete_slice(a, start, step, count) ? None : Value();
  }
  int64_t i;
  if (!arg_index(key, 0, &i)) return Value();
  if (i < 0) i += a->size;
  if (i < 0 || i >= a->size) return raise_msg(IndexErrorType, "array assignment index out of range");
  return replace_range(a, i, i + 1, {}) ? None : Value();
}

// Index of the first item equal to v in [lo, hi), -1 if none, -2 on error.
int64_t find(ArrayObject* a, Value v, int64_t lo, int64_t hi) {
  for (int64_t i = lo; i < hi && i < a->size; ++i) {
    int r = equal(get_item(a, i), v);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

Value array_contains(Value* args, int64_t, TupleObject*) {
  int64_t i = find(A(args[0]), args[1], 0, A(args[0])->size);
  return i == -2 ? Value() : bool_value(i >= 0);
}

Value array_iter(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<ArrayIterObject*>(new_instance(g_iter_type));
  if (!it) return Value();
  it->array = args[0];
  return Value::from_obj(it);
}
Value iter_next(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<ArrayIterObject*>(args[0].as_obj());
  if (it->array.is_empty_slot() || it->index >= A(it->array)->size) {
    it->array = Value();
    return stop_iteration();
  }
  return get_item(A(it->array), it->index++);
}

// ---- methods ------------------------------------------------------------------------------------------------
Value array_append(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.append", nargs - 1, kw)) return Value();
  return append_item(A(args[0]), args[1]) ? None : Value();
}
Value array_extend(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.extend", nargs - 1, kw)) return Value();
  return extend_from(A(args[0]), args[1]) ? None : Value();
}
Value array_insert(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("array.insert", "insert", nargs - 1, kw, 2, 2)) return Value();
  ArrayObject* a = A(args[0]);
  int64_t i;
  if (!arg_index(args[1], 0, &i)) return Value();
  char tmp[8];
  if (!convert_item(a->typecode, args[2], tmp)) return Value();
  if (i < 0) i = std::max<int64_t>(0, i + a->size);
  if (i > a->size) i = a->size;
  return replace_range(a, i, i, std::string_view(tmp, a->itemsize)) ? None : Value();
}
Value array_pop(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("array.pop", "pop", nargs - 1, kw, 0, 1)) return Value();
  ArrayObject* a = A(args[0]);
  int64_t i = -1;
  if (nargs == 2 && !arg_index(args[1], -1, &i)) return Value();
  if (a->size == 0) return raise_msg(IndexErrorType, "pop from empty array");
  if (i < 0) i += a->size;
  if (i < 0 || i >= a->size) return raise_msg(IndexErrorType, "pop index out of range");
  Value v = get_item(a, i);
  if (v.is_empty_slot() || !replace_range(a, i, i + 1, {})) return Value();
  return v;
}
Value array_remove(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.remove", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  int64_t i = find(a, args[1], 0, a->size);
  if (i == -2) return Value();
  if (i < 0) return raise_msg(ValueErrorType, "array.remove(x): x not in array");
  return replace_range(a, i, i + 1, {}) ? None : Value();
}
Value array_index(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("array.index", "index", nargs - 1, kw, 1, 3)) return Value();
  ArrayObject* a = A(args[0]);
  int64_t lo = 0, hi = INT64_MAX;
  if (nargs > 2 && !arg_index(args[2], 0, &lo)) return Value();
  if (nargs > 3 && !arg_index(args[3], 0, &hi)) return Value();
  if (lo < 0) lo = std::max<int64_t>(0, lo + a->size);
  if (hi < 0) hi = std::max<int64_t>(0, hi + a->size);
  int64_t i = find(a, args[1], lo, hi);
  if (i == -2) return Value();
  if (i < 0) return raise_msg(ValueErrorType, "array.index(x): x not in array");
  return int_from_int64(i);
}
Value array_count(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.count", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  int64_t n = 0;
  for (int64_t i = 0; i < a->size; ++i) {
    int r = equal(get_item(a, i), args[1]);
    if (r < 0) return Value();
    n += r;
  }
  return int_from_int64(n);
}
Value array_reverse(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("array.reverse", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  char tmp[8];
  for (int64_t i = 0, j = a->size - 1; i < j; ++i, --j) {
    char* p = a->data() + i * a->itemsize;
    char* q = a->data() + j * a->itemsize;
    std::memcpy(tmp, p, a->itemsize);
    std::memcpy(p, q, a->itemsize);
    std::memcpy(q, tmp, a->itemsize);
  }
  return None;
}
Value array_byteswap(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("array.byteswap", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  for (int64_t i = 0; i < a->size; ++i) std::reverse(a->data() + i * a->itemsize, a->data() + (i + 1) * a->itemsize);
  return None;
}
Value array_buffer_info(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("array.buffer_info", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  TupleObject* t =
      tuple_of({int_from_uint64(reinterpret_cast<uintptr_t>(a->data())), int_from_int64(a->size)});
  return t ? Value::from_obj(t) : Value();
}
Value array_tobytes(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("array.tobytes", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  return bytes_value(std::string_view(a->data() ? a->data() : "", static_cast<size_t>(a->nbytes())));
}
Value array_frombytes(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.frombytes", nargs - 1, kw)) return Value();
  ByteBuffer b;
  if (!require_buffer(args[1], &b)) return Value();
  return append_bytes(A(args[0]), b.data) ? None : Value();
}
Value array_tolist(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("array.tolist", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  ListObject* l = new_list(a->size);
  if (!l) return Value();
  for (int64_t i = 0; i < a->size; ++i) {
    Value v = get_item(a, i);
    if (v.is_empty_slot()) return v;
    l->items()[i] = v;
  }
  return Value::from_obj(l);
}
Value array_fromlist(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.fromlist", nargs - 1, kw)) return Value();
  if (!is_list(args[1])) return raise_msg(TypeErrorType, "arg must be list");
  ArrayObject* a = A(args[0]);
  int64_t old = a->size;
  ListObject* l = as_list(args[1]);
  for (int64_t i = 0; i < l->size; ++i)
    if (!append_item(a, l->items()[i])) {
      a->size = old;  // all or nothing
      return Value();
    }
  return None;
}
Value array_tounicode(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("array.tounicode", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  if (a->typecode != 'u') return raise_msg(ValueErrorType, "tounicode() may only be called on unicode type arrays");
  std::string out;
  for (int64_t i = 0; i < a->size; ++i) {
    uint32_t cp;
    std::memcpy(&cp, a->data() + i * 4, 4);
    if (cp > 0x10FFFF)
      return raise_fmt(ValueErrorType, "character U+%x is not in range [U+0000; U+10ffff]", cp);
    append_utf8(out, cp);
  }
  return str_value(out);
}
Value array_fromunicode(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.fromunicode", nargs - 1, kw)) return Value();
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "fromunicode() argument must be str, not %s", type_name(args[1]));
  ArrayObject* a = A(args[0]);
  if (a->typecode != 'u') return raise_msg(ValueErrorType, "fromunicode() may only be called on unicode type arrays");
  return append_unicode(a, as_str(args[1])) ? None : Value();
}
Value array_tofile(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.tofile", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  // Written in 64 KiB blocks, as CPython does, so huge arrays need no huge bytes object.
  constexpr int64_t kBlock = 64 * 1024;
  for (int64_t off = 0; off < a->nbytes() || off == 0; off += kBlock) {
    int64_t n = std::min(kBlock, a->nbytes() - off);
    if (n <= 0) break;
    Value chunk = bytes_value(std::string_view(a->data() + off, static_cast<size_t>(n)));
    if (chunk.is_empty_slot()) return chunk;
    Value r = call_method(args[1], intern("write"), &chunk, 1);
    if (r.is_empty_slot()) return r;
  }
  return None;
}
Value array_fromfile(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("array.fromfile", "fromfile", nargs - 1, kw, 2, 2)) return Value();
  ArrayObject* a = A(args[0]);
  int64_t n;
  if (!arg_index(args[2], 0, &n)) return Value();
  if (n < 0) return raise_msg(ValueErrorType, "negative count");
  Value want = int_from_int64(n * a->itemsize);
  Value data = call_method(args[1], intern("read"), &want, 1);
  if (data.is_empty_slot()) return data;
  if (!is_bytes(data)) return raise_msg(TypeErrorType, "read() didn't return bytes");
  std::string_view d = as_bytes(data)->view();
  bool short_read = static_cast<int64_t>(d.size()) != n * a->itemsize;
  d = d.substr(0, d.size() - d.size() % a->itemsize);
  if (!append_bytes(a, d)) return Value();
  if (short_read) return raise_msg(EOFErrorType, "read() didn't return enough bytes");
  return None;
}

// ---- operators ----------------------------------------------------------------------------------------------
Value concat(Value lhs, Value rhs) {
  if (!is_array(rhs)) return raise_fmt(TypeErrorType, "can only append array (not \"%s\") to array", type_name(rhs));
  ArrayObject* a = A(lhs);
  ArrayObject* b = A(rhs);
  if (a->typecode != b->typecode) return raise_msg(TypeErrorType, "bad argument type for built-in operation");
  ArrayObject* r = new_array(g_array_type, a->typecode);
  if (!r) return Value();
  if (!append_bytes(r, std::string_view(a->data() ? a->data() : "", static_cast<size_t>(a->nbytes()))) ||
      !append_bytes(r, std::string_view(b->data() ? b->data() : "", static_cast<size_t>(b->nbytes()))))
    return Value();
  return Value::from_obj(r);
}
Value array_add(Value* args, int64_t, TupleObject*) {
  if (!is_array(args[1])) return raise_fmt(TypeErrorType, "can only append array (not \"%s\") to array", type_name(args[1]));
  return concat(args[0], args[1]);
}
Value array_iadd(Value* args, int64_t, TupleObject*) {
  if (!is_array(args[1])) return raise_fmt(TypeErrorType, "can only extend array with array (not \"%s\")", type_name(args[1]));
  if (!extend_from(A(args[0]), args[1])) return Value();
  return args[0];
}
bool repeat_into(ArrayObject* r, ArrayObject* a, int64_t n) {
  std::string once(a->data() ? a->data() : "", static_cast<size_t>(a->nbytes()));
  if (n > 0 && once.size() && static_cast<int64_t>(once.size()) > INT64_MAX / 2 / n) return raise_memory_error(), false;
  if (!reserve(r, r->size + std::max<int64_t>(n, 0) * a->size)) return false;
  for (int64_t i = 0; i < n; ++i) {
    std::memcpy(r->data() + r->nbytes(), once.data(), once.size());
    r->size += a->size;
  }
  return true;
}
Value array_mul(Value* args, int64_t, TupleObject*) {
  if (!is_int(args[1]) && lookup_special(args[1], names::dunder_index).is_empty_slot()) return NotImplemented;
  int64_t n;
  if (!arg_index(args[1], 0, &n)) return Value();
  ArrayObject* a = A(args[0]);
  ArrayObject* r = new_array(g_array_type, a->typecode);
  if (!r || !repeat_into(r, a, n)) return Value();
  return Value::from_obj(r);
}
Value array_imul(Value* args, int64_t, TupleObject*) {
  if (!is_int(args[1]) && lookup_special(args[1], names::dunder_index).is_empty_slot()) return NotImplemented;
  int64_t n;
  if (!arg_index(args[1], 0, &n)) return Value();
  ArrayObject* a = A(args[0]);
  if (n <= 0) {
    a->size = 0;
    return args[0];
  }
  int64_t once = a->size;
  std::string copy(a->data() ? a->data() : "", static_cast<size_t>(a->nbytes()));
  if (!reserve(a, once * n)) return Value();
  for (int64_t i = 1; i < n; ++i) {
    std::memcpy(a->data() + a->nbytes(), copy.data(), copy.size());
    a->size += once;
  }
  return args[0];
}

Value compare(Value* args, CompareKind op) {
  if (!is_array(args[1])) return NotImplemented;
  ArrayObject* a = A(args[0]);
  ArrayObject* b = A(args[1]);
  if (a->size != b->size && (op == CompareKind::Eq || op == CompareKind::Ne))
    return bool_value(op == CompareKind::Ne);
  // The first differing item decides, as for lists.
  int64_t n = std::min(a->size, b->size);
  for (int64_t i = 0; i < n; ++i) {
    Value x = get_item(a, i), y = get_item(b, i);
    int r = equal(x, y);
    if (r < 0) return Value();
    if (!r) {
      if (op == CompareKind::Eq) return False;
      if (op == CompareKind::Ne) return True;
      return rich_compare(x, y, op);
    }
  }
  int64_t x = a->size, y = b->size;
  switch (op) {
    case CompareKind::Lt: return bool_value(x < y);
    case CompareKind::Le: return bool_value(x <= y);
    case CompareKind::Eq: return bool_value(x == y);
    case CompareKind::Ne: return bool_value(x != y);
    case CompareKind::Gt: return bool_value(x > y);
    default: return bool_value(x >= y);
  }
}
Value array_eq(Value* a, int64_t, TupleObject*) { return compare(a, CompareKind::Eq); }
Value array_ne(Value* a, int64_t, TupleObject*) { return compare(a, CompareKind::Ne); }
Value array_lt(Value* a, int64_t, TupleObject*) { return compare(a, CompareKind::Lt); }
Value array_le(Value* a, int64_t, TupleObject*) { return compare(a, CompareKind::Le); }
Value array_gt(Value* a, int64_t, TupleObject*) { return compare(a, CompareKind::Gt); }
Value array_ge(Value* a, int64_t, TupleObject*) { return compare(a, CompareKind::Ge); }

Value array_repr(Value* args, int64_t, TupleObject*) {
  ArrayObject* a = A(args[0]);
  TypeObject* type = args[0].as_obj()->type;
  std::string out(type->name_obj ? type->name_obj->view() : std::string_view("array"));
  out += "('";
  out += a->typecode;
  out += "'";
  if (a->size) {
    Value body = a->typecode == 'u' ? array_tounicode(args, 1, nullptr) : array_tolist(args, 1, nullptr);
    if (body.is_empty_slot()) return body;
    std::string r;
    if (!repr_string(body, &r)) return Value();
    out += ", " + r;
  }
  out += ")";
  return str_value(out);
}

Value array_copy(Value* args, int64_t, TupleObject*) {
  ArrayObject* a = A(args[0]);
  ArrayObject* r = new_array(type_of(args[0]), a->typecode);
  if (!r || !append_bytes(r, std::string_view(a->data() ? a->data() : "", static_cast<size_t>(a->nbytes()))))
    return Value();
  return Value::from_obj(r);
}

// ---- pickling: machine format codes ----------------------------------------------------------------------
// CPython's portable description of an array's bytes (array._array_reconstructor's third
// argument), so pickles move between machines and implementations.
enum class MachineFormat : int {
  U8 = 0, S8 = 1, U16LE = 2, U16BE = 3, S16LE = 4, S16BE = 5, U32LE = 6, U32BE = 7, S32LE = 8, S32BE = 9,
  U64LE = 10, U64BE = 11, S64LE = 12, S64BE = 13, F32LE = 14, F32BE = 15, F64LE = 16, F64BE = 17,
  UTF16LE = 18, UTF16BE = 19, UTF32LE = 20, UTF32BE = 21,
};
constexpr int kMaxMachineFormat = 21;

// This host's format for typecode t (little-endian, 4-byte wchar_t).
MachineFormat native_format(char t) {
  switch (t) {
    case 'b': return MachineFormat::S8;
    case 'B': return MachineFormat::U8;
    case 'h': return MachineFormat::S16LE;
    case 'H': return MachineFormat::U16LE;
    case 'i': return MachineFormat::S32LE;
    case 'I': return MachineFormat::U32LE;
    case 'l': case 'q': return MachineFormat::S64LE;
    case 'L': case 'Q': return MachineFormat::U64LE;
    case 'f': return MachineFormat::F32LE;
    case 'd': return MachineFormat::F64LE;
    default: return MachineFormat::UTF32LE;
  }
}

// (type, (typecode, items), state) for protocols 0-2; the reconstructor form from 3 on.
Value array_reduce_ex(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("array.__reduce_ex__", nargs - 1, kw)) return Value();
  ArrayObject* a = A(args[0]);
  int64_t protocol;
  if (!arg_index(args[1], 0, &protocol)) return Value();
  // The instance's attributes (subclasses have them; a plain array has no __dict__).
  Value state = None;
  if (args[0].as_obj()->type->dict_offset) {
    bool error = false;
    Value d = get_attr_opt(args[0], intern("__dict__"), &error);
    if (error) return Value();
    if (!d.is_empty_slot()) state = d;
  }
  Value typecode = str_value(std::string_view(&a->typecode, 1));
  if (protocol < 3) {
    Value items = array_tolist(args, 1, nullptr);
    if (items.is_empty_slot()) return items;
    TupleObject* ctor_args = tuple_of({typecode, items});
    if (!ctor_args) return Value();
    TupleObject* t = tuple_of({Value::from_obj(type_of(args[0])), Value::from_obj(ctor_args), state});
    return t ? Value::from_obj(t) : Value();
  }
  Value reconstructor = get_attr(Value::from_obj(g_array_module), "_array_reconstructor");
  if (reconstructor.is_empty_slot()) return reconstructor;
  Value data = array_tobytes(args, 1, nullptr);
  if (data.is_empty_slot()) return data;
  TupleObject* ctor_args = tuple_of({Value::from_obj(type_of(args[0])), typecode,
                                     Value::from_small_int(static_cast<int>(native_format(a->typecode))), data});
  if (!ctor_args) return Value();
  TupleObject* t = tuple_of({reconstructor, Value::from_obj(ctor_args), state});
  return t ? Value::from_obj(t) : Value();
}

// The value of one item of machine format f at p.
Value decode_machine_item(MachineFormat f, const unsigned char* p) {
  int code = static_cast<int>(f);
  if (code <= static_cast<int>(MachineFormat::S64BE)) {
    int size = code < 2 ? 1 : code < 6 ? 2 : code < 10 ? 4 : 8;
    bool is_signed = code == 1 || (code >= 4 && code <= 5) || (code >= 8 && code <= 9) || code >= 12;
    bool big = code >= 2 && (code % 2 == 1);
    uint64_t u = 0;
    for (int i = 0; i < size; ++i) u |= static_cast<uint64_t>(p[big ? size - 1 - i : i]) << (8 * i);
    if (is_signed && size < 8 && (u >> (8 * size - 1)) & 1) u |= ~((uint64_t(1) << (8 * size)) - 1);
    return is_signed ? int_from_int64(static_cast<int64_t>(u)) : int_from_uint64(u);
  }
  bool big = code % 2 == 1;
  int size = f == MachineFormat::F32LE || f == MachineFormat::F32BE ? 4 : 8;
  uint64_t u = 0;
  for (int i = 0; i < size; ++i) u |= static_cast<uint64_t>(p[big ? size - 1 - i : i]) << (8 * i);
  if (size == 4) {
    uint32_t w = static_cast<uint32_t>(u);
    float x;
    std::memcpy(&x, &w, 4);
    return float_value(x);
  }
  double d;
  std::memcpy(&d, &u, 8);
  return float_value(d);
}

Value array_reconstructor(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("_array_reconstructor", kwnames) || !check_positional("_array_reconstructor", nargs, 4, 4))
    return Value();
  if (!args[0].is_obj() || !has(args[0].as_obj()->type, TypeFlag::TypeSubclass))
    return raise_fmt(TypeErrorType, "first argument must be a type object, not %s", type_name(args[0]));
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (!is_subtype(type, g_array_type))
    return raise_fmt(TypeErrorType, "%s is not a subtype of array.array", type->name);
  if (!is_str(args[1]) || as_str(args[1])->length != 1 || !std::strchr(kTypecodes, as_str(args[1])->data[0]))
    return raise_msg(ValueErrorType, "second argument must be a valid type code");
  char t = as_str(args[1])->data[0];
  int64_t code;
  if (!arg_index(args[2], 0, &code)) return Value();
  if (code < 0 || code > kMaxMachineFormat)
    return raise_msg(ValueErrorType, "third argument must be a valid machine format code.");
  if (!is_bytes(args[3]))
    return raise_fmt(TypeErrorType, "fourth argument should be bytes, not %s", type_name(args[3]));
  std::string_view data = as_bytes(args[3])->view();
  auto f = static_cast<MachineFormat>(code);
  if (f != native_format(t) && code <= static_cast<int>(MachineFormat::S64BE)) {
    // Integers from another machine become the (last listed) typecode of their size and sign.
    int size = code < 2 ? 1 : code < 6 ? 2 : code < 10 ? 4 : 8;
    bool is_signed = code == 1 || (code >= 4 && code <= 5) || (code >= 8 && code <= 9) || code >= 12;
    for (char c : std::string_view("bBhHiIlLqQ")) {
      bool c_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q';
      if (item_size(c) == size && c_signed == is_signed) t = c;
    }
  }
  ArrayObject* a = new_array(type, t);
  if (!a) return Value();
  if (f == native_format(t)) return append_bytes(a, data) ? Value::from_obj(a) : Value();
  if (f >= MachineFormat::UTF16LE) {
    // Text in another encoding: decode it with the codec machinery.
    const char* enc = f == MachineFormat::UTF16LE ? "utf-16-le" : f == MachineFormat::UTF16BE ? "utf-16-be"
                    : f == MachineFormat::UTF32LE ? "utf-32-le" : "utf-32-be";
    Value enc_name = str_value(enc);
    Value text = call_method(args[3], intern("decode"), &enc_name, 1);
    if (text.is_empty_slot()) return text;
    if (!is_str(text)) return raise_msg(TypeErrorType, "decoding did not return a str");
    return append_unicode(a, as_str(text)) ? Value::from_obj(a) : Value();
  }
  int c = static_cast<int>(f);
  size_t size = c < 2 ? 1 : c < 6 ? 2 : c < 10 ? 4 : c < 14 ? 8 : (c < 16 ? 4 : 8);
  if (data.size() % size) return raise_msg(ValueErrorType, "string length not a multiple of item size");
  for (size_t i = 0; i < data.size(); i += size) {
    Value v = decode_machine_item(f, reinterpret_cast<const unsigned char*>(data.data()) + i);
    if (v.is_empty_slot() || !append_item(a, v)) return Value();
  }
  return Value::from_obj(a);
}

Value array_sizeof(Value* args, int64_t, TupleObject*) {
  ArrayObject* a = A(args[0]);
  return int_from_int64(static_cast<int64_t>(sizeof(ArrayObject)) + (a->buf ? a->buf->size : 0));
}

Value get_typecode(Value self) { return str_value(std::string_view(&A(self)->typecode, 1)); }
Value get_itemsize(Value self) { return Value::from_small_int(A(self)->itemsize); }

const NativeMethodDef kArrayMethods[] = {
    {"__new__", array_new, NativeMethodDef::Kind::StaticMethod},
    {"__len__", array_len},
    {"__getitem__", array_getitem},
    {"__setitem__", array_setitem},
    {"__delitem__", array_delitem},
    {"__contains__", array_contains},
    {"__iter__", array_iter},
    {"__add__", array_add},
    {"__iadd__", array_iadd},
    {"__mul__", array_mul},
    {"__rmul__", array_mul},
    {"__imul__", array_imul},
    {"__eq__", array_eq},
    {"__ne__", array_ne},
    {"__lt__", array_lt},
    {"__le__", array_le},
    {"__gt__", array_gt},
    {"__ge__", array_ge},
    {"__repr__", array_repr},
    {"__copy__", array_copy},
    {"__deepcopy__", array_copy},
    {"__reduce_ex__", array_reduce_ex},
    {"__sizeof__", array_sizeof},
    {"append", array_append},
    {"extend", array_extend},
    {"insert", array_insert},
    {"pop", array_pop},
    {"remove", array_remove},
    {"index", array_index},
    {"count", array_count},
    {"reverse", array_reverse},
    {"byteswap", array_byteswap},
    {"buffer_info", array_buffer_info},
    {"tobytes", array_tobytes},
    {"frombytes", array_frombytes},
    {"tolist", array_tolist},
    {"fromlist", array_fromlist},
    {"tounicode", array_tounicode},
    {"fromunicode", array_fromunicode},
    {"tofile", array_tofile},
    {"fromfile", array_fromfile},
};
const NativeGetSetDef kArrayGetSets[] = {{"typecode", get_typecode}, {"itemsize", get_itemsize}};

bool init_array(ModuleObject* m) {
  if (!g_array_type) {
    g_array_type = make_native_type("array.array", sizeof(ArrayObject), visit_array, true);
    set_collection_kind(g_array_type, kCollectionSequence);
    g_array_type->flags = g_array_type->flags | TypeFlag::Sequence;  // a sequence to pattern matching
    add_methods(g_array_type, kArrayMethods);
    add_getsets(g_array_type, kArrayGetSets);
    register_weakrefable_type(g_array_type);
    // bytes(a), bytearray(a), memoryview(a), b''.join(...) see an array's bytes.
    // Arrays do not track exports yet: a memoryview re-reads the array's storage at each
    // access (and checks its bounds), so a resize cannot leave it dangling.
    static const BytesExporter kExporter = {
        [](Value v, BufferInfo* out) {
          if (!is_array(v)) return false;
          ArrayObject* a = A(v);
          static char empty_storage[1];
          *out = BufferInfo{a->data() ? a->data() : empty_storage, a->nbytes(), false,
                            a->typecode == 'u' ? 'w' : a->typecode, nullptr, v};
          return true;
        },
    };
    set_bytes_exporter(&kExporter);
    g_array_type->alloc = nullptr;  // instances come from array.__new__ only
    // Arrays are mutable: hash(array) is a TypeError.
    if (!type_set_attr_raw(g_array_type, intern("__hash__"), None)) return false;
    g_iter_type = make_native_type("array.arrayiterator", sizeof(ArrayIterObject), visit_iter, false);
    static const NativeMethodDef kIterMethods[] = {{"__iter__", return_self}, {"__next__", iter_next}};
    add_methods(g_iter_type, kIterMethods);
    g_iter_type->alloc = nullptr;
  }
  g_array_module = m;
  static bool rooted = false;
  if (!rooted) {
    rooted = true;
    add_runtime_root_hook([](Visitor& v) { v.visit(g_array_module); });
  }
  return module_add(m, "array", Value::from_obj(g_array_type)) &&
         module_add(m, "ArrayType", Value::from_obj(g_array_type)) && module_add(m, "typecodes", str_value(kTypecodes));
}

}  // namespace

bool array_buffer(Value v, ByteBuffer* out) {
  if (!g_array_type || !is_array(v)) return false;
  ArrayObject* a = A(v);
  out->data = std::string_view(a->data() ? a->data() : "", static_cast<size_t>(a->nbytes()));
  static char empty_storage[1];
  out->writable = a->data() ? a->data() : empty_storage;
  out->owner = v;
  return true;
}

extern const NativeModuleDef kArrayModule;
const NativeFunctionDef kArrayFunctions[] = {{"_array_reconstructor", array_reconstructor}};
const NativeModuleDef kArrayModule = {"array", kArrayFunctions, std::size(kArrayFunctions), init_array};

}  // namespace coil::lib
