// bytes_methods.cpp — the methods bytes and bytearray share (searching, splitting, case,
// padding, hex, decode, ...), bytes' constructor and dunders, and their iterators.
// bytearray's constructor and mutating methods are in bytearray_methods.cpp.
//
// Each shared method reads self through bytes_like_view and builds its result with
// `same_kind`, so a bytearray method returns a bytearray and a bytes method bytes (subclass
// instances get the base type back, as in CPython).
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/bytes_util.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/formatting.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/method_args.h"
#include "runtime/names.h"
#include "runtime/roots.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/str_util.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

void visit_bytes_roots(Visitor& v);  // bytes.cpp
Value ba_iadd_value(Value self, Value other);  // bytearray_methods.cpp
Value ba_imul_value(Value self, Value n);

std::string_view self_view(Value self) {
  std::string_view v;
  bytes_like_view(self, &v);
  return v;
}

Value same_kind(Value self, std::string_view data) {
  if (is_bytearray(self)) return new_bytearray(ByteArrayType, data);
  return bytes_value(data);
}

bool need_bytes_like(Value v, std::string_view* out) {
  if (buffer_view(v, out)) return true;
  raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

bool byte_value(Value v, unsigned char* out) {
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  int64_t n;
  if (!int_to_int64(i, &n) || n < 0 || n > 255) {
    raise_msg(ValueErrorType, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<unsigned char>(n);
  return true;
}

bool bytes_from_iterable(Value src, std::string* out, const char* range_msg) {
  Value it = get_iter(src);
  if (it.is_empty_slot()) return false;
  while (true) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) return true;
    if (x.is_empty_slot()) return false;
    Value i = index(x);
    if (i.is_empty_slot()) return false;
    int64_t n;
    if (!int_to_int64(i, &n) || n < 0 || n > 255) {
      raise_msg(ValueErrorType, range_msg);
      return false;
    }
    *out += static_cast<char>(n);
  }
}

bool bytes_source(Value source, Value encoding, Value errors, const char* kind, std::string* out, Value* result) {
  *result = Value();
  if (source.is_empty_slot()) {
    if (!encoding.is_empty_slot() || !errors.is_empty_slot()) {
      raise_msg(TypeErrorType, encoding.is_empty_slot() ? "errors without a string argument"
                                                        : "encoding without a string argument");
      return false;
    }
    return true;
  }
  for (int i = 0; i < 2; ++i) {
    Value a = i == 0 ? encoding : errors;
    if (!a.is_empty_slot() && !is_str(a)) {
      raise_fmt(TypeErrorType, "%s() argument '%s' must be str, not %s", kind, i == 0 ? "encoding" : "errors",
                type_name(a));
      return false;
    }
  }
  if (!encoding.is_empty_slot() && is_str(source)) {
    Value b = codec_encode(as_str(source), as_str(encoding)->view(),
                           errors.is_empty_slot() ? "strict" : as_str(errors)->view());
    if (b.is_empty_slot()) return false;
    *out = std::string(as_bytes(b)->view());
    return true;
  }
  const bool is_bytes_kind = std::strcmp(kind, "bytes") == 0;
  if (!encoding.is_empty_slot() || !errors.is_empty_slot()) {
    const char* msg = is_str(source)             ? "string argument without an encoding"
                      : encoding.is_empty_slot() ? "errors without a string argument"
                                                 : "encoding without a string argument";
    raise_msg(TypeErrorType, msg);
    return false;
  }
  if (is_bytes_kind) {
    // bytes() asks __bytes__ first (a str subclass may define it; `__bytes__ = None` blocks).
    Value m = lookup_special(source, names::dunder_bytes);
    if (!m.is_empty_slot()) {
      Value r = call_special0(m, source);
      if (r.is_empty_slot()) return false;
      if (!is_bytes(r)) {
        raise_fmt(TypeErrorType, "__bytes__ returned non-bytes (type %s)", type_name(r));
        return false;
      }
      *result = r;
      return true;
    }
    if (has_pending_exception()) return false;
  }
  if (is_str(source)) {
    raise_msg(TypeErrorType, "string argument without an encoding");
    return false;
  }
  std::string_view v;
  if (buffer_view(source, &v)) {
    *out = std::string(v);
    return true;
  }
  if (is_int(source) || !type_lookup(type_of(source), names::dunder_index).is_empty_slot()) {
    Value iv = index(source);
    if (iv.is_empty_slot()) return false;
    int64_t n;
    if (!int_to_int64(iv, &n)) {
      raise_msg(OverflowErrorType, "cannot fit 'int' into an index-sized integer");
      return false;
    }
    if (n < 0) {
      raise_msg(ValueErrorType, "negative count");
      return false;
    }
    out->assign(static_cast<size_t>(n), '\0');
    return true;
  }
  if (get_iter_would_fail(source)) {
    raise_fmt(TypeErrorType, "cannot convert '%s' object to %s", type_name(source), kind);
    return false;
  }
  return bytes_from_iterable(source, out, kind[4] == 'a' ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)");
}

Value bytes_iter_of(TypeObject* iter_type, Value seq) {
  auto* it = static_cast<SeqIterObject*>(allocate_object(iter_type, sizeof(SeqIterObject)));
  if (!it) return raise_memory_error();
  it->seq = seq;
  it->index = 0;
  return Value::from_obj(it);
}

namespace {

bool is_space_byte(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_lower_byte(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper_byte(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha_byte(unsigned char c) { return is_lower_byte(c) || is_upper_byte(c); }
bool is_digit_byte(unsigned char c) { return c >= '0' && c <= '9'; }

const char* kind_name(Value self) { return is_bytearray(self) ? "bytearray" : "bytes"; }

// --- constructor and dunders (bytes) ---

Value bytes_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 1 || !args[0].is_obj() || !has(args[0].as_obj()->type, TypeFlag::TypeSubclass))
    return raise_msg(TypeErrorType, "bytes.__new__(X): X is not a type object");
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (!is_subtype(type, BytesType))
    return raise_fmt(TypeErrorType, "bytes.__new__(%s): %s is not a subtype of bytes", type->name, type->name);
  Value a[3];
  if (!args_keywords("bytes", args + 1, nargs - 1, kwnames, {"source", "encoding", "errors"}, 0, a)) return Value();
  Value r;
  std::string data;
  if (!bytes_source(a[0], a[1], a[2], "bytes", &data, &r)) return Value();
  if (r.is_empty_slot()) r = bytes_value(data);
  if (r.is_empty_slot() || type == BytesType) return r;
  auto* o = static_cast<BytesSubObject*>(type->alloc(type));
  if (!o) return Value();
  o->value = as_bytes(r);
  return Value::from_obj(o);
}

Value bytes_getitem(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  std::string_view v = self_view(args[0]);
  Value key = args[1];
  if (key.is_obj() && key.as_obj()->type == SliceType) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, static_cast<int64_t>(v.size()), &start, &stop, &step, &count)) return Value();
    std::string out;
    out.reserve(count);
    for (int64_t i = 0; i < count; ++i) out += v[start + i * step];
    return same_kind(args[0], out);
  }
  if (!is_int(key) && type_lookup(type_of(key), names::dunder_index).is_empty_slot())
    return raise_fmt(TypeErrorType, "%s indices must be integers or slices, not %s",
                     is_bytearray(args[0]) ? "bytearray" : "byte", type_name(key));
  Value iv = index(key);
  if (iv.is_empty_slot()) return iv;
  int64_t i;
  if (!int_to_int64(iv, &i)) return raise_msg(IndexErrorType, "cannot fit 'int' into an index-sized integer");
  if (i < 0) i += static_cast<int64_t>(v.size());
  if (i < 0 || i >= static_cast<int64_t>(v.size()))
    return raise_msg(IndexErrorType, is_bytearray(args[0]) ? "bytearray index out of range" : "index out of range");
  return Value::from_small_int(static_cast<unsigned char>(v[i]));
}

Value bytes_len(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("__len__", nargs - 1, kw)) return Value();
  return Value::from_small_int(static_cast<int64_t>(self_view(args[0]).size()));
}

Value bytes_contains(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  std::string_view v = self_view(args[0]);
  if (is_int(args[1])) {
    unsigned char c;
    if (!byte_value(args[1], &c)) return Value();
    return bool_value(v.find(static_cast<char>(c)) != std::string_view::npos);
  }
  std::string_view sub;
  if (!need_bytes_like(args[1], &sub)) return Value();
  return bool_value(v.find(sub) != std::string_view::npos);
}

Value bytes_iter(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("__iter__", nargs - 1, kw)) return Value();
  if (is_bytearray(args[0])) return bytes_iter_of(ByteArrayIterType, args[0]);
  return bytes_iter_of(BytesIterType, Value::from_obj(as_bytes(args[0])));
}

Value bytes_iter_next(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("__next__", nargs - 1, kw)) return Value();
  auto* it = static_cast<SeqIterObject*>(args[0].as_obj());
  if (!it->seq.is_empty_slot()) {
    std::string_view v = self_view(it->seq);
    if (it->index < static_cast<int64_t>(v.size()))
      return Value::from_small_int(static_cast<unsigned char>(v[it->index++]));
    it->seq = Value();
  }
  return raise(Value::from_obj(new_exception(StopIterationType, empty_tuple())));
}

Value iter_self(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("__iter__", nargs - 1, kw)) return Value();
  return args[0];
}

Value bytes_compare(Value* args, int64_t nargs, fe::CompareKind op) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  std::string_view a = self_view(args[0]), b;
  if (!bytes_like_view(args[1], &b)) return NotImplemented;
  int c = a.compare(b);
  c = (c > 0) - (c < 0);
  switch (op) {
    case fe::CompareKind::Lt: return bool_value(c < 0);
    case fe::CompareKind::Le: return bool_value(c <= 0);
    case fe::CompareKind::Eq: return bool_value(c == 0);
    case fe::CompareKind::Ne: return bool_value(c != 0);
    case fe::CompareKind::Gt: return bool_value(c > 0);
    default: return bool_value(c >= 0);
  }
}
Value bytes_add(Value* args, int64_t nargs, TupleObject*);
Value bytes_mul(Value* args, int64_t nargs, TupleObject*);

}  // namespace

Value bytes_richcompare(Value a, Value b, fe::CompareKind op) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x) || !bytes_like_view(b, &y)) return NotImplemented;
  Value args[2] = {a, b};
  return bytes_compare(args, 2, op);
}

Value bytes_binary(Value a, Value b, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  int k = static_cast<int>(op);
  bool inplace = k >= fe::kInplace;
  K plain = inplace ? static_cast<K>(k - fe::kInplace) : op;
  std::string_view x;
  if (plain == K::Add) {
    if (!bytes_like_view(a, &x)) return NotImplemented;
    Value args[2] = {a, b};
    if (inplace && is_bytearray(a)) return ba_iadd_value(a, b);
    return bytes_add(args, 2, nullptr);
  }
  if (plain == K::Multiply) {
    Value seq = a, n = b;
    if (!bytes_like_view(seq, &x)) std::swap(seq, n);
    if (!bytes_like_view(seq, &x)) return NotImplemented;
    if (inplace && seq == a && is_bytearray(a)) return ba_imul_value(a, n);
    Value args[2] = {seq, n};
    return bytes_mul(args, 2, nullptr);
  }
  return NotImplemented;
}

namespace {

Value bytes_lt(Value* a, int64_t n, TupleObject*) { return bytes_compare(a, n, fe::CompareKind::Lt); }
Value bytes_le(Value* a, int64_t n, TupleObject*) { return bytes_compare(a, n, fe::CompareKind::Le); }
Value bytes_eq(Value* a, int64_t n, TupleObject*) { return bytes_compare(a, n, fe::CompareKind::Eq); }
Value bytes_ne(Value* a, int64_t n, TupleObject*) { return bytes_compare(a, n, fe::CompareKind::Ne); }
Value bytes_gt(Value* a, int64_t n, TupleObject*) { return bytes_compare(a, n, fe::CompareKind::Gt); }
Value bytes_ge(Value* a, int64_t n, TupleObject*) { return bytes_compare(a, n, fe::CompareKind::Ge); }

Value bytes_hash_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytes.__hash__", nargs - 1, kw)) return Value();
  return int_from_int64(bytes_hash(as_bytes(args[0])));
}

Value bytes_repr_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("__repr__", nargs - 1, kw)) return Value();
  std::string r = bytes_repr(self_view(args[0]), is_bytearray(args[0]));
  if (is_bytearray(args[0])) r = std::string(type_of(args[0])->name) + "(" + r + ")";
  return str_value(r);
}

Value bytes_add(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  std::string_view b;
  if (!buffer_view(args[1], &b)) {  // any bytes-like object, memoryviews included (as CPython)
    clear_exception();  // a released memoryview too: CPython reports the type, not the release
    return raise_fmt(TypeErrorType, "can't concat %s to %s", type_name(args[1]), kind_name(args[0]));
  }
  std::string out(self_view(args[0]));
  out.append(b);
  return same_kind(args[0], out);
}

Value bytes_mul(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  if (!is_int(args[1]) && type_lookup(type_of(args[1]), names::dunder_index).is_empty_slot()) return NotImplemented;
  int64_t n;
  if (!arg_index(args[1], 0, &n)) return Value();
  std::string_view v = self_view(args[0]);
  if (n == 1 && is_exact(args[0], BytesType)) return args[0];  // immutable: the same object
  if (n <= 0 || v.empty()) return same_kind(args[0], "");
  if (static_cast<int64_t>(v.size()) > (int64_t(1) << 56) / n) return raise_memory_error();
  std::string out;
  out.reserve(v.size() * n);
  for (int64_t i = 0; i < n; ++i) out.append(v);
  return same_kind(args[0], out);
}

// b % args (PEP 461), and the reflected form, which applies only to a bytes-like format.
Value bytes_mod_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  return bytes_percent_format(args[0], args[1]);
}
Value bytes_rmod_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  return bytes_percent_format(args[1], args[0]);
}

Value bytes_getnewargs(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytes.__getnewargs__", nargs - 1, kw)) return Value();
  Value b = bytes_value(self_view(args[0]));
  if (b.is_empty_slot()) return b;
  TupleObject* t = tuple_of({b});
  return t ? Value::from_obj(t) : Value();
}

Value bytes_bytes_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytes.__bytes__", nargs - 1, kw)) return Value();
  if (is_exact(args[0], BytesType)) return args[0];
  return Value::from_obj(as_bytes(args[0]));
}

// --- searching ---

enum class Dir { Forward, Reverse };

// (sub[, start[, end]]) where sub is an int byte or bytes-like.
bool find_args(Value* args, int64_t nargs, TupleObject* kw, const char* name, std::string* sub, int64_t* start,
               int64_t* end) {
  std::string qual = std::string("bytes.") + name;
  if (!args_tuple(qual.c_str(), name, nargs - 1, kw, 1, 3)) return false;
  Value x = args[1];
  std::string_view v;
  if (bytes_like_view(x, &v)) {
    *sub = std::string(v);
  } else if (is_int(x) || !type_lookup(type_of(x), names::dunder_index).is_empty_slot()) {
    unsigned char c;
    if (!byte_value(x, &c)) return false;
    *sub = std::string(1, static_cast<char>(c));
  } else {
    raise_fmt(TypeErrorType, "argument should be integer or bytes-like object, not '%s'", type_name(x));
    return false;
  }
  if (!parse_start_end(nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), start, end)) return false;
  adjust_indices(start, end, static_cast<int64_t>(self_view(args[0]).size()));
  return true;
}

int64_t find_in(std::string_view hay, std::string_view sub, int64_t start, int64_t end, Dir dir) {
  if (start > static_cast<int64_t>(hay.size()) || end - start < static_cast<int64_t>(sub.size())) return -1;
  std::string_view part = hay.substr(start, end - start);
  size_t pos = dir == Dir::Forward ? part.find(sub) : part.rfind(sub);
  return pos == std::string_view::npos ? -1 : start + static_cast<int64_t>(pos);
}

Value find_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, Dir dir, bool raise_missing) {
  std::string sub;
  int64_t start, end;
  if (!find_args(args, nargs, kw, name, &sub, &start, &end)) return Value();
  int64_t r = find_in(self_view(args[0]), sub, start, end, dir);
  if (r < 0 && raise_missing) return raise_msg(ValueErrorType, "subsection not found");
  return Value::from_small_int(r);
}

Value b_find(Value* a, int64_t n, TupleObject* k) { return find_common(a, n, k, "find", Dir::Forward, false); }
Value b_rfind(Value* a, int64_t n, TupleObject* k) { return find_common(a, n, k, "rfind", Dir::Reverse, false); }
Value b_index(Value* a, int64_t n, TupleObject* k) { return find_common(a, n, k, "index", Dir::Forward, true); }
Value b_rindex(Value* a, int64_t n, TupleObject* k) { return find_common(a, n, k, "rindex", Dir::Reverse, true); }

Value b_count(Value* args, int64_t nargs, TupleObject* kw) {
  std::string sub;
  int64_t start, end;
  if (!find_args(args, nargs, kw, "count", &sub, &start, &end)) return Value();
  std::string_view v = self_view(args[0]);
  if (start > static_cast<int64_t>(v.size()) || end < start) return Value::from_small_int(0);
  if (sub.empty()) return Value::from_small_int(end - start + 1);
  std::string_view part = v.substr(start, end - start);
  int64_t n = 0;
  for (size_t p = part.find(sub); p != std::string_view::npos; p = part.find(sub, p + sub.size())) ++n;
  return Value::from_small_int(n);
}

Value tailmatch(Value* args, int64_t nargs, TupleObject* kw, const char* name, bool at_end) {
  std::string qual = std::string("bytes.") + name;
  if (!args_tuple(qual.c_str(), name, nargs - 1, kw, 1, 3)) return Value();
  int64_t start, end;
  if (!parse_start_end(nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), &start, &end)) return Value();
  std::string_view v = self_view(args[0]);
  auto match = [&](std::string_view sub) {
    int64_t st = start, en = end;
    adjust_indices(&st, &en, static_cast<int64_t>(v.size()));
    int64_t n = static_cast<int64_t>(sub.size());
    if (en - n < st) return false;
    int64_t off = at_end ? en - n : st;
    return v.substr(off, n) == sub;
  };
  Value x = args[1];
  std::string_view sub;
  if (is_tuple(x)) {
    TupleObject* t = as_tuple(x);
    for (int64_t i = 0; i < t->size; ++i) {
      if (!bytes_like_view(t->items[i], &sub))
        return raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(t->items[i]));
      if (match(sub)) return True;
    }
    return False;
  }
  if (!bytes_like_view(x, &sub))
    return raise_fmt(TypeErrorType, "%s first arg must be bytes or a tuple of bytes, not %s", name, type_name(x));
  return bool_value(match(sub));
}

Value b_startswith(Value* a, int64_t n, TupleObject* k) { return tailmatch(a, n, k, "startswith", false); }
Value b_endswith(Value* a, int64_t n, TupleObject* k) { return tailmatch(a, n, k, "endswith", true); }

// --- splitting, joining, stripping ---

Value list_of_pieces(Value self, const std::vector<std::string_view>& parts) {
  ListObject* l = new_list(0);
  if (!l) return Value();
  for (std::string_view p : parts) {
    Value v = same_kind(self, p);
    if (v.is_empty_slot() || !list_append(l, v)) return Value();
  }
  return Value::from_obj(l);
}

Value split_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, Dir dir) {
  Value a[2];
  if (!args_keywords(name, args + 1, nargs - 1, kw, {"sep", "maxsplit"}, 0, a)) return Value();
  int64_t maxsplit;
  if (!arg_index(a[1], -1, &maxsplit)) return Value();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::string_view v = self_view(args[0]);
  std::vector<std::string_view> parts;
  if (a[0].is_empty_slot() || a[0] == None) {
    int64_t n = static_cast<int64_t>(v.size());
    if (dir == Dir::Forward) {
      int64_t i = 0;
      while (true) {
        while (i < n && is_space_byte(v[i])) ++i;
        if (i == n) break;
        if (maxsplit-- == 0) {
          parts.push_back(v.substr(i));  // the rest, trailing whitespace included
          break;
        }
        int64_t j = i;
        while (j < n && !is_space_byte(v[j])) ++j;
        parts.push_back(v.substr(i, j - i));
        i = j;
      }
    } else {
      int64_t i = n;
      while (true) {
        while (i > 0 && is_space_byte(v[i - 1])) --i;
        if (i == 0) break;
        if (maxsplit-- == 0) {
          parts.push_back(v.substr(0, i));  // the rest, leading whitespace included
          break;
        }
        int64_t j = i;
        while (j > 0 && !is_space_byte(v[j - 1])) --j;
        parts.push_back(v.substr(j, i - j));
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
    return list_of_pieces(args[0], parts);
  }
  std::string_view sep;
  if (!need_bytes_like(a[0], &sep)) return Value();
  if (sep.empty()) return raise_msg(ValueErrorType, "empty separator");
  std::string sep_copy(sep);  // self and sep may be the same bytearray
  if (dir == Dir::Forward) {
    size_t i = 0;
    while (maxsplit-- > 0) {
      size_t pos = v.find(sep_copy, i);
      if (pos == std::string_view::npos) break;
      parts.push_back(v.substr(i, pos - i));
      i = pos + sep_copy.size();
    }
    parts.push_back(v.substr(i));
  } else {
    size_t end = v.size();
    while (maxsplit-- > 0 && end >= sep_copy.size()) {
      size_t pos = v.rfind(sep_copy, end - sep_copy.size());
      if (pos == std::string_view::npos) break;
      parts.push_back(v.substr(pos + sep_copy.size(), end - pos - sep_copy.size()));
      end = pos;
    }
    parts.push_back(v.substr(0, end));
    std::reverse(parts.begin(), parts.end());
  }
  return list_of_pieces(args[0], parts);
}

Value b_split(Value* a, int64_t n, TupleObject* k) { return split_common(a, n, k, "split", Dir::Forward); }
Value b_rsplit(Value* a, int64_t n, TupleObject* k) { return split_common(a, n, k, "rsplit", Dir::Reverse); }

Value b_splitlines(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[1];
  if (!args_keywords("splitlines", args + 1, nargs - 1, kw, {"keepends"}, 0, a)) return Value();
  int keep = 0;
  if (!a[0].is_empty_slot()) {
    keep = is_true(a[0]);
    if (keep < 0) return Value();
  }
  std::string_view v = self_view(args[0]);
  std::vector<std::string_view> parts;
  size_t line = 0, i = 0;
  while (i < v.size()) {
    char c = v[i];
    if (c != '\n' && c != '\r') {
      ++i;
      continue;
    }
    size_t eol = i + 1;
    if (c == '\r' && eol < v.size() && v[eol] == '\n') ++eol;
    parts.push_back(v.substr(line, (keep ? eol : i) - line));
    line = i = eol;
  }
  if (line < v.size()) parts.push_back(v.substr(line));
  return list_of_pieces(args[0], parts);
}

Value b_join(Value* args, int64_t nargs, TupleObject* kw) {
  std::string qual = std::string(kind_name(args[0])) + ".join";
  if (!args_one(qual.c_str(), nargs - 1, kw)) return Value();
  Value seq = sequence_to_tuple(args[1]);
  if (seq.is_empty_slot()) {
    if (pending_matches(TypeErrorType) && get_iter_would_fail(args[1])) {
      clear_exception();
      return raise_msg(TypeErrorType, "can only join an iterable");
    }
    return Value();
  }
  std::string sep(self_view(args[0]));
  TupleObject* t = as_tuple(seq);
  std::string out;
  for (int64_t i = 0; i < t->size; ++i) {
    std::string_view piece;
    if (!buffer_view(t->items[i], &piece))
      return raise_fmt(TypeErrorType, "sequence item %lld: expected a bytes-like object, %s found",
                       static_cast<long long>(i), type_name(t->items[i]));
    if (i) out += sep;
    out.append(piece);
  }
  return same_kind(args[0], out);
}

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, int side) {
  std::string qual = std::string(kind_name(args[0])) + "." + name;
  if (!args_positional(qual.c_str(), name, nargs - 1, kw, 0, 1)) return Value();
  std::string_view v = self_view(args[0]);
  std::string chars;
  bool ws = nargs < 2 || args[1] == None;
  if (!ws) {
    std::string_view c;
    if (!need_bytes_like(args[1], &c)) return Value();
    chars = std::string(c);
  }
  auto strip_it = [&](char c) { return ws ? is_space_byte(c) : chars.find(c) != std::string::npos; };
  size_t b = 0, e = v.size();
  if (side & kLeft)
    while (b < e && strip_it(v[b])) ++b;
  if (side & kRight)
    while (e > b && strip_it(v[e - 1])) --e;
  if (b == 0 && e == v.size() && is_exact(args[0], BytesType)) return args[0];
  return same_kind(args[0], v.substr(b, e - b));
}

Value b_strip(Value* a, int64_t n, TupleObject* k) { return strip_common(a, n, k, "strip", kBoth); }
Value b_lstrip(Value* a, int64_t n, TupleObject* k) { return strip_common(a, n, k, "lstrip", kLeft); }
Value b_rstrip(Value* a, int64_t n, TupleObject* k) { return strip_common(a, n, k, "rstrip", kRight); }

Value partition_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, Dir dir) {
  std::string qual = std::string(kind_name(args[0])) + "." + name;
  if (!args_one(qual.c_str(), nargs - 1, kw)) return Value();
  std::string_view sep;
  if (!need_bytes_like(args[1], &sep)) return Value();
  if (sep.empty()) return raise_msg(ValueErrorType, "empty separator");
  std::string_view v = self_view(args[0]);
  size_t pos = dir == Dir::Forward ? v.find(sep) : v.rfind(sep);
  Value parts[3];
  if (pos == std::string_view::npos) {
    Value whole = same_kind(args[0], v), e1 = same_kind(args[0], ""), e2 = same_kind(args[0], "");
    if (whole.is_empty_slot() || e1.is_empty_slot() || e2.is_empty_slot()) return Value();
    parts[0] = dir == Dir::Forward ? whole : e1;
    parts[1] = dir == Dir::Forward ? e1 : e2;
    parts[2] = dir == Dir::Forward ? e2 : whole;
  } else {
    parts[0] = same_kind(args[0], v.substr(0, pos));
    parts[1] = same_kind(args[0], sep);
    parts[2] = same_kind(args[0], v.substr(pos + sep.size()));
    for (Value p : parts)
      if (p.is_empty_slot()) return Value();
  }
  TupleObject* t = tuple_of({parts[0], parts[1], parts[2]});
  return t ? Value::from_obj(t) : Value();
}

Value b_partition(Value* a, int64_t n, TupleObject* k) { return partition_common(a, n, k, "partition", Dir::Forward); }
Value b_rpartition(Value* a, int64_t n, TupleObject* k) { return partition_common(a, n, k, "rpartition", Dir::Reverse); }

Value affix(Value* args, int64_t nargs, TupleObject* kw, const char* name, bool suffix) {
  std::string qual = std::string(kind_name(args[0])) + "." + name;
  if (!args_one(qual.c_str(), nargs - 1, kw)) return Value();
  std::string_view a;
  if (!need_bytes_like(args[1], &a)) return Value();
  std::string_view v = self_view(args[0]);
  if (!a.empty() && !suffix && v.substr(0, a.size()) == a) return same_kind(args[0], v.substr(a.size()));
  if (!a.empty() && suffix && v.size() >= a.size() && v.substr(v.size() - a.size()) == a)
    return same_kind(args[0], v.substr(0, v.size() - a.size()));
  if (is_exact(args[0], BytesType)) return args[0];
  return same_kind(args[0], v);
}

Value b_removeprefix(Value* a, int64_t n, TupleObject* k) { return affix(a, n, k, "removeprefix", false); }
Value b_removesuffix(Value* a, int64_t n, TupleObject* k) { return affix(a, n, k, "removesuffix", true); }

Value b_replace(Value* args, int64_t nargs, TupleObject* kw) {
  std::string qual = std::string(kind_name(args[0])) + ".replace";
  if (!args_positional(qual.c_str(), "replace", nargs - 1, kw, 2, 3)) return Value();
  std::string_view old_v, new_v;
  if (!need_bytes_like(args[1], &old_v) || !need_bytes_like(args[2], &new_v)) return Value();
  int64_t count;
  if (!arg_index(nargs > 3 ? args[3] : Value(), -1, &count)) return Value();
  if (count < 0) count = INT64_MAX;
  std::string_view v = self_view(args[0]);
  std::string old_s(old_v), rep(new_v), out;
  if (old_s.empty()) {
    size_t i = 0;
    for (; i <= v.size() && count > 0; ++i, --count) {
      out += rep;
      if (i < v.size()) out += v[i];
    }
    if (i < v.size()) out.append(v.substr(i));
    return same_kind(args[0], out);
  }
  size_t i = 0;
  while (count-- > 0) {
    size_t pos = v.find(old_s, i);
    if (pos == std::string_view::npos) break;
    out.append(v.substr(i, pos - i));
    out += rep;
    i = pos + old_s.size();
  }
  out.append(v.substr(i));
  return same_kind(args[0], out);
}

// --- case and predicates (ASCII only, as in CPython) ---

enum class CaseOp { Lower, Upper, Swap, Title, Capitalize };

Value case_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, CaseOp op) {
  std::string qual = std::string(kind_name(args[0])) + "." + name;
  if (!args_none(qual.c_str(), nargs - 1, kw)) return Value();
  std::string out(self_view(args[0]));
  bool prev_cased = false;
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    bool up = is_upper_byte(c), low = is_lower_byte(c);
    bool to_upper = false, to_lower = false;
    switch (op) {
      case CaseOp::Lower: to_lower = up; break;
      case CaseOp::Upper: to_upper = low; break;
      case CaseOp::Swap: to_lower = up; to_upper = low; break;
      case CaseOp::Title: to_upper = low && !prev_cased; to_lower = up && prev_cased; break;
      case CaseOp::Capitalize: to_upper = low && i == 0; to_lower = up && i > 0; break;
    }
    prev_cased = up || low;
    if (to_upper) out[i] = static_cast<char>(c - 32);
    if (to_lower) out[i] = static_cast<char>(c + 32);
  }
  return same_kind(args[0], out);
}

Value b_lower(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "lower", CaseOp::Lower); }
Value b_upper(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "upper", CaseOp::Upper); }
Value b_swapcase(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "swapcase", CaseOp::Swap); }
Value b_title(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "title", CaseOp::Title); }
Value b_capitalize(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "capitalize", CaseOp::Capitalize); }

template <typename Pred>
Value all_bytes(Value* args, int64_t nargs, TupleObject* kw, const char* name, Pred pred) {
  std::string qual = std::string(kind_name(args[0])) + "." + name;
  if (!args_none(qual.c_str(), nargs - 1, kw)) return Value();
  std::string_view v = self_view(args[0]);
  if (v.empty()) return False;
  for (unsigned char c : v)
    if (!pred(c)) return False;
  return True;
}

Value b_isalpha(Value* a, int64_t n, TupleObject* k) { return all_bytes(a, n, k, "isalpha", is_alpha_byte); }
Value b_isdigit(Value* a, int64_t n, TupleObject* k) { return all_bytes(a, n, k, "isdigit", is_digit_byte); }
Value b_isspace(Value* a, int64_t n, TupleObject* k) { return all_bytes(a, n, k, "isspace", is_space_byte); }
Value b_isalnum(Value* a, int64_t n, TupleObject* k) {
  return all_bytes(a, n, k, "isalnum", [](unsigned char c) { return is_alpha_byte(c) || is_digit_byte(c); });
}

Value b_isascii(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytes.isascii", nargs - 1, kw)) return Value();
  for (unsigned char c : self_view(args[0]))
    if (c >= 0x80) return False;
  return True;
}

Value case_test(Value* args, int64_t nargs, TupleObject* kw, const char* name, bool lower) {
  std::string qual = std::string(kind_name(args[0])) + "." + name;
  if (!args_none(qual.c_str(), nargs - 1, kw)) return Value();
  bool cased = false;
  for (unsigned char c : self_view(args[0])) {
    if (lower ? is_upper_byte(c) : is_lower_byte(c)) return False;
    cased |= lower ? is_lower_byte(c) : is_upper_byte(c);
  }
  return bool_value(cased);
}

Value b_islower(Value* a, int64_t n, TupleObject* k) { return case_test(a, n, k, "islower", true); }
Value b_isupper(Value* a, int64_t n, TupleObject* k) { return case_test(a, n, k, "isupper", false); }

Value b_istitle(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("bytes.istitle", nargs - 1, kw)) return Value();
  bool cased = false, prev = false;
  for (unsigned char c : self_view(args[0])) {
    if (is_upper_byte(c)) {
      if (prev) return False;
      prev = cased = true;
    } else if (is_lower_byte(c)) {
      if (!prev) return False;
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return bool_value(cased);
}

// --- padding ---

Value justify(Value* args, int64_t nargs, TupleObject* kw, const char* name, char align) {
  std::string qual = std::string(kind_name(args[0])) + "." + name;
  if (!args_positional(qual.c_str(), name, nargs - 1, kw, 1, 2)) return Value();
  int64_t width;
  if (!arg_index(args[1], 0, &width)) return Value();
  char fill = ' ';
  if (nargs > 2) {
    std::string_view f;
    if (!bytes_like_view(args[2], &f) || f.size() != 1)
      return raise_fmt(TypeErrorType, "%s() argument 2 must be a byte string of length 1, not %s", name,
                       type_name(args[2]));
    fill = f[0];
  }
  std::string_view v = self_view(args[0]);
  int64_t len = static_cast<int64_t>(v.size());
  if (width <= len) return is_exact(args[0], BytesType) ? args[0] : same_kind(args[0], v);
  int64_t marg = width - len;
  int64_t left = align == '<' ? 0 : align == '>' ? marg : marg / 2 + (marg & width & 1);
  std::string out(static_cast<size_t>(left), fill);
  out.append(v);
  out.append(static_cast<size_t>(marg - left), fill);
  return same_kind(args[0], out);
}

Value b_center(Value* a, int64_t n, TupleObject* k) { return justify(a, n, k, "center", '^'); }
Value b_ljust(Value* a, int64_t n, TupleObject* k) { return justify(a, n, k, "ljust", '<'); }
Value b_rjust(Value* a, int64_t n, TupleObject* k) { return justify(a, n, k, "rjust", '>'); }

Value b_zfill(Value* args, int64_t nargs, TupleObject* kw) {
  std::string qual = std::string(kind_name(args[0])) + ".zfill";
  if (!args_one(qual.c_str(), nargs - 1, kw)) return Value();
  int64_t width;
  if (!arg_index(args[1], 0, &width)) return Value();
  std::string_view v = self_view(args[0]);
  if (width <= static_cast<int64_t>(v.size())) return is_exact(args[0], BytesType) ? args[0] : same_kind(args[0], v);
  std::string out(static_cast<size_t>(width - v.size()), '0');
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out.insert(out.begin(), v[0]);
    out.append(v.substr(1));
  } else {
    out.append(v);
  }
  return same_kind(args[0], out);
}

Value b_expandtabs(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[1];
  if (!args_keywords("expandtabs", args + 1, nargs - 1, kw, {"tabsize"}, 0, a)) return Value();
  int64_t tabsize;
  if (!arg_index(a[0], 8, &tabsize)) return Value();
  std::string out;
  int64_t col = 0;
  for (char c : self_view(args[0])) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - col % tabsize;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      out += c;
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return same_kind(args[0], out);
}

// --- hex, fromhex, decode, translate ---

Value b_hex(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!args_keywords("hex", args + 1, nargs - 1, kw, {"sep", "bytes_per_sep"}, 0, a)) return Value();
  std::string sep;
  if (!a[0].is_empty_slot()) {
    std::string_view s;
    if (is_str(a[0])) s = as_str(a[0])->view();
    else if (!bytes_like_view(a[0], &s)) return raise_msg(TypeErrorType, "sep must be str or bytes.");
    if (s.size() != 1) return raise_msg(ValueErrorType, "sep must be length 1.");
    if (static_cast<unsigned char>(s[0]) >= 0x80) return raise_msg(ValueErrorType, "sep must be ASCII.");
    sep = std::string(s);
  }
  int64_t per;
  if (!arg_index(a[1], 1, &per)) return Value();
  std::string_view v = self_view(args[0]);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  int64_t n = static_cast<int64_t>(v.size());
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; ++i) {
    // Separators count groups from the right for a positive bytes_per_sep, from the left otherwise.
    if (i > 0 && !sep.empty() && group > 0 && (per > 0 ? (n - i) % group == 0 : i % group == 0)) out += sep;
    auto c = static_cast<unsigned char>(v[i]);
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return str_value(out);
}

int hex_digit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

Value b_fromhex(Value* args, int64_t nargs, TupleObject* kw) {
  // A classmethod: args[0] is the class.
  auto* cls = static_cast<TypeObject*>(args[0].as_obj());
  std::string qual = std::string(is_bytearray_type(cls) ? "bytearray" : "bytes") + ".fromhex";
  if (!args_one(qual.c_str(), nargs - 1, kw)) return Value();
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "fromhex() argument must be str, not %s", type_name(args[1]));
  std::u32string s = utf8_to_u32(as_str(args[1])->view());
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
      ++i;
      continue;
    }
    int hi = hex_digit(s[i]);
    int lo = i + 1 < s.size() ? hex_digit(s[i + 1]) : -1;
    if (hi < 0 || lo < 0)
      return raise_fmt(ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %lld",
                       static_cast<long long>(hi < 0 ? i : i + 1));
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  Value r = is_bytearray_type(cls) ? new_bytearray(ByteArrayType, out) : bytes_value(out);
  if (r.is_empty_slot() || cls == BytesType || cls == ByteArrayType) return r;
  return call1(args[0], r);
}

Value b_decode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!args_keywords("decode", args + 1, nargs - 1, kw, {"encoding", "errors"}, 0, a)) return Value();
  for (int i = 0; i < 2; ++i)
    if (!a[i].is_empty_slot() && !is_str(a[i]))
      return raise_fmt(TypeErrorType, "decode() argument '%s' must be str, not %s", i == 0 ? "encoding" : "errors",
                       type_name(a[i]));
  std::string data(self_view(args[0]));
  return codec_decode(data, a[0].is_empty_slot() ? "utf-8" : as_str(a[0])->view(),
                      a[1].is_empty_slot() ? "strict" : as_str(a[1])->view());
}

Value b_translate(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!args_keywords("translate", args + 1, nargs - 1, kw, {"table", "delete"}, 1, a, 1)) return Value();
  std::string_view table;
  bool has_table = a[0] != None;
  if (has_table) {
    if (!need_bytes_like(a[0], &table)) return Value();
    if (table.size() != 256) return raise_msg(ValueErrorType, "translation table must be 256 characters long");
  }
  std::string del;
  if (!a[1].is_empty_slot()) {
    std::string_view d;
    if (!need_bytes_like(a[1], &d)) return Value();
    del = std::string(d);
  }
  std::string out;
  for (unsigned char c : self_view(args[0])) {
    if (del.find(static_cast<char>(c)) != std::string::npos) continue;
    out += has_table ? table[c] : static_cast<char>(c);
  }
  return same_kind(args[0], out);
}

Value b_maketrans(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("maketrans", "maketrans", nargs, kw, 2, 2)) return Value();
  std::string_view from, to;
  if (!need_bytes_like(args[0], &from) || !need_bytes_like(args[1], &to)) return Value();
  if (from.size() != to.size()) return raise_msg(ValueErrorType, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return bytes_value(table);
}

void visit_bytes_sub(Object* self, Visitor& v) {
  if (self->type != BytesType) v.visit(static_cast<BytesSubObject*>(self)->value);
}

void visit_bytes_iter(Object* self, Visitor& v) { v.visit(static_cast<SeqIterObject*>(self)->seq); }

}  // namespace

// Methods shared by bytes and bytearray (same implementation, result kind follows self).
const NativeMethodDef kBytesSharedMethods[] = {
    {"__getitem__", bytes_getitem},
    {"__mod__", bytes_mod_m},
    {"__rmod__", bytes_rmod_m},
    {"__len__", bytes_len},
    {"__contains__", bytes_contains},
    {"__iter__", bytes_iter},
    {"__lt__", bytes_lt},
    {"__le__", bytes_le},
    {"__eq__", bytes_eq},
    {"__ne__", bytes_ne},
    {"__gt__", bytes_gt},
    {"__ge__", bytes_ge},
    {"__repr__", bytes_repr_m},
    {"__str__", bytes_repr_m},
    {"__add__", bytes_add},
    {"__mul__", bytes_mul},
    {"__rmul__", bytes_mul},
    {"find", b_find},
    {"rfind", b_rfind},
    {"index", b_index},
    {"rindex", b_rindex},
    {"count", b_count},
    {"startswith", b_startswith},
    {"endswith", b_endswith},
    {"split", b_split},
    {"rsplit", b_rsplit},
    {"splitlines", b_splitlines},
    {"join", b_join},
    {"strip", b_strip},
    {"lstrip", b_lstrip},
    {"rstrip", b_rstrip},
    {"partition", b_partition},
    {"rpartition", b_rpartition},
    {"removeprefix", b_removeprefix},
    {"removesuffix", b_removesuffix},
    {"replace", b_replace},
    {"lower", b_lower},
    {"upper", b_upper},
    {"swapcase", b_swapcase},
    {"title", b_title},
    {"capitalize", b_capitalize},
    {"isalpha", b_isalpha},
    {"isalnum", b_isalnum},
    {"isdigit", b_isdigit},
    {"isspace", b_isspace},
    {"isascii", b_isascii},
    {"islower", b_islower},
    {"isupper", b_isupper},
    {"istitle", b_istitle},
    {"center", b_center},
    {"ljust", b_ljust},
    {"rjust", b_rjust},
    {"zfill", b_zfill},
    {"expandtabs", b_expandtabs},
    {"hex", b_hex},
    {"fromhex", b_fromhex, NativeMethodDef::Kind::ClassMethod},
    {"decode", b_decode},
    {"translate", b_translate},
    {"maketrans", b_maketrans, NativeMethodDef::Kind::StaticMethod},
};
const size_t kBytesSharedMethodCount = std::size(kBytesSharedMethods);

namespace {

const NativeMethodDef kBytesOnlyMethods[] = {
    {"__new__", bytes_new, NativeMethodDef::Kind::StaticMethod},
    {"__hash__", bytes_hash_m},
    {"__getnewargs__", bytes_getnewargs},
    {"__bytes__", bytes_bytes_m},
};

const NativeMethodDef kBytesIterMethods[] = {
    {"__iter__", iter_self},
    {"__next__", bytes_iter_next},
};

}  // namespace

void init_bytearray_methods();  // bytearray_methods.cpp

void init_bytes_methods() {
  add_runtime_root_hook(visit_bytes_roots);
  BytesType->basic_size = sizeof(BytesSubObject);
  BytesType->visit = visit_bytes_sub;
  add_methods(BytesType, kBytesSharedMethods);
  add_methods(BytesType, kBytesOnlyMethods);
  for (TypeObject* t : {BytesIterType, ByteArrayIterType}) {
    t->basic_size = sizeof(SeqIterObject);
    t->visit = visit_bytes_iter;
    add_methods(t, kBytesIterMethods);
  }
  init_bytearray_methods();
  // The constructors' signatures, as help() shows them.
  dict_set_str(BytesType->dict, names::dunder_doc,
               str_value("bytes(iterable_of_ints) -> bytes\n"
                         "bytes(string, encoding[, errors]) -> bytes\n"
                         "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
                         "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
                         "bytes() -> empty bytes object\n\n"
                         "Construct an immutable array of bytes from an iterable of ints in range(256), a str\n"
                         "encoded with the given encoding, any buffer object, or a size."));
  dict_set_str(ByteArrayType->dict, names::dunder_doc,
               str_value("bytearray(iterable_of_ints) -> bytearray\n"
                         "bytearray(string, encoding[, errors]) -> bytearray\n"
                         "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
                         "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
                         "bytearray() -> empty bytes array\n\n"
                         "Construct a mutable bytearray from an iterable of ints in range(256), a str encoded\n"
                         "with the given encoding, any buffer object, or a size."));
}

}  // namespace coil::rt
