// int.h — Python ints: tagged small ints in the Value, heap IntObjects beyond 63 bits.
//
// An IntObject always holds a value outside the small range (results are normalised back
// to small ints), so "is small" and "fits in 63 bits" are the same question. bool is an
// int subclass whose instances keep 0/1 in the header's aux word. Instances of Python
// subclasses of int (class MyInt(int)) are IntSubObjects: the header, then the plain int
// value, then (for heap types) the instance attribute storage.
//
// The arithmetic itself is BigInt's (runtime/bigint.h); this file moves values between the
// GC layout and BigInt and raises Python's exceptions for BigInt's statuses.
#pragma once

#include <cstdint>
#include <string>

#include "frontend/bytecode.h"
#include "runtime/bigint.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct IntObject : Object {
  int32_t size;          // number of limbs; negative for negative numbers (GMP's convention)
  uint64_t limbs[];      // magnitude, least significant first (no malloc: no finalizer)
};

// An instance of a subclass of int (not bool): its int value, small or an IntObject.
struct IntSubObject : Object {
  Value value;
};

// Is `v` an int (small, big, bool, or an int subclass instance)?
inline bool is_int(Value v) {
  return v.is_small_int() || has(v.as_obj()->type, TypeFlag::IntSubclass);
}
inline bool is_bool(Value v) { return v.is_obj() && v.as_obj()->type == BoolType; }

Value int_from_int64(int64_t i);
Value int_from_uint64(uint64_t u);
Value int_from_bigint(const BigInt& b);  // empty with MemoryError pending if absurdly large
BigInt int_to_bigint(Value v);           // any int (small, big, bool, subclass)
// The int equal to an integral double (finite; the caller checks).
Value int_from_double_exact(double d);
// The int value as int64; false if it does not fit.
bool int_to_int64(Value v, int64_t* out);
// The plain int of an int subclass instance or bool (identity for exact ints).
Value int_exact(Value v);
// A new instance of `type` (int or a subclass of it) holding the int `v`.
Value int_subclass_new(TypeObject* type, Value v);

// Arithmetic on two ints (any kind); NotImplemented never returned. Empty on error.
Value int_binary(Value a, Value b, fe::BinaryOpKind op);
Value int_true_divide(Value a, Value b);  // int / int, correctly rounded
Value int_divmod(Value a, Value b);       // (a // b, a % b)
Value int_pow_mod(Value a, Value b, Value m);  // pow(a, b, m)
Value int_negate(Value a);
Value int_invert(Value a);
Value int_abs(Value a);
int int_compare(Value a, Value b);  // -1, 0, 1
int64_t int_hash(Value v);
double int_to_double(Value v, bool* overflow);
// int -> float with "int too large to convert to float"; false with OverflowError pending.
bool int_as_double(Value v, double* out);
bool int_is_zero(Value v);
int int_sign(Value v);

// Digits with a "-0x1f" style prefix for bases 2/8/16; no digit limit (bin/oct/hex).
std::string int_to_string(Value v, int base = 10);
// repr(int)/str(int): empty with ValueError pending past sys.get_int_max_str_digits().
Value int_repr(Value v);
// Int literal text from the compiler (decimal, unlimited): empty on error.
Value int_from_string(std::string_view text, int base);
// int(text, base) with CPython's errors: the invalid-literal ValueError quotes `shown`
// (the repr of the original str/bytes argument), and the digit limit applies.
Value int_parse_for_constructor(std::string_view text, int base, const std::string& shown);

// sys.set_int_max_str_digits / get_int_max_str_digits (0 = unlimited).
int int_max_str_digits();
void set_int_max_str_digits(int limit);

void init_int_type();

}  // namespace coil::rt
