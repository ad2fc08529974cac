// str_format.h — the format-spec mini-language parser (shared by every type's __format__)
// and str's own formatting: str.__format__, str.format, str.format_map.
#pragma once

#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct StrObject;

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], parsed as CPython 3.11's
// parse_internal_render_format_spec does.
struct FormatSpec {
  char32_t fill = ' ';
  char align = 0;       // '<', '>', '^', '=' or 0 (the type's default)
  char sign = 0;        // '+', '-', ' ' or 0
  bool no_neg_0 = false;  // 'z'
  bool alternate = false; // '#'
  int64_t width = -1;
  char grouping = 0;    // ',' or '_' or 0
  int64_t precision = -1;
  char32_t type = 0;    // 0 when absent (default_type is substituted)
};

// Parses `spec` for an object of type `type_name`; false with ValueError pending.
// `default_type` replaces a missing type ('s' for str, 0 for numbers);
// `default_align` is '<' for str, '>' for numbers (it decides what a bare '0' means).
bool parse_format_spec(std::string_view spec, FormatSpec* out, char default_type, char default_align,
                       const char* type_name);
// Pads `text` (UTF-8, `len` code points) to spec.width with spec.fill per spec.align
// (`default_align` when none).
std::string pad_formatted(std::string_view text, int64_t len, const FormatSpec& spec, char default_align);

// format(s, spec) for a str (str.__format__).
Value str_format_spec(Value s, Value spec);

}  // namespace coil::rt
