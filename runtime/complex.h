// complex.h — Python's complex: a pair of doubles, arithmetic with CPython's special
// cases (Smith's division, integer powers by repeated squaring), construction and repr.
#pragma once

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct ComplexObject : Object {
  double real;
  double imag;
};

// A complex or an instance of a subclass of complex (ComplexObject layout).
bool is_complex_instance(Value v);
inline ComplexObject* as_complex(Value v) { return static_cast<ComplexObject*>(v.as_obj()); }
Value complex_value(double real, double imag);  // empty with MemoryError pending
Value complex_subclass_new(TypeObject* type, double real, double imag);

// a op b where either operand is a complex and the other an int, float or complex;
// NotImplemented when an operand is not a number. Empty on error.
Value complex_binary(Value a, Value b, fe::BinaryOpKind op);
// (ar + ai j) ** (br + bi j) with CPython's errors.
Value complex_power(double ar, double ai, double br, double bi);
// a == b / a != b for a complex and a number; NotImplemented for other types.
Value complex_equal(Value a, Value b, bool negate);
// abs(z); false with OverflowError "absolute value too large".
bool complex_abs(double real, double imag, double* out);

void init_complex_type();

}  // namespace coil::rt
