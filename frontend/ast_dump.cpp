// ast_dump.cpp — prints a tree exactly as Python 3.11's `ast.dump(tree, indent=3)` does.
//
// One generic mechanism: every node's printer is generated from ast.def (REQ/OPT/SEQ
// columns), and per-C++-type `fmt` overloads format field values. The layout rule is
// ast.dump's: a node whose fields are all "simple" (reprs, empty lists, field-less nodes)
// and number at most three prints on one line; anything else breaks one field per line.
#include "frontend/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include <utf8proc.h>

namespace coil::fe {

namespace {

struct Out {
  std::string text;
  bool simple;
};

using Args = std::vector<std::pair<const char*, Out>>;

// Layout options of one dump (ast.dump's `indent` and `include_attributes`).
struct Style {
  int indent = 3;  // < 0: ast.dump's indent=None, everything on one line
  bool attributes = false;
};
thread_local Style g_style;

std::string indent_of(int level) {
  return g_style.indent < 0 ? std::string() : std::string(g_style.indent * level, ' ');
}

template <class T>
void add_attributes(Args& args, const T* n) {
  if constexpr (std::is_base_of_v<Located, T>) {
    if (!g_style.attributes) return;
    args.emplace_back("lineno", Out{std::to_string(n->lineno), true});
    args.emplace_back("col_offset", Out{std::to_string(n->col_offset), true});
    args.emplace_back("end_lineno", Out{std::to_string(n->end_lineno), true});
    args.emplace_back("end_col_offset", Out{std::to_string(n->end_col_offset), true});
  }
}

Out finish_node(const char* cls, Args& args, int level) {
  bool all_simple = true;
  for (auto& a : args) all_simple &= a.second.simple;
  std::string r = cls;
  r += '(';
  if ((all_simple && args.size() <= 3) || g_style.indent < 0) {
    for (size_t i = 0; i < args.size(); ++i) {
      if (i) r += ", ";
      r += args[i].first;
      r += '=';
      r += args[i].second.text;
    }
    r += ')';
    return {std::move(r), args.empty()};
  }
  std::string pad = indent_of(level);
  for (size_t i = 0; i < args.size(); ++i) {
    r += i ? ",\n" : "\n";
    r += pad;
    r += args[i].first;
    r += '=';
    r += args[i].second.text;
  }
  r += ')';
  return {std::move(r), false};
}

// Decodes one code point at s[i], advancing i. Accepts encoded lone surrogates (a str
// constant such as '\udc80' is stored that way); a stray byte decodes as itself.
int32_t next_cp(std::string_view s, size_t& i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return c;
  }
  int32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return c;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  i += len;
  return cp;
}

// str.isprintable() for one code point: not Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (space excepted).
bool is_printable(int32_t cp) {
  if (cp == ' ') return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

char choose_quote(std::string_view s) {
  bool sq = s.find('\'') != std::string_view::npos;
  bool dq = s.find('"') != std::string_view::npos;
  return (sq && !dq) ? '"' : '\'';
}

}  // namespace

std::string repr_str(std::string_view s) {
  char q = choose_quote(s);
  std::string r(1, q);
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    int32_t cp = next_cp(s, i);
    if (cp == q || cp == '\\') {
      r += '\\';
      r += static_cast<char>(cp);
    } else if (cp == '\t') {
      r += "\\t";
    } else if (cp == '\n') {
      r += "\\n";
    } else if (cp == '\r') {
      r += "\\r";
    } else if (cp < 0x80 && cp >= 0x20 && cp != 0x7f) {
      r += static_cast<char>(cp);
    } else if (cp >= 0x80 && !(cp >= 0xD800 && cp <= 0xDFFF) && is_printable(cp)) {
      utf8proc_uint8_t enc[4];
      auto n = utf8proc_encode_char(cp, enc);
      r.append(reinterpret_cast<char*>(enc), static_cast<size_t>(n));
    } else if (cp < 0x100) {
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      r += buf;
    } else if (cp < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      r += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      r += buf;
    }
  }
  r += q;
  return r;
}

std::string repr_bytes(std::string_view s) {
  char q = choose_quote(s);
  std::string r = "b";
  r += q;
  char buf[8];
  for (unsigned char c : s) {
    if (c == q || c == '\\') {
      r += '\\';
      r += static_cast<char>(c);
    } else if (c == '\t') {
      r += "\\t";
    } else if (c == '\n') {
      r += "\\n";
    } else if (c == '\r') {
      r += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      r += buf;
    } else {
      r += static_cast<char>(c);
    }
  }
  r += q;
  return r;
}

// Python's repr(float): shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16.
std::string repr_float(double d, bool add_dot_zero) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  size_t epos = sci.find('e');
  std::string mant = sci.substr(0, epos);
  int exp = std::stoi(sci.substr(epos + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp + 1;
  std::string r;
  if (decpt <= -4 || decpt > 16) {
    r = digits.substr(0, 1);
    if (digits.size() > 1) r += "." + digits.substr(1);
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    r += e;
  } else if (decpt <= 0) {
    r = "0." + std::string(-decpt, '0') + digits;
  } else if (decpt >= static_cast<int>(digits.size())) {
    r = digits + std::string(decpt - digits.size(), '0');
    if (add_dot_zero) r += ".0";
  } else {
    r = digits.substr(0, decpt) + "." + digits.substr(decpt);
  }
  return sign + r;
}

std::string repr_const(const ConstValue& v) {
  switch (v.kind) {
    case ConstValue::Kind::None: return "None";
    case ConstValue::Kind::True: return "True";
    case ConstValue::Kind::False: return "False";
    case ConstValue::Kind::Ellipsis: return "Ellipsis";
    case ConstValue::Kind::Int: return v.text;
    case ConstValue::Kind::Float: return repr_float(v.number, true);
    case ConstValue::Kind::Complex: return repr_float(v.number, false) + "j";
    case ConstValue::Kind::Str: return repr_str(v.text);
    case ConstValue::Kind::Bytes: return repr_bytes(v.text);
  }
  return "?";
}

namespace {

// Field value formatters, one per C++ field type.
Out fmt(const ExprNode* e, int level);
Out fmt(const StmtNode* s, int level);
Out fmt(const PatternNode* p, int level);
#define AST_PRODUCT(Name, PyName, Located, Fields) Out fmt(const Name* n, int level);
#include "frontend/ast.def"

Out fmt(int v, int) { return {std::to_string(v), true}; }
Out fmt(const std::string& s, int) { return {repr_str(s), true}; }
Out fmt(const std::optional<std::string>& s, int) {
  return {s ? repr_str(*s) : std::string("None"), true};
}
Out fmt(const ConstValue& v, int) { return {repr_const(v), true}; }
Out fmt(ExprContext c, int) {
  static const char* const kNames[] = {"Load()", "Store()", "Del()"};
  return {kNames[static_cast<int>(c)], true};
}
Out fmt(BoolOpKind k, int) { return {k == BoolOpKind::And ? "And()" : "Or()", true}; }
Out fmt(OperatorKind k, int) {
  static const char* const kNames[] = {"Add()",    "Sub()",    "Mult()",   "MatMult()", "Div()",
                                       "Mod()",    "Pow()",    "LShift()", "RShift()",  "BitOr()",
                                       "BitXor()", "BitAnd()", "FloorDiv()"};
  return {kNames[static_cast<int>(k)], true};
}
Out fmt(UnaryOpKind k, int) {
  static const char* const kNames[] = {"Invert()", "Not()", "UAdd()", "USub()"};
  return {kNames[static_cast<int>(k)], true};
}
Out fmt(CmpOpKind k, int) {
  static const char* const kNames[] = {"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()",
                                       "GtE()", "Is()",   "IsNot()", "In()", "NotIn()"};
  return {kNames[static_cast<int>(k)], true};
}

template <class T>
Out fmt_list(const std::vector<T>& v, int level) {
  if (v.empty()) return {"[]", true};
  int inner = level + 1;
  std::string pad = indent_of(inner);
  std::string r = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (g_style.indent < 0) r += i ? ", " : "";
    else r += i ? ",\n" : "\n";
    r += pad;
    if constexpr (std::is_pointer_v<T>) {
      if (!v[i]) {
        r += "None";
        continue;
      }
    }
    r += fmt(v[i], inner).text;
  }
  r += ']';
  return {std::move(r), false};
}

template <class T>
bool present(const T* p) { return p != nullptr; }
bool present(const std::optional<std::string>& s) { return s.has_value(); }

#define REQ(T, name) args.emplace_back(#name, fmt(n->name, lvl));
#define OPT(T, name) \
  if (present(n->name)) args.emplace_back(#name, fmt(n->name, lvl));
#define SEQ(T, name) args.emplace_back(#name, fmt_list(n->name, lvl));

Out fmt(const ExprNode* e, int level) {
  int lvl = level + 1;
  Args args;
  switch (e->kind) {
#define AST_EXPR(Name, Fields)                    \
  case ExprKind::Name: {                          \
    [[maybe_unused]] auto* n = static_cast<const Name*>(e); \
    Fields add_attributes(args, n); return finish_node(#Name, args, lvl);  \
  }
#include "frontend/ast.def"
  }
  return {"?", true};
}

Out fmt(const StmtNode* s, int level) {
  int lvl = level + 1;
  Args args;
  switch (s->kind) {
#define AST_STMT(Name, Fields)                    \
  case StmtKind::Name: {                          \
    [[maybe_unused]] auto* n = static_cast<const Name*>(s); \
    Fields add_attributes(args, n); return finish_node(#Name, args, lvl);  \
  }
#include "frontend/ast.def"
  }
  return {"?", true};
}

Out fmt(const PatternNode* p, int level) {
  int lvl = level + 1;
  Args args;
  switch (p->kind) {
#define AST_PATTERN(Name, Fields)                 \
  case PatternKind::Name: {                       \
    [[maybe_unused]] auto* n = static_cast<const Name*>(p); \
    Fields add_attributes(args, n); return finish_node(#Name, args, lvl);  \
  }
#include "frontend/ast.def"
  }
  return {"?", true};
}

#define AST_PRODUCT(Name, PyName, Located, Fields) \
  Out fmt(const Name* n, int level) {              \
    int lvl = level + 1;                           \
    Args args;                                     \
    Fields add_attributes(args, n); return finish_node(#PyName, args, lvl); \
  }
#include "frontend/ast.def"

Out fmt_mod(const ModNode* m, int level) {
  int lvl = level + 1;
  Args args;
  switch (m->kind) {
#define AST_MOD(Name, Fields)                     \
  case ModKind::Name: {                           \
    [[maybe_unused]] auto* n = static_cast<const Name*>(m); \
    Fields add_attributes(args, n); return finish_node(#Name, args, lvl);  \
  }
#include "frontend/ast.def"
  }
  return {"?", true};
}

#undef REQ
#undef OPT
#undef SEQ

}  // namespace

std::string dump_ast(const ModNode* mod, int indent, bool include_attributes) {
  g_style = Style{indent, include_attributes};
  return fmt_mod(mod, 0).text;
}

}  // namespace coil::fe
