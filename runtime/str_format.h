// str_format.h — str's own formatting: str.__format__, str.format, str.format_map (the
// format-spec mini-language is float_format.h's).
#pragma once

#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct StrObject;

// format(s, spec) for a str (str.__format__).
Value str_format_spec(Value s, Value spec);

}  // namespace coil::rt
