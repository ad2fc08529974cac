// ast_to_py.cpp — the frontend's C++ tree -> Python `ast` objects (compile(..., PyCF_ONLY_AST)),
// one converter per node generated from frontend/ast.def.
#include <cmath>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/ast_module.h"

namespace coil::lib::ast {

using namespace coil::rt;

namespace {

struct ToPy {
  const Classes* c;

  Value conv(const fe::Ident& s) { return str_value(s); }
  Value conv(const std::optional<std::string>& s) { return s ? str_value(*s) : None; }
  Value conv(int i) { return int_from_int64(i); }
  Value conv(fe::ExprContext k) { return c->ctx_inst[static_cast<int>(k)]; }
  Value conv(fe::BoolOpKind k) { return c->boolop_inst[static_cast<int>(k)]; }
  Value conv(fe::OperatorKind k) { return c->op_inst[static_cast<int>(k)]; }
  Value conv(fe::UnaryOpKind k) { return c->unaryop_inst[static_cast<int>(k)]; }
  Value conv(fe::CmpOpKind k) { return c->cmpop_inst[static_cast<int>(k)]; }

  Value conv(const fe::ConstValue& v) {
    using K = fe::ConstValue::Kind;
    switch (v.kind) {
      case K::None: return None;
      case K::True: return True;
      case K::False: return False;
      case K::Ellipsis: return EllipsisValue;
      case K::Int: return int_from_string(v.text, 10);
      case K::Float: return float_value(v.number);
      case K::Complex: return complex_value(0.0, v.number);
      case K::Str: return str_value(v.text);
      case K::Bytes: return bytes_value(v.text);
    }
    return None;
  }

  template <class T>
  Value conv(const std::vector<T>& items) {
    ListObject* l = new_list(0, static_cast<int64_t>(items.size()));
    if (!l) return Value();
    for (const T& x : items) {
      Value v = conv(x);
      if (v.is_empty_slot() || !list_append(l, v)) return Value();
    }
    return Value::from_obj(l);
  }

  // A new instance of `cls` with no fields set yet.
  Value make(TypeObject* cls) { return call0(Value::from_obj(cls)); }

  bool put(Value obj, const char* name, Value v) {
    return !v.is_empty_slot() && set_attr(obj, intern(name), v);
  }

  bool put_positions(Value obj, const fe::Located* n) {
    return put(obj, "lineno", int_from_int64(n->lineno)) && put(obj, "col_offset", int_from_int64(n->col_offset)) &&
           put(obj, "end_lineno", int_from_int64(n->end_lineno)) &&
           put(obj, "end_col_offset", int_from_int64(n->end_col_offset));
  }

#define REQ(T, name) if (!put(obj, #name, conv(n->name))) return Value();
#define OPT(T, name) if (!put(obj, #name, conv(n->name))) return Value();
#define SEQ(T, name) if (!put(obj, #name, conv(n->name))) return Value();

  Value conv(const fe::ModNode* m) {
    switch (m->kind) {
#define AST_MOD(Name, Fields)                                 \
  case fe::ModKind::Name: {                                   \
    auto* n = static_cast<const fe::Name*>(m);                \
    (void)n;                                                  \
    Value obj = make(c->Name);                                \
    if (obj.is_empty_slot()) return obj;                      \
    Fields return obj;                                        \
  }
#include "frontend/ast.def"
    }
    return None;
  }

  Value conv(const fe::StmtNode* s) {
    if (!s) return None;
    switch (s->kind) {
#define AST_STMT(Name, Fields)                                        \
  case fe::StmtKind::Name: {                                          \
    auto* n = static_cast<const fe::Name*>(s);                        \
    Value obj = make(c->Name);                                        \
    if (obj.is_empty_slot()) return obj;                              \
    Fields if (!put_positions(obj, n)) return Value();                \
    return obj;                                                       \
  }
#include "frontend/ast.def"
    }
    return None;
  }

  Value conv(const fe::ExprNode* e) {
    if (!e) return None;
    switch (e->kind) {
#define AST_EXPR(Name, Fields)                                        \
  case fe::ExprKind::Name: {                                          \
    auto* n = static_cast<const fe::Name*>(e);                        \
    Value obj = make(c->Name);                                        \
    if (obj.is_empty_slot()) return obj;                              \
    Fields if (!put_positions(obj, n)) return Value();                \
    return obj;                                                       \
  }
#include "frontend/ast.def"
    }
    return None;
  }

  Value conv(const fe::PatternNode* p) {
    if (!p) return None;
    switch (p->kind) {
#define AST_PATTERN(Name, Fields)                                     \
  case fe::PatternKind::Name: {                                       \
    auto* n = static_cast<const fe::Name*>(p);                        \
    Value obj = make(c->Name);                                        \
    if (obj.is_empty_slot()) return obj;                              \
    Fields if (!put_positions(obj, n)) return Value();                \
    return obj;                                                       \
  }
#include "frontend/ast.def"
    }
    return None;
  }

#define AST_PRODUCT(Name, PyName, IsLocated, Fields)                    \
  Value conv(const fe::Name* n) {                                     \
    if (!n) return None;                                              \
    Value obj = make(c->Name);                                        \
    if (obj.is_empty_slot()) return obj;                              \
    Fields if constexpr (IsLocated) {                                   \
      if (!put_positions(obj, reinterpret_cast<const fe::Located*>(n))) return Value(); \
    }                                                                 \
    return obj;                                                       \
  }
#include "frontend/ast.def"
#undef REQ
#undef OPT
#undef SEQ
};

}  // namespace

Value to_python(const fe::ModNode* mod) {
  const Classes* c = classes();
  if (!c) return Value();
  ToPy t{c};
  return t.conv(mod);
}

}  // namespace coil::lib::ast
