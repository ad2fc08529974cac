// float.cpp — float boxing and arithmetic with Python's semantics (float_ops.h has the
// special cases of //, %, divmod and **; a negative base with a fractional exponent
// gives a complex).
#include "runtime/float.h"

#include <cmath>

#include "runtime/abstract.h"
#include "runtime/alloc_fast.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/complex.h"
#include "runtime/exceptions.h"
#include "runtime/float_ops.h"
#include "runtime/hashing.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/number_parse.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/warnings_module.h"

namespace coil::rt {

bool is_float_instance(Value v) {
  if (!v.is_obj()) return false;
  TypeObject* t = v.as_obj()->type;
  return t == FloatType || (has(t, TypeFlag::HeapType) && is_subtype(t, FloatType));
}

Value float_value(double d) {
  auto* f = static_cast<FloatObject*>(allocate_fixed<sizeof(FloatObject)>());
  if (!f) return raise_memory_error();
  init_header(f, FloatType);
  f->value = d;
  return Value::from_obj(f);
}

Value float_subclass_new(TypeObject* type, double d) {
  if (type == FloatType) return float_value(d);
  Object* o = type->alloc ? type->alloc(type) : nullptr;
  if (!o) return has_pending_exception() ? Value() : raise_memory_error();
  static_cast<FloatObject*>(o)->value = d;
  return Value::from_obj(o);
}

bool to_double(Value v, double* out) {
  if (is_float_instance(v)) {
    *out = float_of(v);
    return true;
  }
  if (is_int(v)) return int_as_double(v, out);
  raise_fmt(TypeErrorType, "must be real number, not %s", type_name(v));
  return false;
}

namespace {

// A __float__ result as a plain double: a strict float subclass is accepted with CPython's
// DeprecationWarning, anything else is a TypeError.
bool float_result(Value v, Value r, double* out) {
  if (r.is_empty_slot()) return false;
  if (!is_exact(r, FloatType)) {
    if (!is_float_instance(r)) {
      raise_fmt(TypeErrorType, "%s.__float__ returned non-float (type %s)", type_name(v), type_name(r));
      return false;
    }
    std::string msg = std::string(type_name(v)) + ".__float__ returned non-float (type " + type_name(r) +
                      ").  The ability to return an instance of a strict subclass of float is deprecated, and "
                      "may be removed in a future version of Python.";
    if (!lib::warn(DeprecationWarningType, msg, 1)) return false;
  }
  *out = float_of(r);
  return true;
}

}  // namespace

bool as_double(Value v, double* out) {
  if (is_float_instance(v) || is_exact(v, IntType)) return to_double(v, out);
  Value m = lookup_special(v, names::dunder_float);
  if (!m.is_empty_slot()) return float_result(v, call1(m, v), out);
  m = lookup_special(v, names::dunder_index);
  if (!m.is_empty_slot()) {
    Value i = index(v);
    return !i.is_empty_slot() && int_as_double(i, out);
  }
  raise_fmt(TypeErrorType, "must be real number, not %s", type_name(v));
  return false;
}

Value number_float(Value x) {
  if (is_exact(x, FloatType)) return x;
  double d;
  Value m = lookup_special(x, names::dunder_float);
  if (!m.is_empty_slot()) return float_result(x, call1(m, x), &d) ? float_value(d) : Value();
  m = lookup_special(x, names::dunder_index);
  if (!m.is_empty_slot()) {
    Value i = index(x);
    return !i.is_empty_slot() && int_as_double(i, &d) ? float_value(d) : Value();
  }
  if (is_float_instance(x)) return float_value(float_of(x));
  std::string_view text;
  std::string shown;
  if (is_str(x)) {
    text = as_str(x)->view();
    shown = str_repr(text);
  } else if (buffer_view(x, &text)) {
    std::string copy(text);  // CPython's message shows the argument's own repr
    if (!repr_string(x, &shown)) return Value();
    if (!parse_float(ascii_numeric_text(copy), &d))
      return raise_fmt(ValueErrorType, "could not convert string to float: %s", shown.c_str());
    return float_value(d);
  } else {
    if (has_pending_exception()) return Value();
    return raise_fmt(TypeErrorType, "float() argument must be a string or a real number, not '%s'", type_name(x));
  }
  if (!parse_float(ascii_numeric_text(text), &d))
    return raise_fmt(ValueErrorType, "could not convert string to float: %s", shown.c_str());
  return float_value(d);
}

Value float_divmod_value(double a, double b) {
  double q, r;
  if (float_divmod(a, b, &q, &r) != NumStatus::ok) return raise_msg(ZeroDivisionErrorType, "float divmod()");
  Value vq = float_value(q), vr = float_value(r);
  if (vq.is_empty_slot() || vr.is_empty_slot()) return Value();
  TupleObject* t = tuple_of({vq, vr});
  return t ? Value::from_obj(t) : Value();
}

static Value float_power(double x, double y) {
  double r;
  switch (float_pow(x, y, &r)) {
    case PowStatus::ok: return float_value(r);
    case PowStatus::zero_to_negative:
      return raise_msg(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
    case PowStatus::complex_result: return complex_power(x, 0.0, y, 0.0);
    case PowStatus::overflow: {
      // CPython raises it from errno: args are (ERANGE, strerror(ERANGE)).
      Value msg = str_value("Numerical result out of range");
      if (msg.is_empty_slot()) return msg;
      TupleObject* args = tuple_of({Value::from_small_int(34), msg});
      ExceptionObject* e = args ? new_exception(OverflowErrorType, args) : nullptr;
      return e ? raise(Value::from_obj(e)) : Value();
    }
  }
  return Value();
}

Value float_binary(Value a, Value b, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  if (static_cast<int>(op) >= fe::kInplace) op = static_cast<K>(static_cast<int>(op) - fe::kInplace);
  if (!(is_float_instance(a) || is_int(a)) || !(is_float_instance(b) || is_int(b))) return NotImplemented;
  double x, y, r;
  if (!to_double(a, &x) || !to_double(b, &y)) return Value();
  switch (op) {
    case K::Add: return float_value(x + y);
    case K::Subtract: return float_value(x - y);
    case K::Multiply: return float_value(x * y);
    case K::TrueDivide:
      if (y == 0) return raise_msg(ZeroDivisionErrorType, "float division by zero");
      return float_value(x / y);
    case K::FloorDivide:
      if (float_floordiv(x, y, &r) != NumStatus::ok)
        return raise_msg(ZeroDivisionErrorType, "float floor division by zero");
      return float_value(r);
    case K::Remainder:
      if (float_mod(x, y, &r) != NumStatus::ok) return raise_msg(ZeroDivisionErrorType, "float modulo");
      return float_value(r);
    case K::Power: return float_power(x, y);
    default: return NotImplemented;
  }
}

int64_t float_hash(double d, Value self) { return hash_double(d, self.as_obj()); }

}  // namespace coil::rt
