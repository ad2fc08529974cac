// complex.cpp — the complex type: values, arithmetic with CPython's special cases, and
// the type's methods (construction from numbers and strings, dunders, real/imag).
#include "runtime/complex.h"

#include <cerrno>
#include <cmath>

#include "runtime/abstract.h"
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
#include "runtime/bytes.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct Cx {
  double re, im;
};

Cx mul(Cx a, Cx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Smith's algorithm: divide by the larger of |b.re|, |b.im| first so intermediate
// products neither overflow nor lose precision. *zero set for a zero divisor.
Cx quot(Cx a, Cx b, bool* zero) {
  *zero = false;
  double abr = std::fabs(b.re), abi = std::fabs(b.im);
  if (abr >= abi) {
    if (abr == 0.0) {
      *zero = true;
      return {0, 0};
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abi >= abr) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};  // a nan in the divisor
}

// x ** n for n >= 0 by binary exponentiation (what CPython does for small integral powers).
Cx pow_unsigned(Cx x, long n) {
  Cx r{1, 0}, p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = mul(r, p);
    p = mul(p, p);
  }
  return r;
}

// Converts an int/float/complex operand; false (no exception) when `v` is not a number,
// false with OverflowError pending for an int too big for a float.
bool to_cx(Value v, Cx* out, bool* error) {
  *error = false;
  if (is_complex_instance(v)) {
    *out = {as_complex(v)->real, as_complex(v)->imag};
    return true;
  }
  if (is_float_instance(v)) {
    *out = {float_of(v), 0.0};
    return true;
  }
  if (is_int(v)) {
    double d;
    if (!int_as_double(v, &d)) {
      *error = true;
      return false;
    }
    *out = {d, 0.0};
    return true;
  }
  return false;
}

}  // namespace

bool is_complex_instance(Value v) {
  if (!v.is_obj()) return false;
  TypeObject* t = v.as_obj()->type;
  return t == ComplexType || (has(t, TypeFlag::HeapType) && is_subtype(t, ComplexType));
}

Value complex_value(double real, double imag) {
  auto* c = static_cast<ComplexObject*>(allocate_object(ComplexType, sizeof(ComplexObject)));
  if (!c) return raise_memory_error();
  c->real = real;
  c->imag = imag;
  return Value::from_obj(c);
}

Value complex_subclass_new(TypeObject* type, double real, double imag) {
  if (type == ComplexType) return complex_value(real, imag);
  Object* o = type->alloc ? type->alloc(type) : nullptr;
  if (!o) return has_pending_exception() ? Value() : raise_memory_error();
  static_cast<ComplexObject*>(o)->real = real;
  static_cast<ComplexObject*>(o)->imag = imag;
  return Value::from_obj(o);
}

bool complex_abs(double re, double im, double* out) {
  if (std::isinf(re) || std::isinf(im)) {
    *out = HUGE_VAL;
    return true;
  }
  if (std::isnan(re) || std::isnan(im)) {
    *out = NAN;
    return true;
  }
  double r = std::hypot(re, im);
  if (std::isinf(r)) {
    raise_msg(OverflowErrorType, "absolute value too large");
    return false;
  }
  *out = r;
  return true;
}

Value complex_power(double ar, double ai, double br, double bi) {
  Cx a{ar, ai}, r;
  // CPython decides the error from errno as libm leaves it (cos(inf) sets EDOM, so an
  // infinite base with a fractional exponent is a "ZeroDivisionError").
  errno = 0;
  if (bi == 0.0 && br == std::floor(br) && std::fabs(br) <= 100.0) {
    long n = static_cast<long>(br);
    if (n >= 0) {
      r = pow_unsigned(a, n);
    } else {
      bool zero;
      r = quot({1, 0}, pow_unsigned(a, -n), &zero);
      if (zero) return raise_msg(ZeroDivisionErrorType, "0.0 to a negative or complex power");
    }
  } else if (br == 0.0 && bi == 0.0) {
    r = {1, 0};
  } else if (ar == 0.0 && ai == 0.0) {
    if (bi != 0.0 || br < 0.0) return raise_msg(ZeroDivisionErrorType, "0.0 to a negative or complex power");
    r = {0, 0};
  } else {
    double vabs = std::hypot(ar, ai);
    double len = std::pow(vabs, br);
    double at = std::atan2(ai, ar);
    double phase = at * br;
    if (bi != 0.0) {
      len /= std::exp(at * bi);
      phase += bi * std::log(vabs);
    }
    r = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;  // an underflow to a finite result is not an error
  }
  if (errno == EDOM) return raise_msg(ZeroDivisionErrorType, "0.0 to a negative or complex power");
  if (errno == ERANGE) return raise_msg(OverflowErrorType, "complex exponentiation");
  return complex_value(r.re, r.im);
}

Value complex_binary(Value a, Value b, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  if (static_cast<int>(op) >= fe::kInplace) op = static_cast<K>(static_cast<int>(op) - fe::kInplace);
  Cx x, y;
  bool err;
  if (!to_cx(a, &x, &err)) return err ? Value() : NotImplemented;
  if (!to_cx(b, &y, &err)) return err ? Value() : NotImplemented;
  switch (op) {
    case K::Add: return complex_value(x.re + y.re, x.im + y.im);
    case K::Subtract: return complex_value(x.re - y.re, x.im - y.im);
    case K::Multiply: {
      Cx r = mul(x, y);
      return complex_value(r.re, r.im);
    }
    case K::TrueDivide: {
      bool zero;
      Cx r = quot(x, y, &zero);
      if (zero) return raise_msg(ZeroDivisionErrorType, "complex division by zero");
      return complex_value(r.re, r.im);
    }
    case K::Power: return complex_power(x.re, x.im, y.re, y.im);
    default: return NotImplemented;
  }
}

Value complex_equal(Value a, Value b, bool negate) {
  if (!is_complex_instance(a)) std::swap(a, b);
  ComplexObject* c = as_complex(a);
  bool eq;
  if (is_complex_instance(b)) {
    eq = c->real == as_complex(b)->real && c->imag == as_complex(b)->imag;
  } else if (is_float_instance(b)) {
    eq = c->imag == 0.0 && c->real == float_of(b);
  } else if (is_int(b)) {
    // Exact: compare the real part with the int without rounding the int.
    eq = c->imag == 0.0 && compare_int_double(int_to_bigint(b), c->real) == 0;
  } else {
    return NotImplemented;
  }
  return bool_value(eq != negate);
}

// --- the type's methods ------------------------------------------------------------------

namespace {

ComplexObject* self_of(Value* args) { return as_complex(args[0]); }

// complex(x) for a non-string x: __complex__, else float(x) semantics. *is_complex says
// whether the value came as a complex (so an imag argument combines differently).
bool number_to_cx(Value v, Cx* out, bool* was_complex, bool first) {
  *was_complex = false;
  if (is_complex_instance(v)) {
    *out = {as_complex(v)->real, as_complex(v)->imag};
    *was_complex = true;
    return true;
  }
  // Only the first argument may convert through __complex__.
  Value m = first ? lookup_special(v, names::dunder_complex) : Value();
  if (!m.is_empty_slot()) {
    Value r = call_special0(m, v);
    if (r.is_empty_slot()) return false;
    if (!is_complex_instance(r)) {
      raise_fmt(TypeErrorType, "__complex__ returned non-complex (type %s)", type_name(r));
      return false;
    }
    *out = {as_complex(r)->real, as_complex(r)->imag};
    *was_complex = true;
    return true;
  }
  bool numeric = is_int(v) || is_float_instance(v) || !lookup_special(v, names::dunder_float).is_empty_slot() ||
                 (first && !lookup_special(v, names::dunder_index).is_empty_slot());
  if (!numeric) {
    if (first)
      raise_fmt(TypeErrorType, "complex() first argument must be a string or a number, not '%s'", type_name(v));
    else
      raise_fmt(TypeErrorType, "complex() second argument must be a number, not '%s'", type_name(v));
    return false;
  }
  double d;
  if (!as_double(v, &d)) return false;
  *out = {d, 0.0};
  return true;
}

Value complex_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  int64_t npos = nargs - 1;
  Value real, imag;
  if (npos > 2)
    return raise_fmt(TypeErrorType, "complex() takes at most 2 arguments (%lld given)",
                     static_cast<long long>(npos + (kwnames ? kwnames->size : 0)));
  if (npos >= 1) real = args[1];
  if (npos >= 2) imag = args[2];
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      std::string_view k = as_str(kwnames->items[i])->view();
      Value v = args[nargs + i];
      if (k == "real" && npos < 1) real = v;
      else if (k == "imag" && npos < 2) imag = v;
      else if (k == "real" || k == "imag")
        return raise_fmt(TypeErrorType, "argument for complex() given by name ('%s') and position (%d)",
                         std::string(k).c_str(), k == "real" ? 1 : 2);
      else
        return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for complex()", std::string(k).c_str());
    }
  }
  if (real.is_empty_slot()) real = Value::from_small_int(0);
  if (is_str(real)) {
    if (!imag.is_empty_slot()) return raise_msg(TypeErrorType, "complex() can't take second arg if first is a string");
    double re, im;
    if (!parse_complex(ascii_numeric_text(as_str(real)->view()), &re, &im))
      return raise_msg(ValueErrorType, "complex() arg is a malformed string");
    return complex_subclass_new(type, re, im);
  }
  if (!imag.is_empty_slot() && is_str(imag)) return raise_msg(TypeErrorType, "complex() second arg can't be a string");
  // complex(z) of an exact complex is z itself.
  if (imag.is_empty_slot() && type == ComplexType && is_exact(real, ComplexType)) return real;
  Cx r, i{0, 0};
  bool r_cx, i_cx = false;
  if (!number_to_cx(real, &r, &r_cx, true)) return Value();
  if (!imag.is_empty_slot() && !number_to_cx(imag, &i, &i_cx, false)) return Value();
  // (a + bj) + (c + dj) * 1j, where a missing imaginary part counts as exactly 0.
  double re = r.re, im = r_cx ? r.im : 0.0;
  if (!imag.is_empty_slot()) {
    re -= i.im;
    im = r_cx ? im + i.re : i.re;
  }
  return complex_subclass_new(type, re, im);
}

Value complex_conjugate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("conjugate", nargs - 1, kw, 0, 0)) return Value();
  return complex_value(self_of(args)->real, -self_of(args)->imag);
}

Value complex_complex(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__complex__", nargs - 1, kw, 0, 0)) return Value();
  if (is_exact(args[0], ComplexType)) return args[0];
  return complex_value(self_of(args)->real, self_of(args)->imag);
}

Value complex_getnewargs(Value* args, int64_t nargs, TupleObject* kw) {
  Value re = float_value(self_of(args)->real), im = float_value(self_of(args)->imag);
  if (re.is_empty_slot() || im.is_empty_slot()) return Value();
  TupleObject* t = tuple_of({re, im});
  return t ? Value::from_obj(t) : Value();
}

Value complex_abs_m(Value* args, int64_t nargs, TupleObject* kw) {
  double r;
  if (!complex_abs(self_of(args)->real, self_of(args)->imag, &r)) return Value();
  return float_value(r);
}

Value complex_bool(Value* args, int64_t, TupleObject*) {
  return bool_value(self_of(args)->real != 0.0 || self_of(args)->imag != 0.0);
}
Value complex_neg(Value* args, int64_t, TupleObject*) {
  return complex_value(-self_of(args)->real, -self_of(args)->imag);
}
Value complex_pos(Value* args, int64_t, TupleObject*) {
  return complex_value(self_of(args)->real, self_of(args)->imag);
}
Value complex_hash_m(Value* args, int64_t, TupleObject*) {
  return int_from_int64(hash_complex(self_of(args)->real, self_of(args)->imag, args[0].as_obj()));
}
Value complex_repr_m(Value* args, int64_t, TupleObject*) {
  return str_value(complex_repr(self_of(args)->real, self_of(args)->imag));
}
Value complex_format_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__format__", nargs - 1, kw, 1, 1)) return Value();
  return number_format(args[0], args[1]);
}

Value complex_pow_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs == 3 && args[2] != None) return raise_msg(ValueErrorType, "complex modulo");
  if (nargs < 2 || nargs > 3) return raise_fmt(TypeErrorType, "expected 1 or 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  return complex_binary(args[0], args[1], fe::BinaryOpKind::Power);
}
Value complex_rpow_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (nargs == 3 && args[2] != None) return raise_msg(ValueErrorType, "complex modulo");
  if (nargs < 2 || nargs > 3) return raise_fmt(TypeErrorType, "expected 1 or 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  return complex_binary(args[1], args[0], fe::BinaryOpKind::Power);
}

Value complex_eq_m(Value* args, int64_t nargs, TupleObject*) { return complex_equal(args[0], args[1], false); }
Value complex_ne_m(Value* args, int64_t nargs, TupleObject*) { return complex_equal(args[0], args[1], true); }
Value complex_not_impl(Value* args, int64_t, TupleObject*) { return NotImplemented; }

Value complex_real(Value self) { return float_value(as_complex(self)->real); }
Value complex_imag(Value self) { return float_value(as_complex(self)->imag); }

using K = fe::BinaryOpKind;
const NativeMethodDef kComplexMethods[] = {
    {"__new__", complex_new, NativeMethodDef::Kind::StaticMethod},
    {"conjugate", complex_conjugate},
    {"__complex__", complex_complex},
    {"__getnewargs__", complex_getnewargs},
    {"__abs__", complex_abs_m},
    {"__bool__", complex_bool},
    {"__neg__", complex_neg},
    {"__pos__", complex_pos},
    {"__hash__", complex_hash_m},
    {"__repr__", complex_repr_m},
    {"__format__", complex_format_m},
    {"__add__", binary_method<complex_binary, K::Add, false>},
    {"__radd__", binary_method<complex_binary, K::Add, true>},
    {"__sub__", binary_method<complex_binary, K::Subtract, false>},
    {"__rsub__", binary_method<complex_binary, K::Subtract, true>},
    {"__mul__", binary_method<complex_binary, K::Multiply, false>},
    {"__rmul__", binary_method<complex_binary, K::Multiply, true>},
    {"__truediv__", binary_method<complex_binary, K::TrueDivide, false>},
    {"__rtruediv__", binary_method<complex_binary, K::TrueDivide, true>},
    {"__pow__", complex_pow_m},
    {"__rpow__", complex_rpow_m},
    {"__eq__", complex_eq_m},
    {"__ne__", complex_ne_m},
    {"__lt__", complex_not_impl},
    {"__le__", complex_not_impl},
    {"__gt__", complex_not_impl},
    {"__ge__", complex_not_impl},
};

const NativeGetSetDef kComplexGetSets[] = {
    {"real", complex_real, nullptr, "the real part of a complex number"},
    {"imag", complex_imag, nullptr, "the imaginary part of a complex number"},
};

}  // namespace

void init_complex_type() {
  ComplexType->basic_size = sizeof(ComplexObject);
  add_methods(ComplexType, kComplexMethods);
  add_getsets(ComplexType, kComplexGetSets);
}

}  // namespace coil::rt
