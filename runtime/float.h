// float.h — FloatObject: a boxed double (the JIT unboxes them in traces).
#pragma once

#include <string>

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct FloatObject : Object {
  double value;
};

inline bool is_float(Value v) { return v.is_obj() && v.as_obj()->type == FloatType; }
inline double float_of(Value v) { return static_cast<FloatObject*>(v.as_obj())->value; }
Value float_value(double d);  // empty with MemoryError pending on allocation failure
// Converts an int or float (or __float__ / __index__ provider) to double; false on error.
bool to_double(Value v, double* out);
// float op float (or int mixed in); NotImplemented when an operand is neither.
Value float_binary(Value a, Value b, fe::BinaryOpKind op);
std::string float_repr(double d);
int64_t float_hash(double d, Value self);

void init_float_type();

}  // namespace coil::rt
