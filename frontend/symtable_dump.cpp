// symtable_dump.cpp — names of flags and scopes, and the text dump tools/check-symtable compares.
#include <algorithm>

#include "frontend/symtable.h"

namespace coil::fe {

namespace {

struct FlagRow {
  SymFlags flag;
  const char* name;
};
constexpr FlagRow kFlagRows[] = {
#define SYM_FLAG(Name, Bit, CName) {SymFlags::Name, CName},
#include "frontend/symtable.def"
};

const char* kind_name(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::Module: return "module";
    case ScopeKind::Class: return "class";
    case ScopeKind::Function: return "function";
    case ScopeKind::Annotation: return "annotation";
  }
  return "?";
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ',';
    out += n;
  }
  return out;
}

void dump_scope(const Scope* scope, std::string& out) {
  out += kind_name(scope->kind);
  out += ' ' + scope->name + " line " + std::to_string(scope->range.lineno);
  if (scope->nested) out += " nested";
  out += " params=[" + join(scope->params) + "]\n";
  std::vector<const Symbol*> sorted;
  for (const Symbol& sym : scope->symbols) sorted.push_back(&sym);
  std::sort(sorted.begin(), sorted.end(),
            [](const Symbol* a, const Symbol* b) { return a->name < b->name; });
  for (const Symbol* sym : sorted) {
    out += "  " + sym->name + ' ' + symbol_scope_name(sym->scope) + ' ' + sym_flags_name(sym->flags);
    out += '\n';
  }
  for (const Scope* child : scope->children) dump_scope(child, out);
}

}  // namespace

std::string sym_flags_name(SymFlags flags) {
  std::string out;
  for (const FlagRow& row : kFlagRows) {
    if (!any(flags, row.flag)) continue;
    if (!out.empty()) out += '|';
    out += row.name;
  }
  return out.empty() ? "0" : out;
}

const char* symbol_scope_name(SymbolScope scope) {
  switch (scope) {
#define SYM_SCOPE(Name, Value, CName) \
  case SymbolScope::Name:             \
    return CName;
#include "frontend/symtable.def"
    case SymbolScope::Unknown:
      break;
  }
  return "UNKNOWN";
}

std::string dump_symtable(const SymbolTable& table) {
  std::string out;
  dump_scope(table.top(), out);
  return out;
}

}  // namespace coil::fe
