// ast_from_py.cpp — Python `ast` objects -> the frontend's C++ tree (compile(ast_object, ...)),
// one converter per node generated from frontend/ast.def, with CPython 3.11's errors for missing
// fields, wrong node and leaf types, in CPython's order; ast_validate.cpp then checks the tree.
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/ast_module.h"

namespace coil::lib::ast {

using namespace coil::rt;

namespace {

struct FromPy {
  const Classes* c;
  fe::Arena& arena;
  BadConstants* bad_consts;
  // A required node field that was None: CPython's node constructors reject it once the node's
  // other fields are converted ("field 'value' is required for Expr").
  const char* pending_field = nullptr;
  const char* pending_owner = nullptr;

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
      // Judged by the validator, after the whole tree is converted (as CPython does). Tuples,
      // frozensets and complex numbers with a real part are valid constants in CPython but the
      // frontend's ConstValue cannot carry them (yet).
      bool unsupported = is_complex_instance(v) || is_tuple(v) || (v.is_obj() && is_frozenset_type(v.as_obj()->type));
      out->kind = K::None;
      bad_consts->push_back({out, unsupported ? std::string("Coil cannot compile an AST Constant of type ") + type_name(v) + " yet"
                                             : std::string("got an invalid type in Constant: ") + type_name(v)});
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
  // Nodes of the sum types: None converts to "no node" (products are read field by field).
  template <class T>
  static constexpr bool is_sum_ptr = std::is_same_v<T, fe::ExprNode*> || std::is_same_v<T, fe::StmtNode*> ||
                                     std::is_same_v<T, fe::TypeIgnore*>;

  // Brackets one node's conversion: a required field left None fails it at its end.
  const char* begin_node() {
    const char* saved = pending_field;
    pending_field = nullptr;
    return saved;
  }
  bool end_node(const char* saved, const char* saved_owner) {
    if (pending_field) {
      raise_fmt(ValueErrorType, "field '%s' is required for %s", pending_field, pending_owner);
      return false;
    }
    pending_field = saved;
    pending_owner = saved_owner;
    return true;
  }
  // Products (arg, alias, comprehension, ...) report a required field left None only if nothing
  // else fails later in the tree: CPython's converter carries on past that error.
  std::string deferred;
  bool end_product(const char* saved, const char* saved_owner) {
    if (pending_field && deferred.empty())
      deferred = std::string("field '") + pending_field + "' is required for " + pending_owner;
    pending_field = saved;
    pending_owner = saved_owner;
    return true;
  }

  // A required field: absent -> TypeError; None for an expr/stmt or identifier -> ValueError at
  // the end of the node (see begin_node).
  template <class T>
  bool req(Value obj, const char* owner, const char* name, T* out) {
    Value v;
    if (!lookup(obj, name, &v)) return false;
    if constexpr (std::is_same_v<T, int>) {
      // ImportFrom.level is `int?` in the ASDL (absent or None: 0).
      if ((v.is_empty_slot() || v == None) && !std::strcmp(owner, "ImportFrom")) return true;
    }
    if (v.is_empty_slot()) return missing(name, owner);
    if constexpr (is_sum_ptr<T> || std::is_same_v<T, fe::Ident>) {
      if (v == None) {
        if (!pending_field) pending_field = name, pending_owner = owner;
        return true;
      }
    }
    return conv(v, out, owner, name);
  }

  template <class T>
  bool opt(Value obj, const char* owner, const char* name, T* out) {
    Value v;
    if (!lookup(obj, name, &v)) return false;
    if (v.is_empty_slot() || v == None) return true;
    return conv(v, out, owner, name);
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
      if constexpr (is_sum_ptr<T>) {
        if (item != None && !conv(item, &x, owner, name)) return false;  // None: the validator decides
      } else {
        if (!conv(item, &x, owner, name)) return false;
      }
      out->push_back(x);
      if (l->size != n)
        return raise_fmt(RuntimeErrorType, "%s field \"%s\" changed size during iteration", owner, name), false;
    }
    return true;
  }

  // Positions (the _attributes of located nodes): lineno and col_offset are required, the ends
  // default to the start.
  bool positions(Value obj, const char* owner, fe::Located* n) {
    if (!req(obj, owner, "lineno", &n->lineno) || !req(obj, owner, "col_offset", &n->col_offset)) return false;
    n->end_lineno = n->lineno;
    n->end_col_offset = n->col_offset;
    if (!std::strcmp(owner, "pattern"))  // patterns' end positions are not optional in the ASDL
      return req(obj, owner, "end_lineno", &n->end_lineno) && req(obj, owner, "end_col_offset", &n->end_col_offset);
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
      const char* saved = begin_node();                             \
      const char* saved_owner = pending_owner;                      \
      Fields return end_node(saved, saved_owner);                   \
    }
#include "frontend/ast.def"
    return fail_type("stmt", obj);
  }

  // An expression (its context is checked by the validator, after the whole conversion).
  bool conv_expr_node(Value obj, fe::ExprNode** out, const char*, const char*) {
    fe::Located loc;
    if (!positions(obj, "expr", &loc)) return false;
    return conv_expr(obj, out, loc);
  }

  bool conv_expr(Value obj, fe::ExprNode** out, const fe::Located& loc) {
#define AST_EXPR(Name, Fields)                                      \
    if (isa(obj, c->Name)) {                                        \
      static constexpr const char* kName = #Name;                   \
      auto* n = arena.make<fe::Name>();                             \
      static_cast<fe::Located&>(*n) = loc;                          \
      *out = n;                                                     \
      (void)kName;                                                  \
      const char* saved = begin_node();                             \
      const char* saved_owner = pending_owner;                      \
      Fields return end_node(saved, saved_owner);                   \
    }
#include "frontend/ast.def"
    return fail_type("expr", obj);
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
      const char* saved = begin_node();                             \
      const char* saved_owner = pending_owner;                      \
      Fields return end_node(saved, saved_owner);                   \
    }
#include "frontend/ast.def"
    return fail_type("pattern", obj);
  }

  // Products (arguments, arg, keyword, ...) are read field by field without a type check, as
  // CPython does; ExceptHandler and TypeIgnore are one-constructor sums: positions, then the check.
#define AST_PRODUCT(Name, PyName, IsLocated, Fields)                  \
  bool conv(Value obj, fe::Name** out, const char*, const char*) {  \
    static constexpr const char* kName = #PyName;                   \
    constexpr bool kSum = std::string_view(#PyName) == "ExceptHandler" || std::string_view(#PyName) == "TypeIgnore"; \
    auto* n = arena.make<fe::Name>();                               \
    *out = n;                                                       \
    if constexpr (kSum) {                                           \
      if constexpr (IsLocated) {                                    \
        if (!positions(obj, "excepthandler", reinterpret_cast<fe::Located*>(n))) return false; \
      }                                                             \
      if (!isa(obj, c->Name)) return fail_type(#Name == std::string_view("ExceptHandler") ? "excepthandler" : "type_ignore", obj); \
    }                                                               \
    const char* saved = begin_node();                               \
    const char* saved_owner = pending_owner;                        \
    Fields                                                          \
    if constexpr (IsLocated && !kSum) {                             \
      if (!positions(obj, #PyName, reinterpret_cast<fe::Located*>(n))) return false; \
    }                                                               \
    return kSum ? end_node(saved, saved_owner) : end_product(saved, saved_owner); \
  }
#include "frontend/ast.def"

  bool conv_mod(Value obj, fe::ModNode** out) {
#define AST_MOD(Name, Fields)                                       \
    if (isa(obj, c->Name)) {                                        \
      static constexpr const char* kName = #Name;                   \
      auto* n = arena.make<fe::Name>();                             \
      *out = n;                                                     \
      (void)kName;                                                  \
      const char* saved = begin_node();                             \
      const char* saved_owner = pending_owner;                      \
      Fields return end_node(saved, saved_owner);                   \
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
  BadConstants bad;
  FromPy f{c, arena, &bad, nullptr, nullptr, {}};
  fe::ModNode* out = nullptr;
  if (!f.conv_mod(obj, &out)) return nullptr;
  if (!f.deferred.empty()) {
    raise_msg(ValueErrorType, f.deferred);
    return nullptr;
  }
  if (!validate(out, bad)) return nullptr;
  return out;
}

}  // namespace coil::lib::ast
