// str_util.h — helpers shared by the files that implement str's methods (str_methods.cpp,
// str_case.cpp, str_format.cpp): code point iteration over UTF-8 and the
// argument conversions those methods have in common.
#pragma once

#include <string>
#include <string_view>

#include "runtime/str.h"

namespace coil::rt {

// Decodes UTF-8 text into code points (for algorithms that need random access).
std::u32string utf8_to_u32(std::string_view s);
std::string u32_to_utf8(std::u32string_view s);
// Code point index of byte offset `off` in s.
int64_t str_cp_index(const StrObject* s, int64_t off);
// Clamps start/end the way str.find does (negative counts from the end).
void adjust_indices(int64_t* start, int64_t* end, int64_t len);
// Reads the optional start/end arguments of find/count/startswith (args[0], args[1] may be
// empty); false with TypeError pending.
bool parse_start_end(Value s, Value e, int64_t* start, int64_t* end);
// Returns a Value for new text, or the same object when unchanged and exact.
Value str_result(Value self, std::string&& text);
// The exact str of a str or str subclass instance.
inline Value exact_str(Value v) { return Value::from_obj(as_str(v)); }

}  // namespace coil::rt
