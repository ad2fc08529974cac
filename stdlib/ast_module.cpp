// ast_module.cpp — the _ast module: class AST, the abstract bases (mod, stmt, expr, ...) and one
// class per node of frontend/ast.def, with CPython 3.11's _fields, _attributes, __match_args__,
// docstrings and class-level None for optional fields and attributes.
#include "stdlib/ast_module.h"

#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::lib::ast {

using namespace coil::rt;

namespace {

Classes* g_classes = nullptr;

// The ASDL name of a field type as ast.def spells it (for docstrings and error messages).
const char* asdl_name(std::string_view cpp) {
  if (!cpp.empty() && cpp.back() == '*') cpp.remove_suffix(1);
  struct Row { const char* cpp; const char* asdl; };
  static const Row rows[] = {
      {"ExprNode", "expr"}, {"StmtNode", "stmt"}, {"PatternNode", "pattern"}, {"Ident", "identifier"},
      {"IdentOpt", "identifier"}, {"Str", "string"}, {"StrOpt", "string"}, {"int", "int"},
      {"ConstValue", "constant"}, {"ExprContext", "expr_context"}, {"BoolOpKind", "boolop"},
      {"OperatorKind", "operator"}, {"UnaryOpKind", "unaryop"}, {"CmpOpKind", "cmpop"},
      {"Comprehension", "comprehension"}, {"ExceptHandler", "excepthandler"}, {"Arguments", "arguments"},
      {"Arg", "arg"}, {"Keyword", "keyword"}, {"Alias", "alias"}, {"WithItem", "withitem"},
      {"MatchCase", "match_case"}, {"TypeIgnore", "type_ignore"},
  };
  for (const Row& r : rows)
    if (cpp == r.cpp) return r.asdl;
  return "?";
}

// One field of a node class: name, ASDL type, qualifier ('\0', '?', '*').
struct Field {
  const char* name;
  const char* type;
  char qual;
};

struct NodeSpec {
  const char* name;
  std::vector<Field> fields;
};

#define REQ(T, n) Field{#n, asdl_name(#T), '\0'},
#define OPT(T, n) Field{#n, asdl_name(#T), '?'},
#define SEQ(T, n) Field{#n, asdl_name(#T), '*'},

const std::vector<NodeSpec>& mod_specs() {
  static const std::vector<NodeSpec> v = {
#define AST_MOD(Name, Fields) NodeSpec{#Name, {Fields}},
#include "frontend/ast.def"
  };
  return v;
}
const std::vector<NodeSpec>& stmt_specs() {
  static const std::vector<NodeSpec> v = {
#define AST_STMT(Name, Fields) NodeSpec{#Name, {Fields}},
#include "frontend/ast.def"
  };
  return v;
}
const std::vector<NodeSpec>& expr_specs() {
  static const std::vector<NodeSpec> v = {
#define AST_EXPR(Name, Fields) NodeSpec{#Name, {Fields}},
#include "frontend/ast.def"
  };
  return v;
}
const std::vector<NodeSpec>& pattern_specs() {
  static const std::vector<NodeSpec> v = {
#define AST_PATTERN(Name, Fields) NodeSpec{#Name, {Fields}},
#include "frontend/ast.def"
  };
  return v;
}
struct ProductSpec {
  const char* cpp_name;
  NodeSpec spec;
  bool located;
};
const std::vector<ProductSpec>& product_specs() {
  static const std::vector<ProductSpec> v = {
#define AST_PRODUCT(Name, PyName, Located, Fields) ProductSpec{#Name, NodeSpec{#PyName, {Fields}}, Located != 0},
#include "frontend/ast.def"
  };
  return v;
}
#undef REQ
#undef OPT
#undef SEQ

const char* const kCtxNames[] = {"Load", "Store", "Del"};
const char* const kBoolOpNames[] = {"And", "Or"};
const char* const kOpNames[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
const char* const kUnaryOpNames[] = {"Invert", "Not", "UAdd", "USub"};
const char* const kCmpOpNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};

// "Name(identifier id, expr_context ctx)", as CPython's docstrings spell a constructor.
std::string signature(const NodeSpec& s) {
  if (std::string_view(s.name) == "ImportFrom")  // its level is `int?`, a REQ(int) in ast.def
    return "ImportFrom(identifier? module, alias* names, int? level)";
  std::string r = s.name;
  if (s.fields.empty()) return r;
  r += '(';
  for (size_t i = 0; i < s.fields.size(); ++i) {
    if (i) r += ", ";
    r += s.fields[i].type;
    if (s.fields[i].qual) r += s.fields[i].qual;
    r += ' ';
    r += s.fields[i].name;
  }
  return r + ')';
}

// "expr = BoolOp(...)\n     | NamedExpr(...)": the docstring of an abstract base.
std::string sum_doc(const char* base, const std::vector<NodeSpec>& specs) {
  std::string r = std::string(base) + " = ";
  std::string pad(std::string(base).size() + 1, ' ');
  for (size_t i = 0; i < specs.size(); ++i) {
    if (i) r += "\n" + pad + "| ";
    r += signature(specs[i]);
  }
  return r;
}

std::string enum_doc(const char* base, const char* const* names, size_t n) {
  std::string r = std::string(base) + " = ";
  for (size_t i = 0; i < n; ++i) {
    if (i) r += " | ";
    r += names[i];
  }
  return r;
}

TupleObject* str_tuple(const std::vector<const char*>& names) {
  TupleObject* t = new_tuple(static_cast<int64_t>(names.size()));
  for (size_t i = 0; i < names.size(); ++i) t->items[i] = Value::from_obj(intern(names[i]));
  return t;
}

const std::vector<const char*> kPositions = {"lineno", "col_offset", "end_lineno", "end_col_offset"};

// Makes `class name(base)` in module `ast` with the given namespace entries.
TypeObject* make_class(const char* name, TypeObject* base, const std::string* doc,
                       const std::vector<const char*>* fields, const std::vector<const char*>* attributes,
                       const std::vector<const char*>& none_defaults) {
  DictObject* ns = new_dict();
  if (!ns) return nullptr;
  dict_set_str(ns, intern("__module__"), str_value("ast"));
  dict_set_str(ns, intern("__doc__"), doc ? str_value(*doc) : None);
  if (fields) {
    Value f = Value::from_obj(str_tuple(*fields));
    dict_set_str(ns, intern("_fields"), f);
    dict_set_str(ns, intern("__match_args__"), f);
  }
  if (attributes) dict_set_str(ns, intern("_attributes"), Value::from_obj(str_tuple(*attributes)));
  for (const char* n : none_defaults) dict_set_str(ns, intern(n), None);
  Value args[3] = {str_value(name), Value::from_obj(tuple_of({Value::from_obj(base)})), Value::from_obj(ns)};
  Value cls = call(Value::from_obj(TypeType), args, 3);
  if (cls.is_empty_slot()) return nullptr;
  return static_cast<TypeObject*>(cls.as_obj());
}

// A concrete node class: _fields from the spec, None for its optional fields.
TypeObject* make_node_class(const NodeSpec& s, TypeObject* base, const std::vector<const char*>* attributes,
                            bool located_product) {
  std::vector<const char*> fields, nones;
  for (const Field& f : s.fields) {
    fields.push_back(f.name);
    if (f.qual == '?') nones.push_back(f.name);
  }
  if (std::string_view(s.name) == "ImportFrom") nones.push_back("level");  // `int? level`
  if (located_product) {
    nones.push_back("end_lineno");
    nones.push_back("end_col_offset");
  }
  std::string doc = signature(s);
  return make_class(s.name, base, &doc, &fields, attributes, nones);
}

// AST.__init__(self, *args, **kwargs): positional args fill _fields in order, keywords set
// attributes; CPython 3.11's messages.
Value ast_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value self = args[0];
  TypeObject* type = self.as_obj()->type;
  Value fields = get_attr(Value::from_obj(type), intern("_fields"));
  if (fields.is_empty_slot()) {
    if (!pending_matches(AttributeErrorType)) return Value();
    clear_exception();
    fields = Value::from_obj(empty_tuple());
  }
  if (length(fields) < 0) return Value();
  Value seq = sequence_to_tuple(fields);
  if (seq.is_empty_slot()) return Value();
  TupleObject* names = as_tuple(seq);
  int64_t npos = nargs - 1;
  if (npos > names->size)
    return raise_fmt(TypeErrorType, "%s constructor takes at most %lld positional argument%s", type->name,
                     static_cast<long long>(names->size), names->size == 1 ? "" : "s");
  for (int64_t i = 0; i < npos; ++i) {
    if (!is_str(names->items[i]))
      return raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(names->items[i]));
    if (!set_attr(self, as_str(names->items[i]), args[1 + i])) return Value();
  }
  int64_t nkw = kwnames ? kwnames->size : 0;
  for (int64_t k = 0; k < nkw; ++k) {
    StrObject* key = as_str(kwnames->items[k]);
    for (int64_t i = 0; i < npos; ++i)
      if (is_str(names->items[i]) && str_equal(as_str(names->items[i]), key))
        return raise_fmt(TypeErrorType, "%s got multiple values for argument '%s'", type->name,
                         std::string(key->view()).c_str());
    if (!set_attr(self, key, args[nargs + k])) return Value();
  }
  return None;
}

// AST.__reduce__: (type(self), (), self.__dict__), or (type(self), ()) without a __dict__.
Value ast_reduce(Value* args, int64_t, TupleObject*) {
  Value self = args[0];
  Value cls = Value::from_obj(self.as_obj()->type);
  bool error = false;
  Value d = get_attr_opt(self, intern("__dict__"), &error);
  if (error) return Value();
  if (!d.is_empty_slot() && is_dict(d))
    return Value::from_obj(tuple_of({cls, Value::from_obj(empty_tuple()), d}));
  return Value::from_obj(tuple_of({cls, Value::from_obj(empty_tuple())}));
}

const NativeMethodDef kAstMethods[] = {
    {"__init__", ast_init},
    {"__reduce__", ast_reduce},
};

void visit_classes(Visitor& v) {
  if (!g_classes) return;
  // Every class and singleton is a Value or TypeObject* inside the struct: visit them all.
  auto* begin = reinterpret_cast<Object**>(g_classes);
  auto* values_begin = reinterpret_cast<char*>(&g_classes->ctx_inst[0]);
  for (Object** p = begin; reinterpret_cast<char*>(p) < values_begin; ++p)
    if (*p) v.visit(*p);
  for (Value x : g_classes->ctx_inst) v.visit(x);
  for (Value x : g_classes->boolop_inst) v.visit(x);
  for (Value x : g_classes->op_inst) v.visit(x);
  for (Value x : g_classes->unaryop_inst) v.visit(x);
  for (Value x : g_classes->cmpop_inst) v.visit(x);
}

// Makes the leaf classes of an enum-like sum (Load, Store, ...) and one shared instance each.
bool make_enum_classes(TypeObject* base, const char* const* names, size_t n, TypeObject** out, Value* inst) {
  std::vector<const char*> none;
  std::vector<const char*> empty;
  for (size_t i = 0; i < n; ++i) {
    std::string doc = names[i];
    out[i] = make_class(names[i], base, &doc, &empty, nullptr, none);
    if (!out[i]) return false;
    inst[i] = call0(Value::from_obj(out[i]));
    if (inst[i].is_empty_slot()) return false;
  }
  return true;
}

bool build(Classes* c) {
  std::vector<const char*> none, empty;
  // AST itself: __init__ and __reduce__ are native; _fields and _attributes are empty.
  c->ast = make_class("AST", ObjectType, nullptr, &empty, &empty, none);
  if (!c->ast) return false;
  add_methods(c->ast, kAstMethods);
  std::vector<const char*> end_positions = {"end_lineno", "end_col_offset"};
  auto base = [&](const char* name, const std::string& doc, bool located) {
    return make_class(name, c->ast, &doc, &empty, located ? &kPositions : &empty, located ? end_positions : none);
  };
  if (!(c->mod = base("mod", sum_doc("mod", mod_specs()), false))) return false;
  if (!(c->stmt = base("stmt", sum_doc("stmt", stmt_specs()), true))) return false;
  if (!(c->expr = base("expr", sum_doc("expr", expr_specs()), true))) return false;
  if (!(c->expr_context = base("expr_context", enum_doc("expr_context", kCtxNames, 3), false))) return false;
  if (!(c->boolop = base("boolop", enum_doc("boolop", kBoolOpNames, 2), false))) return false;
  if (!(c->op = base("operator", enum_doc("operator", kOpNames, 13), false))) return false;
  if (!(c->unaryop = base("unaryop", enum_doc("unaryop", kUnaryOpNames, 4), false))) return false;
  if (!(c->cmpop = base("cmpop", enum_doc("cmpop", kCmpOpNames, 10), false))) return false;
  const auto& products = product_specs();
  auto product = [&](const char* cpp) -> const ProductSpec& {
    for (const auto& p : products)
      if (std::string_view(p.cpp_name) == cpp) return p;
    return products[0];
  };
  if (!(c->excepthandler = base("excepthandler", sum_doc("excepthandler", {product("ExceptHandler").spec}), true)))
    return false;
  if (!(c->pattern = base("pattern", sum_doc("pattern", pattern_specs()), true))) return false;
  if (!(c->type_ignore = base("type_ignore", sum_doc("type_ignore", {product("TypeIgnore").spec}), false)))
    return false;

  size_t i = 0;
#define AST_MOD(Name, Fields) \
  if (!(c->Name = make_node_class(mod_specs()[i++], c->mod, nullptr, false))) return false;
#include "frontend/ast.def"
  i = 0;
#define AST_STMT(Name, Fields) \
  if (!(c->Name = make_node_class(stmt_specs()[i++], c->stmt, nullptr, false))) return false;
#include "frontend/ast.def"
  i = 0;
#define AST_EXPR(Name, Fields) \
  if (!(c->Name = make_node_class(expr_specs()[i++], c->expr, nullptr, false))) return false;
#include "frontend/ast.def"
  i = 0;
#define AST_PATTERN(Name, Fields) \
  if (!(c->Name = make_node_class(pattern_specs()[i++], c->pattern, nullptr, false))) return false;
#include "frontend/ast.def"
  // Products: ExceptHandler and TypeIgnore derive from their one-constructor sums; the rest
  // from AST directly, with positions as _attributes when located.
  for (const ProductSpec& p : products) {
    std::string_view n = p.cpp_name;
    TypeObject* parent = n == "ExceptHandler" ? c->excepthandler : n == "TypeIgnore" ? c->type_ignore : c->ast;
    bool own_attrs = parent == c->ast;
    TypeObject* t = make_node_class(p.spec, parent, own_attrs ? (p.located ? &kPositions : &empty) : nullptr,
                                    own_attrs && p.located);
    if (!t) return false;
#define AST_PRODUCT(Name, PyName, Located, Fields) \
    if (n == #Name) c->Name = t;
#include "frontend/ast.def"
  }
  return make_enum_classes(c->expr_context, kCtxNames, 3, c->ctx, c->ctx_inst) &&
         make_enum_classes(c->boolop, kBoolOpNames, 2, c->boolops, c->boolop_inst) &&
         make_enum_classes(c->op, kOpNames, 13, c->ops, c->op_inst) &&
         make_enum_classes(c->unaryop, kUnaryOpNames, 4, c->unaryops, c->unaryop_inst) &&
         make_enum_classes(c->cmpop, kCmpOpNames, 10, c->cmpops, c->cmpop_inst);
}

// Puts every class of `c` into the module namespace under its Python name.
bool export_classes(ModuleObject* m, const Classes* c) {
  TypeObject* const bases[] = {c->ast, c->mod, c->stmt, c->expr, c->pattern, c->expr_context, c->boolop,
                               c->op, c->unaryop, c->cmpop, c->excepthandler, c->type_ignore};
  std::vector<TypeObject*> all(std::begin(bases), std::end(bases));
#define AST_MOD(Name, Fields) all.push_back(c->Name);
#define AST_STMT(Name, Fields) all.push_back(c->Name);
#define AST_EXPR(Name, Fields) all.push_back(c->Name);
#define AST_PATTERN(Name, Fields) all.push_back(c->Name);
#define AST_PRODUCT(Name, PyName, Located, Fields) all.push_back(c->Name);
#include "frontend/ast.def"
  for (TypeObject* t : c->ctx) all.push_back(t);
  for (TypeObject* t : c->boolops) all.push_back(t);
  for (TypeObject* t : c->ops) all.push_back(t);
  for (TypeObject* t : c->unaryops) all.push_back(t);
  for (TypeObject* t : c->cmpops) all.push_back(t);
  for (TypeObject* t : all)
    if (!module_add(m, std::string(t->name_obj->view()).c_str(), Value::from_obj(t))) return false;
  return true;
}

bool init_ast_module(ModuleObject* m) {
  const Classes* c = classes();
  if (!c || !export_classes(m, c)) return false;
  return module_add(m, "PyCF_ONLY_AST", int_from_int64(kOnlyAst)) &&
         module_add(m, "PyCF_TYPE_COMMENTS", int_from_int64(kTypeComments)) &&
         module_add(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", int_from_int64(kAllowTopLevelAwait));
}

}  // namespace

const Classes* classes() {
  if (g_classes) return g_classes;
  auto* c = new Classes();
  g_classes = c;
  static bool hooked = false;
  if (!hooked) {
    add_runtime_root_hook(visit_classes);
    hooked = true;
  }
  if (!build(c)) {
    g_classes = nullptr;
    delete c;
    return nullptr;
  }
  return c;
}

bool is_ast(Value v) {
  const Classes* c = classes();
  return c && v.is_obj() && is_subtype(v.as_obj()->type, c->ast);
}

}  // namespace coil::lib::ast

namespace coil::lib {
extern const rt::NativeModuleDef kAstModule;
const rt::NativeModuleDef kAstModule = {"_ast", nullptr, 0, ast::init_ast_module};
}  // namespace coil::lib
