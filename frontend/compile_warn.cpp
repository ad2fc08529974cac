// compile_warn.cpp — the SyntaxWarnings CPython 3.11's compiler issues for code that is legal
// but almost certainly a mistake (`x is 1`, `f() (g)` missing a comma, `assert (x, "msg")`).
// The checks look at the tree after constant folding, as CPython's do.
#include "frontend/compile_internal.h"

namespace coil::fe {

namespace {

// The Python type name an expression is known to produce, or "" when unknown.
std::string inferred_type(const Compiler& c, const ExprNode* e) {
  switch (e->kind) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List:
    case ExprKind::ListComp: return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp: return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "str";
    case ExprKind::Slice: return "slice";
    default: break;
  }
  CodeConst k;
  if (!c.fold_const(e, k)) return "";
  if (k.kind == CodeConst::Kind::Tuple) return "tuple";
  if (k.kind != CodeConst::Kind::Value) return "";
  switch (k.value.kind) {
    case ConstValue::Kind::None: return "NoneType";
    case ConstValue::Kind::True:
    case ConstValue::Kind::False: return "bool";
    case ConstValue::Kind::Ellipsis: return "ellipsis";
    case ConstValue::Kind::Int: return "int";
    case ConstValue::Kind::Float: return "float";
    case ConstValue::Kind::Complex: return "complex";
    case ConstValue::Kind::Str: return "str";
    case ConstValue::Kind::Bytes: return "bytes";
  }
  return "";
}

// True when `e` is not a literal `is` may sensibly compare with (CPython's check_is_arg).
bool is_literal_for_is(const Compiler& c, const ExprNode* e) {
  CodeConst k;
  if (!c.fold_const(e, k)) return false;
  if (k.kind != CodeConst::Kind::Value) return true;  // a folded tuple
  switch (k.value.kind) {
    case ConstValue::Kind::None:
    case ConstValue::Kind::True:
    case ConstValue::Kind::False:
    case ConstValue::Kind::Ellipsis: return false;
    default: return true;
  }
}

bool folds_to_constant(const Compiler& c, const ExprNode* e) {
  CodeConst k;
  return e->kind == ExprKind::Constant || c.fold_const(e, k);
}

}  // namespace

void Compiler::check_compare(const Compare* e) {
  bool left_literal = is_literal_for_is(*this, e->left);
  for (size_t i = 0; i < e->ops.size(); ++i) {
    bool right_literal = is_literal_for_is(*this, e->comparators[i]);
    CmpOpKind op = e->ops[i];
    if ((op == CmpOpKind::Is || op == CmpOpKind::IsNot) && (left_literal || right_literal)) {
      warn(op == CmpOpKind::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                               : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left_literal = right_literal;
  }
}

void Compiler::check_caller(const ExprNode* func) {
  switch (func->kind) {
    case ExprKind::Constant: case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp:
    case ExprKind::Dict: case ExprKind::DictComp: case ExprKind::Set: case ExprKind::SetComp:
    case ExprKind::GeneratorExp: case ExprKind::JoinedStr: case ExprKind::FormattedValue:
      break;
    default:
      if (!folds_to_constant(*this, func)) return;
  }
  warn("'" + inferred_type(*this, func) + "' object is not callable; perhaps you missed a comma?");
}

void Compiler::check_subscript(const Subscript* e) {
  const ExprNode* v = e->value;
  std::string vt = inferred_type(*this, v);
  bool const_value = folds_to_constant(*this, v) && v->kind != ExprKind::Tuple;
  // Subscripting something that can never be subscripted.
  bool never = v->kind == ExprKind::Set || v->kind == ExprKind::SetComp ||
               v->kind == ExprKind::GeneratorExp || v->kind == ExprKind::Lambda ||
               (const_value && (vt == "NoneType" || vt == "ellipsis" || vt == "int" ||
                                vt == "bool" || vt == "float" || vt == "complex"));
  if (never) {
    warn("'" + vt + "' object is not subscriptable; perhaps you missed a comma?");
    return;
  }
  // A sequence indexed by something that is not an integer or a slice.
  std::string it = inferred_type(*this, e->slice);
  if (it.empty() || it == "int" || it == "bool" || it == "slice") return;
  bool sequence = v->kind == ExprKind::Tuple || v->kind == ExprKind::List ||
                  v->kind == ExprKind::ListComp || v->kind == ExprKind::JoinedStr ||
                  v->kind == ExprKind::FormattedValue ||
                  (const_value && (vt == "str" || vt == "bytes" || vt == "tuple"));
  if (sequence)
    warn(vt + " indices must be integers or slices, not " + it +
         "; perhaps you missed a comma?");
}

}  // namespace coil::fe
