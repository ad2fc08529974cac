// repl.cpp — the interactive prompt (`coil` with a terminal on stdin, or `-i`): reads
// statements with ">>> " / "... ", compiles them in 'single' mode so expression values are
// echoed through sys.displayhook, and prints errors without leaving.
#include "runtime/repl.h"

#include <cstdio>
#include <iostream>
#include <string>

#include "frontend/parser.h"
#include "frontend/source.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/interpreter.h"
#include "runtime/run.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/version.h"
#include "stdlib/io_support.h"

namespace coil::rt {

namespace {

// Is `source` a complete statement? Incomplete input (an open bracket, a block header
// without its body, an unterminated triple-quoted string) means "read another line".
bool needs_more(const std::string& source) {
  try {
    fe::Arena arena;
    fe::parse(source, "<stdin>", fe::ParseMode::Single, arena);
    return false;
  } catch (const fe::SyntaxErrorException& e) {
    const std::string& m = e.info.msg;
    return m.find("was never closed") != std::string::npos || m.find("unexpected EOF") != std::string::npos ||
           m.find("expected an indented block") != std::string::npos ||
           m.find("unterminated triple-quoted") != std::string::npos;
  }
}

bool read_line(const char* prompt, std::string* line) {
  lib::flush_std_streams();
  std::fputs(prompt, stderr);
  std::fflush(stderr);
  if (!std::getline(std::cin, *line)) return false;
  *line += "\n";
  return true;
}

}  // namespace

int run_repl(ModuleObject* main, bool banner) {
  if (banner) {
    std::fprintf(stderr, "Python %s on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                 version_long().c_str());
  }
  while (true) {
    std::string source, line;
    if (!read_line(">>> ", &line)) {
      std::fputc('\n', stderr);
      return 0;
    }
    source = line;
    bool compound = false;
    while (line != "\n" && needs_more(source)) {
      compound = true;
      if (!read_line("... ", &line)) break;
      source += line;
    }
    // A compound statement ends at a blank line.
    while (compound && line != "\n" && !source.empty()) {
      if (!read_line("... ", &line)) break;
      source += line;
    }
    if (source.find_first_not_of(" \t\n") == std::string::npos) continue;
    CodeObject* code = compile_source(source, "<stdin>", 2, 0);
    if (code) {
      Value r = run_code(code, main->dict, Value::from_obj(main->dict));
      if (!r.is_empty_slot()) continue;
    }
    if (pending_matches(SystemExitType)) return -1;  // the caller handles SystemExit
    print_pending_exception();
  }
}

}  // namespace coil::rt
