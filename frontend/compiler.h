// compiler.h — the bytecode compiler's public entry points: AST -> CodeUnit, verify, dump.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/code.h"
#include "frontend/syntax_error.h"

namespace coil::fe {

// What the source was parsed as (compile()'s mode).
enum class CompileMode : uint8_t { Exec, Eval, Single };

// Compiles a parsed module (Module for Exec, Expression for Eval, Interactive for Single).
// `optimize` is the -O level: 1 strips asserts and folds __debug__ to False, 2 also drops
// docstrings. `future_flags` are CPython's CO_FUTURE_* bits inherited from the caller
// (compile()'s flags); the module's own `from __future__` imports are added to them.
// Throws SyntaxErrorException with CPython's message on code CPython's compiler rejects.
// `warnings`, when given, receives the SyntaxWarnings CPython's compiler issues (`"is" with a
// literal`, `assertion is always true`, `... object is not callable; perhaps you missed a
// comma?` and the subscript ones), in source order; the runtime passes them to the warnings
// machinery (which may turn them into errors with -W error).
// Trees nested deeper than `recursion_budget` throw CompileRecursionError (symtable.h; the
// runtime raises RecursionError), as CPython does.
std::shared_ptr<CodeUnit> compile_module(const ModNode* mod, const std::string& filename,
                                         CompileMode mode, int optimize,
                                         uint32_t future_flags = 0,
                                         std::vector<SyntaxErrorInfo>* warnings = nullptr,
                                         int recursion_budget = 3 * 998);

// Checks a code unit (and its nested units): operands in range, jump targets on instruction
// boundaries, cache units where the table says, consistent stack depths at merges, stacksize
// big enough, exception-table rows sane. Returns "" when fine, else a description of the
// first problem (with the unit's qualname and offset).
std::string verify(const CodeUnit& code);

// Python's repr() of a constant as the disassembler prints it: 1.5, 'str', b'x', (1, 2),
// frozenset({1}), <code object f, line 3>.
std::string const_repr(const CodeConst& c);

// A `dis.dis`-like listing of `code` and, after it, of every nested code unit.
std::string disassemble(const CodeUnit& code);

}  // namespace coil::fe
