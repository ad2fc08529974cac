// fold.h — compile-time folding of operators on constants (see fold.cpp for the rules).
#pragma once

#include <optional>

#include "frontend/ast.h"

namespace coil::fe {

// The value of `l op r` when it is safe to compute at compile time, else nullopt.
std::optional<ConstValue> fold_binop(OperatorKind op, const ConstValue& l, const ConstValue& r);
// The value of `op v` (not, -, +, ~) when safe to compute at compile time, else nullopt.
std::optional<ConstValue> fold_unaryop(UnaryOpKind op, const ConstValue& v);

}  // namespace coil::fe
