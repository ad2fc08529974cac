// containers.cpp — the container rules behind the generic operations: reprs of list,
// tuple, dict, set and the views; operators and comparisons that involve subclasses,
// dicts, sets and views (sequence_ops.cpp handles exact list/tuple/str/bytes first).
#include "runtime/containers.h"

#include <algorithm>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/dict_views.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"

namespace coil::rt {

Value generic_alias_repr(Value v);  // generic_alias.cpp: empty when v is not an alias

using fe::BinaryOpKind;
using fe::CompareKind;

namespace {

std::vector<Object*>& repr_stack() {
  static thread_local std::vector<Object*> stack;
  return stack;
}

bool items_repr(std::string& out, const Value* items, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    std::string s;
    if (!repr_string(items[i], &s)) return false;
    out += s;
  }
  return true;
}

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

// Lexicographic comparison: the first unequal pair decides with `op`, else the lengths.
// Items are read through the accessor each step: a list may change under __eq__.
template <class Get>
Value compare_items(Get get_a, int64_t (*len_a)(Value), Value a, Get get_b, int64_t (*len_b)(Value), Value b,
                    CompareKind op) {
  int64_t na = len_a(a), nb = len_b(b);
  if ((op == CompareKind::Eq || op == CompareKind::Ne) && na != nb) return bool_value(op == CompareKind::Ne);
  int64_t i = 0;
  for (; i < len_a(a) && i < len_b(b); ++i) {
    Value x = get_a(a, i), y = get_b(b, i);
    int eq = equal(x, y);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  na = len_a(a);
  nb = len_b(b);
  if (i >= na || i >= nb) return bool_value(cmp_holds((na > nb) - (na < nb), op));
  if (op == CompareKind::Eq) return False;
  if (op == CompareKind::Ne) return True;
  return rich_compare(get_a(a, i), get_b(b, i), op);
}

Value seq_at(Value s, int64_t i) { return is_list(s) ? as_list(s)->items()[i] : as_tuple(s)->items[i]; }
int64_t seq_len(Value s) { return is_list(s) ? as_list(s)->size : as_tuple(s)->size; }

Value concat(Value a, Value b, bool tuple) {
  int64_t na = seq_len(a), nb = seq_len(b);
  if (tuple) {
    if (nb == 0 && is_exact(a, TupleType)) return a;
    if (na == 0 && is_exact(b, TupleType)) return b;
    TupleObject* t = new_tuple(na + nb);
    if (!t) return Value();
    for (int64_t i = 0; i < na; ++i) t->items[i] = seq_at(a, i);
    for (int64_t i = 0; i < nb; ++i) t->items[na + i] = seq_at(b, i);
    return Value::from_obj(t);
  }
  ListObject* l = new_list(na + nb);
  if (!l) return Value();
  for (int64_t i = 0; i < na; ++i) l->items()[i] = seq_at(a, i);
  for (int64_t i = 0; i < nb; ++i) l->items()[na + i] = seq_at(b, i);
  return Value::from_obj(l);
}

Value repeat(Value seq, Value n, bool tuple) {
  int64_t count;
  bool overflow;
  if (!as_int64(n, &count, &overflow)) return Value();
  if (overflow) {
    if (int_sign(index(n)) >= 0) return raise_msg(OverflowErrorType, "cannot fit 'int' into an index-sized integer");
    count = 0;
  }
  if (count < 0) count = 0;
  int64_t len = seq_len(seq);
  if (tuple && count == 1 && is_exact(seq, TupleType)) return seq;
  if (len && count > (int64_t(1) << 56) / len) return raise_memory_error();
  Value r;
  Value* dst;
  if (tuple) {
    TupleObject* t = new_tuple(len * count);
    if (!t) return Value();
    r = Value::from_obj(t);
    dst = t->items;
  } else {
    ListObject* l = new_list(len * count);
    if (!l) return Value();
    r = Value::from_obj(l);
    dst = l->items();
  }
  for (int64_t k = 0; k < count; ++k)
    for (int64_t i = 0; i < len; ++i) dst[k * len + i] = seq_at(seq, i);
  return r;
}

bool is_index_like(Value v) { return is_int(v) || !lookup_special(v, intern("__index__")).is_empty_slot(); }

}  // namespace

ReprGuard::ReprGuard(Object* o) : obj(o) {
  for (Object* p : repr_stack())
    if (p == o) recursive = true;
  if (!recursive) repr_stack().push_back(o);
}

ReprGuard::~ReprGuard() {
  if (!recursive) repr_stack().pop_back();
}

Value list_repr(Value v) {
  ReprGuard guard(v.as_obj());
  if (guard.recursive) return str_value("[...]");
  ListObject* l = as_list(v);
  if (l->size == 0) return str_value("[]");
  if (!enter_call(" while getting the repr of an object")) return Value();
  std::string out = "[";
  bool ok = true;
  for (int64_t i = 0; ok && i < l->size; ++i) {  // the list may change under a repr
    if (i) out += ", ";
    std::string s;
    ok = repr_string(l->items()[i], &s);
    out += s;
  }
  leave_call();
  if (!ok) return Value();
  return str_value(out + "]");
}

Value tuple_repr(Value v) {
  TupleObject* t = as_tuple(v);
  if (t->size == 0) return str_value("()");
  ReprGuard guard(v.as_obj());
  if (guard.recursive) return str_value("(...)");
  if (!enter_call(" while getting the repr of an object")) return Value();
  std::string out = "(";
  bool ok = items_repr(out, t->items, t->size);
  leave_call();
  if (!ok) return Value();
  if (t->size == 1) out += ",";
  return str_value(out + ")");
}

Value dict_repr(Value v) {
  ReprGuard guard(v.as_obj());
  if (guard.recursive) return str_value("{...}");
  DictObject* d = as_dict(v);
  if (d->used == 0) return str_value("{}");
  if (!enter_call(" while getting the repr of an object")) return Value();
  std::string out = "{";
  int64_t pos = 0;
  Value key, value;
  bool first = true, ok = true;
  while (ok && dict_next(d, &pos, &key, &value)) {
    if (!first) out += ", ";
    first = false;
    std::string s;
    ok = repr_string(key, &s);
    out += s + ": ";
    ok = ok && repr_string(value, &s);
    out += s;
  }
  leave_call();
  if (!ok) return Value();
  return str_value(out + "}");
}

Value container_repr(Value v, TypeObject* solid) {
  if (solid == ListType) return list_repr(v);
  if (solid == TupleType) return tuple_repr(v);
  if (solid == DictType) return dict_repr(v);
  if (solid == SetType || solid == FrozenSetType) return set_repr(v);
  if (is_dict_view_type(solid)) return dict_view_repr(v);
  return generic_alias_repr(v);
}

Value container_binary(Value a, Value b, BinaryOpKind op) {
  int k = static_cast<int>(op);
  BinaryOpKind plain = k >= fe::kInplace ? static_cast<BinaryOpKind>(k - fe::kInplace) : op;
  // Mutable containers do in-place ops in container_inplace (reached after this fails).
  if (k >= fe::kInplace && (is_dict(a) || (a.is_obj() && is_set_type(a.as_obj()->type)))) return NotImplemented;
  if (is_anyset(a) && is_anyset(b)) return set_binary(a, b, plain);
  if ((a.is_obj() && is_dict_view_type(a.as_obj()->type)) || (b.is_obj() && is_dict_view_type(b.as_obj()->type)))
    return dict_view_binary(a, b, plain);
  if (plain == BinaryOpKind::Or && is_dict(a) && is_dict(b)) return dict_or(a, b);
  if (plain == BinaryOpKind::Add) {
    if (is_list(a) && is_list(b)) return concat(a, b, false);
    if (is_tuple(a) && is_tuple(b)) return concat(a, b, true);
  }
  if (plain == BinaryOpKind::Multiply) {
    if ((is_list(a) || is_tuple(a)) && is_index_like(b) && !is_list(b) && !is_tuple(b)) return repeat(a, b, is_tuple(a));
    if ((is_list(b) || is_tuple(b)) && is_index_like(a)) return repeat(b, a, is_tuple(b));
    // seq * x where x is a built-in non-int (a class may still define __rmul__).
    auto is_seq = [](Value v) { return is_list(v) || is_tuple(v) || is_exact(v, StrType); };
    auto builtin_nonint = [](Value v) { return !has(type_of(v), TypeFlag::HeapType) && !is_index_like(v); };
    if ((is_seq(a) && builtin_nonint(b)) || (is_seq(b) && builtin_nonint(a) && !is_seq(a)))
      return raise_fmt(TypeErrorType, "can't multiply sequence by non-int of type '%s'",
                       type_name(is_seq(a) && builtin_nonint(b) ? b : a));
  }
  return NotImplemented;
}

Value container_inplace(Value a, Value b, BinaryOpKind op) {
  if (a.is_obj() && is_set_type(a.as_obj()->type)) return set_inplace(a, b, op);
  if (op == BinaryOpKind::InplaceOr && is_dict(a)) {
    // d |= x accepts any mapping or iterable of pairs, but not e.g. an int.
    return dict_inplace_or(a, b);
  }
  return NotImplemented;
}

Value container_compare(Value a, Value b, CompareKind op) {
  if (is_list(a) && is_list(b))
    return compare_items(seq_at, seq_len, a, seq_at, seq_len, b, op);
  if (is_tuple(a) && is_tuple(b))
    return compare_items(seq_at, seq_len, a, seq_at, seq_len, b, op);
  if (is_dict(a) && is_dict(b)) return dict_richcompare(a, b, op);
  if (is_anyset(a) && is_anyset(b)) return set_richcompare(a, b, op);
  Value r = dict_view_compare(a, b, op);
  if (r != NotImplemented) return r;
  if (b.is_obj() && is_dict_view_type(b.as_obj()->type)) {
    static constexpr CompareKind kSwapped[] = {CompareKind::Gt, CompareKind::Ge, CompareKind::Eq,
                                               CompareKind::Ne, CompareKind::Lt, CompareKind::Le};
    return dict_view_compare(b, a, kSwapped[static_cast<int>(op)]);
  }
  return NotImplemented;
}

}  // namespace coil::rt
