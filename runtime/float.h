// float.h — FloatObject: a boxed double (the JIT unboxes them in traces). Instances of
// Python subclasses of float share the layout (the double, then instance attributes).
#pragma once

#include <string>

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"
#include "runtime/float_format.h"

namespace coil::rt {

struct FloatObject : Object {
  double value;
};

// Exactly a float (the fast paths' test).
inline bool is_float(Value v) { return v.is_obj() && v.as_obj()->type == FloatType; }
// A float or an instance of a subclass of float (FloatObject layout).
bool is_float_instance(Value v);
inline double float_of(Value v) { return static_cast<FloatObject*>(v.as_obj())->value; }
Value float_value(double d);  // empty with MemoryError pending on allocation failure
// A new instance of `type` (float or a subclass) holding d.
Value float_subclass_new(TypeObject* type, double d);
// Converts an int or float (subclasses too) to double; false with OverflowError for huge
// ints, or TypeError "must be real number, not X" for anything else.
bool to_double(Value v, double* out);
// float(x) semantics: float, __float__, __index__ (TypeError "must be real number, not X").
bool as_double(Value v, double* out);
// PyNumber_Float: float(x) as an exact float (__float__, __index__, str, bytes-like).
Value number_float(Value x);
// float op float (or int mixed in); NotImplemented when an operand is neither.
Value float_binary(Value a, Value b, fe::BinaryOpKind op);
Value float_divmod_value(double a, double b);  // divmod(a, b) as a tuple
int64_t float_hash(double d, Value self);

void init_float_type();

}  // namespace coil::rt
