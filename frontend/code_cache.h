// code_cache.h — CodeUnits as bytes, for Coil's bytecode cache (marshal's code objects,
// __pycache__/*.coil-311.pyc). The bytes carry a format id: a hash of the opcode table
// and of this format's version, so bytecode from a different opcode set is refused.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "frontend/code.h"

namespace coil::fe {

// The id of this build's bytecode format (opcodes.def's rows + kCodeCacheVersion).
uint64_t code_format_id();
// Appends `unit` (and its nested units) to `out`; `filename` replaces unit.filename at
// every level when non-empty.
void serialize_unit(const CodeUnit& unit, std::string* out, const std::string& filename = "");
// Reads a unit written by serialize_unit from `in` at *pos; null (with *error set) when
// the bytes are malformed or the unit fails the bytecode verifier.
std::shared_ptr<CodeUnit> deserialize_unit(std::string_view in, size_t* pos, std::string* error);

}  // namespace coil::fe
