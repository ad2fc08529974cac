// token_dump.cpp — tokenize.py's encoding detection, line decoding and `main()` output format.
#include "frontend/token_dump.h"

#include <cstdio>
#include <optional>

#include "frontend/source.h"
#include "frontend/tokenizer.h"
#include "frontend/unicode_props.h"

namespace coil::fe {

namespace {

[[noreturn]] void fail_plain(const std::string& msg, const std::string& filename) {
  SyntaxErrorInfo info;
  info.msg = msg;
  info.filename = filename;
  throw SyntaxErrorException{std::move(info)};
}

std::string_view take_line(std::string_view s, size_t& pos) {
  if (pos >= s.size()) return {};
  size_t nl = s.find('\n', pos);
  size_t stop = nl == std::string_view::npos ? s.size() : nl + 1;
  std::string_view line = s.substr(pos, stop - pos);
  pos = stop;
  return line;
}

// tokenize.py's find_cookie: the line must be UTF-8; a cookie must name a known codec.
std::optional<std::string> find_cookie(std::string_view line, bool bom_found,
                                       const std::string& filename) {
  if (find_utf8_error(line))
    fail_plain("invalid or missing encoding declaration for " + py_repr(filename), filename);
  std::optional<std::string> enc = find_coding_cookie(line);
  if (!enc) return std::nullopt;
  if (!lookup_codec(*enc))
    fail_plain("unknown encoding for " + py_repr(filename) + ": " + *enc, filename);
  if (bom_found && *enc != "utf-8")
    fail_plain("encoding problem for " + py_repr(filename) + ": utf-8", filename);
  return enc;
}

bool is_blank_line(std::string_view line) {  // blank_re: ^[ \t\f]*(?:[#\r\n]|$)
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  return i == line.size() || line[i] == '#' || line[i] == '\r' || line[i] == '\n';
}

void pad_to(std::string& out, std::string_view field, int width) {
  out += field;
  for (int n = count_code_points(field); n < width; ++n) out += ' ';
}

}  // namespace

std::string py_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    char32_t ch = decode_utf8_at(s, i);
    if (ch == static_cast<char32_t>(quote) || ch == '\\') {
      out += '\\';
      out += static_cast<char>(ch);
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (ch < ' ' || ch == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(ch));
      out += buf;
    } else if (ch < 0x7F || is_printable(ch)) {
      append_utf8(out, ch);
    } else {
      std::snprintf(buf, sizeof buf, ch <= 0xFF ? "\\x%02x" : ch <= 0xFFFF ? "\\u%04x" : "\\U%08x",
                    static_cast<unsigned>(ch));
      out += buf;
    }
  }
  out += quote;
  return out;
}

std::string format_tokenize_error(const SyntaxErrorInfo& info) {
  if (info.lineno > 0)
    return info.filename + ":" + std::to_string(info.lineno) + ":" + std::to_string(info.offset) +
           ": error: " + info.msg;
  if (info.offset == -1) return "unexpected error: " + info.msg;
  return info.filename + ": error: " + info.msg;
}

std::string dump_tokens(std::string_view bytes, const std::string& filename) {
  // detect_encoding()
  bool bom = bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (bom) bytes.remove_prefix(3);
  std::string encoding = "utf-8";
  size_t pos = 0;
  std::string_view first = take_line(bytes, pos);
  if (!first.empty()) {
    std::optional<std::string> enc = find_cookie(first, bom, filename);
    if (!enc && is_blank_line(first)) {
      std::string_view second = take_line(bytes, pos);
      if (!second.empty()) enc = find_cookie(second, bom, filename);
    }
    if (enc) encoding = *enc;
  }
  Codec codec = *lookup_codec(encoding);

  // Decode; tokenize.py decodes line by line, so an undecodable line fails only when reached.
  std::string text;
  int bad_line = 0;
  std::string bad_msg;
  std::optional<size_t> bad;
  if (codec.kind == CodecKind::Utf8) {
    if (auto err = find_utf8_error(bytes)) bad = err->start;
  } else {
    bad = decode_bytes(codec, bytes, text);
  }
  if (bad) {
    size_t line_start = bytes.rfind('\n', *bad);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    bad_line = 1;
    for (size_t i = 0; i < line_start; ++i) bad_line += bytes[i] == '\n';
    size_t p = line_start;
    std::string_view line = take_line(bytes, p);
    bad_msg = codec.kind == CodecKind::Utf8
                  ? utf8_error_message(line, *find_utf8_error(line))
                  : decode_error_message(codec, static_cast<unsigned char>(bytes[*bad]),
                                         *bad - line_start);
    // Keep only the lines before the undecodable one.
    if (codec.kind != CodecKind::Utf8) {
      text.clear();
      decode_bytes(codec, bytes.substr(0, line_start), text);
    }
    bytes = bytes.substr(0, line_start);
  }
  if (codec.kind == CodecKind::Utf8) text.assign(bytes);

  Tokenizer tok(std::move(text), filename, TokenizerMode::TokenizeModule, encoding);
  if (bad_line) tok.set_undecodable_line(bad_line, bad_msg);
  std::vector<Token> tokens = tok.tokenize_all();

  auto cp_col = [&](int line, int col) {
    if (line < 1 || col <= 0) return col;
    std::string_view l = tok.line_text(line);
    size_t n = std::min(static_cast<size_t>(col), l.size());
    return count_code_points(l.substr(0, n)) + (col - static_cast<int>(n));
  };
  std::string out;
  out.reserve(tokens.size() * 48);
  for (const Token& t : tokens) {
    char range[64];
    std::snprintf(range, sizeof range, "%d,%d-%d,%d:", t.line, cp_col(t.line, t.col), t.end_line,
                  cp_col(t.end_line, t.end_col));
    bool is_op = t.kind == TokenKind::Op ||
                 (t.kind > TokenKind::Dedent && t.kind < TokenKind::Op);
    pad_to(out, range, 20);
    pad_to(out, is_op ? "OP" : token_name(t.kind), 15);
    pad_to(out, py_repr(t.text), 15);
    out += '\n';
  }
  return out;
}

}  // namespace coil::fe
