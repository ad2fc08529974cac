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
// Supported codecs: see lookup_codec.
DecodedSource decode_source(std::string_view bytes, const std::string& filename,
                            SourceOrigin origin = SourceOrigin::File);

// The codec a cookie names, after Python's alias normalisation; nullopt if Coil lacks it.
// Besides UTF-8, Latin-1 and ASCII, the common single-byte codecs are tables generated from
// python3.11 (cp1250-1252, iso8859-2/5/15, koi8-r/u, cp437, cp850, mac-roman).
enum class CodecKind : uint8_t { Utf8, Latin1, Ascii, SingleByte };
struct Codec {
  CodecKind kind = CodecKind::Utf8;
  const char16_t* high = nullptr;  // SingleByte: chars of bytes 0x80..0xFF (0xFFFF: undefined)
};
std::optional<Codec> lookup_codec(std::string_view name);

// Appends `bytes` decoded with a non-UTF-8 codec to `out` as UTF-8. Returns the offset of the
// first undecodable byte (then `out` holds what came before it), or nullopt.
std::optional<size_t> decode_bytes(const Codec& codec, std::string_view bytes, std::string& out);
// Python's message for that byte: "'ascii' codec can't decode byte 0xc3 in position 3: ...".
std::string decode_error_message(const Codec& codec, unsigned char byte, size_t position);

// The first undecodable UTF-8 sequence of a buffer, described as Python's codec does.
struct Utf8Error {
  size_t start = 0, end = 0;  // the bad bytes [start, end)
  const char* reason = "";    // "invalid start byte", "invalid continuation byte", "unexpected end of data"
};
// Returns the first error in `s`, or nullopt if `s` is valid (strict) UTF-8.
std::optional<Utf8Error> find_utf8_error(std::string_view s);
// "'utf-8' codec can't decode byte 0xff in position 5: invalid start byte" (positions in `s`).
std::string utf8_error_message(std::string_view s, const Utf8Error& e);

// The encoding named by a PEP 263 cookie in one line ("# -*- coding: latin-1 -*-"), as the
// C tokenizer finds it, normalised like CPython's get_normal_name; nullopt if the line has none.
std::optional<std::string> find_coding_cookie(std::string_view line);

}  // namespace coil::fe
