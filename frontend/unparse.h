// unparse.h — expressions back to source text (PEP 563 string annotations).
#pragma once

#include <string>

#include "frontend/ast.h"

namespace coil::fe {

// The source text CPython 3.11 stores for an annotation under
// `from __future__ import annotations` (its ast_unparse.c output for `e`).
std::string unparse_annotation(const ExprNode* e);

}  // namespace coil::fe
