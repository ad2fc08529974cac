// suggestions.h — "Did you mean: 'x'?" for NameError and AttributeError, computed the way
// CPython 3.11 does (a Levenshtein distance where a case change costs less than a move).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/value.h"

namespace coil::rt {

// The best candidate for `name` among `candidates`, or "" when none is close enough.
std::string best_suggestion(std::string_view name, const std::vector<std::string>& candidates);
// The suggestion for an exception about to be printed ("" if none applies).
std::string suggestion_for(Value exc);

}  // namespace coil::rt
