// sequence_ops.cpp — concatenation, repetition, comparison and hashing of str, bytes,
// list and tuple; index and slice normalisation.
#include "runtime/sequence_ops.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/hashing.h"
#include "runtime/pending_features.h"
#include "runtime/formatting.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

using fe::BinaryOpKind;
using fe::CompareKind;

namespace {

// n for `seq * n`; false with the exception pending (OverflowError/TypeError).
bool repeat_count(Value n, int64_t* out) {
  bool overflow;
  if (!as_int64(n, out, &overflow)) return false;
  if (overflow) {
    if (int_sign(n) < 0) {
      *out = 0;
      return true;
    }
    raise_fmt(OverflowErrorType, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (*out < 0) *out = 0;
  return true;
}

Value concat_items(TypeObject* type, const Value* a, int64_t na, const Value* b, int64_t nb) {
  if (type == TupleType) {
    TupleObject* t = new_tuple(na + nb);
    if (!t) return Value();
    std::copy(a, a + na, t->items);
    std::copy(b, b + nb, t->items + na);
    return Value::from_obj(t);
  }
  ListObject* l = new_list(na + nb);
  if (!l) return Value();
  std::copy(a, a + na, l->items());
  std::copy(b, b + nb, l->items() + na);
  return Value::from_obj(l);
}

Value repeat_items(TypeObject* type, const Value* a, int64_t na, int64_t n) {
  if (na && n > (int64_t(1) << 56) / na) return raise_memory_error();
  int64_t total = na * n;
  if (type == TupleType) {
    TupleObject* t = new_tuple(total);
    if (!t) return Value();
    for (int64_t i = 0; i < n; ++i) std::copy(a, a + na, t->items + i * na);
    return Value::from_obj(t);
  }
  ListObject* l = new_list(total);
  if (!l) return Value();
  for (int64_t i = 0; i < n; ++i) std::copy(a, a + na, l->items() + i * na);
  return Value::from_obj(l);
}

bool seq_items(Value v, TypeObject* type, Value** items, int64_t* n) {
  if (type == TupleType) {
    *items = as_tuple(v)->items;
    *n = as_tuple(v)->size;
  } else {
    *items = as_list(v)->items();
    *n = as_list(v)->size;
  }
  return true;
}

}  // namespace

// The exact str / bytes a str or bytes subclass instance stands for (others unchanged), so
// the native paths below serve subclasses whose operators are inherited.
static Value exact_text(Value v) {
  if (!v.is_obj()) return v;
  TypeObject* t = v.as_obj()->type;
  if (t == StrType || t == BytesType) return v;
  if (has(t, TypeFlag::StrSubclass)) return Value::from_obj(as_str(v));
  if (has(t, TypeFlag::BytesSubclass)) return Value::from_obj(as_bytes(v));
  return v;
}

Value sequence_binary(Value a, Value b, BinaryOpKind op) {
  // `str % arg`: the argument keeps its type (a str subclass's __str__ is what %s shows).
  BinaryOpKind plain_op = static_cast<int>(op) >= fe::kInplace ? static_cast<BinaryOpKind>(static_cast<int>(op) - fe::kInplace) : op;
  if (plain_op == BinaryOpKind::Remainder && is_str(a)) return str_percent_format(exact_text(a), b);
  if (plain_op == BinaryOpKind::Remainder && (is_bytes(a) || is_bytearray(a))) return bytes_percent_format(a, b);
  a = exact_text(a);
  b = exact_text(b);
  if (!is_exact(a, BytesType) || !is_exact(b, BytesType)) {
    Value r = bytes_binary(a, b, op);
    if (r != NotImplemented) return r;
  }
  BinaryOpKind plain = plain_op;
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  if (plain == BinaryOpKind::Add) {
    if (ta == StrType && tb == StrType) {
      StrObject* x = as_str(a);
      StrObject* y = as_str(b);
      if (y->nbytes == 0) return a;
      if (x->nbytes == 0) return b;
      std::string s;
      s.reserve(x->nbytes + y->nbytes);
      s.append(x->view());
      s.append(y->view());
      return str_value(s);
    }
    if (ta == BytesType && tb == BytesType) {
      std::string s(as_bytes(a)->view());
      s.append(as_bytes(b)->view());
      BytesObject* r = new_bytes(s);
      return r ? Value::from_obj(r) : Value();
    }
    if ((ta == ListType || ta == TupleType) && ta == tb) {
      Value *ia, *ib;
      int64_t na, nb;
      seq_items(a, ta, &ia, &na);
      seq_items(b, tb, &ib, &nb);
      return concat_items(ta, ia, na, ib, nb);
    }
    if (ta == StrType && !has(tb, TypeFlag::HeapType) && tb != StrType)
      return raise_fmt(TypeErrorType, "can only concatenate str (not \"%s\") to str", tb->name);
    // (list += iterable is sequence_inplace's: binary_op tries the plain form first.)
    if (ta == ListType && op == plain && (tb == TupleType || tb == StrType || tb == DictType))
      return raise_fmt(TypeErrorType, "can only concatenate list (not \"%s\") to list", tb->name);
    if (ta == TupleType && (tb == ListType || tb == StrType))
      return raise_fmt(TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", tb->name);
    return container_binary(a, b, op);
  }
  if (plain == BinaryOpKind::Multiply) {
    Value seq = a, n = b;
    if (is_int(a) && !is_int(b)) std::swap(seq, n);
    if (!is_int(n)) return container_binary(a, b, op);
    TypeObject* ts = type_of(seq);
    int64_t count;
    if (ts == StrType) {
      if (!repeat_count(n, &count)) return Value();
      StrObject* s = as_str(seq);
      if (count == 0 || s->nbytes == 0) return str_value("");
      if (count == 1) return seq;
      if (s->nbytes > ((int64_t(1) << 56) / count)) return raise_memory_error();
      std::string out;
      out.reserve(s->nbytes * count);
      for (int64_t i = 0; i < count; ++i) out.append(s->view());
      return str_value(out);
    }
    if (ts == BytesType) {
      if (!repeat_count(n, &count)) return Value();
      BytesObject* s = as_bytes(seq);
      if (count == 1) return seq;  // immutable: CPython hands back the same object
      if (s->size && count > ((int64_t(1) << 56) / s->size)) return raise_memory_error();
      std::string out;
      for (int64_t i = 0; i < count; ++i) out.append(s->view());
      BytesObject* r = new_bytes(out);
      return r ? Value::from_obj(r) : Value();
    }
    if (ts == ListType || ts == TupleType) {
      if (!repeat_count(n, &count)) return Value();
      Value* items;
      int64_t size;
      seq_items(seq, ts, &items, &size);
      if (ts == TupleType && count == 1) return seq;  // immutable: the same object, as CPython
      return repeat_items(ts, items, size, count);
    }
    if ((ts == StrType || ts == ListType || ts == TupleType) && !is_int(n))
      return raise_fmt(TypeErrorType, "can't multiply sequence by non-int of type '%s'", type_name(n));
    return container_binary(a, b, op);
  }
  if (plain == BinaryOpKind::Remainder && ta == StrType) return str_percent_format(a, b);
  return container_binary(a, b, op);
}

Value sequence_inplace(Value a, Value b, BinaryOpKind op) {
  if (is_bytearray(a)) return bytes_binary(a, b, op);
  if (!is_exact(a, ListType)) return container_inplace(a, b, op);
  ListObject* l = as_list(a);
  if (op == BinaryOpKind::InplaceAdd) {
    if (!list_extend(l, b)) {
      if (pending_matches(TypeErrorType) && get_iter_would_fail(b)) {
        clear_exception();
        raise_fmt(TypeErrorType, "'%s' object is not iterable", type_name(b));
      }
      return Value();
    }
    return a;
  }
  if (op == BinaryOpKind::InplaceMultiply && is_int(b)) {
    int64_t count;
    if (!repeat_count(b, &count)) return Value();
    int64_t n = l->size;
    if (n && count > (int64_t(1) << 56) / n) return raise_memory_error();
    if (!list_reserve(l, n * count)) return Value();
    for (int64_t i = 1; i < count; ++i) std::copy(l->items(), l->items() + n, l->items() + i * n);
    l->size = n * count;
    return a;
  }
  return NotImplemented;
}

namespace {

// CPython's PyObject_LengthHint for a class instance: len() if it has one, else its
// __length_hint__ (found on the type, bound like any special method); -1 with an error.
int64_t class_length_hint(Value v, int64_t fallback) {
  TypeObject* t = type_of(v);
  if (!type_lookup(t, names::dunder_len).is_empty_slot()) {
    int64_t n = length(v);
    if (n >= 0) return n;
    if (!pending_matches(TypeErrorType)) return -1;
    clear_exception();
  }
  Value m = type_lookup(t, intern("__length_hint__"));
  if (m.is_empty_slot()) return fallback;
  Value r = call_special0(m, v);
  if (r.is_empty_slot()) {
    if (!pending_matches(TypeErrorType)) return -1;
    clear_exception();
    return fallback;
  }
  if (r == NotImplemented) return fallback;
  if (!is_int(r)) {
    raise_fmt(TypeErrorType, "__length_hint__ must be an integer, not %s", type_name(r));
    return -1;
  }
  int64_t n = 0;
  if (!int_to_int64(r, &n)) {
    raise_msg(OverflowErrorType, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    raise_msg(ValueErrorType, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

}  // namespace

bool list_extend(ListObject* l, Value iterable) {
  if (is_exact(iterable, ListType) || is_exact(iterable, TupleType)) {
    Value* items;
    int64_t n;
    seq_items(iterable, type_of(iterable), &items, &n);
    if (!list_reserve(l, l->size + n)) return false;
    // items may alias l's own storage (l.extend(l)): copy by index after reserving.
    Value* src = is_exact(iterable, ListType) ? as_list(iterable)->items() : items;
    std::copy(src, src + n, l->items() + l->size);
    l->size += n;
    return true;
  }
  Value it = get_iter(iterable);
  if (it.is_empty_slot()) return false;
  if (uses_dict_dunders(type_of(iterable))) {
    int64_t hint = class_length_hint(iterable, 8);
    if (hint < 0) return false;
    // The hint only pre-sizes the list; a wrong one costs nothing but memory.
    if (hint > 0 && hint < (int64_t{1} << 20) && !list_reserve(l, l->size + hint)) return false;
  }
  while (true) {
    bool done = false;
    Value v = iter_next(it, &done);
    if (done) return true;
    if (v.is_empty_slot() || !list_append(l, v)) return false;
  }
}

namespace {

bool cmp_holds(int c, CompareKind op) {
  switch (op) {
    case CompareKind::Lt: return c < 0;
    case CompareKind::Le: return c <= 0;
    case CompareKind::Eq: return c == 0;
    case CompareKind::Ne: return c != 0;
    case CompareKind::Gt: return c > 0;
    default: return c >= 0;
  }
}

// Lexicographic comparison of two item arrays with Python's rules (first unequal pair
// decides with the requested op; else lengths).
Value compare_items(const Value* a, int64_t na, const Value* b, int64_t nb, CompareKind op) {
  if ((op == CompareKind::Eq || op == CompareKind::Ne) && na != nb) return bool_value(op == CompareKind::Ne);
  int64_t i = 0;
  for (; i < na && i < nb; ++i) {
    int eq = equal(a[i], b[i]);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= na || i >= nb) return bool_value(cmp_holds((na > nb) - (na < nb), op));
  if (op == CompareKind::Eq) return False;
  if (op == CompareKind::Ne) return True;
  return rich_compare(a[i], b[i], op);
}

// compare_items for two lists, which __eq__ may change while they are compared: items are
// read afresh at each step and the lengths decide at the end as they are then (CPython's
// list_richcompare). Each pair is held in locals, so the collector sees them meanwhile.
Value compare_lists(ListObject* a, ListObject* b, CompareKind op) {
  if ((op == CompareKind::Eq || op == CompareKind::Ne) && a->size != b->size) return bool_value(op == CompareKind::Ne);
  int64_t i = 0;
  for (; i < a->size && i < b->size; ++i) {
    Value x = a->items()[i], y = b->items()[i];
    if (x == y) continue;
    int eq = equal(x, y);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= a->size || i >= b->size) return bool_value(cmp_holds((a->size > b->size) - (a->size < b->size), op));
  if (op == CompareKind::Eq) return False;
  if (op == CompareKind::Ne) return True;
  return rich_compare(a->items()[i], b->items()[i], op);
}

}  // namespace

Value sequence_compare(Value a, Value b, CompareKind op) {
  a = exact_text(a);
  b = exact_text(b);
  if (is_bytearray(a) || is_bytearray(b)) return bytes_richcompare(a, b, op);
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  if (is_tuple_layout(ta) && is_tuple_layout(tb)) ta = tb = TupleType;
  if (ta != tb) return container_compare(a, b, op);
  if (ta == StrType || ta == BytesType) {
    std::string_view x = ta == StrType ? as_str(a)->view() : as_bytes(a)->view();
    std::string_view y = ta == StrType ? as_str(b)->view() : as_bytes(b)->view();
    // UTF-8 byte order equals code point order.
    int c = x.compare(y);
    return bool_value(cmp_holds((c > 0) - (c < 0), op));
  }
  if (ta == ListType || ta == TupleType) {
    Value *ia, *ib;
    int64_t na, nb;
    seq_items(a, ta, &ia, &na);
    seq_items(b, tb, &ib, &nb);
    if (ta == ListType) return compare_lists(as_list(a), as_list(b), op);
    return compare_items(ia, na, ib, nb, op);
  }
  return container_compare(a, b, op);
}

int64_t tuple_hash(TupleObject* t) {
  // CPython 3.11's tuplehash (an xxHash-derived combination over the item hashes).
  constexpr uint64_t kPrime1 = 11400714785074694791ULL, kPrime2 = 14029467366897019727ULL,
                     kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; ++i) {
    int64_t h = hash(t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kPrime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

int64_t bytes_hash(BytesObject* b) {
  if (b->hash == -1) b->hash = hash_bytes(b->view().data(), b->view().size());
  return b->hash;
}

bool normalize_index(Value index_value, int64_t size, int64_t* out, const char* what) {
  int64_t i;
  bool overflow;
  if (!as_int64(index_value, &i, &overflow)) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      if (std::string_view(what) == "string")  // str's own wording since 3.11
        raise_fmt(TypeErrorType, "string indices must be integers, not '%s'", type_name(index_value));
      else
        raise_fmt(TypeErrorType, "%s indices must be integers or slices, not %s", what, type_name(index_value));
    }
    return false;
  }
  if (overflow) {
    raise_fmt(IndexErrorType, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    raise_fmt(IndexErrorType, "%s index out of range", what);
    return false;
  }
  *out = i;
  return true;
}

void visit_slice(Object* self, Visitor& v) {
  auto* s = static_cast<SliceObject*>(self);
  v.visit(s->start);
  v.visit(s->stop);
  v.visit(s->step);
}

Value new_slice(Value start, Value stop, Value step) {
  auto* s = static_cast<SliceObject*>(allocate_object(SliceType, sizeof(SliceObject)));
  if (!s) return raise_memory_error();
  s->start = start;
  s->stop = stop;
  s->step = step;
  return Value::from_obj(s);
}

namespace {

// A slice bound as int64, clamped (big values saturate like CPython's _PyEval_SliceIndex).
bool slice_bound(Value v, int64_t* out) {
  if (!is_int(v) && lookup_special(v, intern("__index__")).is_empty_slot()) {
    raise_msg(TypeErrorType, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  bool overflow;
  if (!as_int64(v, out, &overflow)) return false;
  if (overflow) *out = int_sign(index(v)) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  return true;
}

}  // namespace

bool slice_indices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step, int64_t* count) {
  auto* s = static_cast<SliceObject*>(slice.as_obj());
  if (s->step == None) {
    *step = 1;
  } else {
    if (!slice_bound(s->step, step)) return false;
    if (*step == 0) {
      raise_msg(ValueErrorType, "slice step cannot be zero");
      return false;
    }
  }
  bool neg = *step < 0;
  if (s->start == None) {
    *start = neg ? length - 1 : 0;
  } else {
    if (!slice_bound(s->start, start)) return false;
    if (*start < 0) {
      *start += length;
      if (*start < 0) *start = neg ? -1 : 0;
    } else if (*start >= length) {
      *start = neg ? length - 1 : length;
    }
  }
  if (s->stop == None) {
    *stop = neg ? -1 : length;
  } else {
    if (!slice_bound(s->stop, stop)) return false;
    if (*stop < 0) {
      *stop += length;
      if (*stop < 0) *stop = neg ? -1 : 0;
    } else if (*stop >= length) {
      *stop = neg ? length - 1 : length;
    }
  }
  if (neg) *count = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  else *count = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  return true;
}

}  // namespace coil::rt

namespace coil::rt {

bool list_set_slice(ListObject* l, Value slice, Value value) {
  int64_t start, stop, step, count;
  if (!slice_indices(slice, l->size, &start, &stop, &step, &count)) return false;
  std::vector<Value> repl;
  if (!value.is_empty_slot()) {
    Value it = get_iter(value);
    if (it.is_empty_slot()) {
      if (pending_matches(TypeErrorType)) {
        clear_exception();
        raise_msg(TypeErrorType, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
      }
      return false;
    }
    while (true) {
      bool done = false;
      Value v = iter_next(it, &done);
      if (done) break;
      if (v.is_empty_slot()) return false;
      repl.push_back(v);
    }
  }
  if (step == 1) {
    if (stop < start) stop = start;
    int64_t removed = stop - start;
    int64_t added = static_cast<int64_t>(repl.size());
    int64_t new_size = l->size - removed + added;
    if (!list_reserve(l, new_size)) return false;
    Value* items = l->items();
    if (added != removed) std::memmove(items + start + added, items + stop, (l->size - stop) * sizeof(Value));
    std::copy(repl.begin(), repl.end(), items + start);
    for (int64_t i = new_size; i < l->size; ++i) items[i] = Value();
    l->size = new_size;
    return true;
  }
  if (value.is_empty_slot()) {
    // Delete an extended slice: keep the items not selected.
    std::vector<Value> keep;
    std::vector<bool> drop(l->size, false);
    for (int64_t i = 0; i < count; ++i) drop[start + i * step] = true;
    for (int64_t i = 0; i < l->size; ++i)
      if (!drop[i]) keep.push_back(l->items()[i]);
    std::copy(keep.begin(), keep.end(), l->items());
    for (int64_t i = static_cast<int64_t>(keep.size()); i < l->size; ++i) l->items()[i] = Value();
    l->size = static_cast<int64_t>(keep.size());
    return true;
  }
  if (static_cast<int64_t>(repl.size()) != count) {
    raise_fmt(ValueErrorType, "attempt to assign sequence of size %zu to extended slice of size %lld", repl.size(),
              static_cast<long long>(count));
    return false;
  }
  for (int64_t i = 0; i < count; ++i) l->items()[start + i * step] = repl[i];
  return true;
}

}  // namespace coil::rt
