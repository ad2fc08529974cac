// astdump.cpp — `astdump [-a] [--mode exec|eval|single|func_type] FILE`: prints Coil's AST the way
// `python3.11 -m ast FILE` does, or "SyntaxError: msg (line L, offset O)" and exit 1.
// Used by tools/check-ast and tools/check-syntax-errors to compare with CPython.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "frontend/ast_dump.h"
#include "frontend/parser.h"
#include "frontend/source.h"

using namespace coil::fe;

namespace {

const char* kind_name(SyntaxErrorInfo::Kind k) {
  switch (k) {
    case SyntaxErrorInfo::Kind::SyntaxError: return "SyntaxError";
    case SyntaxErrorInfo::Kind::IndentationError: return "IndentationError";
    case SyntaxErrorInfo::Kind::TabError: return "TabError";
    case SyntaxErrorInfo::Kind::TooComplex: return "MemoryError";
  }
  return "SyntaxError";
}

}  // namespace

int main(int argc, char** argv) {
  ParseMode mode = ParseMode::Exec;
  bool quiet = false, attributes = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    if (!std::strcmp(argv[i], "--quiet")) {
      quiet = true;
      continue;
    }
    if (!std::strcmp(argv[i], "-a") || !std::strcmp(argv[i], "--include-attributes")) {
      attributes = true;  // python3.11 -m ast -a: positions too
      continue;
    }
    if (i + 1 >= argc) break;
    std::string m = argv[++i];
    mode = m == "eval" ? ParseMode::Eval : m == "single" ? ParseMode::Single
         : m == "func_type" ? ParseMode::FuncType : ParseMode::Exec;
  }
  if (i >= argc) {
    std::fprintf(stderr, "usage: astdump [-a] [--quiet] [--mode exec|eval|single|func_type] FILE\n");
    return 2;
  }
  std::ifstream in(argv[i], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "astdump: cannot open %s\n", argv[i]);
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  try {
    DecodedSource src = decode_source(bytes, argv[i], SourceOrigin::Bytes);
    Arena arena;
    ModNode* mod = parse(src.text, argv[i], mode, arena);
    if (!quiet) std::cout << dump_ast(mod, 3, attributes) << "\n";
  } catch (const SyntaxErrorException& e) {
    std::cout << kind_name(e.info.kind) << ": " << e.info.msg << " (line " << e.info.lineno
              << ", offset " << e.info.offset << ")\n";
    return 1;
  }
  return 0;
}
