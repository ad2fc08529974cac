// int_limbs.h — big-int arithmetic and comparison on IntObject limbs (GMP mpn), without the
// BigInt conversions: the fast path of int_binary / int_compare.
#pragma once

#include "frontend/bytecode.h"
#include "runtime/int.h"

namespace coil::rt {

// a op b for exact ints (small or IntObject, already through int_exact) when op is +, -, *,
// or // and % of non-negative operands, and neither operand is zero or enormous. Returns the
// normalised result, or an empty Value when the caller must take the general path (nothing
// is raised here).
Value int_limbs_binary(Value a, Value b, fe::BinaryOpKind op);
// Three-way comparison of two exact ints: -1, 0, 1.
int int_limbs_compare(Value a, Value b);

}  // namespace coil::rt
