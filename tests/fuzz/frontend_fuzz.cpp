// frontend_fuzz.cpp — libFuzzer target over the whole frontend: decode -> tokenize ->
// parse -> symbol tables -> compile -> verify, plus the token dump. Any input must end in a
// result or a SyntaxErrorException (or the frontend's recursion error), never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "frontend/symtable.h"
#include "frontend/token_dump.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace coil::fe;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    dump_tokens(bytes, "<fuzz>");
  } catch (const SyntaxErrorException&) {
  }
  try {
    DecodedSource src = decode_source(bytes, "<fuzz>", SourceOrigin::Bytes);
    for (ParseMode mode : {ParseMode::Exec, ParseMode::Eval, ParseMode::Single}) {
      try {
        Arena arena;
        ModNode* mod = parse(src.text, "<fuzz>", mode, arena);
        CompileMode cm = mode == ParseMode::Exec ? CompileMode::Exec
                         : mode == ParseMode::Eval ? CompileMode::Eval
                                                   : CompileMode::Single;
        auto unit = compile_module(mod, "<fuzz>", cm, 0);
        std::string problem = verify(*unit);
        if (!problem.empty()) __builtin_trap();  // the compiler produced invalid bytecode
        disassemble(*unit);
      } catch (const SyntaxErrorException&) {
      } catch (const CompileRecursionError&) {
      }
    }
  } catch (const SyntaxErrorException&) {
  }
  return 0;
}
