// builtins_more.cpp — the builtins beyond the core set of builtins.cpp: the reducing
// functions (min, max, sum, any, all, sorted), number helpers (divmod, pow, round, bin,
// oct, hex), format, input, and introspection (dir, vars). exec/eval/compile live in
// builtins_exec.cpp; the iterator types (enumerate, zip, ...) in runtime/builtin_iterators.cpp.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "runtime/abstract.h"
#include "runtime/builtin_iterators.h"
#include "runtime/arg_parse.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/frame.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/sort.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/sequence_ops.h"
#include "runtime/tuple.h"
#include "stdlib/io_support.h"

namespace coil::lib {

using namespace coil::rt;

bool register_exec_builtins(ModuleObject* m);
bool register_async_builtins(ModuleObject* m);

namespace {

// --- min / max ---

Value min_max(Value* args, int64_t nargs, TupleObject* kwnames, bool is_max) {
  const char* name = is_max ? "max" : "min";
  Value key, dflt;
  int64_t nkw = kwnames ? kwnames->size : 0;
  if (nkw > 2)
    return raise_fmt(TypeErrorType, "%s() takes at most 2 keyword arguments (%lld given)", name,
                     static_cast<long long>(nkw));
  for (int64_t i = 0; i < nkw; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    if (k == "key") key = args[nargs + i];
    else if (k == "default") dflt = args[nargs + i];
    else
      return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for %s()", as_str(kwnames->items[i])->data,
                       name);
  }
  if (nargs == 0) return raise_fmt(TypeErrorType, "%s expected at least 1 argument, got 0", name);
  if (nargs > 1 && !dflt.is_empty_slot())
    return raise_fmt(TypeErrorType, "Cannot specify a default for %s() with multiple positional arguments", name);
  if (key == None) key = Value();
  TupleObject* several = nullptr;
  Value it;
  if (nargs == 1) {
    it = get_iter(args[0]);
    if (it.is_empty_slot()) return it;
  } else {
    several = new_tuple(nargs);
    if (!several) return Value();
    for (int64_t i = 0; i < nargs; ++i) several->items[i] = args[i];
  }
  Value best, best_key;
  for (int64_t i = 0;; ++i) {
    Value item;
    if (several) {
      if (i >= several->size) break;
      item = several->items[i];
    } else {
      bool done = false;
      item = iter_next(it, &done);
      if (done) break;
      if (item.is_empty_slot()) return item;
    }
    Value k = item;
    if (!key.is_empty_slot()) {
      k = call1(key, item);
      if (k.is_empty_slot()) return k;
    }
    if (best.is_empty_slot()) {
      best = item;
      best_key = k;
      continue;
    }
    // Only a strictly better item replaces the current one: the first extreme wins.
    int better = rich_compare_bool(k, best_key, is_max ? fe::CompareKind::Gt : fe::CompareKind::Lt);
    if (better < 0) return Value();
    if (better) {
      best = item;
      best_key = k;
    }
  }
  if (best.is_empty_slot()) {
    if (!dflt.is_empty_slot()) return dflt;
    return raise_fmt(ValueErrorType, "%s() arg is an empty sequence", name);
  }
  return best;
}

Value builtin_min(Value* args, int64_t nargs, TupleObject* kwnames) { return min_max(args, nargs, kwnames, false); }
Value builtin_max(Value* args, int64_t nargs, TupleObject* kwnames) { return min_max(args, nargs, kwnames, true); }

// --- sum ---

// sum() of the rest of `it` onto `result`, with CPython's int and float fast paths (the
// float path adds plainly, as 3.11 does: no compensated summation).
Value sum_rest(Value it, Value result) {
  if (is_exact(result, IntType)) {
    int64_t acc;
    if (int_to_int64(result, &acc)) {
      while (true) {
        bool done = false;
        Value item = iter_next(it, &done);
        if (done) return int_from_int64(acc);
        if (item.is_empty_slot()) return item;
        int64_t b, next;
        if ((is_exact(item, IntType) || is_exact(item, BoolType)) && int_to_int64(item, &b) &&
            !__builtin_add_overflow(acc, b, &next)) {
          acc = next;
          continue;
        }
        result = binary_op(int_from_int64(acc), item, fe::BinaryOpKind::Add);
        if (result.is_empty_slot()) return result;
        break;
      }
    }
  }
  if (is_exact(result, FloatType)) {
    double acc = float_of(result);
    while (true) {
      bool done = false;
      Value item = iter_next(it, &done);
      if (done) return float_value(acc);
      if (item.is_empty_slot()) return item;
      if (is_float(item)) {
        acc += float_of(item);
        continue;
      }
      int64_t b;
      if (is_int(item) && int_to_int64(item, &b)) {
        acc += static_cast<double>(b);
        continue;
      }
      result = binary_op(float_value(acc), item, fe::BinaryOpKind::Add);
      if (result.is_empty_slot()) return result;
      break;
    }
  }
  while (true) {
    bool done = false;
    Value item = iter_next(it, &done);
    if (done) return result;
    if (item.is_empty_slot()) return item;
    result = binary_op(result, item, fe::BinaryOpKind::Add);
    if (result.is_empty_slot()) return result;
  }
}

Value builtin_sum(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args({"sum", {"iterable", "start"}, 1, 1}, args, nargs, kwnames, a)) return Value();
  Value result = a[1].is_empty_slot() ? Value::from_small_int(0) : a[1];
  if (is_str(result)) return raise_msg(TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
  if (type_of(result) == BytesType || has(type_of(result), TypeFlag::BytesSubclass))
    return raise_msg(TypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (is_subtype(type_of(result), ByteArrayType))
    return raise_msg(TypeErrorType, "sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = get_iter(a[0]);
  if (it.is_empty_slot()) return it;
  return sum_rest(it, result);
}

// --- any / all ---

Value any_all(Value* args, int64_t nargs, TupleObject* kwnames, bool want) {
  if (!check_args(want ? "any" : "all", nargs, kwnames, 1, 1)) return Value();
  Value it = get_iter(args[0]);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value item = iter_next(it, &done);
    if (done) return bool_value(!want);
    if (item.is_empty_slot()) return item;
    int t = is_true(item);
    if (t < 0) return Value();
    if (static_cast<bool>(t) == want) return bool_value(want);
  }
}

Value builtin_any(Value* args, int64_t nargs, TupleObject* kwnames) { return any_all(args, nargs, kwnames, true); }
Value builtin_all(Value* args, int64_t nargs, TupleObject* kwnames) { return any_all(args, nargs, kwnames, false); }

// --- sorted ---

Value builtin_sorted(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1) return raise_fmt(TypeErrorType, "sorted expected 1 argument, got %lld", static_cast<long long>(nargs));
  // sorted() is list(iterable).sort(**kw): list.sort, when the list type has it, decides
  // the comparison sequence and the keyword errors.
  static StrObject* sort_name = intern("sort");
  Value sort = type_lookup(ListType, sort_name);
  if (!sort.is_empty_slot()) {
    ListObject* l = new_list(0);
    if (!l || !list_extend(l, args[0])) return Value();
    int64_t nkw = kwnames ? kwnames->size : 0;
    Value small[4];
    if (nkw > 3) return raise_fmt(TypeErrorType, "sort() takes at most 2 keyword arguments (%lld given)",
                                  static_cast<long long>(nkw));
    small[0] = Value::from_obj(l);
    for (int64_t i = 0; i < nkw; ++i) small[1 + i] = args[1 + i];
    Value r = call(sort, small, 1, kwnames);
    if (r.is_empty_slot()) return r;
    return Value::from_obj(l);
  }
  // The keywords are list.sort's (its messages name sort()).
  Value kw[2];
  if (!parse_args({"sort", {"key", "reverse"}, 0, 0, 0}, args + 1, 0, kwnames, kw)) return Value();
  bool reverse = false;
  if (!kw[1].is_empty_slot()) {
    int64_t r;
    bool overflow;
    if (is_float(kw[1]))
      return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(kw[1]));
    if (!as_int64(kw[1], &r, &overflow)) return Value();
    reverse = overflow || r != 0;
  }
  ListObject* l = new_list(0);
  if (!l || !list_extend(l, args[0])) return Value();
  if (!sort_values(l->items(), l->size, kw[0], reverse)) return Value();
  return Value::from_obj(l);
}

// --- divmod ---

StrObject* dunder_divmod() {
  static StrObject* s = intern("__divmod__");
  return s;
}
StrObject* dunder_rdivmod() {
  static StrObject* s = intern("__rdivmod__");
  return s;
}

// Python's float divmod: the remainder takes the divisor's sign, the quotient is floored.
Value float_divmod(double x, double y) {
  if (y == 0) return raise_msg(ZeroDivisionErrorType, "float divmod()");
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  Value q = float_value(floordiv), r = float_value(mod);
  if (q.is_empty_slot() || r.is_empty_slot()) return Value();
  TupleObject* t = tuple_of({q, r});
  return t ? Value::from_obj(t) : Value();
}

bool is_builtin_number(Value v) { return is_exact(v, IntType) || is_exact(v, BoolType) || is_float(v); }

Value builtin_divmod(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("divmod", nargs, kwnames, 2, 2)) return Value();
  Value a = args[0], b = args[1];
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  Value fa = has(ta, TypeFlag::HeapType) ? type_lookup(ta, dunder_divmod()) : Value();
  Value fb = ta != tb && has(tb, TypeFlag::HeapType) ? type_lookup(tb, dunder_rdivmod()) : Value();
  // A subclass's reflected method goes first.
  if (!fb.is_empty_slot() && is_subtype(tb, ta)) {
    Value r = call2(fb, b, a);
    if (r.is_empty_slot() || r != NotImplemented) return r;
    fb = Value();
  }
  if (!fa.is_empty_slot()) {
    Value r = call2(fa, a, b);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  }
  if (is_int(a) && is_int(b) && (is_builtin_number(a) || fa.is_empty_slot()) &&
      (is_builtin_number(b) || fb.is_empty_slot())) {
    if (int_is_zero(b)) return raise_msg(ZeroDivisionErrorType, "integer division or modulo by zero");
    Value q = int_binary(a, b, fe::BinaryOpKind::FloorDivide);
    if (q.is_empty_slot()) return q;
    Value r = int_binary(a, b, fe::BinaryOpKind::Remainder);
    if (r.is_empty_slot()) return r;
    TupleObject* t = tuple_of({q, r});
    return t ? Value::from_obj(t) : Value();
  }
  if ((is_int(a) || is_float(a)) && (is_int(b) || is_float(b))) {
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return Value();
    return float_divmod(x, y);
  }
  if (!fb.is_empty_slot()) {
    Value r = call2(fb, b, a);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  } else if (!has(tb, TypeFlag::HeapType) && ta != tb) {
    Value rb = type_lookup(tb, dunder_rdivmod());
    if (!rb.is_empty_slot() && rb.is_obj() && rb.as_obj()->type != MethodDescrType) {
      Value r = call2(rb, b, a);
      if (r.is_empty_slot() || r != NotImplemented) return r;
    }
  }
  return raise_fmt(TypeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'", ta->name, tb->name);
}

// --- pow ---

Value int_pow_mod(Value base, Value exp, Value mod) {
  if (int_is_zero(mod)) return raise_msg(ValueErrorType, "pow() 3rd argument cannot be 0");
  mpz_t b, e, m, r;
  mpz_inits(b, e, m, r, nullptr);
  int_to_mpz(base, b);
  int_to_mpz(exp, e);
  int_to_mpz(mod, m);
  bool negative_mod = mpz_sgn(m) < 0;
  mpz_abs(m, m);
  Value result;
  if (mpz_cmp_ui(m, 1) == 0) {
    result = Value::from_small_int(0);
  } else {
    bool ok = true;
    if (mpz_sgn(e) < 0) {
      // A negative exponent means the modular inverse of base, raised to -exp.
      if (!mpz_invert(b, b, m)) ok = false;
      mpz_neg(e, e);
    }
    if (!ok) {
      result = raise_msg(ValueErrorType, "base is not invertible for the given modulus");
    } else {
      mpz_powm(r, b, e, m);
      if (negative_mod && mpz_sgn(r) != 0) mpz_sub(r, r, m);
      result = int_from_mpz(r);
    }
  }
  mpz_clears(b, e, m, r, nullptr);
  return result;
}

Value builtin_pow(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args({"pow", {"base", "exp", "mod"}, 0, 2}, args, nargs, kwnames, a)) return Value();
  if (a[2].is_empty_slot() || a[2] == None) return binary_op(a[0], a[1], fe::BinaryOpKind::Power);
  Value base = a[0], exp = a[1], mod = a[2];
  if (is_int(base) && is_int(exp) && is_int(mod) && is_builtin_number(base)) return int_pow_mod(base, exp, mod);
  if ((is_int(base) || is_float(base)) && (is_int(exp) || is_float(exp)) && is_builtin_number(base) &&
      (is_int(mod) || is_float(mod)))
    return raise_msg(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
  // Three-argument power only asks the base's type (__rpow__ takes two arguments).
  Value m = lookup_special(base, names::dunder_pow);
  if (!m.is_empty_slot() && !(m.is_obj() && m.as_obj()->type == MethodDescrType)) {
    Value cargs[3] = {base, exp, mod};
    Value r = call(m, cargs, 3);
    if (r.is_empty_slot() || r != NotImplemented) return r;
  }
  return raise_fmt(TypeErrorType, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", type_name(base),
                   type_name(exp), type_name(mod));
}

// --- round ---

// round(int, ndigits) for ndigits < 0: the nearest multiple of 10**-ndigits, ties to even.
Value int_round_negative(Value x, Value ndigits) {
  Value neg = int_negate(ndigits);
  int64_t k;
  if (!int_to_int64(neg, &k) || k > 100000) return Value::from_small_int(0);
  mpz_t z, p, q, r;
  mpz_inits(z, p, q, r, nullptr);
  int_to_mpz(x, z);
  mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(k));
  mpz_fdiv_qr(q, r, z, p);
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, p);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  Value result = int_from_mpz(q);
  mpz_clears(z, p, q, r, nullptr);
  return result;
}

// round(float, ndigits): correctly rounded through the exact decimal value.
Value float_round_digits(double x, int64_t nd) {
  if (!std::isfinite(x) || x == 0) return float_value(x);
  if (nd > 323) return float_value(x);
  if (nd < -308) return float_value(0.0 * x);
  double result;
  if (nd >= 0) {
    // printf rounds the exact binary value, ties to even, as CPython's dtoa mode 3 does.
    std::string buf(static_cast<size_t>(nd) + 400, '\0');
    int len = std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(nd), x);
    buf.resize(len);
    result = std::strtod(buf.c_str(), nullptr);
  } else {
    // x = mant * 2**exp exactly; round mant / (2**-exp * 10**k) to an integer N.
    int exp;
    double frac = std::frexp(std::fabs(x), &exp);
    mpz_t mant, den, q, r;
    mpz_inits(mant, den, q, r, nullptr);
    mpz_set_d(mant, std::ldexp(frac, 53));
    exp -= 53;
    mpz_ui_pow_ui(den, 10, static_cast<unsigned long>(-nd));
    if (exp >= 0) {
      mpz_mul_2exp(mant, mant, static_cast<unsigned long>(exp));
    } else {
      mpz_mul_2exp(den, den, static_cast<unsigned long>(-exp));
    }
    mpz_fdiv_qr(q, r, mant, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_ui_pow_ui(den, 10, static_cast<unsigned long>(-nd));
    mpz_mul(q, q, den);
    char* digits = mpz_get_str(nullptr, 10, q);
    result = std::strtod(digits, nullptr);
    std::free(digits);
    mpz_clears(mant, den, q, r, nullptr);
    if (std::isinf(result)) return raise_msg(OverflowErrorType, "rounded value too large to represent");
    result = std::copysign(result, x);
  }
  if (std::isinf(result)) return raise_msg(OverflowErrorType, "rounded value too large to represent");
  if (result == 0) result = std::copysign(0.0, x);
  return float_value(result);
}

Value builtin_round(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args({"round", {"number", "ndigits"}, 0, 1}, args, nargs, kwnames, a)) return Value();
  Value x = a[0], nd = a[1];
  bool no_digits = nd.is_empty_slot() || nd == None;
  if (is_exact(x, IntType) || is_exact(x, BoolType)) {
    if (no_digits) return int_exact(x);
    Value n = index(nd);
    if (n.is_empty_slot()) return n;
    if (int_sign(n) >= 0) return int_exact(x);
    return int_round_negative(x, n);
  }
  if (is_float(x)) {
    double d = float_of(x);
    if (no_digits) {
      if (std::isnan(d)) return raise_msg(ValueErrorType, "cannot convert float NaN to integer");
      if (std::isinf(d)) return raise_msg(OverflowErrorType, "cannot convert float infinity to integer");
      double r = std::nearbyint(d);  // the default rounding mode: ties to even
      return int_from_double_exact(r);
    }
    Value n = index(nd);
    if (n.is_empty_slot()) return n;
    int64_t k;
    if (!int_to_int64(n, &k)) k = int_sign(n) > 0 ? INT64_MAX : INT64_MIN;
    return float_round_digits(d, k);
  }
  Value m = lookup_special(x, names::dunder_round);
  if (m.is_empty_slot())
    return raise_fmt(TypeErrorType, "type %s doesn't define __round__ method", type_name(x));
  if (no_digits) return call1(m, x);
  return call2(m, x, nd);
}

// --- bin / oct / hex ---

Value int_text(Value* args, int64_t nargs, TupleObject* kwnames, const char* fname, int base) {
  if (!check_args(fname, nargs, kwnames, 1, 1)) return Value();
  Value i = index(args[0]);
  if (i.is_empty_slot()) return i;
  return str_value(int_to_string(i, base));
}

Value builtin_bin(Value* args, int64_t nargs, TupleObject* kwnames) { return int_text(args, nargs, kwnames, "bin", 2); }
Value builtin_oct(Value* args, int64_t nargs, TupleObject* kwnames) { return int_text(args, nargs, kwnames, "oct", 8); }
Value builtin_hex(Value* args, int64_t nargs, TupleObject* kwnames) { return int_text(args, nargs, kwnames, "hex", 16); }

// --- format ---

Value builtin_format(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("format", nargs, kwnames, 1, 2)) return Value();
  Value spec = nargs > 1 ? args[1] : str_value("");
  if (!is_str(spec)) return raise_fmt(TypeErrorType, "format() argument 2 must be str, not %s", type_name(spec));
  return format(args[0], spec);
}

// --- input ---

Value builtin_input(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("input", nargs, kwnames, 0, 1)) return Value();
  Value err = sys_attr("stderr");
  Value out = sys_attr("stdout");
  Value in = sys_attr("stdin");
  if (in.is_empty_slot() || in == None) return raise_msg(RuntimeErrorType, "input(): lost sys.stdin");
  if (out.is_empty_slot() || out == None) return raise_msg(RuntimeErrorType, "input(): lost sys.stdout");
  if (!err.is_empty_slot() && err != None && call_method(err, names::flush, nullptr, 0).is_empty_slot())
    clear_exception();
  if (nargs == 1) {
    std::string prompt;
    if (!str_string(args[0], &prompt)) return Value();
    if (!write_to_file(out, prompt, true)) return Value();
  } else if (call_method(out, names::flush, nullptr, 0).is_empty_slot()) {
    clear_exception();
  }
  Value line = call_method(in, names::readline, nullptr, 0);
  if (line.is_empty_slot()) return line;
  if (!is_str(line)) return raise_msg(TypeErrorType, "object.readline() returned non-string");
  std::string_view s = as_str(line)->view();
  if (s.empty()) return raise_msg(EOFErrorType, "EOF when reading a line");
  if (s.back() == '\n') s.remove_suffix(1);
  return str_value(s);
}

// --- dir / vars ---

Value builtin_dir(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dir", nargs, kwnames, 0, 1)) return Value();
  ListObject* l = new_list(0);
  if (!l) return Value();
  if (nargs == 0) {
    Value locals = frame_locals(thread_state().frame);
    if (locals.is_empty_slot()) return locals;
    Value keys = is_dict(locals) ? locals : call_method(locals, names::keys, nullptr, 0);
    if (keys.is_empty_slot() || !list_extend(l, keys)) return Value();
  } else {
    Value m = lookup_special(args[0], names::dunder_dir);
    if (m.is_empty_slot())
      return raise_fmt(TypeErrorType, "object does not provide __dir__");
    Value r = call1(m, args[0]);
    if (r.is_empty_slot() || !list_extend(l, r)) return Value();
  }
  if (!sort_values(l->items(), l->size, Value(), false)) return Value();
  return Value::from_obj(l);
}

Value builtin_vars(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("vars", nargs, kwnames, 0, 1)) return Value();
  if (nargs == 0) return frame_locals(thread_state().frame);
  bool error = false;
  Value d = get_attr_opt(args[0], names::dunder_dict, &error);
  if (error) return Value();
  if (d.is_empty_slot()) return raise_msg(TypeErrorType, "vars() argument must have __dict__ attribute");
  return d;
}

const NativeFunctionDef kMoreBuiltins[] = {
    {"min", builtin_min}, {"max", builtin_max},     {"sum", builtin_sum}, {"any", builtin_any},
    {"all", builtin_all}, {"sorted", builtin_sorted}, {"input", builtin_input}, {"dir", builtin_dir},
    {"vars", builtin_vars},
};

// The number builtins are also defined by the numbers layer (builtins_numbers.cpp, over
// runtime/number.cpp); these serve only when it has not registered them first.
const NativeFunctionDef kNumberFallbacks[] = {
    {"divmod", builtin_divmod}, {"pow", builtin_pow}, {"round", builtin_round}, {"bin", builtin_bin},
    {"oct", builtin_oct},       {"hex", builtin_hex}, {"format", builtin_format},
};

}  // namespace

// Adds `defs` to the builtins module as native functions (keeping existing entries when
// `keep_existing`).
bool add_builtin_functions(ModuleObject* m, const NativeFunctionDef* defs, size_t n, bool keep_existing) {
  Value module_name = dict_get_str(m->dict, names::dunder_name);
  for (size_t i = 0; i < n; ++i) {
    if (keep_existing && !dict_get_str(m->dict, intern(defs[i].name)).is_empty_slot()) continue;
    NativeFunctionObject* f = new_native_function(defs[i].name, defs[i].fn, Value(), module_name, defs[i].doc);
    if (!f || !module_add(m, defs[i].name, Value::from_obj(f))) return false;
  }
  return true;
}

bool register_more_builtins(ModuleObject* m) {
  if (!add_builtin_functions(m, kMoreBuiltins, std::size(kMoreBuiltins), false)) return false;
  if (!add_builtin_functions(m, kNumberFallbacks, std::size(kNumberFallbacks), true)) return false;
  for (TypeObject* t : {EnumerateType, ZipType, MapType, FilterType, ReversedType})
    if (!module_add(m, t->name, Value::from_obj(t))) return false;
  return register_exec_builtins(m) && register_async_builtins(m);
}

}  // namespace coil::lib
