// source.h — turns a program's bytes into UTF-8 text the way CPython decides its encoding
// (UTF-8 BOM, PEP 263 coding cookie on line 1 or 2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coil::fe {

// Where the bytes come from: CPython words its errors differently for a script file
// (`python3 prog.py`) and for bytes handed to compile()/exec() or the import system.
enum class SourceOrigin : uint8_t { File, Bytes };

struct DecodedSource {
  std::string text;      // UTF-8, BOM removed, line endings untouched
  std::string encoding;  // normalised name: "utf-8", "iso-8859-1", or the cookie's name ("ascii")
  bool had_bom = false;
};

// Decodes `bytes` (throws SyntaxErrorException with CPython's message on an unknown
// encoding, a BOM/cookie conflict, undecodable bytes, or a NUL byte in a File).
// Supported codecs: utf-8, latin-1 / iso-8859-1 and ascii with their Python aliases.
DecodedSource decode_source(std::string_view bytes, const std::string& filename,
                            SourceOrigin origin = SourceOrigin::File);

// The codec a cookie names, after Python's alias normalisation; nullopt if unsupported.
enum class Codec : uint8_t { Utf8, Latin1, Ascii };
std::optional<Codec> lookup_codec(std::string_view name);

// The first undecodable UTF-8 sequence of a buffer, described as Python's codec does.
struct Utf8Error {
  size_t start = 0, end = 0;  // the bad bytes [start, end)
  const char* reason = "";    // "invalid start byte", "invalid continuation byte", "unexpected end of data"
};
// Returns the first error in `s`, or nullopt if `s` is valid (strict) UTF-8.
std::optional<Utf8Error> find_utf8_error(std::string_view s);
// "'utf-8' codec can't decode byte 0xff in position 5: invalid start byte" (positions in `s`).
std::string utf8_error_message(std::string_view s, const Utf8Error& e);

// Appends `bytes` decoded from Latin-1 to `out` as UTF-8.
void append_latin1_as_utf8(std::string& out, std::string_view bytes);

// The encoding named by a PEP 263 cookie in one line ("# -*- coding: latin-1 -*-"), as the
// C tokenizer finds it, normalised like CPython's get_normal_name; nullopt if the line has none.
std::optional<std::string> find_coding_cookie(std::string_view line);

}  // namespace coil::fe
