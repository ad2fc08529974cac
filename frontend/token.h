// token.h — tokens as the tokenizer hands them to the parser and to `--dump tokens`.
#pragma once

#include <cstdint>
#include <string_view>

namespace coil::fe {

enum class TokenKind : uint8_t {
#define TOKEN(Name, PyName) Name,
#define OPTOKEN(Name, PyName, Text) Name,
#include "frontend/token.def"
};

// CPython's name for a token kind ("NAME", "LPAR", ...).
const char* token_name(TokenKind kind);

// One token. `kind` is the exact kind (LPar, not Op); `text` views the tokenizer's
// UTF-8 buffer and stays valid while the tokenizer lives. Positions follow CPython:
// 1-based lines, 0-based columns in UTF-8 bytes; `end_col` is one past the last byte.
struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text;
  int line = 0, col = 0, end_line = 0, end_col = 0;
};

}  // namespace coil::fe
