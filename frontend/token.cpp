// token.cpp — token names, from token.def.
#include "frontend/token.h"

namespace coil::fe {

const char* token_name(TokenKind kind) {
  static const char* const kNames[] = {
#define TOKEN(Name, PyName) PyName,
#define OPTOKEN(Name, PyName, Text) PyName,
#include "frontend/token.def"
  };
  return kNames[static_cast<int>(kind)];
}

}  // namespace coil::fe
