// str_case.cpp — str's case mappings (upper, lower, casefold, swapcase, title, capitalize,
// with full mappings such as 'ß' -> 'SS' and the final-sigma rule), its is*() predicates,
// padding (center, ljust, rjust, zfill, expandtabs) and translate/maketrans.
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/str_util.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "runtime/unicode_db.h"
#include "frontend/unicode_props.h"

namespace coil::rt {

namespace {

StrObject* self_str(Value* args) { return as_str(args[0]); }

void append_mapped(std::string& out, char32_t c, CaseKind kind) {
  char32_t m[3];
  int n = uni_case_map(c, kind, m);
  for (int i = 0; i < n; ++i) append_utf8(out, m[i]);
}

// Capital sigma lowers to final sigma when preceded by a cased char and not followed by one
// (case-ignorable chars in between are skipped both ways).
char32_t lower_sigma(const std::u32string& u, size_t i) {
  size_t j = i;
  while (j > 0 && uni_is_case_ignorable(u[j - 1])) --j;
  bool final_sigma = j > 0 && uni_is_cased(u[j - 1]);
  if (final_sigma) {
    size_t k = i + 1;
    while (k < u.size() && uni_is_case_ignorable(u[k])) ++k;
    final_sigma = k == u.size() || !uni_is_cased(u[k]);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void append_lower(std::string& out, const std::u32string& u, size_t i) {
  if (u[i] == 0x3A3) append_utf8(out, lower_sigma(u, i));
  else append_mapped(out, u[i], CaseKind::Lower);
}

enum class CaseOp { Lower, Upper, Fold, Swap, Title, Capitalize };

Value case_common(Value* args, int64_t nargs, TupleObject* kw, const char* qual, CaseOp op) {
  if (!args_none(qual, nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  std::string out;
  out.reserve(s->nbytes);
  if (s->is_ascii()) {
    bool prev_cased = false;
    for (int64_t i = 0; i < s->nbytes; ++i) {
      char c = s->data[i];
      bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
      bool to_upper = false, to_lower = false;
      switch (op) {
        case CaseOp::Lower: case CaseOp::Fold: to_lower = up; break;
        case CaseOp::Upper: to_upper = low; break;
        case CaseOp::Swap: to_lower = up; to_upper = low; break;
        case CaseOp::Title: to_upper = low && !prev_cased; to_lower = up && prev_cased; break;
        case CaseOp::Capitalize: to_upper = low && i == 0; to_lower = up && i > 0; break;
      }
      prev_cased = up || low;
      out += to_upper ? static_cast<char>(c - 32) : to_lower ? static_cast<char>(c + 32) : c;
    }
    return str_result(args[0], std::move(out));
  }
  std::u32string u = utf8_to_u32(s->view());
  bool prev_cased = false;
  for (size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    switch (op) {
      case CaseOp::Lower: append_lower(out, u, i); break;
      case CaseOp::Upper: append_mapped(out, c, CaseKind::Upper); break;
      case CaseOp::Fold: append_mapped(out, c, CaseKind::Fold); break;
      case CaseOp::Swap:
        if (uni_is_upper(c)) append_lower(out, u, i);
        else if (uni_is_lower(c)) append_mapped(out, c, CaseKind::Upper);
        else append_utf8(out, c);
        break;
      case CaseOp::Title:
        if (prev_cased) append_lower(out, u, i);
        else append_mapped(out, c, CaseKind::Title);
        prev_cased = uni_is_cased(c);
        break;
      case CaseOp::Capitalize:
        if (i == 0) append_mapped(out, c, CaseKind::Title);
        else append_lower(out, u, i);
        break;
    }
  }
  return str_result(args[0], std::move(out));
}

Value str_lower(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "str.lower", CaseOp::Lower); }
Value str_upper(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "str.upper", CaseOp::Upper); }
Value str_casefold(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "str.casefold", CaseOp::Fold); }
Value str_swapcase(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "str.swapcase", CaseOp::Swap); }
Value str_title(Value* a, int64_t n, TupleObject* k) { return case_common(a, n, k, "str.title", CaseOp::Title); }
Value str_capitalize(Value* a, int64_t n, TupleObject* k) {
  return case_common(a, n, k, "str.capitalize", CaseOp::Capitalize);
}

// --- predicates ---

// True when s is non-empty and every char satisfies pred.
template <typename Pred>
Value all_chars(Value* args, int64_t nargs, TupleObject* kw, const char* qual, Pred pred) {
  if (!args_none(qual, nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  if (s->nbytes == 0) return False;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end)
    if (!pred(decode_utf8(p))) return False;
  return True;
}

Value str_isalpha(Value* a, int64_t n, TupleObject* k) { return all_chars(a, n, k, "str.isalpha", uni_is_alpha); }
Value str_isalnum(Value* a, int64_t n, TupleObject* k) { return all_chars(a, n, k, "str.isalnum", uni_is_alnum); }
Value str_isdecimal(Value* a, int64_t n, TupleObject* k) { return all_chars(a, n, k, "str.isdecimal", uni_is_decimal); }
Value str_isdigit(Value* a, int64_t n, TupleObject* k) { return all_chars(a, n, k, "str.isdigit", uni_is_digit); }
Value str_isnumeric(Value* a, int64_t n, TupleObject* k) { return all_chars(a, n, k, "str.isnumeric", uni_is_numeric); }
Value str_isspace(Value* a, int64_t n, TupleObject* k) { return all_chars(a, n, k, "str.isspace", uni_is_space); }

Value str_isprintable(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.isprintable", nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end)
    if (!uni_is_printable(decode_utf8(p))) return False;
  return True;
}

Value str_isascii(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.isascii", nargs - 1, kw)) return Value();
  return bool_value(self_str(args)->is_ascii());
}

Value str_isidentifier(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.isidentifier", nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  if (s->nbytes == 0) return False;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  uint32_t first = decode_utf8(p);
  if (first != '_' && !fe::is_xid_start(first)) return False;
  while (p < end)
    if (!fe::is_xid_continue(decode_utf8(p))) return False;
  return True;
}

// islower / isupper: no char of the opposite case (or titlecase), and at least one cased.
Value case_test(Value* args, int64_t nargs, TupleObject* kw, const char* qual, bool lower) {
  if (!args_none(qual, nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  bool cased = false;
  while (p < end) {
    uint32_t c = decode_utf8(p);
    bool same = lower ? uni_is_lower(c) : uni_is_upper(c);
    bool other = lower ? uni_is_upper(c) : uni_is_lower(c);
    if (other || uni_is_title(c)) return False;
    cased |= same;
  }
  return bool_value(cased);
}

Value str_islower(Value* a, int64_t n, TupleObject* k) { return case_test(a, n, k, "str.islower", true); }
Value str_isupper(Value* a, int64_t n, TupleObject* k) { return case_test(a, n, k, "str.isupper", false); }

Value str_istitle(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.istitle", nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  bool cased = false, prev_cased = false;
  while (p < end) {
    uint32_t c = decode_utf8(p);
    if (uni_is_upper(c) || uni_is_title(c)) {
      if (prev_cased) return False;
      prev_cased = cased = true;
    } else if (uni_is_lower(c)) {
      if (!prev_cased) return False;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return bool_value(cased);
}

// --- padding ---

bool fill_arg(const char* name, Value v, uint32_t* fill) {
  if (v.is_empty_slot()) {
    *fill = ' ';
    return true;
  }
  if (!is_str(v)) {
    raise_fmt(TypeErrorType, "%s() argument 2 must be str, not %s", name, type_name(v));
    return false;
  }
  if (as_str(v)->length != 1) {
    raise_msg(TypeErrorType, "The fill character must be exactly one character long");
    return false;
  }
  const char* p = as_str(v)->data;
  *fill = decode_utf8(p);
  return true;
}

Value pad(Value self, int64_t left, int64_t right, uint32_t fill) {
  StrObject* s = as_str(self);
  if (left <= 0 && right <= 0) return exact_str(self);
  std::string f;
  append_utf8(f, fill);
  std::string out;
  out.reserve(s->nbytes + (left + right) * f.size());
  for (int64_t i = 0; i < left; ++i) out += f;
  out.append(s->view());
  for (int64_t i = 0; i < right; ++i) out += f;
  return str_value(out);
}

enum class Align { Left, Right, Center };

Value justify(Value* args, int64_t nargs, TupleObject* kw, const char* name, Align align) {
  std::string qual = std::string("str.") + name;
  if (!args_positional(qual.c_str(), name, nargs - 1, kw, 1, 2)) return Value();
  int64_t width;
  uint32_t fill;
  if (!arg_index(args[1], 0, &width) || !fill_arg(name, nargs > 2 ? args[2] : Value(), &fill)) return Value();
  int64_t len = self_str(args)->length;
  if (width <= len) return exact_str(args[0]);
  int64_t marg = width - len;
  switch (align) {
    case Align::Left: return pad(args[0], 0, marg, fill);
    case Align::Right: return pad(args[0], marg, 0, fill);
    default: {
      // CPython puts the odd extra char on the left when both marg and width are odd.
      int64_t left = marg / 2 + (marg & width & 1);
      return pad(args[0], left, marg - left, fill);
    }
  }
}

Value str_center(Value* a, int64_t n, TupleObject* k) { return justify(a, n, k, "center", Align::Center); }
Value str_ljust(Value* a, int64_t n, TupleObject* k) { return justify(a, n, k, "ljust", Align::Left); }
Value str_rjust(Value* a, int64_t n, TupleObject* k) { return justify(a, n, k, "rjust", Align::Right); }

Value str_zfill(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("str.zfill", nargs - 1, kw)) return Value();
  int64_t width;
  if (!arg_index(args[1], 0, &width)) return Value();
  StrObject* s = self_str(args);
  if (width <= s->length) return exact_str(args[0]);
  std::string out(static_cast<size_t>(width - s->length), '0');
  std::string_view v = s->view();
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out.insert(out.begin(), v[0]);
    out.append(v.substr(1));
  } else {
    out.append(v);
  }
  return str_value(out);
}

Value str_expandtabs(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[1];
  if (!args_keywords("expandtabs", args + 1, nargs - 1, kw, {"tabsize"}, 0, a)) return Value();
  int64_t tabsize;
  if (!arg_index(a[0], 8, &tabsize)) return Value();
  StrObject* s = self_str(args);
  std::string out;
  int64_t col = 0;
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    const char* q = p;
    uint32_t c = decode_utf8(p);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - col % tabsize;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      out.append(q, p - q);
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return str_result(args[0], std::move(out));
}

// --- translate / maketrans ---

Value str_translate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("str.translate", nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  Value table = args[1];
  std::string out;
  out.reserve(s->nbytes);
  const char* p = s->data;
  const char* end = p + s->nbytes;
  while (p < end) {
    const char* q = p;
    uint32_t c = decode_utf8(p);
    Value r = get_item(table, Value::from_small_int(c));
    if (r.is_empty_slot()) {
      if (!pending_matches(LookupErrorType)) return Value();
      clear_exception();
      out.append(q, p - q);
      continue;
    }
    if (r == None) continue;
    if (is_int(r)) {
      int64_t v;
      if (!int_to_int64(r, &v) || v < 0 || v > 0x10FFFF)
        return raise_msg(ValueErrorType, "character mapping must be in range(0x110000)");
      append_utf8(out, static_cast<uint32_t>(v));
    } else if (is_str(r)) {
      out.append(as_str(r)->view());
    } else {
      return raise_msg(TypeErrorType, "character mapping must return integer, None or str");
    }
  }
  return str_result(args[0], std::move(out));
}

Value str_maketrans(Value* args, int64_t nargs, TupleObject* kw) {
  // A static method: args are the call's arguments (no self).
  if (!args_positional("str.maketrans", "maketrans", nargs, kw, 1, 3)) return Value();
  DictObject* d = new_dict();
  if (!d) return Value();
  if (nargs == 1) {
    if (!is_exact(args[0], DictType) && !has(type_of(args[0]), TypeFlag::DictSubclass))
      return raise_msg(TypeErrorType, "if you give only one argument to maketrans it must be a dict");
    DictObject* src = as_dict(args[0]);
    int64_t pos = 0;
    Value key, value;
    while (dict_next(src, &pos, &key, &value)) {
      if (is_str(key)) {
        if (as_str(key)->length != 1)
          return raise_msg(ValueErrorType, "string keys in translate table must be of length 1");
        const char* p = as_str(key)->data;
        key = Value::from_small_int(decode_utf8(p));
      } else if (!is_int(key)) {
        return raise_msg(TypeErrorType, "keys in translate table must be strings or integers");
      }
      if (!dict_set(d, key, value)) return Value();
    }
    return Value::from_obj(d);
  }
  for (int i = 1; i < nargs; ++i)
    if (!is_str(args[i]))
      return raise_fmt(TypeErrorType, "maketrans() argument %d must be str, not %s", i + 1, type_name(args[i]));
  if (!is_str(args[0]))
    return raise_msg(TypeErrorType, "first maketrans argument must be a string if there is a second argument");
  std::u32string x = utf8_to_u32(as_str(args[0])->view()), y = utf8_to_u32(as_str(args[1])->view());
  if (x.size() != y.size())
    return raise_msg(ValueErrorType, "the first two maketrans arguments must have equal length");
  for (size_t i = 0; i < x.size(); ++i)
    if (!dict_set(d, Value::from_small_int(x[i]), Value::from_small_int(y[i]))) return Value();
  if (nargs == 3) {
    std::u32string z = utf8_to_u32(as_str(args[2])->view());
    for (char32_t c : z)
      if (!dict_set(d, Value::from_small_int(c), None)) return Value();
  }
  return Value::from_obj(d);
}

const NativeMethodDef kStrCaseMethods[] = {
    {"lower", str_lower},
    {"upper", str_upper},
    {"casefold", str_casefold},
    {"swapcase", str_swapcase},
    {"title", str_title},
    {"capitalize", str_capitalize},
    {"isalpha", str_isalpha},
    {"isalnum", str_isalnum},
    {"isdecimal", str_isdecimal},
    {"isdigit", str_isdigit},
    {"isnumeric", str_isnumeric},
    {"isspace", str_isspace},
    {"isprintable", str_isprintable},
    {"isascii", str_isascii},
    {"isidentifier", str_isidentifier},
    {"islower", str_islower},
    {"isupper", str_isupper},
    {"istitle", str_istitle},
    {"center", str_center},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"zfill", str_zfill},
    {"expandtabs", str_expandtabs},
    {"translate", str_translate},
    {"maketrans", str_maketrans, NativeMethodDef::Kind::StaticMethod},
};

}  // namespace

void init_str_case_methods() { add_methods(StrType, kStrCaseMethods); }

}  // namespace coil::rt
