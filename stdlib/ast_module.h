// ast_module.h — the _ast module's classes (one per node of frontend/ast.def) and the
// converters between the frontend's C++ tree and Python AST objects.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "frontend/ast.h"
#include "frontend/parser.h"
#include "runtime/type.h"
#include "runtime/value.h"

namespace coil::lib::ast {

// compile()'s flag bits that concern the AST (CPython's values).
constexpr int64_t kOnlyAst = 0x400;
constexpr int64_t kTypeComments = 0x1000;
constexpr int64_t kAllowTopLevelAwait = 0x2000;

// Every class of `_ast`, made once (by the first `import _ast` or compile(..., PyCF_ONLY_AST)).
struct Classes {
  rt::TypeObject* ast = nullptr;
  // Abstract bases: mod, stmt, expr, pattern, expr_context, boolop, operator, unaryop, cmpop,
  // excepthandler, type_ignore.
  rt::TypeObject *mod = nullptr, *stmt = nullptr, *expr = nullptr, *pattern = nullptr;
  rt::TypeObject *expr_context = nullptr, *boolop = nullptr, *op = nullptr, *unaryop = nullptr;
  rt::TypeObject *cmpop = nullptr, *excepthandler = nullptr, *type_ignore = nullptr;
#define AST_MOD(Name, Fields) rt::TypeObject* Name = nullptr;
#define AST_STMT(Name, Fields) rt::TypeObject* Name = nullptr;
#define AST_EXPR(Name, Fields) rt::TypeObject* Name = nullptr;
#define AST_PATTERN(Name, Fields) rt::TypeObject* Name = nullptr;
#define AST_PRODUCT(Name, PyName, Located, Fields) rt::TypeObject* Name = nullptr;
#include "frontend/ast.def"
  // The leaf classes of the enum-like sums, indexed by the C++ enum, and the instance each
  // parse result shares (CPython shares them too: `ctx` of two Names is the same Load()).
  rt::TypeObject *ctx[3] = {}, *boolops[2] = {}, *ops[13] = {}, *unaryops[4] = {}, *cmpops[10] = {};
  rt::Value ctx_inst[3], boolop_inst[2], op_inst[13], unaryop_inst[4], cmpop_inst[10];
};

// The classes, made on first use; null with an exception pending if making them failed.
const Classes* classes();

// Converts a parsed tree into Python AST objects; empty Value with an exception pending.
rt::Value to_python(const fe::ModNode* mod);

// Converts a Python AST object into a frontend tree in `arena`, checking node types, required
// fields and what CPython's validator checks cheaply; `mode` is compile()'s ("exec", "eval",
// "single", "func_type"). Null with TypeError/ValueError pending.
fe::ModNode* from_python(rt::Value obj, std::string_view mode, fe::Arena& arena);

// Constants of a converted tree that the frontend cannot hold, with the error the validator
// raises when it reaches them (CPython checks constants while validating, not converting).
using BadConstants = std::vector<std::pair<const fe::ConstValue*, std::string>>;

// CPython's validator on a converted tree (ast_validate.cpp); false with ValueError/TypeError
// pending.
bool validate(const fe::ModNode* mod, const BadConstants& bad);

// Is `v` an instance of ast.AST?
bool is_ast(rt::Value v);

}  // namespace coil::lib::ast
