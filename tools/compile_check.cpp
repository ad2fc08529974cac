// compile_check.cpp — `coil-compile [--dis] [-O|-OO] [--mode exec|eval|single] FILE...`:
// parses, compiles and verifies each file. Prints "OK file", "SyntaxError file:line: msg" or
// "VERIFY file: problem" per file (or with --dis the bytecode listing of one file).
// tools/check-compile and tools/regen-golden drive it.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "frontend/symtable.h"
#include "frontend/source.h"

using namespace coil::fe;

namespace {

 // Prints "qualname firstlineno stacksize: line line ..." (sorted distinct lines) for every code unit.
void print_lines(const CodeUnit& co) {
  std::set<int> seen;
  for (auto& p : co.positions)
    if (p.line > 0) seen.insert(p.line);
  std::printf("%s %d %d:", co.qualname.c_str(), co.firstlineno, co.stacksize);
  for (int l : seen) std::printf(" %d", l);
  std::printf("\n");
  for (auto& c : co.consts)
    if (c.kind == CodeConst::Kind::Code) print_lines(*c.code);
}

bool lines = false;
bool errpos = false;
bool show_warnings = false;  // --warnings: print SyntaxWarnings first  // --errpos: errors as file:line:offset: msg

int compile_one(const std::string& path, CompileMode mode, int optimize, bool dis) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::printf("ERROR %s: cannot open\n", path.c_str());
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  try {
    DecodedSource src = decode_source(bytes, path, SourceOrigin::Bytes);
    Arena arena;
    ParseMode pm = mode == CompileMode::Eval     ? ParseMode::Eval
                   : mode == CompileMode::Single ? ParseMode::Single
                                                 : ParseMode::Exec;
    ModNode* mod = parse(src.text, path, pm, arena);
    std::vector<SyntaxErrorInfo> warnings;
    auto code = compile_module(mod, path, mode, optimize, 0, &warnings);
    if (show_warnings)
      for (auto& w : warnings)
        std::printf("SyntaxWarning %s:%d:%d: %s\n", path.c_str(), w.lineno, w.offset, w.msg.c_str());
    std::string problem = verify(*code);
    if (!problem.empty()) {
      std::printf("VERIFY %s: %s\n", path.c_str(), problem.c_str());
      if (dis) std::fputs(disassemble(*code).c_str(), stdout);
      return 1;
    }
    if (lines) {
      print_lines(*code);
    } else if (dis)
      std::fputs(disassemble(*code).c_str(), stdout);
    else
      std::printf("OK %s\n", path.c_str());
    return 0;
  } catch (const CompileRecursionError& e) {
    std::printf("RecursionError %s: %s\n", path.c_str(), e.msg.c_str());
    return 1;
  } catch (const SyntaxErrorException& e) {
    if (errpos)
      std::printf("SyntaxError %s:%d:%d: %s\n", path.c_str(), e.info.lineno, e.info.offset,
                  e.info.msg.c_str());
    else
      std::printf("SyntaxError %s:%d: %s\n", path.c_str(), e.info.lineno, e.info.msg.c_str());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CompileMode mode = CompileMode::Exec;
  int optimize = 0;
  bool dis = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dis") dis = true;
    else if (a == "--lines") lines = true;
    else if (a == "--errpos") errpos = true;
    else if (a == "--warnings") show_warnings = true;
    else if (a == "-O") optimize = 1;
    else if (a == "-OO") optimize = 2;
    else if (a == "--mode" && i + 1 < argc) {
      std::string m = argv[++i];
      mode = m == "eval" ? CompileMode::Eval : m == "single" ? CompileMode::Single
                                                             : CompileMode::Exec;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr,
                 "usage: coil-compile [--dis] [-O|-OO] [--mode exec|eval|single] FILE...\n");
    return 2;
  }
  int worst = 0;
  for (auto& f : files) {
    int rc = compile_one(f, mode, optimize, dis);
    if (rc > worst) worst = rc;
    std::fflush(stdout);
  }
  return worst;
}
