// test_tokenizer.cpp — tokenizer tests: token streams, literals, positions and CPython's exact
// error messages/locations (expected values taken from python3.11).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "frontend/source.h"
#include "frontend/token_dump.h"
#include "frontend/tokenizer.h"
#include "frontend/unicode_props.h"

using namespace coil::fe;

namespace {

// "NAME:x NEWLINE ..." — kinds (and texts for NAME/NUMBER/STRING/operators) in parser mode.
std::string stream(const std::string& src) {
  Tokenizer tok(src, "t.py");
  std::string out;
  for (;;) {
    Token t = tok.next();
    if (!out.empty()) out += ' ';
    out += token_name(t.kind);
    if (!t.text.empty() && t.kind != TokenKind::Indent) out += ":" + std::string(t.text);
    if (t.kind == TokenKind::EndMarker) return out;
  }
}

SyntaxErrorInfo error_of(const std::string& src) {
  Tokenizer tok(src, "t.py");
  try {
    for (;;)
      if (tok.next().kind == TokenKind::EndMarker) break;
  } catch (const SyntaxErrorException& e) {
    return e.info;
  }
  FAIL("no error for: " << src);
  return {};
}

// Checks kind, message, lineno, offset, end_offset and text of the error for `src`.
void check_error(const std::string& src, SyntaxErrorInfo::Kind kind, const std::string& msg,
                 int lineno, int offset, int end_offset, const std::string& text) {
  SyntaxErrorInfo e = error_of(src);
  INFO("source: " << src);
  CHECK(static_cast<int>(e.kind) == static_cast<int>(kind));
  CHECK(e.msg == msg);
  CHECK(e.lineno == lineno);
  CHECK(e.offset == offset);
  CHECK(e.end_offset == end_offset);
  CHECK(e.text == text);
}

void syntax(const std::string& src, const std::string& msg, int lineno, int offset,
            int end_offset, const std::string& text) {
  check_error(src, SyntaxErrorInfo::Kind::SyntaxError, msg, lineno, offset, end_offset, text);
}

std::vector<Token> all(const std::string& src) {
  Tokenizer tok(src, "t.py");
  return tok.tokenize_all();
}

}  // namespace

TEST_CASE("tokenizer: simple statements and exact operator kinds") {
  CHECK(stream("x = 1\n") == "NAME:x EQUAL:= NUMBER:1 NEWLINE ENDMARKER");
  CHECK(stream("a **= b // c >>= d -> e := f ... != <>") ==
        "NAME:a DOUBLESTAREQUAL:**= NAME:b DOUBLESLASH:// NAME:c RIGHTSHIFTEQUAL:>>= NAME:d "
        "RARROW:-> NAME:e COLONEQUAL::= NAME:f ELLIPSIS:... NOTEQUAL:!= NOTEQUAL:<> NEWLINE "
        "ENDMARKER");
  CHECK(stream("a.b..c @ d @= e\n") ==
        "NAME:a DOT:. NAME:b DOT:. DOT:. NAME:c AT:@ NAME:d ATEQUAL:@= NAME:e NEWLINE ENDMARKER");
  CHECK(stream("x $ ? !\n") == "NAME:x OP:$ OP:? OP:! NEWLINE ENDMARKER");
  CHECK(stream("async def f(): await x\n") ==
        "NAME:async NAME:def NAME:f LPAR:( RPAR:) COLON:: NAME:await NAME:x NEWLINE ENDMARKER");
}

TEST_CASE("tokenizer: comments, blank lines and no final newline") {
  CHECK(stream("# c\n\n   \nx  # c\n") == "NAME:x NEWLINE ENDMARKER");
  CHECK(stream("x") == "NAME:x NEWLINE ENDMARKER");
  CHECK(stream("") == "ENDMARKER");
  CHECK(stream("x\r\ny\rz") == "NAME:x NEWLINE NAME:y NEWLINE NAME:z NEWLINE ENDMARKER");
  CHECK(stream("x = 1\f+ 2\n") == "NAME:x EQUAL:= NUMBER:1 PLUS:+ NUMBER:2 NEWLINE ENDMARKER");
}

TEST_CASE("tokenizer: indentation") {
  CHECK(stream("if x:\n\ty\n\tif z:\n\t\tw\nv\n") ==
        "NAME:if NAME:x COLON:: NEWLINE INDENT NAME:y NEWLINE NAME:if NAME:z COLON:: NEWLINE "
        "INDENT NAME:w NEWLINE DEDENT DEDENT NAME:v NEWLINE ENDMARKER");
  CHECK(stream("if x:\n  y\n\n  # c\n    # d\n  z\n") ==
        "NAME:if NAME:x COLON:: NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT ENDMARKER");
  // Inside brackets lines join and indentation is ignored.
  CHECK(stream("x = (1,\n        2)\ny\n") ==
        "NAME:x EQUAL:= LPAR:( NUMBER:1 COMMA:, NUMBER:2 RPAR:) NEWLINE NAME:y NEWLINE "
        "ENDMARKER");
  CHECK(stream("x = 1 + \\\n    2\n") == "NAME:x EQUAL:= NUMBER:1 PLUS:+ NUMBER:2 NEWLINE ENDMARKER");
  // A form feed resets the column.
  CHECK(stream("if 1:\n  x\n\f  y\n") ==
        "NAME:if NUMBER:1 COLON:: NEWLINE INDENT NAME:x NEWLINE NAME:y NEWLINE DEDENT ENDMARKER");
  // Dedents at EOF sit on the last line.
  auto toks = all("if x:\n  y\n");
  CHECK(toks[toks.size() - 2].kind == TokenKind::Dedent);
  CHECK(toks[toks.size() - 2].line == 2);
  CHECK(toks.back().line == 2);
}

TEST_CASE("tokenizer: string literals") {
  CHECK(stream("'a' \"b\" '''c\n'd''' \"\"\"e\"\"\" ''\n") ==
        "STRING:'a' STRING:\"b\" STRING:'''c\n'd''' STRING:\"\"\"e\"\"\" STRING:'' NEWLINE ENDMARKER");
  CHECK(stream("r'\\'' b'x' u'y' f'{x}' rb'1' Br'2' fR'3' RF'4'\n") ==
        "STRING:r'\\'' STRING:b'x' STRING:u'y' STRING:f'{x}' STRING:rb'1' STRING:Br'2' "
        "STRING:fR'3' STRING:RF'4' NEWLINE ENDMARKER");
  // Not prefixes: ur, bu, fb.
  CHECK(stream("ur'x' fb'y'\n") == "NAME:ur STRING:'x' NAME:fb STRING:'y' NEWLINE ENDMARKER");
  CHECK(stream("'a\\\nb'\n") == "STRING:'a\\\nb' NEWLINE ENDMARKER");
  auto toks = all("x = '''a\nbc''' + 1\n");
  CHECK(toks[2].line == 1);
  CHECK(toks[2].col == 4);
  CHECK(toks[2].end_line == 2);
  CHECK(toks[2].end_col == 5);
  CHECK(toks[3].line == 2);
  CHECK(toks[3].col == 6);
}

TEST_CASE("tokenizer: number literals") {
  CHECK(stream("0 00 0_0 1_000 0x_fF 0o17 0B1_0 1. .5 1.5e-3 1e5 1_0.0_1E+1_0 3j 1.5J 0e0 09.5 0j\n") ==
        "NUMBER:0 NUMBER:00 NUMBER:0_0 NUMBER:1_000 NUMBER:0x_fF NUMBER:0o17 NUMBER:0B1_0 "
        "NUMBER:1. NUMBER:.5 NUMBER:1.5e-3 NUMBER:1e5 NUMBER:1_0.0_1E+1_0 NUMBER:3j NUMBER:1.5J "
        "NUMBER:0e0 NUMBER:09.5 NUMBER:0j NEWLINE ENDMARKER");
  // A keyword glued to a number splits off (with a SyntaxWarning).
  Tokenizer tok("x = 5if 1 else 2\n", "t.py");
  auto toks = tok.tokenize_all();
  CHECK(toks[2].text == "5");
  CHECK(toks[3].text == "if");
  REQUIRE(tok.warnings().size() == 1);
  CHECK(tok.warnings()[0].msg == "invalid decimal literal");
  CHECK(stream("1else 1 .real\n") ==
        "NUMBER:1 NAME:else NUMBER:1 DOT:. NAME:real NEWLINE ENDMARKER");
  syntax("1.__class__\n", "invalid decimal literal", 1, 2, 2, "1.__class__");
}

TEST_CASE("tokenizer: identifiers") {
  CHECK(stream("é = ℌ_1\n") == "NAME:é EQUAL:= NAME:ℌ_1 NEWLINE ENDMARKER");
  CHECK(nfkc_identifier("ℌ") == "H");
  CHECK(nfkc_identifier("ﬁx") == "fix");
  CHECK(nfkc_identifier("abc") == "abc");
  syntax("x = a€b\n", "invalid character '€' (U+20AC)", 1, 6, 6, "x = a€b");
  syntax("x = ₂\n", "invalid character '₂' (U+2082)", 1, 5, 5, "x = ₂");
  syntax("x = \u00a0b\n", "invalid non-printable character U+00A0", 1, 5, 5, "x = \u00a0b");
  // 3.11.2: a non-ASCII character right after a number ends it badly.
  syntax("x = 1\u2028\n", "invalid decimal literal", 1, 5, 5, "x = 1\u2028");
}

TEST_CASE("tokenizer errors: strings") {
  syntax("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5, 5, "x = 'abc");
  syntax("x = 'abc", "unterminated string literal (detected at line 1)", 1, 5, 5, "x = 'abc");
  syntax("x = rb'a\\\nbc\n", "unterminated string literal (detected at line 2)", 1, 5, 5,
         "x = rb'a\\");
  syntax("f'abc\n", "unterminated string literal (detected at line 1)", 1, 1, 1, "f'abc");
  syntax("x = '''abc\n\ny", "unterminated triple-quoted string literal (detected at line 3)", 1, 5,
         5, "x = '''abc");
  syntax("a\n'''\n", "unterminated triple-quoted string literal (detected at line 2)", 2, 1, 1,
         "'''");
}

TEST_CASE("tokenizer errors: numbers") {
  syntax("x = 1_\n", "invalid decimal literal", 1, 6, 6, "x = 1_");
  syntax("x = 1__0\n", "invalid decimal literal", 1, 6, 6, "x = 1__0");
  syntax("x = 1abc\n", "invalid decimal literal", 1, 5, 5, "x = 1abc");
  syntax("x = 1e\n", "invalid decimal literal", 1, 5, 5, "x = 1e");
  syntax("x = 1.2e+\n", "invalid decimal literal", 1, 9, 9, "x = 1.2e+");
  syntax("x=1.e5_\n", "invalid decimal literal", 1, 7, 7, "x=1.e5_");
  syntax("x = 0777\n",
         "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
         "integers",
         1, 5, 6, "x = 0777");
  syntax("x = 0_7\n",
         "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
         "integers",
         1, 5, 7, "x = 0_7");
  syntax("x = 0o78\n", "invalid digit '8' in octal literal", 1, 8, 8, "x = 0o78");
  syntax("x = 0o8\n", "invalid digit '8' in octal literal", 1, 7, 7, "x = 0o8");
  syntax("x = 0o\n", "invalid octal literal", 1, 6, 6, "x = 0o");
  syntax("x = 0x\n", "invalid hexadecimal literal", 1, 6, 6, "x = 0x");
  syntax("x = 0xg\n", "invalid hexadecimal literal", 1, 6, 6, "x = 0xg");
  syntax("x = 0b12\n", "invalid digit '2' in binary literal", 1, 8, 8, "x = 0b12");
  syntax("x = 0b\n", "invalid binary literal", 1, 6, 6, "x = 0b");
  syntax("x = 0b1_\n", "invalid binary literal", 1, 8, 8, "x = 0b1_");
  syntax("x = 1.5j_\n", "invalid imaginary literal", 1, 8, 8, "x = 1.5j_");
}

TEST_CASE("tokenizer errors: brackets") {
  syntax("x = (1]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 7,
         "x = (1]");
  syntax("x = (\n1]\n",
         "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2,
         "1]");
  syntax("x = 1)\n", "unmatched ')'", 1, 6, 6, "x = 1)");
  syntax("x = (1,\n2\n", "'(' was never closed", 1, 5, 0, "x = (1,");
  syntax("x = [1,\n(2\n", "'(' was never closed", 2, 1, 0, "(2\n");
  std::string deep = std::string(201, '(') + std::string(201, ')') + "\n";
  syntax(deep, "too many nested parentheses", 1, 201, 201, deep.substr(0, deep.size() - 1));
  Tokenizer tok("f(\n", "t.py");
  CHECK_THROWS_AS(tok.tokenize_all(), SyntaxErrorException);
  CHECK(tok.last_error_kind() == TokenizerErrorKind::UnclosedBracket);
  REQUIRE(tok.open_brackets().size() == 1);
  CHECK(tok.open_brackets()[0].col == 1);
}

TEST_CASE("tokenizer errors: continuation lines") {
  syntax("x = 1 \\ y\n", "unexpected character after line continuation character", 1, 8, 0,
         "x = 1 \\ y\n");
  syntax("x=1\ny = 1 \\ y\n", "unexpected character after line continuation character", 2, 8, 0,
         "y = 1 \\ y\n");
  syntax("x = 1 + \\\n", "unexpected EOF while parsing", 1, 10, -1, "x = 1 + \\\n");
  syntax("x = 1 + \\", "unexpected EOF while parsing", 1, 10, -1, "x = 1 + \\\n");
  Tokenizer tok("x = \\\n", "t.py");
  CHECK_THROWS_AS(tok.tokenize_all(), SyntaxErrorException);
  CHECK(tok.last_error_kind() == TokenizerErrorKind::EofInContinuation);
}

TEST_CASE("tokenizer errors: indentation") {
  using K = SyntaxErrorInfo::Kind;
  check_error("if x:\n  a\n b\n", K::IndentationError,
              "unindent does not match any outer indentation level", 3, 3, -1, " b\n");
  check_error("if 1:\n  x\n\f y\n", K::IndentationError,
              "unindent does not match any outer indentation level", 3, 4, -1, "\f y\n");
  check_error("if 1:\n    x\n  \\\n  y\n", K::IndentationError,
              "unindent does not match any outer indentation level", 4, 4, -1, "  y\n");
  check_error("if x:\n\ta\n        b\n", K::TabError,
              "inconsistent use of tabs and spaces in indentation", 3, 1, 0, "        b\n");
  check_error("if x:\n        a\n\tb\n", K::TabError,
              "inconsistent use of tabs and spaces in indentation", 3, 1, 0, "\tb\n");
  std::string deep = "def f():\n";
  for (int i = 1; i <= 100; ++i) deep += std::string(i, ' ') + "if 1:\n";
  deep += std::string(101, ' ') + "pass\n";
  check_error(deep, K::IndentationError, "too many levels of indentation", 101, 1, 0,
              std::string(100, ' ') + "if 1:\n");
}

TEST_CASE("source decoding") {
  DecodedSource s = decode_source("# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f.py");
  CHECK(s.encoding == "iso-8859-1");
  CHECK(s.text == "# -*- coding: latin-1 -*-\nx = '\xc3\xa9'\n");
  s = decode_source("\xef\xbb\xbfx = 1\n", "f.py");
  CHECK(s.had_bom);
  CHECK(s.text == "x = 1\n");
  s = decode_source("#!/bin/sh\n# vim:fileencoding=ascii\nx=1\n", "f.py");
  CHECK(s.encoding == "ascii");
  // A cookie on line 2 counts only after a blank or comment line 1.
  s = decode_source("x=1\n# coding: latin-1\n", "f.py");
  CHECK(s.encoding == "utf-8");
  auto msg_of = [](std::string_view bytes, SourceOrigin origin) {
    try {
      decode_source(bytes, "/t/f.py", origin);
    } catch (const SyntaxErrorException& e) {
      return e.info.msg;
    }
    return std::string("no error");
  };
  CHECK(msg_of("# coding: xyz\n", SourceOrigin::Bytes) == "unknown encoding: xyz");
  CHECK(msg_of("# coding: xyz\n", SourceOrigin::File) == "encoding problem: xyz");
  CHECK(msg_of("\xef\xbb\xbf# coding: latin1\n", SourceOrigin::File) ==
        "encoding problem: latin1 with BOM");
  CHECK(msg_of("x = 1\ny = '\xff'\n", SourceOrigin::File) ==
        "Non-UTF-8 code starting with '\\xff' in file /t/f.py on line 2, but no encoding "
        "declared; see https://peps.python.org/pep-0263/ for details");
  CHECK(msg_of(std::string_view("x = 1\0\n", 7), SourceOrigin::File) == "source code cannot contain null bytes");
  CHECK(msg_of("# coding: ascii\ny='\xc3\xa9'\n", SourceOrigin::Bytes) ==
        "'ascii' codec can't decode byte 0xc3 in position 19: ordinal not in range(128)");
}

TEST_CASE("tokenize-module mode and dump") {
  CHECK(dump_tokens("x = 1  # c\n", "f.py") ==
        "0,0-0,0:            ENCODING       'utf-8'        \n"
        "1,0-1,1:            NAME           'x'            \n"
        "1,2-1,3:            OP             '='            \n"
        "1,4-1,5:            NUMBER         '1'            \n"
        "1,7-1,10:           COMMENT        '# c'          \n"
        "1,10-1,11:          NEWLINE        '\\n'           \n"
        "2,0-2,0:            ENDMARKER      ''             \n");
  // No final newline: an empty NEWLINE token; code-point columns; an unterminated quote.
  CHECK(dump_tokens("é = 'a", "f.py") ==
        "0,0-0,0:            ENCODING       'utf-8'        \n"
        "1,0-1,1:            NAME           'é'            \n"
        "1,2-1,3:            OP             '='            \n"
        "1,3-1,4:            ERRORTOKEN     ' '            \n"
        "1,4-1,5:            ERRORTOKEN     \"'\"            \n"
        "1,5-1,6:            NAME           'a'            \n"
        "1,6-1,7:            NEWLINE        ''             \n"
        "2,0-2,0:            ENDMARKER      ''             \n");
  auto err = [](std::string_view bytes) {
    try {
      dump_tokens(bytes, "f.py");
    } catch (const SyntaxErrorException& e) {
      return format_tokenize_error(e.info);
    }
    return std::string("no error");
  };
  CHECK(err("x = (\n") == "f.py:2:0: error: EOF in multi-line statement");
  CHECK(err("x = '''\n") == "f.py:1:4: error: EOF in multi-line string");
  CHECK(err("if 1:\n  x\n y\n") ==
        "f.py:3:1: error: unindent does not match any outer indentation level");
  CHECK(err("# coding: xyz\n") == "f.py: error: unknown encoding for 'f.py': xyz");
  CHECK(err("x = 1\ny = '\xff'\n") ==
        "unexpected error: 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte");
  CHECK(py_repr("a'b") == "\"a'b\"");
  CHECK(py_repr("\x01\xc2\xa0\xe2\x80\xa8") == "'\\x01\\xa0\\u2028'");
}
