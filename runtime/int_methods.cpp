// int_methods.cpp — the methods of int and bool: construction (int(x), int(s, base),
// bool(x)), every numeric dunder, and bit_length/to_bytes/from_bytes/... with CPython's errors.
#include <cmath>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/hashing.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/warnings_module.h"

namespace coil::rt {

namespace {

using K = fe::BinaryOpKind;

// Binds positional and keyword arguments of a method to `names` (after self). The first
// `npos_max` parameters may be positional; the rest are keyword-only. Missing ones stay
// empty. CPython's argument-clinic messages.
bool bind_args(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames,
               std::initializer_list<const char*> names, int64_t npos_max, Value* out) {
  int64_t npos = nargs - 1;
  int64_t nkw = kwnames ? kwnames->size : 0;
  int64_t total = static_cast<int64_t>(names.size());
  if (npos + nkw > total) {
    raise_fmt(TypeErrorType, "%s() takes at most %lld argument%s (%lld given)", fname, static_cast<long long>(total),
              total == 1 ? "" : "s", static_cast<long long>(npos + nkw));
    return false;
  }
  if (npos > npos_max) {
    if (nkw == 0 && npos_max == total)
      raise_fmt(TypeErrorType, "%s() takes at most %lld argument%s (%lld given)", fname,
                static_cast<long long>(total), total == 1 ? "" : "s", static_cast<long long>(npos));
    else if (npos + nkw > total)
      raise_fmt(TypeErrorType, "%s() takes at most %lld arguments (%lld given)", fname,
                static_cast<long long>(total), static_cast<long long>(npos + nkw));
    else
      raise_fmt(TypeErrorType, "%s() takes at most %lld positional argument%s (%lld given)", fname,
                static_cast<long long>(npos_max), npos_max == 1 ? "" : "s", static_cast<long long>(npos));
    return false;
  }
  for (int64_t i = 0; i < npos; ++i) out[i] = args[1 + i];
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    int64_t idx = 0;
    bool found = false;
    for (const char* n : names) {
      if (key == n) {
        found = true;
        break;
      }
      ++idx;
    }
    if (!found) {
      raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for %s()", std::string(key).c_str(), fname);
      return false;
    }
    if (idx < npos) {
      raise_fmt(TypeErrorType, "argument for %s() given by name ('%s') and position (%lld)", fname,
                std::string(key).c_str(), static_cast<long long>(idx + 1));
      return false;
    }
    out[idx] = args[nargs + k];
  }
  return true;
}

Value self_int(Value* args) { return int_exact(args[0]); }

Value pair(Value a, Value b) {
  if (a.is_empty_slot() || b.is_empty_slot()) return Value();
  TupleObject* t = tuple_of({a, b});
  return t ? Value::from_obj(t) : Value();
}

// int op int for the dunders: NotImplemented unless both are ints.
Value int_op(Value a, Value b, K op) {
  if (!is_int(a) || !is_int(b)) return NotImplemented;
  return int_binary(a, b, op);
}
// The same for bool's & | ^, which keep bools bools.
Value bool_op(Value a, Value b, K op) {
  if (!is_int(a) || !is_int(b)) return NotImplemented;
  return number_binary(a, b, op);
}

bool no_args(const char* name, int64_t nargs, TupleObject* kw) {
  return check_args(name, nargs - 1, kw, 0, 0);
}

// --- construction ---------------------------------------------------------------------------

// An int-returning conversion dunder's result as an exact int: a strict subclass is accepted
// with CPython's DeprecationWarning, anything else is a TypeError.
Value exact_int_result(Value r, const char* dunder) {
  if (r.is_empty_slot() || is_exact(r, IntType)) return r;
  if (!is_int(r)) return raise_fmt(TypeErrorType, "%s returned non-int (type %s)", dunder, type_name(r));
  std::string msg = std::string(dunder) + " returned non-int (type " + type_name(r) +
                    ").  The ability to return an instance of a strict subclass of int is deprecated, and may be "
                    "removed in a future version of Python.";
  if (!lib::warn(DeprecationWarningType, msg, 1)) return Value();
  return int_exact(r);
}

// int(x) for x without a base (PyNumber_Long): __int__, __index__, __trunc__, then text and
// buffers.
Value int_from_object(Value x) {
  if (is_exact(x, IntType)) return x;
  if (is_exact(x, FloatType)) return int_from_float_value(float_of(x));
  Value m = lookup_special(x, names::dunder_int);
  if (!m.is_empty_slot()) return exact_int_result(call1(m, x), "__int__");
  m = lookup_special(x, names::dunder_index);
  if (!m.is_empty_slot()) return exact_int_result(call1(m, x), "__index__");
  m = lookup_special(x, names::dunder_trunc);
  if (!m.is_empty_slot()) {
    if (!lib::warn(DeprecationWarningType, "The delegation of int() to __trunc__ is deprecated.", 1)) return Value();
    Value r = call1(m, x);
    if (r.is_empty_slot()) return r;
    if (is_int(r)) return int_exact(r);
    Value i = lookup_special(r, names::dunder_index);
    if (i.is_empty_slot())
      return raise_fmt(TypeErrorType, "__trunc__ returned non-Integral (type %s)", type_name(r));
    return index(r);
  }
  if (is_str(x)) return int_parse_for_constructor(as_str(x)->view(), 10, str_repr(as_str(x)->view()));
  std::string_view data;
  if (buffer_view(x, &data)) {
    std::string copy(data);  // the view may not outlive a call that runs Python code
    return int_parse_for_constructor(copy, 10, bytes_repr(copy));
  }
  if (has_pending_exception()) return Value();
  return raise_fmt(TypeErrorType,
                   "int() argument must be a string, a bytes-like object or a real number, not '%s'", type_name(x));
}

Value int_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (type == BoolType || (type != IntType && !is_subtype(type, IntType)))
    return raise_fmt(TypeErrorType, "int.__new__(%s) is not safe, use %s.__new__()", type->name, type->name);
  int64_t npos = nargs - 1, nkw = kwnames ? kwnames->size : 0;
  if (npos + nkw > 2)
    return raise_fmt(TypeErrorType, "int() takes at most 2 arguments (%lld given)", static_cast<long long>(npos + nkw));
  Value x = npos >= 1 ? args[1] : Value(), base = npos >= 2 ? args[2] : Value();
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    if (key != "base")
      return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for int()", std::string(key).c_str());
    if (npos >= 2) return raise_msg(TypeErrorType, "argument for int() given by name ('base') and position (2)");
    base = args[nargs + k];
  }
  Value result;
  if (base.is_empty_slot()) {
    result = x.is_empty_slot() ? Value::from_small_int(0) : int_from_object(x);
  } else {
    if (x.is_empty_slot()) return raise_msg(TypeErrorType, "int() missing string argument");
    Value b = index(base);
    if (b.is_empty_slot()) return b;
    int64_t bv;
    if (!int_to_int64(b, &bv) || (bv != 0 && (bv < 2 || bv > 36)))
      return raise_msg(ValueErrorType, "int() base must be >= 2 and <= 36, or 0");
    int ib = static_cast<int>(bv);
    if (is_str(x)) result = int_parse_for_constructor(as_str(x)->view(), ib, str_repr(as_str(x)->view()));
    else if (is_bytes(x)) result = int_parse_for_constructor(as_bytes(x)->view(), ib, bytes_repr(as_bytes(x)->view()));
    else if (is_bytearray(x))
      result = int_parse_for_constructor(as_bytearray(x)->view(), ib, bytes_repr(as_bytearray(x)->view()));
    else return raise_msg(TypeErrorType, "int() can't convert non-string with explicit base");
  }
  if (result.is_empty_slot()) return result;
  return int_subclass_new(type, result);
}

Value bool_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "bool() takes no keyword arguments");
  if (nargs > 2) return raise_fmt(TypeErrorType, "bool expected at most 1 argument, got %lld", static_cast<long long>(nargs - 1));
  if (nargs == 1) return False;
  int t = is_true(args[1]);
  return t < 0 ? Value() : bool_value(t);
}

// --- dunders --------------------------------------------------------------------------------

Value int_pow_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs < 2 || nargs > 3 || (kw && kw->size))
    return raise_fmt(TypeErrorType, "expected 1 or 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  if (!is_int(args[1])) return NotImplemented;
  if (nargs == 3 && args[2] != None) {
    if (!is_int(args[2])) return NotImplemented;
    return int_pow_mod(args[0], args[1], args[2]);
  }
  return int_binary(args[0], args[1], K::Power);
}
Value int_rpow_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs < 2 || nargs > 3 || (kw && kw->size))
    return raise_fmt(TypeErrorType, "expected 1 or 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  if (!is_int(args[1])) return NotImplemented;
  if (nargs == 3 && args[2] != None) {
    if (!is_int(args[2])) return NotImplemented;
    return int_pow_mod(args[1], args[0], args[2]);
  }
  return int_binary(args[1], args[0], K::Power);
}
Value int_divmod_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs != 2) return binary_method_arity_error(nargs, kw);
  return is_int(args[1]) ? int_divmod(args[0], args[1]) : NotImplemented;
}
Value int_rdivmod_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs != 2) return binary_method_arity_error(nargs, kw);
  return is_int(args[1]) ? int_divmod(args[1], args[0]) : NotImplemented;
}

Value int_neg_m(Value* args, int64_t, TupleObject*) { return int_negate(args[0]); }
Value int_pos_m(Value* args, int64_t, TupleObject*) { return self_int(args); }
Value int_invert_m(Value* args, int64_t, TupleObject*) { return int_invert(args[0]); }
Value int_abs_m(Value* args, int64_t, TupleObject*) { return int_abs(args[0]); }
Value int_bool_m(Value* args, int64_t, TupleObject*) { return bool_value(!int_is_zero(args[0])); }
Value int_float_m(Value* args, int64_t, TupleObject*) {
  double d;
  return int_as_double(args[0], &d) ? float_value(d) : Value();
}
Value int_hash_m(Value* args, int64_t, TupleObject*) { return int_from_int64(int_hash(args[0])); }
Value int_repr_m(Value* args, int64_t, TupleObject*) { return int_repr(args[0]); }
Value bool_repr_m(Value* args, int64_t, TupleObject*) { return str_value(args[0] == True ? "True" : "False"); }
Value int_format_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__format__", nargs - 1, kw, 1, 1)) return Value();
  return number_format(args[0], args[1]);
}
Value int_getnewargs(Value* args, int64_t, TupleObject*) {
  TupleObject* t = tuple_of({self_int(args)});
  return t ? Value::from_obj(t) : Value();
}

Value int_round_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__round__", nargs - 1, kw, 0, 1)) return Value();
  if (nargs == 1 || args[1] == None) return self_int(args);
  Value nd = index(args[1]);
  if (nd.is_empty_slot()) return nd;
  int64_t n;
  if (!int_to_int64(nd, &n)) return int_sign(nd) > 0 ? self_int(args) : Value::from_small_int(0);
  return int_from_bigint(int_round(int_to_bigint(args[0]), n));
}

template <fe::CompareKind Op>
Value int_cmp_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs != 2) return binary_method_arity_error(nargs, kw);
  if (!is_int(args[1])) return NotImplemented;
  return number_compare(args[0], args[1], Op);
}

// --- methods --------------------------------------------------------------------------------

Value int_bit_length(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("bit_length", nargs, kw)) return Value();
  return int_from_uint64(int_to_bigint(args[0]).bit_length());
}
Value int_bit_count(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("bit_count", nargs, kw)) return Value();
  return int_from_uint64(int_to_bigint(args[0]).bit_count());
}
Value int_as_integer_ratio(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("as_integer_ratio", nargs, kw)) return Value();
  return pair(self_int(args), Value::from_small_int(1));
}
Value int_conjugate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("conjugate", nargs, kw)) return Value();
  return self_int(args);
}

// byteorder argument: true for little-endian; false with ValueError/TypeError pending.
bool parse_byteorder(const char* fname, Value v, bool* little) {
  if (v.is_empty_slot()) {
    *little = false;
    return true;
  }
  if (!is_str(v)) {
    raise_fmt(TypeErrorType, "%s() argument 'byteorder' must be str, not %s", fname, type_name(v));
    return false;
  }
  std::string_view s = as_str(v)->view();
  if (s != "little" && s != "big") {
    raise_msg(ValueErrorType, "byteorder must be either 'little' or 'big'");
    return false;
  }
  *little = s == "little";
  return true;
}

Value int_to_bytes_m(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[3];
  if (!bind_args("to_bytes", args, nargs, kw, {"length", "byteorder", "signed"}, 2, a)) return Value();
  int64_t length = 1;
  if (!a[0].is_empty_slot()) {
    bool overflow;
    if (!as_int64(a[0], &length, &overflow)) return Value();
    if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    if (length < 0) return raise_msg(ValueErrorType, "length argument must be non-negative");
  }
  bool little;
  if (!parse_byteorder("to_bytes", a[1], &little)) return Value();
  int is_signed = 0;
  if (!a[2].is_empty_slot() && (is_signed = is_true(a[2])) < 0) return Value();
  std::string out;
  switch (to_bytes(int_to_bigint(args[0]), static_cast<size_t>(length), little, is_signed, &out)) {
    case NumStatus::ok: break;
    case NumStatus::negative_unsigned: return raise_msg(OverflowErrorType, "can't convert negative int to unsigned");
    default: return raise_msg(OverflowErrorType, "int too big to convert");
  }
  BytesObject* b = new_bytes(out);
  return b ? Value::from_obj(b) : Value();
}

Value int_from_bytes_m(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[3];
  if (!bind_args("from_bytes", args, nargs, kw, {"bytes", "byteorder", "signed"}, 2, a)) return Value();
  if (a[0].is_empty_slot()) return raise_msg(TypeErrorType, "from_bytes() missing required argument 'bytes' (pos 1)");
  bool little;
  if (!parse_byteorder("from_bytes", a[1], &little)) return Value();
  int is_signed = 0;
  if (!a[2].is_empty_slot() && (is_signed = is_true(a[2])) < 0) return Value();
  std::string data;
  Value src = a[0];
  std::string_view buffer;
  Value bytes_method = is_exact(src, BytesType) ? Value() : lookup_special(src, names::dunder_bytes);
  if (!bytes_method.is_empty_slot()) {  // PyObject_Bytes: __bytes__ before the buffer
    Value b = call1(bytes_method, src);
    if (b.is_empty_slot()) return b;
    if (!is_bytes(b)) return raise_fmt(TypeErrorType, "__bytes__ returned non-bytes (type %s)", type_name(b));
    data = as_bytes(b)->view();
  } else if (has_pending_exception()) {
    return Value();
  } else if (buffer_view(src, &buffer)) {
    data = buffer;
  } else if (is_str(src) || is_int(src) || is_float_instance(src) || src == None) {
    return raise_fmt(TypeErrorType, "cannot convert '%s' object to bytes", type_name(src));
  } else {
    Value it = get_iter(src);
    if (it.is_empty_slot()) {
      clear_exception();
      return raise_fmt(TypeErrorType, "cannot convert '%s' object to bytes", type_name(src));
    }
    while (true) {
      bool done = false;
      Value x = iter_next(it, &done);
      if (done) break;
      if (x.is_empty_slot()) return x;
      int64_t byte;
      bool overflow;
      if (!as_int64(x, &byte, &overflow)) return Value();
      if (overflow || byte < 0 || byte > 255) return raise_msg(ValueErrorType, "bytes must be in range(0, 256)");
      data += static_cast<char>(byte);
    }
  }
  BigInt v = from_bytes(reinterpret_cast<const uint8_t*>(data.data()), data.size(), little, is_signed);
  Value r = int_from_bigint(v);
  if (r.is_empty_slot()) return r;
  auto* cls = static_cast<TypeObject*>(args[0].as_obj());
  if (cls == IntType) return r;
  return call1(args[0], r);
}

Value int_real(Value self) { return int_exact(self); }
Value int_imag(Value) { return Value::from_small_int(0); }
Value int_denominator(Value) { return Value::from_small_int(1); }

template <fe::CompareKind Op>
constexpr NativeMethodDef cmp_def(const char* name) { return {name, int_cmp_m<Op>}; }

const NativeMethodDef kIntMethods[] = {
    {"__new__", int_new, NativeMethodDef::Kind::StaticMethod},
    {"__add__", binary_method<int_op, K::Add, false>},
    {"__radd__", binary_method<int_op, K::Add, true>},
    {"__sub__", binary_method<int_op, K::Subtract, false>},
    {"__rsub__", binary_method<int_op, K::Subtract, true>},
    {"__mul__", binary_method<int_op, K::Multiply, false>},
    {"__rmul__", binary_method<int_op, K::Multiply, true>},
    {"__truediv__", binary_method<int_op, K::TrueDivide, false>},
    {"__rtruediv__", binary_method<int_op, K::TrueDivide, true>},
    {"__floordiv__", binary_method<int_op, K::FloorDivide, false>},
    {"__rfloordiv__", binary_method<int_op, K::FloorDivide, true>},
    {"__mod__", binary_method<int_op, K::Remainder, false>},
    {"__rmod__", binary_method<int_op, K::Remainder, true>},
    {"__lshift__", binary_method<int_op, K::LShift, false>},
    {"__rlshift__", binary_method<int_op, K::LShift, true>},
    {"__rshift__", binary_method<int_op, K::RShift, false>},
    {"__rrshift__", binary_method<int_op, K::RShift, true>},
    {"__and__", binary_method<int_op, K::And, false>},
    {"__rand__", binary_method<int_op, K::And, true>},
    {"__or__", binary_method<int_op, K::Or, false>},
    {"__ror__", binary_method<int_op, K::Or, true>},
    {"__xor__", binary_method<int_op, K::Xor, false>},
    {"__rxor__", binary_method<int_op, K::Xor, true>},
    {"__pow__", int_pow_m},
    {"__rpow__", int_rpow_m},
    {"__divmod__", int_divmod_m},
    {"__rdivmod__", int_rdivmod_m},
    {"__neg__", int_neg_m},
    {"__pos__", int_pos_m},
    {"__invert__", int_invert_m},
    {"__abs__", int_abs_m},
    {"__bool__", int_bool_m},
    {"__index__", int_pos_m},
    {"__int__", int_pos_m},
    {"__float__", int_float_m},
    {"__trunc__", int_pos_m},
    {"__floor__", int_pos_m},
    {"__ceil__", int_pos_m},
    {"__round__", int_round_m},
    {"__hash__", int_hash_m},
    {"__repr__", int_repr_m},
    {"__format__", int_format_m},
    {"__getnewargs__", int_getnewargs},
    cmp_def<fe::CompareKind::Lt>("__lt__"),
    cmp_def<fe::CompareKind::Le>("__le__"),
    cmp_def<fe::CompareKind::Eq>("__eq__"),
    cmp_def<fe::CompareKind::Ne>("__ne__"),
    cmp_def<fe::CompareKind::Gt>("__gt__"),
    cmp_def<fe::CompareKind::Ge>("__ge__"),
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"to_bytes", int_to_bytes_m},
    {"from_bytes", int_from_bytes_m, NativeMethodDef::Kind::ClassMethod},
    {"as_integer_ratio", int_as_integer_ratio},
    {"conjugate", int_conjugate},
};

const NativeGetSetDef kIntGetSets[] = {
    {"real", int_real, nullptr, "the real part of a complex number"},
    {"imag", int_imag, nullptr, "the imaginary part of a complex number"},
    {"numerator", int_real, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", int_denominator, nullptr, "the denominator of a rational number in lowest terms"},
};

const NativeMethodDef kBoolMethods[] = {
    {"__new__", bool_new, NativeMethodDef::Kind::StaticMethod},
    {"__repr__", bool_repr_m},
    {"__and__", binary_method<bool_op, K::And, false>},
    {"__rand__", binary_method<bool_op, K::And, true>},
    {"__or__", binary_method<bool_op, K::Or, false>},
    {"__ror__", binary_method<bool_op, K::Or, true>},
    {"__xor__", binary_method<bool_op, K::Xor, false>},
    {"__rxor__", binary_method<bool_op, K::Xor, true>},
};

// An int subclass instance holds its value (an IntObject, possibly) past the header;
// the exact int and bool layouts hold no references.
void visit_int(Object* self, Visitor& v) {
  if (self->type != IntType && self->type != BoolType) v.visit(static_cast<IntSubObject*>(self)->value);
}

}  // namespace

void init_int_methods() {
  IntType->basic_size = sizeof(IntSubObject);
  IntType->visit = visit_int;
  add_methods(IntType, kIntMethods);
  add_getsets(IntType, kIntGetSets);
  add_methods(BoolType, kBoolMethods);
}

}  // namespace coil::rt
