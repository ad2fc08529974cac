// str_methods.cpp — str's constructor and dunders, and its searching, splitting, joining,
// stripping and replacing methods. Case mapping and predicates are in str_case.cpp,
// format() in str_format.cpp, %-formatting in percent_format.cpp.
//
// Every method accepts a str subclass instance as self (as_str looks through it) and returns
// exact strs, as CPython does. Text is UTF-8: searching works on bytes (UTF-8 is
// self-synchronising, so a byte match of valid UTF-8 is a code point match), and indexes are
// converted between code points and bytes only at the edges.
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/codecs.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/method_args.h"
#include "runtime/names.h"
#include "runtime/sequence_ops.h"
#include "runtime/str_util.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "runtime/unicode_db.h"

namespace coil::rt {

std::u32string utf8_to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) out += static_cast<char32_t>(decode_utf8(p));
  return out;
}

std::string u32_to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

int64_t str_cp_index(const StrObject* s, int64_t off) {
  if (s->is_ascii()) return off;
  return utf8_length(std::string_view(s->data, static_cast<size_t>(off)), nullptr);
}

void adjust_indices(int64_t* start, int64_t* end, int64_t len) {
  if (*end > len) *end = len;
  else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

bool parse_start_end(Value s, Value e, int64_t* start, int64_t* end) {
  *start = 0;
  *end = INT64_MAX / 2;
  return arg_slice_index(s, start) && arg_slice_index(e, end);
}

Value str_result(Value self, std::string&& text) {
  StrObject* s = as_str(self);
  if (is_exact(self, StrType) && text.size() == static_cast<size_t>(s->nbytes) &&
      std::memcmp(text.data(), s->data, text.size()) == 0)
    return self;
  return str_value(text);
}

namespace {

StrObject* self_str(Value* args) { return as_str(args[0]); }

Value require_str(Value v) {
  if (!is_str(v)) return raise_fmt(TypeErrorType, "must be str, not %s", type_name(v));
  return v;
}

// The byte range [*bs, *be) of code points [start, end) after adjusting; false when the
// adjusted range is empty-and-past-the-end (start > len), which some callers treat specially.
bool byte_range(StrObject* s, int64_t start, int64_t end, int64_t* bs, int64_t* be) {
  adjust_indices(&start, &end, s->length);
  if (start > s->length) return false;
  *bs = str_byte_offset(s, start);
  *be = end < start ? *bs : str_byte_offset(s, end);
  return true;
}

// --- constructor and dunders ---

Value str_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 1 || !args[0].is_obj() || !has(args[0].as_obj()->type, TypeFlag::TypeSubclass))
    return raise_fmt(TypeErrorType, "str.__new__(X): X is not a type object (%s)",
                     nargs < 1 ? "NULL" : type_name(args[0]));
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (!is_subtype(type, StrType))
    return raise_fmt(TypeErrorType, "str.__new__(%s): %s is not a subtype of str", type->name, type->name);
  Value a[3];
  if (!args_keywords("str", args + 1, nargs - 1, kwnames, {"object", "encoding", "errors"}, 0, a)) return Value();
  Value r;
  if (a[1].is_empty_slot() && a[2].is_empty_slot()) {
    r = a[0].is_empty_slot() ? Value::from_obj(empty_str()) : str_of(a[0]);
  } else {
    for (int i = 1; i < 3; ++i)
      if (!a[i].is_empty_slot() && !is_str(a[i]))
        return raise_fmt(TypeErrorType, "str() argument '%s' must be str, not %s", i == 1 ? "encoding" : "errors",
                         type_name(a[i]));
    if (a[0].is_empty_slot()) {
      r = Value::from_obj(empty_str());
    } else {
      std::string_view data;
      if (is_str(a[0])) return raise_msg(TypeErrorType, "decoding str is not supported");
      if (!buffer_view(a[0], &data)) {
        if (has_pending_exception()) return Value();
        return raise_fmt(TypeErrorType, "decoding to str: need a bytes-like object, %s found", type_name(a[0]));
      }
      r = codec_decode(data, a[1].is_empty_slot() ? "utf-8" : as_str(a[1])->view(),
                       a[2].is_empty_slot() ? "strict" : as_str(a[2])->view());
    }
  }
  // str(x) is whatever x.__str__ gave, a str subclass instance included (as CPython).
  if (r.is_empty_slot() || type == StrType) return r;
  return new_str_subclass(type, as_str(r));
}

Value str_binary_dunder(Value* args, int64_t nargs, fe::BinaryOpKind op, bool reflected) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  Value a = exact_str(args[0]), b = args[1];
  if (op == fe::BinaryOpKind::Add && !is_str(b)) {
    if (reflected) return NotImplemented;
    return raise_fmt(TypeErrorType, "can only concatenate str (not \"%s\") to str", type_name(b));
  }
  if (op == fe::BinaryOpKind::Multiply && !is_int(b)) {
    Value m = type_lookup(type_of(b), names::dunder_index);
    if (m.is_empty_slot()) {
      // str.__mul__ is a repeat slot wrapper: a non-index count is a TypeError, unless the
      // other operand may still handle the product itself (its __rmul__).
      if (!reflected && !(has(type_of(b), TypeFlag::HeapType) && !type_lookup(type_of(b), names::dunder_rmul).is_empty_slot()))
        return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(b));
      return NotImplemented;
    }
  }
  if (op == fe::BinaryOpKind::Remainder && reflected) {
    // other % self: self is the argument and keeps its own type (a str subclass's __str__ applies).
    if (!is_str(b)) return NotImplemented;
    a = b;
    b = args[0];  // the format's argument keeps its own type (its __str__ may be overridden)
  }
  return sequence_binary(a, b, op);
}

Value str_add(Value* args, int64_t nargs, TupleObject*) { return str_binary_dunder(args, nargs, fe::BinaryOpKind::Add, false); }
Value str_mul(Value* args, int64_t nargs, TupleObject*) {
  return str_binary_dunder(args, nargs, fe::BinaryOpKind::Multiply, false);
}
Value str_mod(Value* args, int64_t nargs, TupleObject*) {
  return str_binary_dunder(args, nargs, fe::BinaryOpKind::Remainder, false);
}
Value str_rmod(Value* args, int64_t nargs, TupleObject*) {
  return str_binary_dunder(args, nargs, fe::BinaryOpKind::Remainder, true);
}

Value str_getitem(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  return get_item(exact_str(args[0]), args[1]);
}

Value str_len(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.__len__", nargs - 1, kw)) return Value();
  return Value::from_small_int(self_str(args)->length);
}

Value str_contains(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  int r = contains(exact_str(args[0]), args[1]);
  return r < 0 ? Value() : bool_value(r);
}

Value str_iter(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.__iter__", nargs - 1, kw)) return Value();
  auto* it = static_cast<SeqIterObject*>(allocate_object(StrIterType, sizeof(SeqIterObject)));
  if (!it) return raise_memory_error();
  it->seq = exact_str(args[0]);
  it->index = 0;
  return Value::from_obj(it);
}

Value str_compare_dunder(Value* args, int64_t nargs, fe::CompareKind op) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  if (!is_str(args[1])) return NotImplemented;
  return sequence_compare(exact_str(args[0]), exact_str(args[1]), op);
}
Value str_lt(Value* a, int64_t n, TupleObject*) { return str_compare_dunder(a, n, fe::CompareKind::Lt); }
Value str_le(Value* a, int64_t n, TupleObject*) { return str_compare_dunder(a, n, fe::CompareKind::Le); }
Value str_eq(Value* a, int64_t n, TupleObject*) { return str_compare_dunder(a, n, fe::CompareKind::Eq); }
Value str_ne(Value* a, int64_t n, TupleObject*) { return str_compare_dunder(a, n, fe::CompareKind::Ne); }
Value str_gt(Value* a, int64_t n, TupleObject*) { return str_compare_dunder(a, n, fe::CompareKind::Gt); }
Value str_ge(Value* a, int64_t n, TupleObject*) { return str_compare_dunder(a, n, fe::CompareKind::Ge); }

Value str_hash_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.__hash__", nargs - 1, kw)) return Value();
  return int_from_int64(str_hash(self_str(args)));
}

Value str_repr_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.__repr__", nargs - 1, kw)) return Value();
  return str_value(str_repr(self_str(args)->view()));
}

Value str_str_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.__str__", nargs - 1, kw)) return Value();
  return exact_str(args[0]);
}

Value str_getnewargs(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.__getnewargs__", nargs - 1, kw)) return Value();
  TupleObject* t = tuple_of({str_value(self_str(args)->view())});
  return t ? Value::from_obj(t) : Value();
}

Value str_sizeof(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_none("str.__sizeof__", nargs - 1, kw)) return Value();
  StrObject* s = self_str(args);
  return Value::from_small_int(static_cast<int64_t>(sizeof(StrObject)) + s->nbytes + 1);
}

// --- searching ---

enum class Dir { Forward, Reverse };

// find/rfind/index/rindex/count share the argument handling: (sub[, start[, end]]).
bool find_args(const char* qual, const char* name, Value* args, int64_t nargs, TupleObject* kw, StrObject** sub,
               int64_t* start, int64_t* end) {
  if (!args_tuple(qual, name, nargs - 1, kw, 1, 3)) return false;
  if (require_str(args[1]).is_empty_slot()) return false;
  *sub = as_str(args[1]);
  return parse_start_end(nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), start, end);
}

// The code point index of sub in s[start:end], or -1.
int64_t find_in(StrObject* s, StrObject* sub, int64_t start, int64_t end, Dir dir) {
  int64_t bs, be;
  if (!byte_range(s, start, end, &bs, &be)) return -1;
  std::string_view hay(s->data + bs, static_cast<size_t>(be - bs));
  size_t pos = dir == Dir::Forward ? hay.find(sub->view()) : hay.rfind(sub->view());
  if (be - bs < sub->nbytes || pos == std::string_view::npos) return -1;
  return str_cp_index(s, bs + static_cast<int64_t>(pos));
}

Value find_common(Value* args, int64_t nargs, TupleObject* kw, const char* qual, const char* name, Dir dir,
                  bool raise) {
  StrObject* sub;
  int64_t start, end;
  if (!find_args(qual, name, args, nargs, kw, &sub, &start, &end)) return Value();
  int64_t r = find_in(self_str(args), sub, start, end, dir);
  if (r < 0 && raise) return raise_msg(ValueErrorType, "substring not found");
  return Value::from_small_int(r);
}

Value str_find(Value* a, int64_t n, TupleObject* k) { return find_common(a, n, k, "str.find", "find", Dir::Forward, false); }
Value str_rfind(Value* a, int64_t n, TupleObject* k) { return find_common(a, n, k, "str.rfind", "rfind", Dir::Reverse, false); }
Value str_index(Value* a, int64_t n, TupleObject* k) { return find_common(a, n, k, "str.index", "index", Dir::Forward, true); }
Value str_rindex(Value* a, int64_t n, TupleObject* k) {
  return find_common(a, n, k, "str.rindex", "rindex", Dir::Reverse, true);
}

Value str_count(Value* args, int64_t nargs, TupleObject* kw) {
  StrObject* sub;
  int64_t start, end;
  if (!find_args("str.count", "count", args, nargs, kw, &sub, &start, &end)) return Value();
  StrObject* s = self_str(args);
  int64_t bs, be;
  if (!byte_range(s, start, end, &bs, &be)) return Value::from_small_int(0);
  if (sub->nbytes == 0) {
    adjust_indices(&start, &end, s->length);
    return Value::from_small_int(end < start ? 0 : end - start + 1);
  }
  std::string_view hay(s->data + bs, static_cast<size_t>(be - bs));
  int64_t n = 0;
  for (size_t pos = hay.find(sub->view()); pos != std::string_view::npos; pos = hay.find(sub->view(), pos + sub->nbytes))
    ++n;
  return Value::from_small_int(n);
}

// startswith/endswith: (prefix-or-tuple[, start[, end]]).
Value tailmatch_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, bool at_end) {
  std::string qual = std::string("str.") + name;
  if (!args_tuple(qual.c_str(), name, nargs - 1, kw, 1, 3)) return Value();
  int64_t start, end;
  if (!parse_start_end(nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), &start, &end)) return Value();
  StrObject* s = self_str(args);
  auto match = [&](StrObject* sub) {
    int64_t st = start, en = end;
    adjust_indices(&st, &en, s->length);
    if (en - sub->length < st) return false;
    if (sub->length == 0) return true;
    int64_t off = at_end ? str_byte_offset(s, en - sub->length) : str_byte_offset(s, st);
    return off + sub->nbytes <= s->nbytes && std::memcmp(s->data + off, sub->data, sub->nbytes) == 0;
  };
  Value x = args[1];
  if (is_tuple(x)) {
    TupleObject* t = as_tuple(x);
    for (int64_t i = 0; i < t->size; ++i) {
      if (!is_str(t->items[i]))
        return raise_fmt(TypeErrorType, "tuple for %s must only contain str, not %s", name, type_name(t->items[i]));
      if (match(as_str(t->items[i]))) return True;
    }
    return False;
  }
  if (!is_str(x))
    return raise_fmt(TypeErrorType, "%s first arg must be str or a tuple of str, not %s", name, type_name(x));
  return bool_value(match(as_str(x)));
}

Value str_startswith(Value* a, int64_t n, TupleObject* k) { return tailmatch_common(a, n, k, "startswith", false); }
Value str_endswith(Value* a, int64_t n, TupleObject* k) { return tailmatch_common(a, n, k, "endswith", true); }

// --- splitting and joining ---

bool append_piece(ListObject* l, std::string_view piece) {
  Value v = str_value(piece);
  return !v.is_empty_slot() && list_append(l, v);
}

bool split_args(const char* name, Value* args, int64_t nargs, TupleObject* kw, Value* sep, int64_t* maxsplit) {
  Value a[2];
  if (!args_keywords(name, args + 1, nargs - 1, kw, {"sep", "maxsplit"}, 0, a)) return false;
  *sep = a[0].is_empty_slot() ? None : a[0];
  if (*sep != None && !is_str(*sep)) {
    raise_fmt(TypeErrorType, "must be str or None, not %s", type_name(*sep));
    return false;
  }
  if (!arg_index(a[1], -1, maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  if (*sep != None && as_str(*sep)->nbytes == 0) {
    raise_msg(ValueErrorType, "empty separator");
    return false;
  }
  return true;
}

// Whitespace runs of s as [begin, end) byte ranges of the words, split from the left.
// Is the code point starting at byte `i` of `t` whitespace? *len gets its length in bytes.
inline bool space_at(std::string_view t, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    *len = 1;
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  }
  const char* p = t.data() + i;
  uint32_t cp = decode_utf8(p);
  *len = static_cast<size_t>(p - (t.data() + i));
  return uni_is_space(cp);
}

// The start of the code point that ends just before byte `i` (> 0).
inline size_t prev_start(std::string_view t, size_t i) {
  do --i;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80);
  return i;
}

// split()/rsplit() on runs of whitespace, walking the UTF-8 in place.
Value split_whitespace(StrObject* s, int64_t maxsplit, Dir dir) {
  ListObject* l = new_list(0);
  if (!l) return Value();
  const std::string_view t = s->view();
  const size_t n = t.size();
  size_t len = 0;
  if (dir == Dir::Forward) {
    size_t i = 0;
    while (true) {
      while (i < n && space_at(t, i, &len)) i += len;
      if (i == n) break;
      if (maxsplit-- == 0) {
        if (!append_piece(l, t.substr(i))) return Value();  // the rest, trailing whitespace included
        break;
      }
      size_t j = i;
      while (j < n && !space_at(t, j, &len)) j += len;
      if (!append_piece(l, t.substr(i, j - i))) return Value();
      i = j;
    }
    return Value::from_obj(l);
  }
  size_t i = n;
  while (true) {
    while (i > 0) {
      size_t k = prev_start(t, i);
      if (!space_at(t, k, &len)) break;
      i = k;
    }
    if (i == 0) break;
    if (maxsplit-- == 0) {
      if (!append_piece(l, t.substr(0, i))) return Value();  // the rest, leading whitespace included
      break;
    }
    size_t j = i;
    while (j > 0) {
      size_t k = prev_start(t, j);
      if (space_at(t, k, &len)) break;
      j = k;
    }
    if (!append_piece(l, t.substr(j, i - j))) return Value();
    i = j;
  }
  std::reverse(l->items(), l->items() + l->size);
  return Value::from_obj(l);
}

Value split_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, Dir dir) {
  Value sep;
  int64_t maxsplit;
  if (!split_args(name, args, nargs, kw, &sep, &maxsplit)) return Value();
  StrObject* s = self_str(args);
  if (sep == None) return split_whitespace(s, maxsplit, dir);
  std::string_view hay = s->view(), needle = as_str(sep)->view();
  ListObject* l = new_list(0);
  if (!l) return Value();
  if (dir == Dir::Forward) {
    size_t i = 0;
    while (maxsplit-- > 0) {
      size_t pos = hay.find(needle, i);
      if (pos == std::string_view::npos) break;
      if (!append_piece(l, hay.substr(i, pos - i))) return Value();
      i = pos + needle.size();
    }
    if (!append_piece(l, hay.substr(i))) return Value();
    return Value::from_obj(l);
  }
  std::vector<std::string_view> parts;
  size_t end = hay.size();
  while (maxsplit-- > 0 && end >= needle.size()) {
    size_t pos = hay.rfind(needle, end - needle.size());
    if (pos == std::string_view::npos) break;
    parts.push_back(hay.substr(pos + needle.size(), end - pos - needle.size()));
    end = pos;
  }
  parts.push_back(hay.substr(0, end));
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    if (!append_piece(l, *it)) return Value();
  return Value::from_obj(l);
}

Value str_split(Value* a, int64_t n, TupleObject* k) { return split_common(a, n, k, "split", Dir::Forward); }
Value str_rsplit(Value* a, int64_t n, TupleObject* k) { return split_common(a, n, k, "rsplit", Dir::Reverse); }

Value str_splitlines(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[1];
  if (!args_keywords("splitlines", args + 1, nargs - 1, kw, {"keepends"}, 0, a)) return Value();
  int64_t keep = 0;
  if (!a[0].is_empty_slot()) {
    if (is_float(a[0])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    int t = is_true(a[0]);
    if (t < 0) return Value();
    keep = t;
  }
  StrObject* s = self_str(args);
  ListObject* l = new_list(0);
  if (!l) return Value();
  const char* p = s->data;
  const char* end = p + s->nbytes;
  const char* line = p;
  while (p < end) {
    const char* before = p;
    uint32_t c = decode_utf8(p);
    if (!uni_is_linebreak(c)) continue;
    const char* eol = p;
    if (c == '\r' && p < end && *p == '\n') eol = ++p;
    if (!append_piece(l, std::string_view(line, (keep ? eol : before) - line))) return Value();
    line = p;
  }
  if (line < end && !append_piece(l, std::string_view(line, end - line))) return Value();
  return Value::from_obj(l);
}

Value str_join(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("str.join", nargs - 1, kw)) return Value();
  StrObject* sep = self_str(args);
  Value seq = args[1];
  if (!is_exact(seq, ListType) && !is_exact(seq, TupleType)) {
    seq = sequence_to_tuple(seq);
    if (seq.is_empty_slot()) {
      if (pending_matches(TypeErrorType) && get_iter_would_fail(args[1])) {
        clear_exception();
        return raise_msg(TypeErrorType, "can only join an iterable");
      }
      return Value();
    }
  }
  Value* items = is_exact(seq, ListType) ? as_list(seq)->items() : as_tuple(seq)->items;
  int64_t n = is_exact(seq, ListType) ? as_list(seq)->size : as_tuple(seq)->size;
  if (n == 1 && is_exact(items[0], StrType)) return items[0];
  size_t total = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (!is_str(items[i]))
      return raise_fmt(TypeErrorType, "sequence item %lld: expected str instance, %s found", static_cast<long long>(i),
                       type_name(items[i]));
    total += as_str(items[i])->nbytes + (i ? sep->nbytes : 0);
  }
  std::string out;
  out.reserve(total);
  for (int64_t i = 0; i < n; ++i) {
    if (i) out.append(sep->view());
    out.append(as_str(items[i])->view());
  }
  return str_value(out);
}

// --- stripping, partitioning, replacing ---

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, int side) {
  std::string qual = std::string("str.") + name;
  if (!args_positional(qual.c_str(), name, nargs - 1, kw, 0, 1)) return Value();
  Value chars = nargs > 1 ? args[1] : None;
  if (chars != None && !is_str(chars)) return raise_fmt(TypeErrorType, "%s arg must be None or str", name);
  StrObject* s = self_str(args);
  std::u32string set = chars == None ? std::u32string() : utf8_to_u32(as_str(chars)->view());
  auto strip_it = [&](char32_t c) {
    return chars == None ? uni_is_space(c) : set.find(c) != std::u32string::npos;
  };
  const char* b = s->data;
  const char* e = s->data + s->nbytes;
  if (side & kLeft) {
    while (b < e) {
      const char* p = b;
      if (!strip_it(decode_utf8(p))) break;
      b = p;
    }
  }
  if (side & kRight) {
    while (e > b) {
      const char* q = e - 1;
      while (q > b && (static_cast<unsigned char>(*q) & 0xC0) == 0x80) --q;
      const char* p = q;
      if (!strip_it(decode_utf8(p))) break;
      e = q;
    }
  }
  return str_result(args[0], std::string(b, e - b));
}

Value str_strip(Value* a, int64_t n, TupleObject* k) { return strip_common(a, n, k, "strip", kBoth); }
Value str_lstrip(Value* a, int64_t n, TupleObject* k) { return strip_common(a, n, k, "lstrip", kLeft); }
Value str_rstrip(Value* a, int64_t n, TupleObject* k) { return strip_common(a, n, k, "rstrip", kRight); }

Value partition_common(Value* args, int64_t nargs, TupleObject* kw, const char* qual, Dir dir) {
  if (!args_one(qual, nargs - 1, kw)) return Value();
  if (require_str(args[1]).is_empty_slot()) return Value();
  StrObject* s = self_str(args);
  StrObject* sep = as_str(args[1]);
  if (sep->nbytes == 0) return raise_msg(ValueErrorType, "empty separator");
  size_t pos = dir == Dir::Forward ? s->view().find(sep->view()) : s->view().rfind(sep->view());
  Value empty = Value::from_obj(empty_str());
  TupleObject* t;
  if (pos == std::string_view::npos) {
    Value whole = exact_str(args[0]);
    t = dir == Dir::Forward ? tuple_of({whole, empty, empty}) : tuple_of({empty, empty, whole});
  } else {
    Value before = str_value(s->view().substr(0, pos));
    if (before.is_empty_slot()) return Value();
    Value after = str_value(s->view().substr(pos + sep->nbytes));
    if (after.is_empty_slot()) return Value();
    t = tuple_of({before, exact_str(args[1]), after});
  }
  return t ? Value::from_obj(t) : Value();
}

Value str_partition(Value* a, int64_t n, TupleObject* k) { return partition_common(a, n, k, "str.partition", Dir::Forward); }
Value str_rpartition(Value* a, int64_t n, TupleObject* k) {
  return partition_common(a, n, k, "str.rpartition", Dir::Reverse);
}

Value affix_common(Value* args, int64_t nargs, TupleObject* kw, const char* name, bool suffix) {
  std::string qual = std::string("str.") + name;
  if (!args_one(qual.c_str(), nargs - 1, kw)) return Value();
  if (!is_str(args[1])) return raise_fmt(TypeErrorType, "%s() argument must be str, not %s", name, type_name(args[1]));
  std::string_view s = self_str(args)->view(), a = as_str(args[1])->view();
  if (a.empty()) return exact_str(args[0]);
  if (!suffix && s.substr(0, a.size()) == a) return str_value(s.substr(a.size()));
  if (suffix && s.size() >= a.size() && s.substr(s.size() - a.size()) == a) return str_value(s.substr(0, s.size() - a.size()));
  return exact_str(args[0]);
}

Value str_removeprefix(Value* a, int64_t n, TupleObject* k) { return affix_common(a, n, k, "removeprefix", false); }
Value str_removesuffix(Value* a, int64_t n, TupleObject* k) { return affix_common(a, n, k, "removesuffix", true); }

Value str_replace(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("str.replace", "replace", nargs - 1, kw, 2, 3)) return Value();
  for (int i = 1; i <= 2; ++i)
    if (!is_str(args[i]))
      return raise_fmt(TypeErrorType, "replace() argument %d must be str, not %s", i, type_name(args[i]));
  int64_t count;
  if (!arg_index(nargs > 3 ? args[3] : Value(), -1, &count)) return Value();
  if (count < 0) count = INT64_MAX;
  StrObject* s = self_str(args);
  std::string_view hay = s->view(), old = as_str(args[1])->view(), rep = as_str(args[2])->view();
  std::string out;
  if (old.empty()) {
    // Insert `rep` before each code point and at the end, `count` times at most.
    const char* p = hay.data();
    const char* end = p + hay.size();
    while (count > 0 && p <= end) {
      out.append(rep);
      --count;
      if (p == end) {
        ++p;
        break;
      }
      const char* q = p;
      decode_utf8(p);
      out.append(q, p - q);
    }
    if (p <= end) out.append(p, end - p);
    return str_result(args[0], std::move(out));
  }
  size_t i = 0;
  while (count-- > 0) {
    size_t pos = hay.find(old, i);
    if (pos == std::string_view::npos) break;
    out.append(hay.substr(i, pos - i));
    out.append(rep);
    i = pos + old.size();
  }
  out.append(hay.substr(i));
  return str_result(args[0], std::move(out));
}

Value str_encode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!args_keywords("encode", args + 1, nargs - 1, kw, {"encoding", "errors"}, 0, a)) return Value();
  for (int i = 0; i < 2; ++i)
    if (!a[i].is_empty_slot() && !is_str(a[i]))
      return raise_fmt(TypeErrorType, "encode() argument '%s' must be str, not %s", i == 0 ? "encoding" : "errors",
                       type_name(a[i]));
  return codec_encode(self_str(args), a[0].is_empty_slot() ? "utf-8" : as_str(a[0])->view(),
                      a[1].is_empty_slot() ? "strict" : as_str(a[1])->view());
}

void visit_str_sub(Object* self, Visitor& v) {
  if (self->type != StrType) v.visit(static_cast<StrSubObject*>(self)->value);
}

const NativeMethodDef kStrMethods[] = {
    {"__new__", str_new, NativeMethodDef::Kind::StaticMethod},
    {"__add__", str_add},
    {"__mul__", str_mul},
    {"__rmul__", str_mul},
    {"__mod__", str_mod},
    {"__rmod__", str_rmod},
    {"__getitem__", str_getitem},
    {"__len__", str_len},
    {"__contains__", str_contains},
    {"__iter__", str_iter},
    {"__lt__", str_lt},
    {"__le__", str_le},
    {"__eq__", str_eq},
    {"__ne__", str_ne},
    {"__gt__", str_gt},
    {"__ge__", str_ge},
    {"__hash__", str_hash_m},
    {"__repr__", str_repr_m},
    {"__str__", str_str_m},
    {"__getnewargs__", str_getnewargs},
    {"__sizeof__", str_sizeof},
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"splitlines", str_splitlines},
    {"join", str_join},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"replace", str_replace},
    {"encode", str_encode},
};

}  // namespace

void init_str_case_methods();    // str_case.cpp
void init_str_format_methods();  // str_format.cpp

void init_str_methods() {
  // A str subclass instance is a StrSubObject (str.h); new_heap_type puts the dict after it.
  StrType->basic_size = sizeof(StrSubObject);
  StrType->visit = visit_str_sub;
  add_methods(StrType, kStrMethods);
  init_str_case_methods();
  init_str_format_methods();
}

}  // namespace coil::rt
