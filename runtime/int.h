// int.h — Python ints: tagged small ints in the Value, heap IntObjects beyond 63 bits.
//
// An IntObject always holds a value outside the small range (results are normalised back
// to small ints), so "is small" and "fits in 63 bits" are the same question. bool is an
// int subclass whose instances keep 0/1 in the header's aux word.
#pragma once

#include <cstdint>
#include <string>

#include <gmp.h>

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct IntObject : Object {
  int32_t size;          // number of limbs; negative for negative numbers (GMP's convention)
  mp_limb_t limbs[];
};

// Is `v` an int (small, big, bool, or an int subclass instance)?
inline bool is_int(Value v) {
  return v.is_small_int() || has(v.as_obj()->type, TypeFlag::IntSubclass);
}

Value int_from_int64(int64_t i);
Value int_from_uint64(uint64_t u);
Value int_from_mpz(const mpz_t z);
// The int equal to an integral double (finite; the caller checks).
Value int_from_double_exact(double d);  // empty with MemoryError pending if too big
// Reads any int (small, big, bool, subclass) into `z` (initialised by the caller).
void int_to_mpz(Value v, mpz_t z);
// The int value as int64; false if it does not fit.
bool int_to_int64(Value v, int64_t* out);
// The plain int of an int subclass instance or bool (identity for exact ints).
Value int_exact(Value v);

// Arithmetic on two ints (any kind); NotImplemented never returned. Empty on error.
Value int_binary(Value a, Value b, fe::BinaryOpKind op);
Value int_true_divide(Value a, Value b);  // int / int, correctly rounded
Value int_negate(Value a);
Value int_invert(Value a);
int int_compare(Value a, Value b);  // -1, 0, 1
int64_t int_hash(Value v);
double int_to_double(Value v, bool* overflow);
bool int_is_zero(Value v);
int int_sign(Value v);

std::string int_to_string(Value v, int base = 10);  // "-0x1f" style prefixes for 2/8/16
// int(text, base): empty with ValueError pending on a bad literal.
Value int_from_string(std::string_view text, int base);

void init_int_type();

}  // namespace coil::rt
