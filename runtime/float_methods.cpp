// float_methods.cpp — the methods of float: construction (float(x) from str/bytes/
// __float__/__index__), every numeric dunder, and is_integer/as_integer_ratio/hex/fromhex.
#include <cmath>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/float_format.h"
#include "runtime/hashing.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/number.h"
#include "runtime/number_parse.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

using K = fe::BinaryOpKind;

double self_of(Value* args) { return float_of(args[0]); }

bool no_args(const char* name, int64_t nargs, TupleObject* kw) { return check_args(name, nargs - 1, kw, 0, 0); }

Value pair(Value a, Value b) {
  if (a.is_empty_slot() || b.is_empty_slot()) return Value();
  TupleObject* t = tuple_of({a, b});
  return t ? Value::from_obj(t) : Value();
}

// float(text) for str and bytes; `shown` is the argument's repr for the error.
Value parse_text(TypeObject* type, std::string_view text, const std::string& shown) {
  double d;
  if (!parse_float(ascii_numeric_text(text), &d))
    return raise_fmt(ValueErrorType, "could not convert string to float: %s", shown.c_str());
  return float_subclass_new(type, d);
}

// The keywords a built-in constructor refuses are allowed only when a subclass brings its own
// __init__ (CPython checks `type->tp_init == base->tp_init`).
bool init_is_inherited(TypeObject* type, TypeObject* base) {
  return type == base || type_lookup(type, names::dunder_init) == type_lookup(base, names::dunder_init);
}

Value float_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (kwnames && kwnames->size && init_is_inherited(type, FloatType))
    return raise_msg(TypeErrorType, "float() takes no keyword arguments");
  if (nargs > 2) return raise_fmt(TypeErrorType, "float expected at most 1 argument, got %lld", static_cast<long long>(nargs - 1));
  if (nargs == 1) return float_subclass_new(type, 0.0);
  Value x = args[1];
  if (is_exact(x, StrType)) return parse_text(type, as_str(x)->view(), str_repr(as_str(x)->view()));
  Value f = number_float(x);
  if (f.is_empty_slot()) return f;
  if (type == FloatType) return f;
  return float_subclass_new(type, float_of(f));
}

// float op other for the dunders: NotImplemented unless other is an int or float.
Value float_op(Value a, Value b, K op) { return float_binary(a, b, op); }

Value float_pow_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs < 2 || nargs > 3 || (kw && kw->size))
    return raise_fmt(TypeErrorType, "expected 1 or 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  if (nargs == 3 && args[2] != None)
    return raise_msg(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
  return float_binary(args[0], args[1], K::Power);
}
Value float_rpow_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs < 2 || nargs > 3 || (kw && kw->size))
    return raise_fmt(TypeErrorType, "expected 1 or 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  if (nargs == 3 && args[2] != None)
    return raise_msg(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
  return float_binary(args[1], args[0], K::Power);
}

Value divmod_of(Value a, Value b) {
  if (!(is_float_instance(a) || is_int(a)) || !(is_float_instance(b) || is_int(b))) return NotImplemented;
  double x, y;
  if (!to_double(a, &x) || !to_double(b, &y)) return Value();
  return float_divmod_value(x, y);
}
Value float_divmod_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs != 2) return binary_method_arity_error(nargs, kw);
  return divmod_of(args[0], args[1]);
}
Value float_rdivmod_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs != 2) return binary_method_arity_error(nargs, kw);
  return divmod_of(args[1], args[0]);
}

Value float_neg_m(Value* args, int64_t, TupleObject*) { return float_value(-self_of(args)); }
Value float_pos_m(Value* args, int64_t, TupleObject*) { return float_value(self_of(args)); }
Value float_abs_m(Value* args, int64_t, TupleObject*) { return float_value(std::fabs(self_of(args))); }
Value float_bool_m(Value* args, int64_t, TupleObject*) { return bool_value(self_of(args) != 0.0); }
Value float_int_m(Value* args, int64_t, TupleObject*) { return int_from_float_value(self_of(args)); }
Value float_float_m(Value* args, int64_t, TupleObject*) {
  return is_float(args[0]) ? args[0] : float_value(self_of(args));
}
Value float_floor_m(Value* args, int64_t, TupleObject*) { return int_from_float_value(std::floor(self_of(args))); }
Value float_ceil_m(Value* args, int64_t, TupleObject*) { return int_from_float_value(std::ceil(self_of(args))); }
Value float_hash_m(Value* args, int64_t, TupleObject*) { return int_from_int64(hash_double(self_of(args), args[0].as_obj())); }
Value float_repr_m(Value* args, int64_t, TupleObject*) { return str_value(float_repr(self_of(args))); }
Value float_format_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__format__", nargs - 1, kw, 1, 1)) return Value();
  return number_format(args[0], args[1]);
}
Value float_getnewargs(Value* args, int64_t, TupleObject*) {
  Value f = float_value(self_of(args));
  if (f.is_empty_slot()) return f;
  TupleObject* t = tuple_of({f});
  return t ? Value::from_obj(t) : Value();
}

Value float_round_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__round__", nargs - 1, kw, 0, 1)) return Value();
  double x = self_of(args);
  if (nargs == 1 || args[1] == None) return int_from_float_value(float_round_half_even(x));
  Value nd = index(args[1]);
  if (nd.is_empty_slot()) return nd;
  int64_t n;
  // Past +-2**62 digits every double rounds to itself / to zero; clamp to stay in range.
  if (!int_to_int64(nd, &n)) n = int_sign(nd) > 0 ? (int64_t(1) << 62) : -(int64_t(1) << 62);
  double r;
  if (float_round(x, n, &r) != NumStatus::ok) return raise_msg(OverflowErrorType, "rounded value too large to represent");
  return float_value(r);
}

template <fe::CompareKind Op>
Value float_cmp_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs != 2) return binary_method_arity_error(nargs, kw);
  if (!is_float_instance(args[1]) && !is_int(args[1])) return NotImplemented;
  return number_compare(args[0], args[1], Op);
}

Value float_is_integer_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("is_integer", nargs, kw)) return Value();
  return bool_value(float_is_integer(self_of(args)));
}
Value float_as_integer_ratio_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("as_integer_ratio", nargs, kw)) return Value();
  double x = self_of(args);
  if (std::isinf(x)) return raise_msg(OverflowErrorType, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return raise_msg(ValueErrorType, "cannot convert NaN to integer ratio");
  BigInt n, d;
  float_as_integer_ratio(x, &n, &d);
  return pair(int_from_bigint(n), int_from_bigint(d));
}
Value float_hex_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("hex", nargs, kw)) return Value();
  return str_value(float_hex(self_of(args)));
}
Value float_fromhex_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("fromhex", nargs - 1, kw, 1, 1)) return Value();
  if (!is_str(args[1])) return raise_msg(TypeErrorType, "bad argument type for built-in operation");
  double d;
  switch (float_fromhex(as_str(args[1])->view(), &d)) {
    case NumStatus::ok: break;
    case NumStatus::overflow: return raise_msg(OverflowErrorType, "hexadecimal value too large to represent as a float");
    default: return raise_msg(ValueErrorType, "invalid hexadecimal floating-point string");
  }
  Value f = float_value(d);
  if (f.is_empty_slot() || args[0] == Value::from_obj(FloatType)) return f;
  return call1(args[0], f);
}
Value float_conjugate_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_args("conjugate", nargs, kw)) return Value();
  return float_float_m(args, nargs, kw);
}
Value float_getformat_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__getformat__", nargs - 1, kw, 1, 1)) return Value();
  if (!is_str(args[1])) return raise_fmt(TypeErrorType, "__getformat__() argument must be str, not %s", type_name(args[1]));
  std::string_view s = as_str(args[1])->view();
  if (s != "double" && s != "float")
    return raise_msg(ValueErrorType, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_value("IEEE, little-endian");
}

Value float_real(Value self) { return is_float(self) ? self : float_value(float_of(self)); }
Value float_imag(Value) { return float_value(0.0); }

template <fe::CompareKind Op>
constexpr NativeMethodDef cmp_def(const char* name) { return {name, float_cmp_m<Op>}; }

const NativeMethodDef kFloatMethods[] = {
    {"__new__", float_new, NativeMethodDef::Kind::StaticMethod},
    {"__add__", binary_method<float_op, K::Add, false>},
    {"__radd__", binary_method<float_op, K::Add, true>},
    {"__sub__", binary_method<float_op, K::Subtract, false>},
    {"__rsub__", binary_method<float_op, K::Subtract, true>},
    {"__mul__", binary_method<float_op, K::Multiply, false>},
    {"__rmul__", binary_method<float_op, K::Multiply, true>},
    {"__truediv__", binary_method<float_op, K::TrueDivide, false>},
    {"__rtruediv__", binary_method<float_op, K::TrueDivide, true>},
    {"__floordiv__", binary_method<float_op, K::FloorDivide, false>},
    {"__rfloordiv__", binary_method<float_op, K::FloorDivide, true>},
    {"__mod__", binary_method<float_op, K::Remainder, false>},
    {"__rmod__", binary_method<float_op, K::Remainder, true>},
    {"__pow__", float_pow_m},
    {"__rpow__", float_rpow_m},
    {"__divmod__", float_divmod_m},
    {"__rdivmod__", float_rdivmod_m},
    {"__neg__", float_neg_m},
    {"__pos__", float_pos_m},
    {"__abs__", float_abs_m},
    {"__bool__", float_bool_m},
    {"__int__", float_int_m},
    {"__float__", float_float_m},
    {"__trunc__", float_int_m},
    {"__floor__", float_floor_m},
    {"__ceil__", float_ceil_m},
    {"__round__", float_round_m},
    {"__hash__", float_hash_m},
    {"__repr__", float_repr_m},
    {"__format__", float_format_m},
    {"__getnewargs__", float_getnewargs},
    {"__getformat__", float_getformat_m, NativeMethodDef::Kind::ClassMethod},
    cmp_def<fe::CompareKind::Lt>("__lt__"),
    cmp_def<fe::CompareKind::Le>("__le__"),
    cmp_def<fe::CompareKind::Eq>("__eq__"),
    cmp_def<fe::CompareKind::Ne>("__ne__"),
    cmp_def<fe::CompareKind::Gt>("__gt__"),
    cmp_def<fe::CompareKind::Ge>("__ge__"),
    {"is_integer", float_is_integer_m},
    {"as_integer_ratio", float_as_integer_ratio_m},
    {"hex", float_hex_m},
    {"fromhex", float_fromhex_m, NativeMethodDef::Kind::ClassMethod},
    {"conjugate", float_conjugate_m},
};

const NativeGetSetDef kFloatGetSets[] = {
    {"real", float_real, nullptr, "the real part of a complex number"},
    {"imag", float_imag, nullptr, "the imaginary part of a complex number"},
};

}  // namespace

void init_float_methods() {
  FloatType->basic_size = sizeof(FloatObject);
  add_methods(FloatType, kFloatMethods);
  add_getsets(FloatType, kFloatGetSets);
}

}  // namespace coil::rt
