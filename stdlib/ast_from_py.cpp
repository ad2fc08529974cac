// ast_from_py.cpp — Python `ast` objects -> the frontend's C++ tree (compile(ast_object, ...)),
// one converter per node generated from frontend/ast.def, with CPython 3.11's errors for
// missing fields, wrong node types and the validator's checks of contexts and empty bodies.
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/float_format.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/ast_module.h"

namespace coil::lib::ast {

using namespace coil::rt;

namespace {

const char* const kCtxNames[] = {"Load", "Store", "Del"};

// The context a field's expressions must have: targets store or delete, List/Tuple/Starred
// pass their own on to their elements, everything else loads.
enum class Want { Load, Store, Del, Inherit };
Want field_context(const char* node, const char* field) {
  struct Row { const char* node; const char* field; Want want; };
  static const Row rows[] = {
      {"Assign", "targets", Want::Store},   {"AugAssign", "target", Want::Store},
      {"AnnAssign", "target", Want::Store}, {"For", "target", Want::Store},
      {"AsyncFor", "target", Want::Store},  {"Delete", "targets", Want::Del},
      {"withitem", "optional_vars", Want::Store}, {"comprehension", "target", Want::Store},
      {"NamedExpr", "target", Want::Store}, {"List", "elts", Want::Inherit},
      {"Tuple", "elts", Want::Inherit},     {"Starred", "value", Want::Inherit},
  };
  for (const Row& r : rows)
    if (!std::strcmp(r.node, node) && !std::strcmp(r.field, field)) return r.want;
  return Want::Load;
}

struct FromPy {
  const Classes* c;
  fe::Arena& arena;
  fe::ExprContext want = fe::ExprContext::Load;  // what the expression being converted must be

  bool isa(Value v, TypeObject* t) { return v.is_obj() && is_subtype(v.as_obj()->type, t); }

  bool fail_type(const char* what, Value v) {
    std::string r;
    if (!repr_string(v, &r)) return false;
    raise_fmt(TypeErrorType, "expected some sort of %s, but got %s", what, r.c_str());
    return false;
  }

  // Reads attribute `name`; `*v` empty when absent. False on error.
  bool lookup(Value obj, const char* name, Value* v) {
    bool error = false;
    *v = get_attr_opt(obj, intern(name), &error);
    return !error;
  }

  bool missing(const char* field, const char* owner) {
    raise_fmt(TypeErrorType, "required field \"%s\" missing from %s", field, owner);
    return false;
  }

  // --- leaves ---
  bool conv(Value v, fe::Ident* out, const char*, const char*) {
    if (!is_str(v)) return raise_msg(TypeErrorType, "AST identifier must be of type str"), false;
    *out = as_str(v)->view();
    return true;
  }
  // identifier? and string? are one C++ type; the field says which (type_comment and
  // Constant.kind are strings).
  bool conv(Value v, std::optional<std::string>* out, const char*, const char* field) {
    if (v == None) return true;
    bool is_string = !std::strcmp(field, "type_comment") || !std::strcmp(field, "kind");
    if (!is_str(v))
      return raise_msg(TypeErrorType, is_string ? "AST string must be of type str" : "AST identifier must be of type str"),
             false;
    *out = std::string(as_str(v)->view());
    return true;
  }
  bool conv(Value v, int* out, const char*, const char*) {
    int64_t i;
    if (!is_int(v)) {
      std::string r;
      if (!repr_string(v, &r)) return false;
      raise_fmt(ValueErrorType, "invalid integer value: %s", r.c_str());
      return false;
    }
    if (!int_to_int64(v, &i) || i < INT32_MIN || i > INT32_MAX)
      return raise_msg(OverflowErrorType, "Python int too large to convert to C int"), false;
    *out = static_cast<int>(i);
    return true;
  }
  bool conv(Value v, fe::ConstValue* out, const char*, const char*) {
    using K = fe::ConstValue::Kind;
    if (v == None) out->kind = K::None;
    else if (v == True) out->kind = K::True;
    else if (v == False) out->kind = K::False;
    else if (v == EllipsisValue) out->kind = K::Ellipsis;
    else if (is_int(v)) {
      out->kind = K::Int;
      out->text = int_to_string(v, 10);
    } else if (is_float_instance(v)) {
      out->kind = K::Float;
      out->number = float_of(v);
    } else if (is_complex_instance(v) && as_complex(v)->real == 0.0 && !std::signbit(as_complex(v)->real)) {
      out->kind = K::Complex;
      out->number = as_complex(v)->imag;
    } else if (is_str(v)) {
      out->kind = K::Str;
      out->text = as_str(v)->view();
    } else if (is_bytes(v)) {
      out->kind = K::Bytes;
      out->text = as_bytes(v)->view();
    } else {
      // Tuples, frozensets and complex numbers with a real part are valid constants in CPython
      // but the frontend's ConstValue cannot carry them (yet).
      if (is_complex_instance(v) || is_tuple(v) || (v.is_obj() && is_frozenset_type(v.as_obj()->type)))
        return raise_fmt(TypeErrorType, "Coil cannot compile an AST Constant of type %s yet", type_name(v)), false;
      return raise_fmt(TypeErrorType, "got an invalid type in Constant: %s", type_name(v)), false;
    }
    return true;
  }

  template <class E, size_t N>
  bool conv_enum(Value v, E* out, TypeObject* const (&classes)[N], const char* what) {
    for (size_t i = 0; i < N; ++i)
      if (isa(v, classes[i])) {
        *out = static_cast<E>(i);
        return true;
      }
    return fail_type(what, v);
  }
  bool conv(Value v, fe::ExprContext* out, const char*, const char*) { return conv_enum(v, out, c->ctx, "expr_context"); }
  bool conv(Value v, fe::BoolOpKind* out, const char*, const char*) { return conv_enum(v, out, c->boolops, "boolop"); }
  bool conv(Value v, fe::OperatorKind* out, const char*, const char*) { return conv_enum(v, out, c->ops, "operator"); }
  bool conv(Value v, fe::UnaryOpKind* out, const char*, const char*) { return conv_enum(v, out, c->unaryops, "unaryop"); }
  bool conv(Value v, fe::CmpOpKind* out, const char*, const char*) { return conv_enum(v, out, c->cmpops, "cmpop"); }

  // --- fields ---
  template <class T>
  static constexpr bool is_node_ptr = std::is_pointer_v<T>;

  // A required field: absent -> TypeError; None for a node -> the validator's ValueError.
  template <class T>
  bool req(Value obj, const char* owner, const char* name, T* out) {
    Value v;
    if (!lookup(obj, name, &v)) return false;
    if (v.is_empty_slot()) return missing(name, owner);
    if constexpr (is_node_ptr<T>) {
      if (v == None) return raise_fmt(ValueErrorType, "field '%s' is required for %s", name, owner), false;
      return with_context(owner, name, [&] { return conv(v, out, owner, name); });
    } else {
      if constexpr (std::is_same_v<T, fe::Ident>)
        if (v == None) return raise_fmt(ValueErrorType, "field '%s' is required for %s", name, owner), false;
      return conv(v, out, owner, name);
    }
  }

  template <class T>
  bool opt(Value obj, const char* owner, const char* name, T* out) {
    Value v;
    if (!lookup(obj, name, &v)) return false;
    if (v.is_empty_slot() || v == None) return true;
    return with_context(owner, name, [&] { return conv(v, out, owner, name); });
  }

  template <class T>
  bool seq(Value obj, const char* owner, const char* name, std::vector<T>* out) {
    Value v;
    if (!lookup(obj, name, &v)) return false;
    if (v.is_empty_slot()) return missing(name, owner);
    if (!is_list(v))
      return raise_fmt(TypeErrorType, "%s field \"%s\" must be a list, not a %s", owner, name, type_name(v)), false;
    ListObject* l = as_list(v);
    const int64_t n = l->size;
    for (int64_t i = 0; i < l->size; ++i) {
      Value item = l->items()[i];
      T x{};
      if constexpr (is_node_ptr<T>) {
        if (item != None && !with_context(owner, name, [&] { return conv(item, &x, owner, name); })) return false;
        if (item == None && !none_allowed(owner, name))
          return raise_fmt(ValueErrorType, "None disallowed in %s", owner), false;
      } else {
        if (!conv(item, &x, owner, name)) return false;
      }
      out->push_back(x);
      if (l->size != n)
        return raise_fmt(RuntimeErrorType, "%s field \"%s\" changed size during iteration", owner, name), false;
    }
    if constexpr (std::is_same_v<T, fe::StmtNode*>)
      if (out->empty() && !std::strcmp(name, "body") && std::strcmp(owner, "Module") &&
          std::strcmp(owner, "Interactive"))
        return raise_fmt(ValueErrorType, "empty body on %s", owner), false;
    return true;
  }

  // Dict.keys (for `**d`) and arguments.kw_defaults may hold None.
  static bool none_allowed(const char* owner, const char* name) {
    return (!std::strcmp(owner, "Dict") && !std::strcmp(name, "keys")) ||
           (!std::strcmp(owner, "arguments") && !std::strcmp(name, "kw_defaults"));
  }

  template <class F>
  bool with_context(const char* owner, const char* name, F&& f) {
    fe::ExprContext saved = want;
    Want w = field_context(owner, name);
    if (w != Want::Inherit) want = w == Want::Store ? fe::ExprContext::Store
                                : w == Want::Del  ? fe::ExprContext::Del
                                                  : fe::ExprContext::Load;
    bool ok = f();
    want = saved;
    return ok;
  }

  // Positions (the _attributes of located nodes): lineno and col_offset are required, the ends
  // default to the start.
  bool positions(Value obj, const char* owner, fe::Located* n) {
    if (!req(obj, owner, "lineno", &n->lineno) || !req(obj, owner, "col_offset", &n->col_offset)) return false;
    n->end_lineno = n->lineno;
    n->end_col_offset = n->col_offset;
    return opt(obj, owner, "end_lineno", &n->end_lineno) && opt(obj, owner, "end_col_offset", &n->end_col_offset);
  }

#define REQ(T, name) if (!req(obj, kName, #name, &n->name)) return false;
#define OPT(T, name) if (!opt(obj, kName, #name, &n->name)) return false;
#define SEQ(T, name) if (!seq(obj, kName, #name, &n->name)) return false;

  // Node kinds that nest recurse under the interpreter's recursion limit, as CPython's do.
  template <class F>
  bool nested(const char* where, F&& f) {
    if (!enter_call(where)) return false;
    bool ok = f();
    leave_call();
    return ok;
  }

  bool conv(Value obj, fe::StmtNode** out, const char* o, const char* f) {
    return nested(" while traversing 'stmt' node", [&] { return conv_stmt(obj, out, o, f); });
  }
  bool conv(Value obj, fe::ExprNode** out, const char* o, const char* f) {
    return nested(" while traversing 'expr' node", [&] { return conv_expr_node(obj, out, o, f); });
  }
  bool conv(Value obj, fe::PatternNode** out, const char* o, const char* f) {
    return nested(" while traversing 'pattern' node", [&] { return conv_pattern(obj, out, o, f); });
  }

  bool conv_stmt(Value obj, fe::StmtNode** out, const char*, const char*) {
    fe::Located loc;  // positions are read before the kind is known, as CPython does
    if (!positions(obj, "stmt", &loc)) return false;
#define AST_STMT(Name, Fields)                                      \
    if (isa(obj, c->Name)) {                                        \
      static constexpr const char* kName = #Name;                   \
      auto* n = arena.make<fe::Name>();                             \
      static_cast<fe::Located&>(*n) = loc;                          \
      *out = n;                                                     \
      (void)kName;                                                  \
      Fields return true;                                           \
    }
#include "frontend/ast.def"
    return fail_type("stmt", obj);
  }

  // An expression; `want` is the context it must have (set by the field it sits in).
  bool conv_expr_node(Value obj, fe::ExprNode** out, const char*, const char*) {
    fe::Located loc;
    if (!positions(obj, "expr", &loc)) return false;
    fe::ExprContext expected = want;
    bool ok = conv_expr(obj, out, loc) && check_ctx(*out, expected);
    want = expected;
    return ok;
  }

  bool conv_expr(Value obj, fe::ExprNode** out, const fe::Located& loc) {
#define AST_EXPR(Name, Fields)                                      \
    if (isa(obj, c->Name)) {                                        \
      static constexpr const char* kName = #Name;                   \
      auto* n = arena.make<fe::Name>();                             \
      static_cast<fe::Located&>(*n) = loc;                          \
      *out = n;                                                     \
      (void)kName;                                                  \
      Fields return true;                                           \
    }
#include "frontend/ast.def"
    return fail_type("expr", obj);
  }

  // The validator's context check: a target must store (or delete), everything else load.
  bool check_ctx(fe::ExprNode* n, fe::ExprContext expected) {
    fe::ExprContext have;
    switch (n->kind) {
      case fe::ExprKind::Name: have = static_cast<fe::Name*>(n)->ctx; break;
      case fe::ExprKind::Attribute: have = static_cast<fe::Attribute*>(n)->ctx; break;
      case fe::ExprKind::Subscript: have = static_cast<fe::Subscript*>(n)->ctx; break;
      case fe::ExprKind::Starred: have = static_cast<fe::Starred*>(n)->ctx; break;
      case fe::ExprKind::List: have = static_cast<fe::List*>(n)->ctx; break;
      case fe::ExprKind::Tuple: have = static_cast<fe::Tuple*>(n)->ctx; break;
      default:
        if (expected == fe::ExprContext::Load) return true;
        raise_fmt(ValueErrorType, "expression which can't be assigned to in %s context",
                  kCtxNames[static_cast<int>(expected)]);
        return false;
    }
    if (have == expected) return true;
    raise_fmt(ValueErrorType, "expression must have %s context but has %s instead",
              kCtxNames[static_cast<int>(expected)], kCtxNames[static_cast<int>(have)]);
    return false;
  }

  bool conv_pattern(Value obj, fe::PatternNode** out, const char*, const char*) {
    fe::Located loc;
    if (!positions(obj, "pattern", &loc)) return false;
#define AST_PATTERN(Name, Fields)                                   \
    if (isa(obj, c->Name)) {                                        \
      static constexpr const char* kName = #Name;                   \
      auto* n = arena.make<fe::Name>();                             \
      static_cast<fe::Located&>(*n) = loc;                          \
      *out = n;                                                     \
      (void)kName;                                                  \
      Fields return true;                                           \
    }
#include "frontend/ast.def"
    return fail_type("pattern", obj);
  }

#define AST_PRODUCT(Name, PyName, IsLocated, Fields)                  \
  bool conv(Value obj, fe::Name** out, const char*, const char*) {  \
    static constexpr const char* kName = #PyName;                   \
    if (!isa(obj, c->Name)) return fail_type(#PyName, obj);         \
    auto* n = arena.make<fe::Name>();                               \
    *out = n;                                                       \
    if constexpr (IsLocated) {                                        \
      if (!positions(obj, #PyName, reinterpret_cast<fe::Located*>(n))) return false; \
    }                                                               \
    Fields return true;                                             \
  }
#include "frontend/ast.def"

  bool conv_mod(Value obj, fe::ModNode** out) {
#define AST_MOD(Name, Fields)                                       \
    if (isa(obj, c->Name)) {                                        \
      static constexpr const char* kName = #Name;                   \
      auto* n = arena.make<fe::Name>();                             \
      *out = n;                                                     \
      (void)kName;                                                  \
      Fields return true;                                           \
    }
#include "frontend/ast.def"
    return fail_type("mod", obj);
  }
#undef REQ
#undef OPT
#undef SEQ
};

}  // namespace

fe::ModNode* from_python(Value obj, std::string_view mode, fe::Arena& arena) {
  const Classes* c = classes();
  if (!c) return nullptr;
  TypeObject* expected = mode == "exec" ? c->Module : mode == "eval" ? c->Expression
                         : mode == "single" ? c->Interactive : c->FunctionType;
  if (!(obj.is_obj() && is_subtype(obj.as_obj()->type, expected))) {
    raise_fmt(TypeErrorType, "expected %s node, got %s", std::string(expected->name_obj->view()).c_str(),
              obj.as_obj()->type->name);
    return nullptr;
  }
  FromPy f{c, arena};
  fe::ModNode* out = nullptr;
  if (!f.conv_mod(obj, &out) || !validate(out)) return nullptr;
  return out;
}

}  // namespace coil::lib::ast
