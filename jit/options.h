// options.h — the JIT's tunables as one struct, parsed from `--jit` / COIL_JIT.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace coil::jit {

struct Options {
#define TUNABLE(Name, Kind, Default, Min, Max, Help) int64_t Name = Default;
#define STRING_TUNABLE(Name, Default, Choices, Help) std::string Name = Default;
#include "jit/tunables.def"
};

// The options in force for this process (set once by the command line).
Options& options();

// Applies a `--jit` argument: "off", "on", "help" is handled by the caller, or
// "name=value,name=value". Returns an empty string on success, else the error message.
std::string apply_options(Options& opts, std::string_view spec);

// Writes the `--jit help` text: every tunable with its default and meaning.
std::string options_help();

}  // namespace coil::jit
