// ast_json.cpp — JSON reader and the AST builder generated from frontend/ast.def.
#include "tools/ast_json.h"

#include <cstdlib>
#include <map>
#include <memory>
#include <vector>

namespace coil::tools {

using namespace coil::fe;

namespace {

// ---- A minimal JSON value and reader ------------------------------------------------------

struct Json {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string str;  // String, or the literal text of a Number
  std::vector<Json> items;
  std::map<std::string, Json, std::less<>> fields;

  bool is_null() const { return kind == Kind::Null; }
  const Json& at(std::string_view key) const {
    auto it = fields.find(key);
    if (it == fields.end()) throw AstJsonError("missing field '" + std::string(key) + "'");
    return it->second;
  }
  const Json* get(std::string_view key) const {
    auto it = fields.find(key);
    return it == fields.end() ? nullptr : &it->second;
  }
};

class Reader {
 public:
  explicit Reader(const std::string& text) : s_(text) {}

  Json parse() {
    Json v = value();
    skip_ws();
    if (pos_ != s_.size()) fail("trailing characters");
    return v;
  }

 private:
  const std::string& s_;
  size_t pos_ = 0;

  [[noreturn]] void fail(const std::string& why) {
    throw AstJsonError("JSON: " + why + " at byte " + std::to_string(pos_));
  }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r'))
      ++pos_;
  }
  bool eat(char c) {
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }
  bool literal(const char* word) {
    size_t n = std::char_traits<char>::length(word);
    if (s_.compare(pos_, n, word) != 0) return false;
    pos_ += n;
    return true;
  }

  Json value() {
    skip_ws();
    if (pos_ >= s_.size()) fail("unexpected end");
    Json v;
    char c = s_[pos_];
    if (c == '{') {
      ++pos_;
      v.kind = Json::Kind::Object;
      if (eat('}')) return v;
      do {
        skip_ws();
        std::string key = string();
        expect(':');
        v.fields.emplace(std::move(key), value());
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      ++pos_;
      v.kind = Json::Kind::Array;
      if (eat(']')) return v;
      do v.items.push_back(value());
      while (eat(','));
      expect(']');
    } else if (c == '"') {
      v.kind = Json::Kind::String;
      v.str = string();
    } else if (literal("null")) {
      v.kind = Json::Kind::Null;
    } else if (literal("true")) {
      v.kind = Json::Kind::Bool;
      v.boolean = true;
    } else if (literal("false")) {
      v.kind = Json::Kind::Bool;
    } else {
      size_t start = pos_;
      while (pos_ < s_.size() && std::string_view("+-0123456789.eE").find(s_[pos_]) != std::string_view::npos)
        ++pos_;
      if (start == pos_) fail("unexpected character");
      v.kind = Json::Kind::Number;
      v.str = s_.substr(start, pos_ - start);
      v.number = std::strtod(v.str.c_str(), nullptr);
    }
    return v;
  }

  unsigned hex4() {
    if (pos_ + 4 > s_.size()) fail("short \\u escape");
    unsigned v = unsigned(std::strtoul(s_.substr(pos_, 4).c_str(), nullptr, 16));
    pos_ += 4;
    return v;
  }

  static void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }

  std::string string() {
    if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected string");
    ++pos_;
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) fail("unterminated string");
      char c = s_[pos_++];
      if (c == '"') break;
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = s_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          // A surrogate pair; a lone surrogate is kept as its 3-byte form.
          if (cp >= 0xD800 && cp < 0xDC00 && s_.compare(pos_, 2, "\\u") == 0) {
            size_t save = pos_;
            pos_ += 2;
            unsigned lo = hex4();
            if (lo >= 0xDC00 && lo < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            else pos_ = save;
          }
          put_utf8(out, cp);
          break;
        }
        default: out += e; break;
      }
    }
    return out;
  }
};

// ---- The AST builder ------------------------------------------------------------------------

template <class E, size_t N>
E enum_of(const Json& j, const char* const (&names)[N]) {
  const std::string& type = j.at("_type").str;
  for (size_t i = 0; i < N; ++i)
    if (type == names[i]) return E(i);
  throw AstJsonError("unknown " + type);
}

// Python's class names, in the order of the enums in ast.h.
constexpr const char* kExprContexts[] = {"Load", "Store", "Del"};
constexpr const char* kBoolOps[] = {"And", "Or"};
constexpr const char* kOperators[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
                                      "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
constexpr const char* kUnaryOps[] = {"Invert", "Not", "UAdd", "USub"};
constexpr const char* kCmpOps[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
constexpr const char* kConstKinds[] = {"None", "True", "False", "Ellipsis", "Int",
                                       "Float", "Complex", "Str", "Bytes"};

class Builder {
 public:
  explicit Builder(Arena& arena) : arena_(arena) {}

  ModNode* mod(const Json& j) {
    const std::string& type = j.at("_type").str;
#define REQ(T, name) load(j.at(#name), n->name);
#define OPT(T, name) load(j.at(#name), n->name);
#define SEQ(T, name) load(j.at(#name), n->name);
#define AST_MOD(Name, Fields)        \
  if (type == #Name) {               \
    auto* n = arena_.make<Name>();   \
    Fields return n;                 \
  }
#include "frontend/ast.def"
    throw AstJsonError("unknown mod " + type);
  }

 private:
  Arena& arena_;

  static void positions(const Json& j, Located& n) {
    auto num = [&](const char* key) {
      const Json* v = j.get(key);
      return v && !v->is_null() ? int(v->number) : 0;
    };
    n.lineno = num("lineno");
    n.col_offset = num("col_offset");
    n.end_lineno = num("end_lineno");
    n.end_col_offset = num("end_col_offset");
  }

  // Positions for located products (arg, keyword, ...), nothing for the others.
  static void place(const Json& j, Located& n) { positions(j, n); }
  static void place(const Json&, Node&) {}

  void load(const Json& j, std::string& out) { out = j.str; }
  void load(const Json& j, std::optional<std::string>& out) {
    if (j.is_null()) out.reset();
    else out = j.str;
  }
  void load(const Json& j, int& out) { out = j.kind == Json::Kind::Bool ? int(j.boolean) : int(j.number); }
  void load(const Json& j, ExprContext& out) { out = enum_of<ExprContext>(j, kExprContexts); }
  void load(const Json& j, BoolOpKind& out) { out = enum_of<BoolOpKind>(j, kBoolOps); }
  void load(const Json& j, OperatorKind& out) { out = enum_of<OperatorKind>(j, kOperators); }
  void load(const Json& j, UnaryOpKind& out) { out = enum_of<UnaryOpKind>(j, kUnaryOps); }
  void load(const Json& j, CmpOpKind& out) { out = enum_of<CmpOpKind>(j, kCmpOps); }
  void load(const Json& j, ConstValue& out) {
    const std::string& kind = j.at("kind").str;
    out.kind = ConstValue::Kind::None;
    for (size_t i = 0; i < std::size(kConstKinds); ++i)
      if (kind == kConstKinds[i]) out.kind = ConstValue::Kind(i);
    if (const Json* t = j.get("text")) out.text = t->str;
    if (const Json* x = j.get("number")) out.number = std::strtod(x->str.c_str(), nullptr);
  }
  template <class T>
  void load(const Json& j, std::vector<T>& out) {
    out.clear();
    for (const Json& item : j.items) {
      T v{};
      load(item, v);
      out.push_back(std::move(v));
    }
  }

  void load(const Json& j, ExprNode*& out) {
    out = nullptr;
    if (j.is_null()) return;
    const std::string& type = j.at("_type").str;
#define AST_EXPR(Name, Fields)       \
  if (type == #Name) {               \
    auto* n = arena_.make<Name>();   \
    positions(j, *n);                \
    Fields out = n;                  \
    return;                          \
  }
#include "frontend/ast.def"
    throw AstJsonError("unknown expr " + type);
  }

  void load(const Json& j, StmtNode*& out) {
    out = nullptr;
    if (j.is_null()) return;
    const std::string& type = j.at("_type").str;
#define AST_STMT(Name, Fields)       \
  if (type == #Name) {               \
    auto* n = arena_.make<Name>();   \
    positions(j, *n);                \
    Fields out = n;                  \
    return;                          \
  }
#include "frontend/ast.def"
    throw AstJsonError("unknown stmt " + type);
  }

  void load(const Json& j, PatternNode*& out) {
    out = nullptr;
    if (j.is_null()) return;
    const std::string& type = j.at("_type").str;
#define AST_PATTERN(Name, Fields)    \
  if (type == #Name) {               \
    auto* n = arena_.make<Name>();   \
    positions(j, *n);                \
    Fields out = n;                  \
    return;                          \
  }
#include "frontend/ast.def"
    throw AstJsonError("unknown pattern " + type);
  }

#define AST_PRODUCT(Name, PyName, IsLocated, Fields)               \
  void load(const Json& j, Name*& out) {                           \
    out = nullptr;                                                 \
    if (j.is_null()) return;                                       \
    auto* n = arena_.make<Name>();                                 \
    place(j, *n);                                                  \
    Fields out = n;                                                \
  }
#include "frontend/ast.def"
#undef REQ
#undef OPT
#undef SEQ
};

}  // namespace

ModNode* ast_from_json(const std::string& json, Arena& arena) {
  Json root = Reader(json).parse();
  return Builder(arena).mod(root);
}

}  // namespace coil::tools
