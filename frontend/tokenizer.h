// tokenizer.h — Python 3.11 tokenizer: the C tokenizer's stream for the parser, and the pure-Python
// `tokenize` module's stream for `--dump tokens`.
//
// Parser mode follows CPython's Parser/tokenizer.c: no COMMENT/NL/ENCODING tokens, exact operator
// kinds, a whole (f-)string literal as one STRING token, `async`/`await` as NAME, and its errors
// (messages, lines, offsets) as SyntaxErrorException. The buffer is normalised first (\r\n and \r
// become \n, a final \n is added) exactly as CPython does, so positions match CPython's.
//
// Parser-mode positions of the tokens without text, as CPython's parser sees them:
//   NEWLINE   text empty; col = where the line's trailing blank/comment part starts (the '\n'
//             itself when there is no comment), end_col = column of the '\n'.
//   INDENT    text = the indentation; DEDENT text empty. CPython gives both col_offset -1, and
//             pegen then reports errors at the tokenizer's cursor: col = end_col = that cursor
//             (the first non-blank byte of the line), so use col, not col + 1, as the offset.
//   ENDMARKER and DEDENTs at end of file: on the last line, col = end_col = its length with
//             the '\n' (again pegen's cursor column, to be used as is).
//
// TokenizeModule mode reproduces Lib/tokenize.py's generator: ENCODING first (when an encoding is
// given), COMMENT, NL, ERRORTOKEN where its regexes give up, the implicit empty NEWLINE at a
// missing final newline, and its TokenError / IndentationError. Line endings are kept as they are.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/syntax_error.h"
#include "frontend/token.h"

namespace coil::fe {

enum class TokenizerMode : uint8_t { Parser, TokenizeModule };

// The longest operator at p (CPython's one/two/three-character operator tables); sets len.
// "<>" gives NotEqual (as in CPython; the parser rejects it). Unknown bytes give Op, len 1.
TokenKind match_operator(const char* p, int& len);

// Why the last SyntaxErrorException was thrown; pegen treats the two EOF cases specially
// (they are reported only in some situations when the parser itself already failed).
enum class TokenizerErrorKind : uint8_t {
  None,
  Error,            // an ordinary tokenizer error (already final)
  UnclosedBracket,  // EOF inside brackets: "'(' was never closed" (open_brackets().back())
  EofInContinuation,  // backslash continuation at EOF: "unexpected EOF while parsing"
};

struct OpenBracket {
  char ch;
  int line, col;  // col: 0-based byte column
};

class Tokenizer {
 public:
  // `source` is UTF-8 text (see decode_source); the tokenizer owns it and tokens view into it.
  // In TokenizeModule mode, a non-empty `encoding` produces the leading ENCODING token.
  Tokenizer(std::string source, std::string filename, TokenizerMode mode = TokenizerMode::Parser,
            std::string encoding = {});

  // Returns the next token; after ENDMARKER keeps returning ENDMARKER.
  // Throws SyntaxErrorException (see last_error_kind()).
  Token next();
  // Tokenizes everything (ENDMARKER included).
  std::vector<Token> tokenize_all();

  TokenizerMode mode() const { return mode_; }
  const std::string& filename() const { return filename_; }
  std::string_view buffer() const { return buf_; }
  // Physical line `lineno` (1-based) of the buffer, with its line ending; empty past the end.
  std::string_view line_text(int lineno) const;
  // 1-based code-point offset (SyntaxError.offset) of byte column `col` on line `lineno`.
  int char_offset(int lineno, int col) const;

  TokenizerErrorKind last_error_kind() const { return last_error_; }
  const std::vector<OpenBracket>& open_brackets() const { return brackets_; }
  // The SyntaxWarnings met so far ("invalid decimal literal"), located where CPython's
  // tokenizer would turn them into a SyntaxError when warnings are errors.
  const std::vector<SyntaxErrorInfo>& warnings() const { return warnings_; }

  // TokenizeModule mode only: make line `lineno` fail to decode with `message` when reached
  // (tokenize.py decodes line by line, so earlier tokens and errors come first).
  void set_undecodable_line(int lineno, std::string message);

 private:
  struct Indent {
    int col, altcol;
  };

  // Parser mode (tokenizer.cpp).
  Token parser_next();
  bool parser_indentation();  // at beginning of line; true if INDENT/DEDENTs are pending
  Token scan_number(const char* start);
  Token scan_string(const char* start, const char* quote);
  Token scan_name(const char* start);
  bool verify_end_of_number(const char*& p, const char* kind);
  const char* decimal_tail(const char* p);
  Token make(TokenKind kind, const char* start, const char* end);
  void newline_at(const char* nl);  // passes the '\n' at nl: next line starts after it
  [[noreturn]] void tok_error(const std::string& msg, const char* cur);
  [[noreturn]] void tok_error_range(const std::string& msg, int col_offset, int end_col_offset);
  [[noreturn]] void pegen_error(SyntaxErrorInfo::Kind kind, const std::string& msg, int offset,
                                int end_offset, TokenizerErrorKind why = TokenizerErrorKind::Error);

  // TokenizeModule mode (py_tokenize.cpp).
  Token module_next();
  bool module_fill();  // tokenizes one more physical line into queue_; false at the very end
  void module_line(std::string_view line);
  void module_finish();
  [[noreturn]] void module_error(const std::string& msg, int lineno, int col,
                                 SyntaxErrorInfo::Kind kind);
  void push(TokenKind kind, std::string_view text, int line, int col, int end_line, int end_col);

  void compute_line_starts();

  TokenizerMode mode_;
  std::string buf_;
  std::string filename_;
  std::string encoding_;
  std::vector<uint32_t> line_starts_;  // byte offset of each physical line (index lineno-1)
  std::vector<SyntaxErrorInfo> warnings_;
  std::vector<OpenBracket> brackets_;
  TokenizerErrorKind last_error_ = TokenizerErrorKind::None;

  // Parser-mode state.
  const char* p_ = nullptr;           // next unread byte
  const char* end_ = nullptr;         // end of buffer
  const char* line_start_ = nullptr;  // first byte of the current line
  int lineno_ = 1;
  bool atbol_ = true;
  bool done_ = false;
  bool blankline_ = false;  // the current line holds only blanks/comment
  int pending_ = 0;  // >0: INDENTs to emit, <0: DEDENTs
  const char* pending_pos_ = nullptr;
  std::vector<Indent> indents_{{0, 0}};

  // TokenizeModule-mode state (mirrors tokenize.py's locals).
  std::deque<Token> queue_;
  size_t next_line_ = 0;  // byte offset of the next unread line
  int lnum_ = 0, parenlev_ = 0;
  bool continued_ = false, needcont_ = false, in_contstr_ = false, finished_ = false;
  bool sent_encoding_ = false;
  size_t contstr_start_ = 0;  // byte offset where the continued string began
  int strstart_line_ = 0, strstart_col_ = 0;
  int endquote_kind_ = 0;  // which tail pattern closes the continued string (see py_tokenize.cpp)
  std::string_view line_, last_line_;
  std::vector<int> mod_indents_{0};
  int bad_line_ = 0;
  std::string bad_line_msg_;
};

}  // namespace coil::fe
