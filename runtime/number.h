// number.h — the numeric tower's shared operations: mixed int/float/complex arithmetic for
// the abstract operators, the builtins divmod/pow/round/abs, format() of numbers, and the
// method-table helpers the int/float/complex types share.
#pragma once

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"
#include "runtime/function.h"
#include "runtime/tuple.h"

namespace coil::rt {

// Is v an int, float or complex (or an instance of a subclass of one)?
bool is_number(Value v);
// a op b when both are numbers (subclass instances included, by their built-in layout);
// NotImplemented otherwise. Two bools under & | ^ give a bool.
Value number_binary(Value a, Value b, fe::BinaryOpKind op);
// a < b ... for numbers, exact across int/float; NotImplemented when not both numbers
// (and for ordering a complex).
Value number_compare(Value a, Value b, fe::CompareKind op);
// hash() of an int/float/complex layout.
int64_t number_hash(Value v);

// builtins.divmod(a, b): __divmod__ / __rdivmod__ with CPython's TypeError.
Value number_divmod(Value a, Value b);
// builtins.pow(base, exp[, mod]); `mod` empty or None for two arguments.
Value number_power(Value base, Value exp, Value mod);
// builtins.round(x[, ndigits]); `ndigits` empty or None when absent.
Value number_round(Value x, Value ndigits);
// builtins.abs(x).
Value number_abs(Value x);
// format(x, spec) for an int/float/complex layout (spec a str), CPython's errors.
Value number_format(Value x, Value spec);
// int(x) for a float value: ValueError/OverflowError for nan/inf.
Value int_from_float_value(double d);

// TypeError "expected 1 argument, got N" for a binary dunder called with the wrong arity.
Value binary_method_arity_error(int64_t nargs, TupleObject* kwnames);
// A native method `self op other` (or `other op self` when Reflected) built from a
// function that returns NotImplemented for operands it does not handle.
template <Value (*Fn)(Value, Value, fe::BinaryOpKind), fe::BinaryOpKind Op, bool Reflected>
Value binary_method(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 2 || (kwnames && kwnames->size)) return binary_method_arity_error(nargs, kwnames);
  return Reflected ? Fn(args[1], args[0], Op) : Fn(args[0], args[1], Op);
}

// The types' method tables (int_methods.cpp, float_methods.cpp, complex.cpp).
void init_int_methods();
void init_float_methods();
void init_complex_type();

}  // namespace coil::rt
