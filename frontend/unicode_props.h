// unicode_props.h — the few Unicode facts the frontend needs, exactly as CPython 3.11 sees them.
#pragma once

#include <string>
#include <string_view>

namespace coil::fe {

bool is_xid_start(char32_t cp);     // may start an identifier ('_' excluded; callers add it)
bool is_xid_continue(char32_t cp);  // may continue an identifier
bool is_printable(char32_t cp);     // str.isprintable() of one char
bool is_word_char(char32_t cp);     // re's \w on str patterns

// Decodes the UTF-8 sequence at s[i] (which must be valid UTF-8) and advances i past it.
char32_t decode_utf8_at(std::string_view s, size_t& i);
// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);
// Number of code points in valid UTF-8 text (counts non-continuation bytes).
int count_code_points(std::string_view s);

// NFKC-normalises an identifier the way the parser does for non-ASCII names (PEP 3131).
// ASCII input is returned unchanged.
std::string nfkc_identifier(std::string_view utf8);

}  // namespace coil::fe
