// future.h — `from __future__ import ...` statements: the features they turn on, and their errors.
//
// CPython runs this pass (future.c) right after parsing and before the symbol table: it reads the
// future imports at the top of a module and rejects unknown features ("not a chance" for braces).
// The flags it produces are what compile() merges with its `flags` argument and what code objects
// carry in co_flags; the symbol table reads `annotations` (PEP 563: annotations become strings).
#pragma once

#include <cstdint>
#include <string>

#include "frontend/ast.h"

namespace coil::fe {

// CPython's CO_FUTURE_* compiler flags (same bit values, so compile() flags pass through unchanged).
enum class FutureFeature : uint32_t {
  None = 0,
  Division = 0x20000,         // CO_FUTURE_DIVISION (set only by compile() flags in 3.11)
  AbsoluteImport = 0x40000,   // CO_FUTURE_ABSOLUTE_IMPORT
  WithStatement = 0x80000,    // CO_FUTURE_WITH_STATEMENT
  PrintFunction = 0x100000,   // CO_FUTURE_PRINT_FUNCTION
  UnicodeLiterals = 0x200000, // CO_FUTURE_UNICODE_LITERALS
  BarryAsBdfl = 0x400000,     // CO_FUTURE_BARRY_AS_BDFL: `<>` instead of `!=`
  GeneratorStop = 0x800000,   // CO_FUTURE_GENERATOR_STOP
  Annotations = 0x1000000,    // CO_FUTURE_ANNOTATIONS: PEP 563 string annotations
};
constexpr FutureFeature operator|(FutureFeature a, FutureFeature b) {
  return FutureFeature(uint32_t(a) | uint32_t(b));
}
constexpr FutureFeature operator&(FutureFeature a, FutureFeature b) {
  return FutureFeature(uint32_t(a) & uint32_t(b));
}
constexpr FutureFeature& operator|=(FutureFeature& a, FutureFeature b) { return a = a | b; }

// What the future pass found, merged with the flags the caller inherited (compile()'s `flags`).
struct FutureFlags {
  FutureFeature features = FutureFeature::None;
  // Line of the last valid future import, -1 when none. The compiler rejects any later
  // `from __future__ import` ("from __future__ imports must occur at the beginning of the file")
  // by comparing a statement's line with this, as CPython's compiler does.
  int lineno = -1;

  bool has(FutureFeature f) const { return (features & f) != FutureFeature::None; }
};

// Reads the future imports at the top of `mod` (after an optional docstring) into `flags`, keeping
// the features already set there. Throws SyntaxErrorException for an unknown feature, `braces`,
// or a future import that follows another statement on the same line, as CPython's future.c.
void parse_future(const ModNode* mod, const std::string& filename, FutureFlags& flags);

}  // namespace coil::fe
