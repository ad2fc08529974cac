// ast.h — C++ structs for Python 3.11's syntax tree, generated from ast.def.
//
// The tree mirrors CPython's `ast` module field for field so that `--dump ast` can print
// what `ast.dump` prints and `_ast` can later be served from it. Nodes are plain C++ data
// (no GC objects inside): constants keep their source form until the compiler turns them
// into runtime values. All nodes of one parse live in one Arena and die with it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace coil::fe {

using Ident = std::string;                    // identifier (already NFKC-normalised)
using IdentOpt = std::optional<std::string>;  // identifier?
using Str = std::string;                      // string (UTF-8)
using StrOpt = std::optional<std::string>;    // string?

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class OperatorKind : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// The value of a Constant node or MatchSingleton, kept in a form the compiler can turn
// into a runtime object without losing anything.
struct ConstValue {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
  Kind kind = Kind::None;
  std::string text;  // Int: decimal digits with optional '-'; Str: UTF-8; Bytes: raw bytes
  double number = 0; // Float: the value; Complex: the imaginary part (real part is 0)
};

// Base of every node; virtual only so the Arena can destroy nodes of any kind.
struct Node {
  virtual ~Node() = default;
};

// Positions as CPython reports them: 1-based lines, 0-based columns counted in UTF-8 bytes.
struct Located : Node {
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

enum class ModKind : uint8_t {
#define AST_MOD(Name, Fields) Name,
#include "frontend/ast.def"
};
enum class StmtKind : uint8_t {
#define AST_STMT(Name, Fields) Name,
#include "frontend/ast.def"
};
enum class ExprKind : uint8_t {
#define AST_EXPR(Name, Fields) Name,
#include "frontend/ast.def"
};
enum class PatternKind : uint8_t {
#define AST_PATTERN(Name, Fields) Name,
#include "frontend/ast.def"
};

struct ModNode : Node { ModKind kind; explicit ModNode(ModKind k) : kind(k) {} };
struct StmtNode : Located { StmtKind kind; explicit StmtNode(StmtKind k) : kind(k) {} };
struct ExprNode : Located { ExprKind kind; explicit ExprNode(ExprKind k) : kind(k) {} };
struct PatternNode : Located { PatternKind kind; explicit PatternNode(PatternKind k) : kind(k) {} };

// Forward declarations of the product types, which fields refer to.
#define AST_PRODUCT(Name, PyName, Located, Fields) struct Name;
#include "frontend/ast.def"

#define REQ(T, name) T name{};
#define OPT(T, name) T name{};
#define SEQ(T, name) std::vector<T> name;

#define AST_PRODUCT(Name, PyName, IsLocated, Fields) \
  struct Name : std::conditional_t<IsLocated, Located, Node> { Fields };
#include "frontend/ast.def"

#define AST_MOD(Name, Fields)                                   \
  struct Name : ModNode {                                       \
    static constexpr ModKind kKind = ModKind::Name;             \
    Name() : ModNode(kKind) {}                                  \
    Fields                                                      \
  };
#define AST_STMT(Name, Fields)                                  \
  struct Name : StmtNode {                                      \
    static constexpr StmtKind kKind = StmtKind::Name;           \
    Name() : StmtNode(kKind) {}                                 \
    Fields                                                      \
  };
#define AST_EXPR(Name, Fields)                                  \
  struct Name : ExprNode {                                      \
    static constexpr ExprKind kKind = ExprKind::Name;           \
    Name() : ExprNode(kKind) {}                                 \
    Fields                                                      \
  };
#define AST_PATTERN(Name, Fields)                               \
  struct Name : PatternNode {                                   \
    static constexpr PatternKind kKind = PatternKind::Name;     \
    Name() : PatternNode(kKind) {}                              \
    Fields                                                      \
  };
#include "frontend/ast.def"

#undef REQ
#undef OPT
#undef SEQ

// Checked downcast by kind: `as<BinOp>(e)` returns null when e is another kind.
template <class T, class B>
T* as(B* node) {
  return node && node->kind == T::kKind ? static_cast<T*>(node) : nullptr;
}

// Owns every node of one parse.
class Arena {
 public:
  template <class T>
  T* make() {
    auto owned = std::make_unique<T>();
    T* raw = owned.get();
    nodes_.push_back(std::move(owned));
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

}  // namespace coil::fe
