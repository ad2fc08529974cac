// number.cpp — the numeric tower's shared operations: mixed-kind arithmetic and
// comparison for the abstract operators, divmod/pow/round/abs, and format() of numbers.
#include "runtime/number.h"

#include <cmath>

#include "runtime/abstract.h"
#include "runtime/complex.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/hashing.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

using fe::BinaryOpKind;
using fe::CompareKind;

Value binary_method_arity_error(int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "wrapper takes no keyword arguments");
  return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
}

bool is_number(Value v) { return is_int(v) || is_float_instance(v) || is_complex_instance(v); }

// The hot float cases (exact floats, or a float with a small int) without the general
// dispatch; false when not applicable.
static bool float_fast_path(Value a, Value b, BinaryOpKind op, Value* out) {
  double x, y;
  if (is_float(a)) x = float_of(a);
  else if (a.is_small_int()) x = static_cast<double>(a.as_small_int());
  else return false;
  if (is_float(b)) y = float_of(b);
  else if (b.is_small_int()) y = static_cast<double>(b.as_small_int());
  else return false;
  if (a.is_small_int() && b.is_small_int()) return false;
  // (A small int converts with round-half-even, exactly as int_to_double does.)
  switch (op) {
    case BinaryOpKind::Add: *out = float_value(x + y); return true;
    case BinaryOpKind::Subtract: *out = float_value(x - y); return true;
    case BinaryOpKind::Multiply: *out = float_value(x * y); return true;
    case BinaryOpKind::TrueDivide:
      if (y == 0.0) return false;
      *out = float_value(x / y);
      return true;
    default: return false;
  }
}

Value number_binary(Value a, Value b, BinaryOpKind op) {
  if (static_cast<int>(op) >= fe::kInplace) op = static_cast<BinaryOpKind>(static_cast<int>(op) - fe::kInplace);
  Value fast;
  if (float_fast_path(a, b, op, &fast)) return fast;
  bool ai = is_int(a), bi = is_int(b);
  if (ai && bi) {
    if (is_bool(a) && is_bool(b)) {
      bool x = a == True, y = b == True;
      if (op == BinaryOpKind::And) return bool_value(x && y);
      if (op == BinaryOpKind::Or) return bool_value(x || y);
      if (op == BinaryOpKind::Xor) return bool_value(x != y);
    }
    return int_binary(a, b, op);
  }
  if (is_complex_instance(a) || is_complex_instance(b)) return complex_binary(a, b, op);
  if ((ai || is_float_instance(a)) && (bi || is_float_instance(b))) return float_binary(a, b, op);
  return NotImplemented;
}

static bool cmp_holds(int c, CompareKind op) {
  switch (op) {
    case CompareKind::Lt: return c < 0;
    case CompareKind::Le: return c <= 0;
    case CompareKind::Eq: return c == 0;
    case CompareKind::Ne: return c != 0;
    case CompareKind::Gt: return c > 0;
    default: return c >= 0;
  }
}

Value number_compare(Value a, Value b, CompareKind op) {
  bool ai = is_int(a), bi = is_int(b);
  if (ai && bi) return bool_value(cmp_holds(int_compare(a, b), op));
  if (is_complex_instance(a) || is_complex_instance(b)) {
    if (op == CompareKind::Eq || op == CompareKind::Ne) return complex_equal(a, b, op == CompareKind::Ne);
    return NotImplemented;
  }
  bool af = is_float_instance(a), bf = is_float_instance(b);
  if (af && bf) {
    double x = float_of(a), y = float_of(b);
    switch (op) {
      case CompareKind::Lt: return bool_value(x < y);
      case CompareKind::Le: return bool_value(x <= y);
      case CompareKind::Eq: return bool_value(x == y);
      case CompareKind::Ne: return bool_value(x != y);
      case CompareKind::Gt: return bool_value(x > y);
      default: return bool_value(x >= y);
    }
  }
  if ((ai && bf) || (af && bi)) {
    int c;
    if (ai) {
      c = compare_int_double(int_to_bigint(a), float_of(b));
    } else {
      c = compare_int_double(int_to_bigint(b), float_of(a));
      if (c != 2) c = -c;
    }
    if (c == 2) return bool_value(op == CompareKind::Ne);  // nan: unordered
    return bool_value(cmp_holds(c, op));
  }
  return NotImplemented;
}

int64_t number_hash(Value v) {
  if (is_int(v)) return int_hash(v);
  if (is_float_instance(v)) return hash_double(float_of(v), v.as_obj());
  return hash_complex(as_complex(v)->real, as_complex(v)->imag, v.as_obj());
}

namespace {

bool is_native_method(Value m) { return m.is_obj() && m.as_obj()->type == MethodDescrType; }

// a.op(b), then b.rop(a) (first when b's type is a subclass overriding it), like the
// binary operators but for protocols without an opcode (divmod).
Value binary_dunder(Value a, Value b, StrObject* op, StrObject* rop, const char* symbol) {
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  Value fa = type_lookup(ta, op);
  Value fb = ta != tb ? type_lookup(tb, rop) : Value();
  if (!fb.is_empty_slot() && is_subtype(tb, ta) && fb != type_lookup(ta, rop)) {
    Value r = call2(fb, b, a);
    if (r.is_empty_slot() || r != NotImplemented) return r;
    fb = Value();
  }
  if (!fa.is_empty_slot()) {
    Value r = call2(fa, a, b);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  }
  if (!fb.is_empty_slot()) {
    Value r = call2(fb, b, a);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  }
  return raise_fmt(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", symbol, ta->name, tb->name);
}

bool is_plain_builtin(Value v) { return v.is_small_int() || !has(v.as_obj()->type, TypeFlag::HeapType); }

}  // namespace

Value number_divmod(Value a, Value b) {
  if (is_plain_builtin(a) && is_plain_builtin(b)) {
    bool ai = is_int(a), bi = is_int(b);
    if (ai && bi) return int_divmod(a, b);
    if ((ai || is_float(a)) && (bi || is_float(b))) {
      double x, y;
      if (!to_double(a, &x) || !to_double(b, &y)) return Value();
      return float_divmod_value(x, y);
    }
  }
  return binary_dunder(a, b, intern("__divmod__"), intern("__rdivmod__"), "divmod()");
}

Value number_power(Value base, Value exp, Value mod) {
  if (mod.is_empty_slot() || mod == None) return binary_op(base, exp, BinaryOpKind::Power);
  if (is_int(base) && is_int(exp) && is_int(mod) && is_plain_builtin(base)) return int_pow_mod(base, exp, mod);
  Value m = lookup_special(base, names::dunder_pow);
  if (!m.is_empty_slot() && !is_native_method(m)) {
    Value args[3] = {base, exp, mod};
    Value r = call(m, args, 3);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  }
  if (is_number(base) && is_number(exp) && is_number(mod)) {
    if (is_int(base) && is_int(exp) && is_int(mod)) return int_pow_mod(base, exp, mod);
    if (is_complex_instance(base) || is_complex_instance(exp)) return raise_msg(ValueErrorType, "complex modulo");
    return raise_msg(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  return raise_fmt(TypeErrorType, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", type_name(base),
                   type_name(exp), type_name(mod));
}

Value number_round(Value x, Value ndigits) {
  bool absent = ndigits.is_empty_slot() || ndigits == None;
  Value m = lookup_special(x, names::dunder_round);
  if (m.is_empty_slot()) return raise_fmt(TypeErrorType, "type %s doesn't define __round__ method", type_name(x));
  return absent ? call_special0(m, x) : call_special1(m, x, ndigits);
}

Value number_abs(Value x) {
  if (is_plain_builtin(x)) {
    if (is_int(x)) return int_abs(x);
    if (is_float(x)) return float_value(std::fabs(float_of(x)));
  }
  Value m = lookup_special(x, names::dunder_abs);
  if (m.is_empty_slot()) return raise_fmt(TypeErrorType, "bad operand type for abs(): '%s'", type_name(x));
  return call_special0(m, x);
}

Value number_format(Value x, Value spec) {
  if (!is_str(spec)) return raise_fmt(TypeErrorType, "format() argument 2 must be str, not %s", type_name(spec));
  std::string_view s = as_str(spec)->view();
  if (s.empty()) return str_of(x);
  std::string out;
  FormatStatus st;
  const char* tname = type_name(x);
  if (is_int(x)) st = format_int(int_to_bigint(x), s, &out, tname, int_max_str_digits());
  else if (is_float_instance(x)) st = format_float(float_of(x), s, &out, tname);
  else st = format_complex(as_complex(x)->real, as_complex(x)->imag, s, &out, tname);
  if (!st.ok())
    return raise_msg(st.kind == FormatErrorKind::overflow_error ? OverflowErrorType : ValueErrorType, st.message);
  return str_value(out);
}

Value int_from_float_value(double d) {
  if (std::isnan(d)) return raise_msg(ValueErrorType, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise_msg(OverflowErrorType, "cannot convert float infinity to integer");
  return int_from_double_exact(std::trunc(d));
}

}  // namespace coil::rt
