// parser_impl.h — the recursive-descent parser's internals, shared by the parse_*.cpp files.
//
// Design: a hand-written descent over CPython's python.gram (3.11). Tokens are pulled lazily
// from the tokenizer into a vector, so the parser can look ahead any distance cheaply; it
// mostly uses one token of lookahead plus short scans where the PEG grammar needs more.
// Assignment targets are parsed as expressions and then converted to Store/Del contexts
// (set_context), which is also where CPython's "cannot assign to X" errors come from.
// Binary operators use precedence climbing so that one atom costs a handful of C++ frames,
// which keeps deep nesting within the native stack; a depth counter mirrors CPython's
// "parser stack overflowed" MemoryError.
#pragma once

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/ast.h"
#include "frontend/parser.h"
#include "frontend/syntax_error.h"
#include "frontend/token.h"

namespace coil::fe {

class Tokenizer;
// "'(' was never closed" for the innermost bracket the tokenizer has open.
SyntaxErrorException unclosed_bracket_error(const Tokenizer& tok, const std::string& filename);

// Hard keywords of 3.11 (soft keywords `match`, `case`, `_` stay plain names).
#define COIL_KEYWORDS(X)                                                                    \
  X(False, "False") X(None, "None") X(True, "True") X(And, "and") X(As, "as")               \
  X(Assert, "assert") X(Async, "async") X(Await, "await") X(Break, "break")                 \
  X(Class, "class") X(Continue, "continue") X(Def, "def") X(Del, "del") X(Elif, "elif")     \
  X(Else, "else") X(Except, "except") X(Finally, "finally") X(For, "for") X(From, "from")   \
  X(Global, "global") X(If, "if") X(Import, "import") X(In, "in") X(Is, "is")               \
  X(Lambda, "lambda") X(Nonlocal, "nonlocal") X(Not, "not") X(Or, "or") X(Pass, "pass")     \
  X(Raise, "raise") X(Return, "return") X(Try, "try") X(While, "while") X(With, "with")     \
  X(Yield, "yield")

enum class Kw : uint8_t {
  NotKeyword,
#define COIL_KW_ENUM(Name, Text) Name,
  COIL_KEYWORDS(COIL_KW_ENUM)
#undef COIL_KW_ENUM
};

// A token as the parser sees it: the tokenizer's token plus its keyword classification.
struct PTok {
  TokenKind kind = TokenKind::EndMarker;
  Kw kw = Kw::NotKeyword;
  std::string_view text;
  int line = 0, col = 0, end_line = 0, end_col = 0;
  int level = 0;  // bracket nesting after this token (an opener counts itself)
};

using TokenPull = std::function<Token()>;

// A start position, captured before a rule consumes its first token.
struct Pos {
  int line = 0, col = 0;
};

// How the error in flight came about, for rules that re-interpret a failure:
// Specific (a named message), Generic ("invalid syntax" where parsing stopped), Trailing
// (a complete expression followed by another at bracket level 0).
enum class ErrorClass : uint8_t { Specific, Generic, Trailing };

// Which kind of target set_context converts to, for its error messages.
enum class TargetKind : uint8_t { Star, For, Del };

class Parser {
 public:
  Parser(std::string_view source, const std::string& filename, Arena& arena, TokenPull pull);

  ModNode* parse_module(ParseMode mode);

  // Parses the inside of an f-string replacement field, "(expr)", for fstring.cpp.
  ExprNode* parse_fstring_field();

  // parser.cpp — token stream
  const PTok& peek(int k = 0);
  const PTok& advance();
  bool at(TokenKind k) { return peek().kind == k; }
  bool at_kw(Kw k) { return peek().kw == k; }
  bool at_name() { return peek().kind == TokenKind::Name && peek().kw == Kw::NotKeyword; }
  bool at_soft(std::string_view word) { return at_name() && peek().text == word; }
  bool accept(TokenKind k);
  bool accept_kw(Kw k);
  const PTok& expect(TokenKind k);              // generic "invalid syntax" when absent
  const PTok& expect_forced(TokenKind k, const char* text);  // "expected ':'"
  void expect_kw(Kw k);
  void expect_colon_nl();  // ':' where CPython says "expected ':'" only before a NEWLINE
  Pos start() { const PTok& t = peek(); return {t.line, t.col}; }
  int mark() const { return pos_; }
  void reset(int m);
  template <class T>
  T* finish(T* node, Pos s) {
    node->lineno = s.line;
    node->col_offset = s.col;
    node->end_lineno = prev_end_line_;
    node->end_col_offset = prev_end_col_;
    return node;
  }
  template <class T>
  T* make() { return arena_.make<T>(); }
  Ident name_of(const PTok& t);  // NFKC-normalised identifier
  int level() const { return level_; }

  // parse_errors.cpp — reporting
  [[noreturn]] void error_at(const char* msg, int line, int col, int end_line, int end_col,
                             SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::SyntaxError);
  [[noreturn]] void error_tok(const char* msg, const PTok& t,
                              SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::SyntaxError);
  [[noreturn]] void error_node(const std::string& msg, const Located* n);
  [[noreturn]] void error_range(const std::string& msg, const Located* a, const Located* b);
  [[noreturn]] void syntax_error_here();   // CPython's generic "invalid syntax" and friends
  [[noreturn]] void too_complex();
  // Counts nesting while a rule runs; unwinding (speculative parses throw) restores it.
  struct DepthGuard {
    Parser& p;
    int n;
    DepthGuard(Parser& parser, int levels) : p(parser), n(levels) {
      p.depth_ += n;
      if (p.depth_ > kMaxDepth) {
        p.depth_ -= n;
        p.too_complex();
      }
    }
    ~DepthGuard() { p.depth_ -= n; }
  };
  const char* expr_name(const ExprNode* e);
  void set_context(ExprNode* e, ExprContext ctx, TargetKind tk);
  const ExprNode* invalid_target(ExprNode* e, TargetKind tk);
  [[noreturn]] void invalid_expression_after(ExprNode* a);
  void check_no_eq_after_named(ExprNode* a);

  // parse_expr.cpp
  ExprNode* expression();            // expression (ternary / lambda)
  ExprNode* expressions();           // expression (',' expression)* [','] -> Tuple
  ExprNode* named_expression();
  ExprNode* star_expression();
  ExprNode* star_expressions();
  ExprNode* star_named_expression();
  ExprNode* star_named_expressions_tuple(Pos s, ExprNode* first);
  ExprNode* yield_expr();
  ExprNode* disjunction();
  ExprNode* conjunction();
  ExprNode* inversion();
  ExprNode* comparison();
  ExprNode* bitwise_or() { return binary(0); }
  ExprNode* binary(int min_prec);
  ExprNode* factor();
  ExprNode* power();
  ExprNode* primary();
  ExprNode* trailer(ExprNode* e, Pos s);
  ExprNode* atom();
  ExprNode* paren_atom();
  ExprNode* list_atom();
  ExprNode* brace_atom();
  void dict_item(Dict* d);
  ExprNode* dict_value();
  ExprNode* slices();
  ExprNode* slice();
  ExprNode* lambdef();
  void call_arguments(Call* call, bool allow_genexp = true);
  std::vector<Comprehension*> for_if_clauses();
  bool at_for_clause() { return at_kw(Kw::For) || (at_kw(Kw::Async) && peek(1).kw == Kw::For); }
  bool starts_expression();
  ExprNode* strings();               // fstring.cpp
  ExprNode* number();
  ExprNode* star_targets();          // star_targets for `for`, with Store context
  ExprNode* annotated_rhs();
  ExprNode* yield_or_star_expressions();

  // parse_stmt.cpp
  std::vector<StmtNode*> statements_until_eof();
  void statement(std::vector<StmtNode*>& out);
  void simple_stmts(std::vector<StmtNode*>& out);
  StmtNode* simple_stmt();
  StmtNode* compound_stmt();
  StmtNode* expr_or_assign_stmt();
  bool has_expression_prefix(int m);
  void invalid_assignment(const std::vector<ExprNode*>& targets, int rhs_mark,
                          int seg1_followed_by_eq);
  std::vector<StmtNode*> block(const char* what, int what_line);
  StmtNode* if_stmt(bool is_elif);
  StmtNode* while_stmt();
  StmtNode* for_stmt(Pos s, bool is_async);
  StmtNode* with_stmt(Pos s, bool is_async);
  StmtNode* try_stmt();
  StmtNode* function_def(Pos s, std::vector<ExprNode*> decorators, bool is_async);
  StmtNode* class_def(Pos s, std::vector<ExprNode*> decorators);
  StmtNode* decorated();
  StmtNode* import_stmt();
  StmtNode* import_from();
  StmtNode* return_stmt();
  StmtNode* raise_stmt();
  StmtNode* global_stmt(bool is_global);
  StmtNode* del_stmt();
  StmtNode* assert_stmt();
  Arguments* parameters(bool is_lambda, TokenKind closer);
  [[noreturn]] void parenthesized_parameters(bool is_lambda, bool after_default);
  Arg* param(bool is_lambda, bool allow_star_annotation);
  WithItem* with_item();
  StmtNode* match_stmt(int& newline_at);

  // parse_pattern.cpp
  MatchCase* case_block();
  PatternNode* patterns();
  PatternNode* pattern();
  PatternNode* as_pattern_or(PatternNode* p, Pos s);
  PatternNode* or_pattern();
  PatternNode* closed_pattern();
  PatternNode* star_pattern();
  PatternNode* maybe_star_pattern();
  ExprNode* complex_or_signed_number();
  ExprNode* pattern_name_or_attr();
  PatternNode* mapping_pattern();
  PatternNode* class_pattern(ExprNode* cls, Pos s);

  std::string_view source_line(int line);
  void set_eof_errors(const Tokenizer* tok) { eof_tok_ = tok; }
  // Throws the pending end-of-input error as CPython reports it once a rule needed a token
  // past the end (an open bracket's "was never closed" after a final backslash).
  [[noreturn]] void throw_eof_error();
  // Records CPython's DeprecationWarning for the first invalid escape of string token `t`
  // ("invalid escape sequence '\d'"), located at the token, once per place.
  void warn_invalid_escape(const char* first_invalid, const PTok& t);
  std::vector<SyntaxErrorInfo>* escape_warnings_ = nullptr;  // null: not wanted
  int furthest_line() { return toks_.empty() ? 1 : toks_.back().line; }

  // CPython 3.11 stops at 6000 nested rule calls (MAXSTACK); with its ~30 levels for a
  // statement, `-` * 5969 + `1` parses and one more is a MemoryError. Constructs enter()
  // as many times as CPython spends levels on them (one per unary op or conditional, two
  // per lambda or `**`).
  static constexpr int kMaxDepth = 5970;

  std::string_view source_;
  std::string filename_;
  Arena& arena_;
  TokenPull pull_;
  std::deque<PTok> toks_;  // a deque so references survive further pulls
  int pos_ = 0;
  int prev_end_line_ = 1, prev_end_col_ = 0;
  int depth_ = 0;
  int level_ = 0;                   // bracket nesting at the current token
  std::vector<int> line_starts_;    // byte offset of each line, for error texts
  bool in_fstring_ = false;         // errors get CPython's "f-string: " prefix
  // An f-string field's sub-parser reports errors in the coordinates of its "(expr)" text,
  // as 3.11 does; its tokens are shifted by these to land on the real source.
  int fs_line_base_ = 0, fs_col_base_ = 0;
  ParseMode mode_ = ParseMode::Exec;
  const Tokenizer* eof_tok_ = nullptr;  // asked whether an error is an EOF kind
  std::unique_ptr<SyntaxErrorException> pending_eof_error_;
  bool tokenizer_failed_ = false;   // the exception in flight came from the tokenizer
  bool no_rest_scan_ = false;
  int no_invalid_ = 0;
  std::vector<bool> memo_no_invalid_;
  bool unmemoized_ = false;
  // CPython reports a generic error where its first pass stopped, even when its second pass
  // (the invalid_* rules, emulated by the speculative parses below) reads further.
  int speculating_ = 0;
  size_t first_pass_furthest_ = 0;
  const PTok& first_pass_token() { return toks_[std::min(first_pass_furthest_, toks_.size() - 1)]; }
  struct Speculation {
    Parser& p;
    explicit Speculation(Parser& parser) : p(parser) { ++p.speculating_; }
    ~Speculation() { --p.speculating_; }
  };  // the next expression() stands for another rule: no memo mark  // positions where expression ran without invalid rules
  ErrorClass next_error_class_ = ErrorClass::Specific;  // consumed by error_at
  ErrorClass last_error_class_ = ErrorClass::Specific;              // >0 while parsing CPython's expression_without_invalid       // the error in flight is final without a rest-of-input scan
  std::vector<int> open_idx_;       // indexes of the brackets open after the last pulled token
};

}  // namespace coil::fe
