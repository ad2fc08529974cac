// symtable.h — symbol tables: the scopes of a module and where each name in them resolves.
//
// Built from the AST in two passes, as CPython 3.11's symtable.c does:
//  1. a walk that creates one Scope per module, class, function, lambda and comprehension (each
//     comprehension is its own function scope in 3.11; its first iterator is evaluated in the
//     enclosing scope) and records what each scope does with each name (SymFlags);
//  2. an analysis that resolves every name to LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL:
//     free names are bound in an enclosing *function* scope (class scopes are invisible to nested
//     scopes), and a function-local name some nested scope uses becomes a CELL.
// Errors CPython reports at this stage (bad global/nonlocal, duplicate parameters, misplaced
// walrus or yield, `import *` in a function...) are thrown as SyntaxErrorException with CPython's
// message and position. Errors CPython leaves to its compiler ('return' outside function, 'await'
// outside async function, asynchronous comprehension outside an asynchronous function, late
// future imports) are left to our compiler too; the Scope fields below give it what it needs.
//
// Names are stored mangled (`__x` inside class C is `_C__x`); the compiler mangles with
// Scope::mangle() before it asks lookup()/name_op().
//
// The compiler-stage checks CPython 3.11 makes from this table (messages exact; position = the
// statement or expression being compiled, byte column + 1), for the compiler to raise in its order:
//   return            !is_function()                          "'return' outside function"
//   return <value>    is_async_generator()                    "'return' with value in async generator"
//   yield, yield from !is_function()                          "'yield' outside function"
//   yield from        is_async_def                            "'yield from' inside async function"
//   await             !is_function()                          "'await' outside function"
//   await             !is_async_def && comprehension == None  "'await' outside async function"
//   list/set/dict comprehension whose scope is `coroutine`, compiled where the current scope is
//   neither an async def nor a comprehension   "asynchronous comprehension outside of an asynchronous
//                                               function" (position: the comprehension)
//   from __future__ import ... on a line after FutureFlags::lineno
//                          "from __future__ imports must occur at the beginning of the file"
// A class needing `__class__` (needs_class_closure) creates that cell; when a child's free
// variable is `__class__` and the current scope is a class, the closure takes that cell;
// otherwise a closure takes a CELL of the current scope, or passes on one of its freevars.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "frontend/ast.h"
#include "frontend/future.h"

namespace coil::fe {

// What a scope does with a name (a bitset; CPython's DEF_* / USE bits).
enum class SymFlags : uint16_t {
  None = 0,
#define SYM_FLAG(Name, Bit, CName) Name = (Bit),
#include "frontend/symtable.def"
};
constexpr SymFlags operator|(SymFlags a, SymFlags b) { return SymFlags(uint16_t(a) | uint16_t(b)); }
constexpr SymFlags operator&(SymFlags a, SymFlags b) { return SymFlags(uint16_t(a) & uint16_t(b)); }
constexpr SymFlags operator~(SymFlags a) { return SymFlags(uint16_t(~uint16_t(a))); }
constexpr SymFlags& operator|=(SymFlags& a, SymFlags b) { return a = a | b; }
// True when `flags` has any bit of `mask`.
constexpr bool any(SymFlags flags, SymFlags mask) { return (flags & mask) != SymFlags::None; }
// A binding that makes a name local (CPython's DEF_BOUND).
constexpr SymFlags kDefBound = SymFlags::DefLocal | SymFlags::DefParam | SymFlags::DefImport;

// Where a name resolves; Unknown for a name the scope never mentions.
enum class SymbolScope : uint8_t {
  Unknown = 0,
#define SYM_SCOPE(Name, Value, CName) Name = (Value),
#include "frontend/symtable.def"
};

// "DEF_LOCAL|USE" (CPython's names, in bit order; "0" for none).
std::string sym_flags_name(SymFlags flags);
// "LOCAL", "FREE", ... ("UNKNOWN" for Unknown).
const char* symbol_scope_name(SymbolScope scope);

enum class ScopeKind : uint8_t {
  Module,
  Class,
  Function,    // def, async def, lambda and the comprehensions
  Annotation,  // annotations under `from __future__ import annotations`; not among any children
};
enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

// How the compiler reaches a name from a scope (CPython's compiler_nameop choice).
enum class NameOp : uint8_t {
  Fast,        // LOCAL in a function scope: a frame slot
  Deref,       // CELL or FREE: through a cell
  ClassDeref,  // FREE loaded in a class body: class namespace first, then the cell
  Global,      // GLOBAL_EXPLICIT anywhere, GLOBAL_IMPLICIT in a function: module, then builtins
  Name,        // everything else in module and class bodies: locals dict, globals, builtins
};

struct Symbol {
  std::string name;  // mangled
  SymFlags flags = SymFlags::None;
  SymbolScope scope = SymbolScope::Unknown;
};

struct SourceRange {
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

class Scope {
 public:
  ScopeKind kind = ScopeKind::Module;
  ComprehensionKind comprehension = ComprehensionKind::None;
  // "top", the def/class name, "lambda", "listcomp", "setcomp", "dictcomp", "genexpr", "_annotation".
  std::string name;
  const Node* node = nullptr;  // the ModNode, FunctionDef, AsyncFunctionDef, ClassDef, Lambda, ...Comp
  SourceRange range;           // of `node` (the def line, not its decorators; 0s for the module)
  const Scope* parent = nullptr;
  std::vector<Scope*> children;  // nested scopes in the order CPython creates them
  // The class name mangling uses inside this scope (empty outside any class).
  std::string private_name;

  std::vector<Symbol> symbols;  // in order of first mention, as CPython's ste_symbols
  // Parameters in co_varnames order: positional-only, positional, keyword-only, *args, **kwargs
  // (".0" for a comprehension). co_varnames continues with the other LOCAL names of a function
  // scope in the order the compiler first emits them; `locals` lists them in symbol-table order.
  std::vector<std::string> params;
  std::vector<std::string> locals;    // params, then every other LOCAL name (function scopes only)
  // co_cellvars: CELL parameters in parameter order, then the other CELL names sorted ("__class__"
  // alone for a class that needs_class_closure).
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;  // co_freevars: sorted FREE names and DEF_FREE_CLASS names

  bool nested = false;          // inside a function scope (CO_NESTED)
  bool is_async_def = false;    // `async def` itself (where 'await' is allowed)
  bool generator = false;       // contains yield / is a generator expression
  bool coroutine = false;       // async def, or a comprehension that awaits / uses `async for`
  bool varargs = false, varkeywords = false;
  bool returns_value = false;   // has `return <expr>`
  bool needs_class_closure = false;  // class whose methods use `__class__` or `super`
  bool has_free = false;        // uses a free name, or an undeclared global while nested
  bool child_free = false;      // some nested scope has free names

  bool is_function() const { return kind == ScopeKind::Function; }
  bool is_async_generator() const { return coroutine && generator; }
  // Flags and resolved scope of a (mangled) name; None / Unknown when the scope never mentions it.
  const Symbol* find(std::string_view mangled) const;
  SymFlags flags(std::string_view mangled) const;
  SymbolScope lookup(std::string_view mangled) const;
  // Mangles `name` for this scope: `__x` -> `_C__x` inside class C (not `__x__`, not dotted names).
  std::string mangle(std::string_view name) const;
  // The access the compiler emits for a (mangled) name here.
  NameOp name_op(std::string_view mangled, ExprContext ctx) const;
  // Index in cellvars / freevars, -1 when absent.
  int cell_index(std::string_view name) const;
  int free_index(std::string_view name) const;

 private:
  friend class SymtableBuilder;
  friend class SymtableAnalyzer;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> index_;
  // First global/nonlocal statement (or comprehension walrus) for each name, for error positions.
  std::vector<std::pair<std::string, SourceRange>> directives_;
  int comp_iter_expr_ = 0;       // >0 while visiting a comprehension's iterable
  bool comp_iter_target_ = false;  // while visiting a comprehension's iteration target

  Symbol& symbol(const std::string& mangled);  // finds or appends
};

class SymbolTable {
 public:
  const Scope* top() const { return top_; }
  // The scope `node` opens (ModNode, FunctionDef, AsyncFunctionDef, ClassDef, Lambda, ListComp,
  // SetComp, DictComp, GeneratorExp); null for any other node.
  const Scope* scope_of(const Node* node) const;
  const FutureFlags& future() const { return future_; }
  const std::string& filename() const { return filename_; }

 private:
  friend class SymtableBuilder;
  friend SymbolTable build_symtable(const ModNode*, const std::string&, FutureFlags&, int);
  std::vector<std::unique_ptr<Scope>> scopes_;  // owns every scope, annotation scopes included
  std::unordered_map<const Node*, Scope*> by_node_;
  Scope* top_ = nullptr;
  FutureFlags future_;
  std::string filename_;
};

// Thrown when statements, expressions and patterns nest deeper than the recursion budget; the runtime
// raises it as RecursionError(msg), as CPython does for such trees.
struct CompileRecursionError {
  std::string msg = "maximum recursion depth exceeded during compilation";
};

// CPython allows 3 nesting levels per Python frame still available under the recursion limit
// (1000): a compile() called from a script's top level (2 frames deep) gets 3 * 998.
constexpr int kDefaultRecursionBudget = 3 * 998;

// Runs the future pass on `mod` (adding its features to `future`, which may hold inherited compile()
// flags), then builds and analyses the symbol table. Throws SyntaxErrorException as CPython would,
// and CompileRecursionError past `recursion_budget` nested statements/expressions/patterns (the
// runtime may pass 3 * (sys.getrecursionlimit() - current depth) for CPython's exact limit).
SymbolTable build_symtable(const ModNode* mod, const std::string& filename, FutureFlags& future,
                           int recursion_budget = kDefaultRecursionBudget);

// CPython's _Py_Mangle: `name` as written inside class `private_name` (empty: no class).
std::string mangle(std::string_view private_name, std::string_view name);

// A text dump of every scope (preorder) and its symbols sorted by name, one per line:
//   <module|class|function> <name> line <n>[ nested] params=[a,b]
//     <symbol> <SCOPE> <FLAGS>
// `tools/check-symtable` prints Python's `symtable` module in the same format and diffs the two.
std::string dump_symtable(const SymbolTable& table);

}  // namespace coil::fe
