// unicode_names.h — Unicode character names for "\N{...}" escapes (data generated at build
// time from the host Python's unicodedata by tools/gen_unicode_names.py).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace coil::fe {

// Returns the code point named `name` (case-insensitive, as unicodedata.lookup without named
// sequences; name aliases such as "LINE FEED" too unless `aliases` is false), or -1 when there is
// none.
int32_t lookup_unicode_name(std::string_view name, bool aliases = true);

// The name of code point `cp` (what unicodedata.name gives), or "" when it has none.
std::string unicode_name_of(int32_t cp);

}  // namespace coil::fe
