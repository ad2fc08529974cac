// operators.cpp — binary and unary operators, rich comparisons, truth and hashing: the
// native fast paths for built-in types, then the dunder protocol (reflected operands,
// subclass priority, NotImplemented) with CPython's error messages.
#include <cmath>
#include <new>
#include <stdexcept>

#include "stdlib/warnings_module.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/complex.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/hashing.h"
#include "runtime/names.h"
#include "runtime/number.h"
#include "runtime/sequence_ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

using fe::BinaryOpKind;
using fe::CompareKind;

namespace {

struct OpNames {
  StrObject** op;
  StrObject** rop;
  StrObject** iop;
  const char* symbol;
};

const OpNames& op_names(BinaryOpKind k) {
  static const OpNames kNames[] = {
      {&names::dunder_add, &names::dunder_radd, &names::dunder_iadd, "+"},
      {&names::dunder_and, &names::dunder_rand, &names::dunder_iand, "&"},
      {&names::dunder_floordiv, &names::dunder_rfloordiv, &names::dunder_ifloordiv, "//"},
      {&names::dunder_lshift, &names::dunder_rlshift, &names::dunder_ilshift, "<<"},
      {&names::dunder_matmul, &names::dunder_rmatmul, &names::dunder_imatmul, "@"},
      {&names::dunder_mul, &names::dunder_rmul, &names::dunder_imul, "*"},
      {&names::dunder_mod, &names::dunder_rmod, &names::dunder_imod, "%"},
      {&names::dunder_or, &names::dunder_ror, &names::dunder_ior, "|"},
      {&names::dunder_pow, &names::dunder_rpow, &names::dunder_ipow, "** or pow()"},
      {&names::dunder_rshift, &names::dunder_rrshift, &names::dunder_irshift, ">>"},
      {&names::dunder_sub, &names::dunder_rsub, &names::dunder_isub, "-"},
      {&names::dunder_truediv, &names::dunder_rtruediv, &names::dunder_itruediv, "/"},
      {&names::dunder_xor, &names::dunder_rxor, &names::dunder_ixor, "^"},
  };
  int i = static_cast<int>(k);
  if (i >= fe::kInplace) i -= fe::kInplace;
  return kNames[i];
}

bool is_builtin_value(Value v) { return v.is_small_int() || !has(v.as_obj()->type, TypeFlag::HeapType); }

// The native implementation of `a op b` for built-in types; NotImplemented if none applies.
Value native_binary(Value a, Value b, BinaryOpKind op) {
  BinaryOpKind plain = static_cast<int>(op) >= fe::kInplace ? static_cast<BinaryOpKind>(static_cast<int>(op) - fe::kInplace) : op;
  if (is_number(a) && is_number(b)) return number_binary(a, b, plain);
  return sequence_binary(a, b, op);
}

// Calls the method `name` of type(obj) (found on the type) with obj and arg.
Value call_dunder(Value method, Value self, Value arg) { return call_special1(method, self, arg); }

bool is_not_impl(Value v) { return v == NotImplemented; }

}  // namespace

namespace {
bool is_callable_dunder(Value m);
bool is_foreign_native(Value m, TypeObject* t);
}

static Value binary_op_impl(Value a, Value b, BinaryOpKind op);

// std::bad_alloc from a C++ container (huge repetitions and the like) becomes MemoryError.
Value binary_op(Value a, Value b, BinaryOpKind op) {
  try {
    return binary_op_impl(a, b, op);
  } catch (const std::bad_alloc&) {
    return raise_memory_error();
  } catch (const std::length_error&) {
    return raise_memory_error();
  }
}

static Value binary_op_impl(Value a, Value b, BinaryOpKind op) {
  if (is_builtin_value(a) && is_builtin_value(b)) {
    // list += / *= and bytearray's work in place (the result is the left operand itself).
    if (static_cast<int>(op) >= fe::kInplace && a.is_obj() && (is_exact(a, ListType) || is_bytearray(a))) {
      Value r = sequence_inplace(a, b, op);
      if (!is_not_impl(r)) return r;
    }
    Value r = native_binary(a, b, op);
    if (!is_not_impl(r)) return r;
  }
  const OpNames& n = op_names(op);
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  bool inplace = static_cast<int>(op) >= fe::kInplace;
  if (inplace && uses_dict_dunders(ta)) {
    Value im = type_lookup(ta, *n.iop);
    if (!im.is_empty_slot()) {
      Value r = call_dunder(im, a, b);
      if (r.is_empty_slot() || !is_not_impl(r)) return r;
    }
  } else if (inplace) {
    Value r = sequence_inplace(a, b, op);
    if (!is_not_impl(r)) return r;
  }
  Value fa = uses_dict_dunders(ta) ? type_lookup(ta, *n.op) : Value();
  Value fb = ta != tb && uses_dict_dunders(tb) ? type_lookup(tb, *n.rop) : Value();
  bool a_native = !uses_dict_dunders(ta) || (!is_callable_dunder(fa) && !is_foreign_native(fa, ta));
  bool b_native = ta == tb || !uses_dict_dunders(tb) || (!is_callable_dunder(fb) && !is_foreign_native(fb, tb));
  // A subclass's reflected method goes first when it overrides the operand's.
  // ... and only when it differs from the left operand's own reflected method (CPython's
  // method_is_overloaded).
  if (!fb.is_empty_slot() && !b_native && is_subtype(tb, ta) && fb != type_lookup(ta, *n.rop)) {
    Value r = call_dunder(fb, b, a);
    if (r.is_empty_slot() || !is_not_impl(r)) return r;
    fb = Value();
  }
  if (!fa.is_empty_slot() && !a_native) {
    Value r = call_dunder(fa, a, b);
    if (r.is_empty_slot() || !is_not_impl(r)) return r;
  } else {
    Value r = native_binary(a, b, op);
    if (r.is_empty_slot() || !is_not_impl(r)) return r;
  }
  if (!fb.is_empty_slot() && !b_native) {
    Value r = call_dunder(fb, b, a);
    if (r.is_empty_slot() || !is_not_impl(r)) return r;
  }
  if (op == BinaryOpKind::Multiply || op == BinaryOpKind::InplaceMultiply) {
    // A sequence times a non-int: CPython's sq_repeat fallback names the other operand.
    auto is_seq = [](Value v) {
      return is_str(v) || is_bytes(v) || is_bytearray(v) || is_list(v) || is_tuple(v);
    };
    if (is_seq(a) || is_seq(b))
      return raise_fmt(TypeErrorType, "can't multiply sequence by non-int of type '%s'",
                       is_seq(a) ? type_name(b) : type_name(a));
  }
  if (inplace)  // "**=", not "** or pow()="
    return raise_fmt(TypeErrorType, "unsupported operand type(s) for %s=: '%s' and '%s'",
                     op == BinaryOpKind::InplacePower ? "**" : n.symbol, ta->name, tb->name);
  if (op == BinaryOpKind::Remainder && is_str(a))
    return raise_msg(TypeErrorType, "not all arguments converted during string formatting");
  return raise_fmt(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", n.symbol, ta->name, tb->name);
}

static Value unary(Value v, StrObject* name, const char* symbol) {
  Value m = lookup_special(v, name);
  if (m.is_empty_slot()) return raise_fmt(TypeErrorType, "bad operand type for unary %s: '%s'", symbol, type_name(v));
  return call_special0(m, v);
}

Value unary_negative(Value v) {
  if (v.is_small_int() || is_exact(v, IntType)) return int_negate(v);
  if (is_float(v)) return float_value(-float_of(v));
  return unary(v, names::dunder_neg, "-");
}

Value unary_positive(Value v) {
  if (v.is_small_int() || is_exact(v, IntType)) return v;
  if (is_float(v)) return v;
  return unary(v, names::dunder_pos, "+");
}

Value unary_invert(Value v) {
  if (v.is_small_int() || is_exact(v, IntType)) return int_invert(v);
  return unary(v, names::dunder_invert, "~");
}

// --- comparisons ---

namespace {

const char* const kCmpSymbol[] = {"<", "<=", "==", "!=", ">", ">="};
StrObject** const kCmpName[] = {&names::dunder_lt, &names::dunder_le, &names::dunder_eq,
                                &names::dunder_ne, &names::dunder_gt, &names::dunder_ge};
constexpr CompareKind kSwapped[] = {CompareKind::Gt, CompareKind::Ge, CompareKind::Eq,
                                    CompareKind::Ne, CompareKind::Lt, CompareKind::Le};

// Is `m` (a dunder found on a type) code to call rather than a built-in the native paths
// implement? Native methods of ExtType types (weakref, deque, ...) are called.
bool is_callable_dunder(Value m) {
  if (m.is_empty_slot()) return false;
  if (!(m.is_obj() && m.as_obj()->type == MethodDescrType)) return true;
  TypeObject* owner = static_cast<MethodDescrObject*>(m.as_obj())->owner;
  return owner && has(owner, TypeFlag::ExtType);
}

// A native method of a type `t` does not inherit (`__eq__ = str.__eq__` in an int subclass)
// is called, and refuses the instance, rather than standing for t's built-in behaviour.
bool is_foreign_native(Value m, TypeObject* t) {
  return m.is_obj() && m.as_obj()->type == MethodDescrType &&
         !is_subtype(t, static_cast<MethodDescrObject*>(m.as_obj())->owner);
}

Value native_compare(Value a, Value b, CompareKind op) {
  if (is_number(a) && is_number(b)) return number_compare(a, b, op);
  Value r = sequence_compare(a, b, op);
  if (r != NotImplemented || is_builtin_value(a) == false) return r;
  // Built-in types whose comparisons live only in their method table (range, slice,
  // bound methods): call the type's own method, never object's.
  Value m = type_lookup(type_of(a), *kCmpName[static_cast<int>(op)]);
  if (m.is_obj() && m.as_obj()->type == MethodDescrType &&
      static_cast<MethodDescrObject*>(m.as_obj())->owner != ObjectType &&
      static_cast<MethodDescrObject*>(m.as_obj())->owner == type_of(a))
    return call2(m, a, b);
  return r;
}

}  // namespace

namespace {

// Calls t's comparison method for op k when it is Python code or an ExtType native's
// (*applied set).
// `!=` on a class that defines only __eq__ is object.__ne__: the inverse of __eq__, with
// NotImplemented passed through.
Value call_compare_method(Value m, TypeObject* t, Value self, Value other) {
  // A descriptor whose __get__ fails counts as no method (CPython's slot_tp_richcompare).
  if (!(m.is_obj() && (m.as_obj()->type == FunctionType || m.as_obj()->type == MethodDescrType))) {
    Value get = type_lookup(type_of(m), names::dunder_get);
    if (!get.is_empty_slot()) {
      Value gargs[3] = {m, self, Value::from_obj(t)};
      Value bound = call(get, gargs, 3);
      if (bound.is_empty_slot()) {
        clear_exception();
        return NotImplemented;
      }
      return call1(bound, other);
    }
  }
  return call_special1(m, self, other);
}

Value call_user_compare(TypeObject* t, int k, Value self, Value other, bool* applied) {
  *applied = false;
  if (!uses_dict_dunders(t)) return Value();
  Value m = type_lookup(t, *kCmpName[k]);
  if (m.is_empty_slot()) return Value();
  if (is_callable_dunder(m) || is_foreign_native(m, t)) {
    *applied = true;
    return call_compare_method(m, t, self, other);
  }
  if (static_cast<CompareKind>(k) != CompareKind::Ne || static_cast<MethodDescrObject*>(m.as_obj())->owner != ObjectType)
    return Value();
  Value eq = type_lookup(t, names::dunder_eq);
  if (!is_callable_dunder(eq)) return Value();
  *applied = true;
  Value r = call_compare_method(eq, t, self, other);
  if (r.is_empty_slot() || r == NotImplemented) return r;
  int truth = is_true(r);
  if (truth < 0) return Value();
  return bool_value(!truth);
}

}  // namespace

namespace {

// x op y for two ints or two doubles (NaN: false for all but !=).
template <typename T>
bool ordered_holds(T x, T y, CompareKind op) {
  switch (op) {
    case CompareKind::Lt: return x < y;
    case CompareKind::Le: return x <= y;
    case CompareKind::Eq: return x == y;
    case CompareKind::Ne: return x != y;
    case CompareKind::Gt: return x > y;
    default: return x >= y;
  }
}

// Lexicographic comparison of two exact tuples: the first unequal pair decides, else the
// lengths (tuples are immutable: no snapshot needed).
Value tuple_compare(TupleObject* a, TupleObject* b, CompareKind op) {
  int64_t na = a->size, nb = b->size;
  if ((op == CompareKind::Eq || op == CompareKind::Ne) && na != nb) return bool_value(op == CompareKind::Ne);
  int64_t n = na < nb ? na : nb;
  for (int64_t i = 0; i < n; ++i) {
    Value x = a->items[i], y = b->items[i];
    if (x == y) continue;
    int eq = equal(x, y);
    if (eq < 0) return Value();
    if (eq) continue;
    if (op == CompareKind::Eq) return False;
    if (op == CompareKind::Ne) return True;
    return rich_compare(x, y, op);
  }
  return bool_value(ordered_holds(na, nb, op));
}

}  // namespace

Value rich_compare(Value a, Value b, CompareKind op) {
  // Same-type small ints, floats, strs and tuples (sort keys, heap entries, dict keys) skip
  // the protocol: their comparisons cannot be overridden.
  if (a.is_small_int() && b.is_small_int()) return bool_value(ordered_holds(a.as_small_int(), b.as_small_int(), op));
  if (a.is_obj() && b.is_obj() && a.as_obj()->type == b.as_obj()->type) {
    TypeObject* t = a.as_obj()->type;
    if (t == FloatType) return bool_value(ordered_holds(float_of(a), float_of(b), op));
    if (t == StrType) {
      if (op == CompareKind::Eq || op == CompareKind::Ne) return bool_value(str_equal(as_str(a), as_str(b)) == (op == CompareKind::Eq));
      int c = as_str(a)->view().compare(as_str(b)->view());  // UTF-8 byte order is code point order
      return bool_value(ordered_holds(c, 0, op));
    }
    if (t == TupleType) return tuple_compare(as_tuple(a), as_tuple(b), op);
  }
  if (is_builtin_value(a) && is_builtin_value(b)) {
    Value r = native_compare(a, b, op);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  }
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  int k = static_cast<int>(op);
  int rk = static_cast<int>(kSwapped[k]);
  bool checked_reverse = false;
  bool applied;
  if (ta != tb && is_subtype(tb, ta)) {
    Value r = call_user_compare(tb, rk, b, a, &applied);
    if (applied) {
      checked_reverse = true;
      if (r.is_empty_slot() || r != NotImplemented) return r;
    }
  }
  Value r = call_user_compare(ta, k, a, b, &applied);
  if (applied) {
    if (r.is_empty_slot() || r != NotImplemented) return r;
  } else {
    r = native_compare(a, b, op);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  }
  if (!checked_reverse) {
    r = call_user_compare(tb, rk, b, a, &applied);
    if (applied) {
      if (r.is_empty_slot() || r != NotImplemented) return r;
    } else if (!is_builtin_value(a) || !is_builtin_value(b)) {
      r = native_compare(b, a, kSwapped[k]);
      if (r.is_empty_slot() || r != NotImplemented) return r;
    }
  }
  if (op == CompareKind::Eq) return bool_value(a == b);
  if (op == CompareKind::Ne) return bool_value(a != b);
  return raise_fmt(TypeErrorType, "'%s' not supported between instances of '%s' and '%s'", kCmpSymbol[k], ta->name,
                   tb->name);
}

int rich_compare_bool(Value a, Value b, CompareKind op) {
  Value r = rich_compare(a, b, op);
  if (r.is_empty_slot()) return -1;
  return is_true(r);
}

int equal(Value a, Value b) {
  if (a == b) return 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  return rich_compare_bool(a, b, CompareKind::Eq);
}

int is_true(Value v) {
  if (v == True) return 1;
  if (v == False || v == None) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  TypeObject* t = v.as_obj()->type;
  if (t == IntType) return 1;  // big ints are never zero
  if (t == FloatType) return float_of(v) != 0.0;
  if (t == ComplexType) return as_complex(v)->real != 0.0 || as_complex(v)->imag != 0.0;
  if (t == StrType) return as_str(v)->nbytes != 0;
  if (t == ListType) return as_list(v)->size != 0;
  if (t == TupleType) return as_tuple(v)->size != 0;
  if (t == DictType) return as_dict(v)->used != 0;
  if (t == SetType || t == FrozenSetType) return as_set(v)->used != 0;
  if (v == NotImplemented) {
    // Still true in 3.11, but deprecated (bpo-35712): it is almost always a misused comparison.
    if (!lib::warn(DeprecationWarningType, "NotImplemented should not be used in a boolean context", 1)) return -1;
    return 1;
  }
  Value b = type_lookup(t, names::dunder_bool);
  if (!b.is_empty_slot()) {
    Value r = call_special0(b, v);
    if (r.is_empty_slot()) return -1;
    if (r == True) return 1;
    if (r == False) return 0;
    raise_fmt(TypeErrorType, "__bool__ should return bool, returned %s", type_name(r));
    return -1;
  }
  Value l = type_lookup(t, names::dunder_len);
  if (!l.is_empty_slot()) {
    int64_t n = length(v);
    return n < 0 ? -1 : n != 0;
  }
  return 1;
}

// What a __hash__ result becomes (CPython's slot_tp_hash): a value that fits a hash is kept
// as it is, so that returning hash(y) gives y's hash; only larger ints are hashed down.
static int64_t hash_from_result(Value r) {
  int64_t h;
  if (!int_to_int64(r, &h)) {
    clear_exception();
    h = int_hash(r);
  }
  return h == -1 ? -2 : h;
}

int64_t hash(Value v) {
  if (is_int(v) && is_builtin_value(v)) return int_hash(v);
  TypeObject* t = v.as_obj()->type;
  if (t == StrType) return str_hash(as_str(v));
  if (t == FloatType || t == ComplexType) return number_hash(v);
  if (is_tuple_layout(t)) return tuple_hash(as_tuple(v));
  if (t == BytesType) return bytes_hash(as_bytes(v));
  if (t == FrozenSetType) return frozenset_hash(as_set(v));
  Value h = type_lookup(t, names::dunder_hash);
  if (h == None || (h.is_empty_slot() && (t == ListType || t == DictType || t == SetType))) {
    raise_fmt(TypeErrorType, "unhashable type: '%s'", t->name);
    return -1;
  }
  // A built-in type's own native __hash__ (range, bound methods) decides; object's is below.
  if (h.is_obj() && h.as_obj()->type == MethodDescrType && !has(t, TypeFlag::HeapType) &&
      static_cast<MethodDescrObject*>(h.as_obj())->owner == t && t != ObjectType && !is_int(v) &&
      !has(t, TypeFlag::StrSubclass)) {
    Value r = call_special0(h, v);
    if (r.is_empty_slot()) return -1;
    if (!is_int(r)) {
      raise_msg(TypeErrorType, "__hash__ method should return an integer");
      return -1;
    }
    return hash_from_result(r);
  }
  if (!is_callable_dunder(h)) {
    if (is_number(v)) return number_hash(v);
    if (has(t, TypeFlag::StrSubclass)) return str_hash(as_str(v));
    // Subclasses of tuple and frozenset that keep the built-in __hash__.
    if (has(t, TypeFlag::TupleSubclass)) return tuple_hash(as_tuple(v));
    if (is_frozenset_type(t)) return frozenset_hash(as_set(v));
    // object.__hash__: the address, rotated like CPython's _Py_HashPointer.
    uint64_t p = v.bits();
    p = (p >> 4) | (p << 60);
    int64_t r = static_cast<int64_t>(p);
    return r == -1 ? -2 : r;
  }
  Value r = call_special0(h, v);
  if (r.is_empty_slot()) return -1;
  if (!is_int(r)) {
    raise_msg(TypeErrorType, "__hash__ method should return an integer");
    return -1;
  }
  return hash_from_result(r);
}

Value index(Value v) {
  if (is_int(v)) return int_exact(v);
  Value m = lookup_special(v, names::dunder_index);
  if (m.is_empty_slot())
    return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
  Value r = call_special0(m, v);
  if (r.is_empty_slot()) return r;
  if (!is_int(r)) return raise_fmt(TypeErrorType, "__index__ returned non-int (type %s)", type_name(r));
  return int_exact(r);
}

bool as_int64(Value v, int64_t* out, bool* overflow) {
  *overflow = false;
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  if (!int_to_int64(i, out)) *overflow = true;
  return true;
}

}  // namespace coil::rt
