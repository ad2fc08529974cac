// fold.cpp — compile-time folding of operators on constants, the part of CPython's AST
// optimizer (ast_opt.c) that changes what code is emitted: `2 * 3` -> 6, `'a' + 'b'` -> 'ab',
// `not 0` -> True.
//
// Rules (each must give exactly the value Python would compute at run time, else no fold):
// - ints are folded only inside int64 (overflow -> no fold; big ints stay run-time work);
// - floats only for + - * / (IEEE results equal CPython's); an int meets a float only when it
//   converts exactly (|n| < 2^53); division by zero, negative powers, // and % on floats are
//   left to run time, so that errors and corner cases stay the interpreter's;
// - str + str, str * int and bytes likewise, up to CPython's 4096-item limit.
#include "frontend/fold.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace coil::fe {

namespace {

constexpr long long kMaxStr = 4096;

std::optional<long long> as_int(const ConstValue& v) {
  if (v.kind == ConstValue::Kind::True) return 1;
  if (v.kind == ConstValue::Kind::False) return 0;
  if (v.kind != ConstValue::Kind::Int) return std::nullopt;
  long long n = 0;
  auto r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
  if (r.ec != std::errc() || r.ptr != v.text.data() + v.text.size()) return std::nullopt;
  return n;
}

ConstValue make_int(long long n) {
  ConstValue v;
  v.kind = ConstValue::Kind::Int;
  v.text = std::to_string(n);
  return v;
}

ConstValue make_float(double d) {
  ConstValue v;
  v.kind = ConstValue::Kind::Float;
  v.number = d;
  return v;
}

std::optional<double> as_exact_double(const ConstValue& v) {
  if (v.kind == ConstValue::Kind::Float) return v.number;
  auto n = as_int(v);
  if (!n || *n >= (1LL << 53) || *n <= -(1LL << 53)) return std::nullopt;
  return double(*n);
}

long long floor_div(long long a, long long b) {
  long long q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::optional<ConstValue> fold_int(OperatorKind op, long long a, long long b) {
  long long r = 0;
  switch (op) {
    case OperatorKind::Add:
      if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
      return make_int(r);
    case OperatorKind::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
      return make_int(r);
    case OperatorKind::Mult:
      if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
      return make_int(r);
    case OperatorKind::FloorDiv:
      if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
      return make_int(floor_div(a, b));
    case OperatorKind::Mod:
      if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
      return make_int(a - floor_div(a, b) * b);
    case OperatorKind::Div:
      if (b == 0 || a >= (1LL << 53) || a <= -(1LL << 53) || b >= (1LL << 53) ||
          b <= -(1LL << 53))
        return std::nullopt;
      return make_float(double(a) / double(b));
    case OperatorKind::Pow: {
      if (b < 0) return std::nullopt;
      long long acc = 1;
      for (long long i = 0; i < b; ++i) {
        if (__builtin_mul_overflow(acc, a, &acc)) return std::nullopt;
        if (i > 64 && (a == 0 || a == 1 || a == -1)) {  // 0, 1, -1 to a big power
          acc = a == 0 ? 0 : (a == 1 || b % 2 == 0) ? 1 : -1;
          break;
        }
      }
      return make_int(acc);
    }
    case OperatorKind::LShift:
      if (b < 0 || b > 62) return std::nullopt;
      if (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b))) return std::nullopt;
      return make_int(a * (1LL << b));
    case OperatorKind::RShift:
      if (b < 0) return std::nullopt;
      return make_int(b > 63 ? (a < 0 ? -1 : 0) : (a >> b));
    case OperatorKind::BitAnd: return make_int(a & b);
    case OperatorKind::BitOr: return make_int(a | b);
    case OperatorKind::BitXor: return make_int(a ^ b);
    case OperatorKind::MatMult: return std::nullopt;
  }
  return std::nullopt;
}

bool is_text(const ConstValue& v) {
  return v.kind == ConstValue::Kind::Str || v.kind == ConstValue::Kind::Bytes;
}

size_t text_length(const ConstValue& v) {
  if (v.kind == ConstValue::Kind::Bytes) return v.text.size();
  size_t n = 0;
  for (unsigned char ch : v.text) n += (ch & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::optional<ConstValue> fold_binop(OperatorKind op, const ConstValue& l, const ConstValue& r) {
  auto li = as_int(l), ri = as_int(r);
  bool lbool = l.kind == ConstValue::Kind::True || l.kind == ConstValue::Kind::False;
  bool rbool = r.kind == ConstValue::Kind::True || r.kind == ConstValue::Kind::False;
  if (li && ri) {
    // bool & bool stays a bool in Python: leave such mixes to run time.
    if (lbool && rbool) return std::nullopt;
    return fold_int(op, *li, *ri);
  }
  if (l.kind == ConstValue::Kind::Float || r.kind == ConstValue::Kind::Float) {
    auto ld = as_exact_double(l), rd = as_exact_double(r);
    if (!ld || !rd) return std::nullopt;
    switch (op) {
      case OperatorKind::Add: return make_float(*ld + *rd);
      case OperatorKind::Sub: return make_float(*ld - *rd);
      case OperatorKind::Mult: return make_float(*ld * *rd);
      case OperatorKind::Div:
        if (*rd == 0) return std::nullopt;
        return make_float(*ld / *rd);
      default: return std::nullopt;
    }
  }
  if (is_text(l) && is_text(r) && l.kind == r.kind && op == OperatorKind::Add) {
    if (text_length(l) + text_length(r) > size_t(kMaxStr)) return std::nullopt;
    ConstValue v = l;
    v.text += r.text;
    return v;
  }
  if (op == OperatorKind::Mult && ((is_text(l) && ri && !rbool) || (li && !lbool && is_text(r)))) {
    const ConstValue& s = is_text(l) ? l : r;
    long long n = is_text(l) ? *ri : *li;
    if (n < 0) n = 0;
    if (n > kMaxStr || text_length(s) * size_t(n) > size_t(kMaxStr)) return std::nullopt;
    ConstValue v = s;
    v.text.clear();
    for (long long i = 0; i < n; ++i) v.text += s.text;
    return v;
  }
  return std::nullopt;
}

std::optional<ConstValue> fold_unaryop(UnaryOpKind op, const ConstValue& v) {
  if (op == UnaryOpKind::Not) {
    ConstValue b;
    bool truth;
    switch (v.kind) {
      case ConstValue::Kind::None: case ConstValue::Kind::False: truth = false; break;
      case ConstValue::Kind::True: case ConstValue::Kind::Ellipsis: truth = true; break;
      case ConstValue::Kind::Int: truth = v.text != "0"; break;
      case ConstValue::Kind::Float: case ConstValue::Kind::Complex: truth = v.number != 0; break;
      default: truth = !v.text.empty(); break;
    }
    b.kind = truth ? ConstValue::Kind::False : ConstValue::Kind::True;
    return b;
  }
  if (v.kind == ConstValue::Kind::Int) {
    if (op == UnaryOpKind::UAdd) return v;
    if (op == UnaryOpKind::USub) {
      ConstValue r = v;
      if (r.text == "0") return r;
      if (r.text[0] == '-') r.text.erase(0, 1); else r.text.insert(0, "-");
      return r;
    }
    auto n = as_int(v);  // Invert: ~n == -n - 1
    if (!n || *n == INT64_MIN) return std::nullopt;
    return make_int(-*n - 1);
  }
  if (v.kind == ConstValue::Kind::True || v.kind == ConstValue::Kind::False) {
    long long n = v.kind == ConstValue::Kind::True;
    if (op == UnaryOpKind::UAdd) return make_int(n);
    if (op == UnaryOpKind::USub) return make_int(-n);
    return make_int(-n - 1);
  }
  if (v.kind == ConstValue::Kind::Float) {
    if (op == UnaryOpKind::UAdd) return v;
    if (op == UnaryOpKind::USub) return make_float(-v.number);
  }
  return std::nullopt;  // complex negation makes a -0.0 real part that ConstValue cannot hold
}

}  // namespace coil::fe
