// symtable_dump.cpp — prints the symbol tables of modules given as CPython `ast` JSON (tools/check-symtable).
//
// Usage: coil-symtable-dump FILE.json...  For each file: a line "== FILE", then dump_symtable()'s text
// followed, for each function and class scope in the same preorder, by its code-object facts, or
// one "error: ..." line with the SyntaxError's message and position.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "frontend/symtable.h"
#include "frontend/syntax_error.h"
#include "tools/ast_json.h"

using namespace coil::fe;

namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

// What the compiler derives from each scope: co_flags bits, co_cellvars, co_freevars.
void dump_code_facts(const Scope* s, std::string& out) {
  if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Class) {
    out += "code " + s->name + " line " + std::to_string(s->range.lineno);
    if (s->kind == ScopeKind::Function) {
      out += " gen=" + std::to_string(int(s->generator)) + " coro=" + std::to_string(int(s->coroutine));
      out += " varargs=" + std::to_string(int(s->varargs)) + " varkw=" + std::to_string(int(s->varkeywords));
    }
    out += " cells=[" + join(s->cellvars) + "] frees=[" + join(s->freevars) + "]\n";
  }
  for (const Scope* c : s->children) dump_code_facts(c, out);
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    std::string out = std::string("== ") + argv[i] + "\n";
    try {
      Arena arena;
      ModNode* mod = coil::tools::ast_from_json(buf.str(), arena);
      FutureFlags future;
      SymbolTable table = build_symtable(mod, "<dump>", future);
      out += dump_symtable(table);
      dump_code_facts(table.top(), out);
    } catch (const SyntaxErrorException& e) {
      const SyntaxErrorInfo& x = e.info;
      out += "error: " + x.msg + " " + std::to_string(x.lineno) + " " + std::to_string(x.offset) + " " +
             std::to_string(x.end_lineno) + " " + std::to_string(x.end_offset) + "\n";
    } catch (const CompileRecursionError& e) {
      out += "error: RecursionError " + e.msg + "\n";
    } catch (const coil::tools::AstJsonError& e) {
      out += std::string("json error: ") + e.what() + "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}
