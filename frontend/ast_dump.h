// ast_dump.h — `ast.dump(tree, indent=3)` output (what `python3.11 -m ast FILE` prints).
#pragma once

#include <string>
#include <string_view>

#include "frontend/ast.h"

namespace coil::fe {

// Prints the tree exactly as Python 3.11's `ast.dump(tree, indent=3)`; `indent` < 0 is
// ast.dump's indent=None (one line), `include_attributes` adds the positions.
std::string dump_ast(const ModNode* mod, int indent = 3, bool include_attributes = false);

// Python reprs of literal values, as ast.dump prints them.
std::string repr_str(std::string_view utf8);
std::string repr_bytes(std::string_view bytes);
std::string repr_float(double d, bool add_dot_zero);  // add_dot_zero: "1.0" (float) vs "1" (complex part)
std::string repr_const(const ConstValue& v);

}  // namespace coil::fe
