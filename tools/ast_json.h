// ast_json.h — rebuilds a Coil AST from the JSON that CPython's `ast` module gives (dev tools only).
//
// Lets frontend passes after the parser (symbol tables, compiler) be checked on any Python file
// by feeding them CPython's own tree: `tools/check-symtable` writes the JSON with its
// `ast_to_json()`, one object per node: {"_type": "<ast class>", <fields>..., <positions>...};
// operators and contexts are {"_type": "Add"}; a Constant's value is
// {"kind": "Int|Float|Complex|Str|Bytes|None|True|False|Ellipsis", "text": ..., "number": ...}.
#pragma once

#include <stdexcept>
#include <string>

#include "frontend/ast.h"

namespace coil::tools {

struct AstJsonError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses `json` and builds its module node in `arena`. Throws AstJsonError on malformed input.
fe::ModNode* ast_from_json(const std::string& json, fe::Arena& arena);

}  // namespace coil::tools
