// interp_support.h — the interpreter's helpers that run outside the dispatch loop: argument
// binding, name errors, unpacking, f-string pieces, the rarer small-int operators. Private
// to runtime/interpreter.cpp and runtime/interp_support.cpp.
#pragma once

#include <cstdint>

#include "frontend/bytecode.h"
#include "frontend/code.h"
#include "runtime/frame.h"
#include "runtime/str.h"

namespace coil::rt::interp {

constexpr uint32_t kGeneratorFlags = fe::coflag::GENERATOR | fe::coflag::COROUTINE | fe::coflag::ASYNC_GENERATOR;

// The operator of an in-place op (x += y -> Add).
inline fe::BinaryOpKind plain_op(fe::BinaryOpKind op) {
  int k = static_cast<int>(op);
  return static_cast<fe::BinaryOpKind>(k >= fe::kInplace ? k - fe::kInplace : k);
}

// Binds call arguments to the parameters of fn's code in the slots of `f`, with CPython's
// messages for every mismatch; false with the exception pending.
bool bind_arguments(FunctionObject* fn, Frame* f, Value* args, int64_t nargs, TupleObject* kwnames);

// NameError for `name` (with the scopes CPython's "Did you mean" hint reads); always empty.
Value raise_name_error(Frame* f, StrObject* name);
Value load_global(Frame* f, StrObject* name);  // globals, then builtins; NameError
Value load_name(Frame* f, StrObject* name);    // locals mapping, globals, builtins
Value unbound_local(CodeObject* code, int64_t index);  // raises UnboundLocalError; empty
Value deref_name(CodeObject* code, int64_t i);          // name of cell/free variable i
Value unbound_deref(CodeObject* code, int64_t i);       // raises; empty

Value format_value(Value v, int conv, Value spec);  // FormatValue
Value build_string(Value* items, int64_t n);        // BuildString
Value str_concat(StrObject* x, StrObject* y);       // str + str of two exact strs

// Unpacks `seq` into exactly `n` values at out[n-1]..out[0] (last item first on the stack).
bool unpack_sequence(Value seq, int64_t n, Value* out);
// a = before | after << 8: out gets before items, a list, after items (reversed on stack).
bool unpack_ex(Value seq, int64_t before, int64_t after, Value* out);

// `x op y` on two small ints when the result is cheap to get right here; empty when the
// generic path must decide (overflow into a big int, division by zero, Power, MatMul...).
Value small_int_binary(int64_t x, int64_t y, fe::BinaryOpKind op);

// Class(...) with object.__new__ and a Python __init__ (not a generator), created by
// type.__call__: returns the __init__ function, or null when call_type must do the work
// (custom metaclass, __new__, built-in base with its own layout or __new__, abstract class).
FunctionObject* plain_init_class(TypeObject* type);

}  // namespace coil::rt::interp
