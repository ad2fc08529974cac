// symtable_analyze.cpp — the second symbol-table pass: resolve every name to its scope.
//
// Same algorithm as CPython 3.11's analyze_block(), top-down with three name sets:
//   bound  — names bound in enclosing *function* scopes (what a free name may refer to);
//            null for the module, whose names are globals, not closure cells;
//   global — names declared or implicitly global in enclosing scopes;
//   free   — filled bottom-up: names this block or its children take from outside.
// A class passes down the bound/global sets it received, *not* its own names (class bodies are
// invisible to methods) plus the implicit `__class__`; a function passes down its locals too.
// After the children, a function turns every local that some child needs into a CELL; a class
// drops `__class__` from the free set and notes that it must create that cell itself; names still
// free are added to this scope as FREE so the closure can be threaded through it.
#include <algorithm>
#include <set>

#include "frontend/symtable.h"
#include "frontend/syntax_error.h"

namespace coil::fe {

using NameSet = std::set<std::string, std::less<>>;

class SymtableAnalyzer {
 public:
  explicit SymtableAnalyzer(const std::string& filename) : filename_(filename) {}

  void analyze_block(Scope* ste, NameSet* bound, NameSet& free, NameSet& global);

 private:
  const std::string& filename_;

  [[noreturn]] void error_at_directive(const Scope* ste, const std::string& name, std::string msg);
  void analyze_name(Scope* ste, Symbol& sym, NameSet* bound, NameSet& local, NameSet& free,
                    NameSet& global);
  void analyze_child_block(Scope* child, const NameSet& bound, const NameSet& free,
                           const NameSet& global, NameSet& child_free);
  static void analyze_cells(Scope* ste, NameSet& free);
  static void update_symbols(Scope* ste, const NameSet* bound, const NameSet& free, bool is_class);
};

// Reports an error at the first global/nonlocal statement of `name` in `ste`.
void SymtableAnalyzer::error_at_directive(const Scope* ste, const std::string& name, std::string msg) {
  SyntaxErrorInfo info;
  info.msg = std::move(msg);
  info.filename = filename_;
  for (const auto& [n, r] : ste->directives_) {
    if (n != name) continue;
    info.lineno = r.lineno;
    info.offset = r.col_offset + 1;
    info.end_lineno = r.end_lineno;
    info.end_offset = r.end_col_offset + 1;
    break;
  }
  throw SyntaxErrorException{info};
}

void SymtableAnalyzer::analyze_name(Scope* ste, Symbol& sym, NameSet* bound, NameSet& local,
                                    NameSet& free, NameSet& global) {
  const std::string& name = sym.name;
  if (any(sym.flags, SymFlags::DefGlobal)) {
    if (any(sym.flags, SymFlags::DefNonlocal))
      error_at_directive(ste, name, "name '" + name + "' is nonlocal and global");
    sym.scope = SymbolScope::GlobalExplicit;
    global.insert(name);
    if (bound) bound->erase(name);
    return;
  }
  if (any(sym.flags, SymFlags::DefNonlocal)) {
    if (!bound) error_at_directive(ste, name, "nonlocal declaration not allowed at module level");
    if (!bound->contains(name))
      error_at_directive(ste, name, "no binding for nonlocal '" + name + "' found");
    sym.scope = SymbolScope::Free;
    ste->has_free = true;
    free.insert(name);
    return;
  }
  if (any(sym.flags, kDefBound)) {
    sym.scope = SymbolScope::Local;
    local.insert(name);
    global.erase(name);
    return;
  }
  // Bound in an enclosing function: a closure variable, not a global.
  if (bound && bound->contains(name)) {
    sym.scope = SymbolScope::Free;
    ste->has_free = true;
    free.insert(name);
    return;
  }
  sym.scope = SymbolScope::GlobalImplicit;
  if (!(global.contains(name)) && ste->nested) ste->has_free = true;
}

void SymtableAnalyzer::analyze_block(Scope* ste, NameSet* bound, NameSet& free, NameSet& global) {
  NameSet local, newglobal, newfree, newbound;
  bool is_class = ste->kind == ScopeKind::Class;
  bool is_function = ste->kind == ScopeKind::Function;

  // A class's own bindings are invisible to nested scopes, so what it passes down is fixed
  // before its names are analysed.
  if (is_class) {
    newglobal = global;
    if (bound) newbound = *bound;
  }
  for (Symbol& sym : ste->symbols) analyze_name(ste, sym, bound, local, free, global);
  if (!is_class) {
    if (is_function) newbound.insert(local.begin(), local.end());
    if (bound) newbound.insert(bound->begin(), bound->end());
    newglobal.insert(global.begin(), global.end());
  } else {
    newbound.insert("__class__");
  }

  NameSet allfree;
  for (Scope* child : ste->children) {
    analyze_child_block(child, newbound, newfree, newglobal, allfree);
    if (child->has_free || child->child_free) ste->child_free = true;
  }
  newfree.insert(allfree.begin(), allfree.end());

  if (is_function) {
    analyze_cells(ste, newfree);
  } else if (is_class && newfree.erase("__class__")) {
    ste->needs_class_closure = true;
  }
  update_symbols(ste, bound, newfree, is_class);
  free.insert(newfree.begin(), newfree.end());
}

// Analyses `child` with copies of the sets, so siblings do not see each other's changes.
void SymtableAnalyzer::analyze_child_block(Scope* child, const NameSet& bound, const NameSet& free,
                                           const NameSet& global, NameSet& child_free) {
  NameSet temp_bound = bound, temp_free = free, temp_global = global;
  analyze_block(child, &temp_bound, temp_free, temp_global);
  child_free.insert(temp_free.begin(), temp_free.end());
}

// A local that a nested scope uses lives in a cell.
void SymtableAnalyzer::analyze_cells(Scope* ste, NameSet& free) {
  for (Symbol& sym : ste->symbols) {
    if (sym.scope != SymbolScope::Local) continue;
    if (free.erase(sym.name)) sym.scope = SymbolScope::Cell;
  }
}

// Records names that children take from further out as FREE here, so the closure passes through.
void SymtableAnalyzer::update_symbols(Scope* ste, const NameSet* bound, const NameSet& free,
                                      bool is_class) {
  for (const std::string& name : free) {
    if (const Symbol* existing = ste->find(name)) {
      // A class that binds a name its methods take from an enclosing function: the class body
      // uses its own binding, the methods' closure still needs the outer cell.
      if (is_class && any(existing->flags, kDefBound | SymFlags::DefGlobal))
        ste->symbol(name).flags |= SymFlags::DefFreeClass;
      continue;
    }
    if (bound && !bound->contains(name)) continue;  // a global
    ste->symbol(name).scope = SymbolScope::Free;
  }
}

// Fills the ordered name lists the compiler reads, for every analysed scope.
static void fill_lists(Scope* ste) {
  // co_cellvars: parameters that are cells keep parameter order (they also stay in co_varnames),
  // the other cells follow sorted; co_freevars: sorted. Byte order of UTF-8 is code point order.
  for (const std::string& p : ste->params)
    if (ste->lookup(p) == SymbolScope::Cell) ste->cellvars.push_back(p);
  size_t param_cells = ste->cellvars.size();
  for (const Symbol& sym : ste->symbols) {
    if (sym.scope == SymbolScope::Cell && !any(sym.flags, SymFlags::DefParam))
      ste->cellvars.push_back(sym.name);
    if (sym.scope == SymbolScope::Free || any(sym.flags, SymFlags::DefFreeClass))
      ste->freevars.push_back(sym.name);
  }
  if (ste->needs_class_closure) ste->cellvars.push_back("__class__");
  std::sort(ste->cellvars.begin() + param_cells, ste->cellvars.end());
  std::sort(ste->freevars.begin(), ste->freevars.end());
  if (ste->is_function()) {
    ste->locals = ste->params;
    for (const Symbol& sym : ste->symbols)
      if (sym.scope == SymbolScope::Local && !any(sym.flags, SymFlags::DefParam))
        ste->locals.push_back(sym.name);
  }
  for (Scope* child : ste->children) fill_lists(child);
}

void analyze_symtable(Scope* top, const std::string& filename) {
  NameSet free, global;
  SymtableAnalyzer(filename).analyze_block(top, nullptr, free, global);
  fill_lists(top);
}

}  // namespace coil::fe
