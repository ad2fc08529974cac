// tokdump.cpp — test driver: `tokdump FILE` prints dump_tokens (python3.11 -m tokenize's output);
// `tokdump --bench FILE` times parser mode; `tokdump --parser FILE` prints the parser-mode stream, one token per line:
// KIND LINE,COL-END_LINE,END_COL REPR(text).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "frontend/source.h"
#include "frontend/token_dump.h"
#include "frontend/tokenizer.h"

using namespace coil::fe;

int main(int argc, char** argv) {
  bool parser = argc == 3 && std::string(argv[1]) == "--parser";
  bool bench = argc == 3 && std::string(argv[1]) == "--bench";
  if (argc != 2 && !parser && !bench) {
    std::fprintf(stderr, "usage: tokdump [--parser|--bench] FILE\n");
    return 2;
  }
  const char* path = argv[argc - 1];
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", path);
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  try {
    if (bench) {  // parser-mode throughput: decode + tokenize 20 times, no output
      auto t0 = std::chrono::steady_clock::now();
      size_t n = 0;
      for (int i = 0; i < 20; ++i) {
        Tokenizer tok(decode_source(bytes, path).text, path);
        while (tok.next().kind != TokenKind::EndMarker) ++n;
      }
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("%zu tokens, %.1f MB/s, %.1f Mtokens/s\n", n / 20, 20 * bytes.size() / s / 1e6,
                  n / s / 1e6);
      return 0;
    }
    if (!parser) {
      std::cout << dump_tokens(bytes, path);
      return 0;
    }
    DecodedSource src = decode_source(bytes, path, SourceOrigin::Bytes);
    Tokenizer tok(std::move(src.text), path);
    std::string out;
    for (;;) {
      Token t = tok.next();
      out += std::string(token_name(t.kind)) + " " + std::to_string(t.line) + "," +
             std::to_string(t.col) + "-" + std::to_string(t.end_line) + "," +
             std::to_string(t.end_col) + " " + py_repr(t.text) + "\n";
      if (t.kind == TokenKind::EndMarker) break;
    }
    std::cout << out;
  } catch (const SyntaxErrorException& e) {
    if (!parser) {
      std::cerr << format_tokenize_error(e.info) << "\n";
    } else {
      const SyntaxErrorInfo& i = e.info;
      const char* kinds[] = {"SyntaxError", "IndentationError", "TabError"};
      std::cout << "ERROR " << kinds[static_cast<int>(i.kind)] << " " << py_repr(i.msg) << " "
                << i.lineno << " " << i.offset << " " << i.end_lineno << " " << i.end_offset
                << " " << py_repr(i.text) << "\n";
    }
    return 1;
  }
  return 0;
}
