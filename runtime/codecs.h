// codecs.h — the built-in text codecs (UTF-8, ASCII, Latin-1) behind str.encode,
// bytes.decode and str(bytes, encoding), with the standard error handlers (strict, ignore,
// replace, surrogateescape, surrogatepass, backslashreplace, xmlcharrefreplace), and the
// UnicodeDecodeError / UnicodeEncodeError objects they raise.
#pragma once

#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct StrObject;

// Decodes `data`; empty Value with LookupError / UnicodeDecodeError pending on failure.
Value codec_decode(std::string_view data, std::string_view encoding, std::string_view errors);
// Encodes `s` to a bytes object; empty Value with LookupError / UnicodeEncodeError pending.
Value codec_encode(StrObject* s, std::string_view encoding, std::string_view errors);
// The canonical name ("utf-8", "ascii", "latin-1") of a supported encoding, or null.
const char* codec_canonical_name(std::string_view encoding);

// str() of a UnicodeDecodeError / UnicodeEncodeError whose attributes are set; empty Value
// (no exception) if they are not in the expected shape.
Value unicode_error_str(Value exc);
// Sets encoding/object/start/end/reason from the 5 constructor args (Unicode{De,En}codeError).
bool unicode_error_init(Value exc);

}  // namespace coil::rt
