// source.cpp — source decoding: BOM, PEP 263 cookies, strict UTF-8 validation, Latin-1/ASCII.
#include "frontend/source.h"

#include <algorithm>
#include <cstdio>

#include "frontend/unicode_props.h"

#include "frontend/syntax_error.h"

namespace coil::fe {

namespace {

struct CodecName {
  const char* name;
  int index;
  const char16_t* table;
};

#include "frontend/codec_tables.inc"

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// CPython's get_normal_name: only utf-8 and latin-1 spellings are canonicalised.
std::string normal_encoding_name(std::string_view s) {
  std::string buf;
  for (size_t i = 0; i < s.size() && i < 12; ++i) buf += s[i] == '_' ? '-' : ascii_lower(s[i]);
  auto starts = [&](std::string_view p) { return buf.compare(0, p.size(), p) == 0; };
  if (buf == "utf-8" || starts("utf-8-")) return "utf-8";
  if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || starts("latin-1-") ||
      starts("iso-8859-1-") || starts("iso-latin-1-"))
    return "iso-8859-1";
  return std::string(s);
}

[[noreturn]] void fail(std::string msg, const std::string& filename, int lineno = 0,
                       std::string text = {}) {
  SyntaxErrorInfo info;
  info.msg = std::move(msg);
  info.filename = filename;
  info.lineno = lineno;
  info.text = std::move(text);
  throw SyntaxErrorException{std::move(info)};
}

// A decoding error of compile()/exec() source bytes: CPython gives it no position
// (lineno 0, offset -1, no text).
[[noreturn]] void fail_unplaced(std::string msg, const std::string& filename) {
  SyntaxErrorInfo info;
  info.msg = std::move(msg);
  info.filename = filename;
  info.offset = -1;
  throw SyntaxErrorException{std::move(info)};
}

// Splits off line `n` (0-based) of `s`, newline included.
std::string_view nth_line(std::string_view s, int n, size_t* start_out = nullptr) {
  size_t start = 0;
  for (int i = 0; i < n; ++i) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t nl = s.find('\n', start);
  if (start_out) *start_out = start;
  return s.substr(start, nl == std::string_view::npos ? s.size() - start : nl + 1 - start);
}

int line_of_offset(std::string_view s, size_t off) {
  int line = 1;
  for (size_t i = 0; i < off && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

// True if a line holds only blanks and maybe a comment (a cookie may then follow on line 2).
bool is_blank_or_comment(std::string_view line) {
  for (char c : line) {
    if (c == '#' || c == '\n' || c == '\r') return true;
    if (c != ' ' && c != '\t' && c != '\f') return false;
  }
  return true;
}

}  // namespace

std::optional<Codec> lookup_codec(std::string_view name) {
  // codecs.lookup: lower case, then encodings.normalize_encoding (runs of punctuation other
  // than '.' become one '_'), then the alias table (also tried with '.' read as '_').
  std::string n;
  bool punct = false;
  for (char ch : name) {
    char c = ascii_lower(ch);
    if (is_ascii_alnum(c) || c == '.') {
      if (punct && !n.empty()) n += '_';
      n += c;
      punct = false;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      punct = true;
    }
  }
  std::string dotless = n;
  std::replace(dotless.begin(), dotless.end(), '.', '_');
  for (const CodecName& c : kCodecNames) {
    if (n != c.name && dotless != c.name) continue;
    static constexpr CodecKind kNative[] = {CodecKind::Utf8, CodecKind::Latin1, CodecKind::Ascii};
    return c.table ? Codec{CodecKind::SingleByte, c.table} : Codec{kNative[c.index], nullptr};
  }
  return std::nullopt;
}

std::optional<size_t> decode_bytes(const Codec& codec, std::string_view bytes, std::string& out) {
  out.reserve(out.size() + bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    char32_t cp = c;
    if (codec.kind == CodecKind::Ascii) return i;
    if (codec.kind == CodecKind::SingleByte) {
      cp = codec.high[c - 0x80];
      if (cp == 0xFFFF) return i;
    }
    append_utf8(out, cp);
  }
  return std::nullopt;
}

std::string decode_error_message(const Codec& codec, unsigned char byte, size_t position) {
  char buf[160];
  if (codec.kind == CodecKind::Ascii)
    std::snprintf(buf, sizeof buf,
                  "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in "
                  "range(128)",
                  byte, position);
  else
    std::snprintf(buf, sizeof buf,
                  "'charmap' codec can't decode byte 0x%02x in position %zu: character maps to "
                  "<undefined>",
                  byte, position);
  return buf;
}

std::optional<Utf8Error> find_utf8_error(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    int extra;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
    if (b >= 0xC2 && b <= 0xDF) {
      extra = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      extra = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      extra = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return Utf8Error{i, i + 1, "invalid start byte"};
    }
    size_t j = i + 1;
    for (int k = 0; k < extra; ++k, ++j) {
      if (j >= n) return Utf8Error{i, n, "unexpected end of data"};
      unsigned char c = p[j];
      bool ok = k == 0 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
      if (!ok) return Utf8Error{i, j, "invalid continuation byte"};
    }
    i = j;
  }
  return std::nullopt;
}

// `s` with each ill-formed UTF-8 sequence replaced by U+FFFD (decoding with "replace"), so
// the line an error shows is valid text.
std::string replace_bad_utf8(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    std::optional<Utf8Error> err = find_utf8_error(s);
    if (!err) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, err->start));
    out.append("\xEF\xBF\xBD");
    s.remove_prefix(std::max(err->end, err->start + 1));
  }
  return out;
}

std::string utf8_error_message(std::string_view s, const Utf8Error& e) {
  char buf[160];
  if (e.end - e.start <= 1)
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                  static_cast<unsigned char>(s[e.start]), e.start, e.reason);
  else
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                  e.start, e.end - 1, e.reason);
  return buf;
}

std::optional<std::string> find_coding_cookie(std::string_view line) {
  size_t size = line.size(), i = 0;
  // Only a comment line may carry a cookie.
  for (; i + 6 < size; ++i) {
    if (line[i] == '#') break;
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\f') return std::nullopt;
  }
  for (; i + 6 < size; ++i) {
    if (line.compare(i, 6, "coding") != 0) continue;
    size_t t = i + 6;
    if (line[t] != ':' && line[t] != '=') continue;
    do ++t;
    while (t < size && (line[t] == ' ' || line[t] == '\t'));
    size_t begin = t;
    while (t < size && (is_ascii_alnum(line[t]) || line[t] == '-' || line[t] == '_' ||
                        line[t] == '.'))
      ++t;
    if (begin < t) return normal_encoding_name(line.substr(begin, t - begin));
  }
  return std::nullopt;
}

DecodedSource decode_source(std::string_view bytes, const std::string& filename,
                            SourceOrigin origin) {
  DecodedSource out;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    out.had_bom = true;
    bytes.remove_prefix(3);
  }
  std::optional<std::string> cookie;
  std::string_view line1 = nth_line(bytes, 0);
  cookie = find_coding_cookie(line1);
  if (!cookie && is_blank_or_comment(line1)) cookie = find_coding_cookie(nth_line(bytes, 1));

  std::string name = cookie ? *cookie : "utf-8";
  std::optional<Codec> codec = lookup_codec(name);
  if (cookie && out.had_bom && name != "utf-8") {
    if (origin == SourceOrigin::Bytes) fail_unplaced("encoding problem: " + name + " with BOM", filename);
    fail("encoding problem: " + name + " with BOM", filename);
  }
  if (!codec) {
    if (origin == SourceOrigin::Bytes) fail_unplaced("unknown encoding: " + name, filename);
    fail("encoding problem: " + name, filename);
  }
  out.encoding = name;

  if (origin == SourceOrigin::File) {
    size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) {
      int lineno = line_of_offset(bytes, nul);
      size_t start = 0;
      std::string_view line = nth_line(bytes, lineno - 1, &start);
      fail("source code cannot contain null bytes", filename, lineno,
           std::string(line.substr(0, nul - start)));
    }
  } else if (bytes.find('\0') != std::string_view::npos) {
    fail("source code string cannot contain null bytes", filename);
  }

  if (codec->kind == CodecKind::Utf8) {
    if (auto err = find_utf8_error(bytes)) {
      int lineno = line_of_offset(bytes, err->start);
      if (origin == SourceOrigin::File && !cookie && !out.had_bom) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "Non-UTF-8 code starting with '\\x%02x' in file ",
                      static_cast<unsigned char>(bytes[err->start]));
        fail(buf + filename + " on line " + std::to_string(lineno) +
                 ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
             filename);
      }
      // CPython reports these from the string-literal decoder; we report the line.
      size_t start = 0;
      std::string_view line = nth_line(bytes, lineno - 1, &start);
      Utf8Error rel{err->start - start, err->end - start, err->reason};
      fail("(unicode error) " + utf8_error_message(line, rel), filename, lineno, replace_bad_utf8(line));
    }
    out.text.assign(bytes);
  } else if (auto bad = decode_bytes(*codec, bytes, out.text)) {
    if (origin == SourceOrigin::File) fail("encoding problem: " + name, filename);
    fail_unplaced(decode_error_message(*codec, static_cast<unsigned char>(bytes[*bad]), *bad), filename);
  }
  return out;
}

}  // namespace coil::fe
