// code.h — CodeUnit: what the compiler produces for one function, class body, module or
// comprehension. Plain C++ data (no GC objects), so the frontend can be built, dumped and
// tested alone; the runtime turns a CodeUnit into a code object when it loads it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/bytecode.h"

namespace coil::fe {

// co_flags bits, with CPython's values (inspect and the library read them).
namespace coflag {
constexpr uint32_t OPTIMIZED = 0x1, NEWLOCALS = 0x2, VARARGS = 0x4, VARKEYWORDS = 0x8,
                   NESTED = 0x10, GENERATOR = 0x20, NOFREE = 0x40, COROUTINE = 0x80,
                   ITERABLE_COROUTINE = 0x100, ASYNC_GENERATOR = 0x200,
                   FUTURE_ANNOTATIONS = 0x1000000;
}

struct CodeUnit;

// A constant of the consts table: a literal, a tuple/frozenset of constants (folded
// `(1, 2)` and `x in {1, 2}`), or a nested code unit (functions, classes, lambdas, ...).
struct CodeConst {
  enum class Kind : uint8_t { Value, Tuple, FrozenSet, Code };
  Kind kind = Kind::Value;
  ConstValue value;                     // Kind::Value
  std::vector<CodeConst> items;         // Kind::Tuple / FrozenSet
  std::shared_ptr<CodeUnit> code;       // Kind::Code
};

// Source positions of one code unit (instruction), as co_positions() reports them.
struct Position {
  int line = 0, end_line = 0, col = -1, end_col = -1;  // col -1: unknown
};

// One row of the exception table: instructions [start, end) jump to `target` on an
// exception, with the value stack cut to `depth` (then lasti pushed if `push_lasti`, then
// the exception).
struct ExceptionEntry {
  uint32_t start = 0, end = 0, target = 0;
  uint32_t depth = 0;
  bool push_lasti = false;
};

struct CodeUnit {
  std::string name, qualname, filename;
  int firstlineno = 1;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  uint32_t flags = 0;                      // coflag bits
  std::vector<uint32_t> code;              // code units (see opcodes.def for the encoding)
  std::vector<Position> positions;         // one per code unit (cache units copy their op's)
  std::vector<CodeConst> consts;
  std::vector<std::string> names;          // globals, attributes, imports
  std::vector<std::string> varnames;       // parameters first, then other locals
  std::vector<std::string> cellvars;       // locals captured by inner scopes
  std::vector<std::string> freevars;       // captured from enclosing scopes
  std::vector<ExceptionEntry> exception_table;
  int stacksize = 0;                       // deepest value stack
  int ncaches = 0;                         // inline-cache slots used by CACHE ops
};

}  // namespace coil::fe
