// str_format.cpp — str.format / str.format_map (the replacement-field grammar: {}, {0},
// {name}, {0.attr}, {0[key]}, !r/!s/!a, nested {:{width}} specs, {{ }}) and str.__format__
// (the format-spec mini-language itself is float_format.h's, shared with numbers).
#include "runtime/str_format.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float_format.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/str_util.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value str_format_spec(Value self, Value spec_v) {
  if (!is_str(spec_v)) return raise_fmt(TypeErrorType, "format() argument must be str, not %s", type_name(spec_v));
  std::string_view spec = as_str(spec_v)->view();
  if (spec.empty()) return is_exact(self, StrType) ? self : str_of(self);  // an empty spec means str(self)
  // The mini-language itself is float_format.h's, shared with the number types.
  std::string out;
  FormatStatus st = format_str(as_str(self)->view(), spec, &out, type_name(self));
  if (!st.ok())
    return raise_msg(st.kind == FormatErrorKind::overflow_error ? OverflowErrorType : ValueErrorType, st.message);
  if (out == as_str(self)->view()) return exact_str(self);
  return str_value(out);
}

namespace {

// --- str.format ---

struct Formatter {
  Value* args;           // positional arguments
  int64_t nargs;
  Value kwargs;          // a dict (format) or any mapping (format_map), or empty
  bool positional = true;  // false for format_map, which has no positional arguments at all
  int64_t auto_index = 0;
  enum class Numbering { Unknown, Auto, Manual } numbering = Numbering::Unknown;

  bool render(std::string_view fmt, int depth, std::string& out);
  bool field(std::string_view name, char32_t conv, std::string_view spec, int depth, std::string& out);
  Value lookup(std::string_view name);
};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool parse_index(std::string_view s, int64_t* out) {
  int64_t v = 0;
  for (char c : s) {
    if (v > (INT64_MAX - 9) / 10) {
      raise_msg(ValueErrorType, "Too many decimal digits in format string");
      return false;
    }
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

Value Formatter::lookup(std::string_view name) {
  // The first part of the field name: an index, a keyword, or nothing (auto-numbered).
  size_t end = name.find_first_of(".[");
  std::string_view first = name.substr(0, end);
  Value obj;
  if (first.empty() || all_digits(first)) {
    int64_t idx;
    if (first.empty()) {
      if (numbering == Numbering::Manual)
        return raise_msg(ValueErrorType, "cannot switch from manual field specification to automatic field numbering");
      numbering = Numbering::Auto;
      idx = auto_index++;
    } else {
      if (numbering == Numbering::Auto)
        return raise_msg(ValueErrorType, "cannot switch from automatic field numbering to manual field specification");
      numbering = Numbering::Manual;
      if (!parse_index(first, &idx)) return Value();
    }
    if (!positional) return raise_msg(ValueErrorType, "Format string contains positional fields");
    if (idx >= nargs)
      return raise_fmt(IndexErrorType, "Replacement index %lld out of range for positional args tuple",
                       static_cast<long long>(idx));
    obj = args[idx];
  } else {
    Value key = str_value(first);
    if (key.is_empty_slot()) return key;
    if (kwargs.is_empty_slot()) return raise(Value::from_obj(new_exception(KeyErrorType, tuple_of({key}))));
    obj = get_item(kwargs, key);
    if (obj.is_empty_slot()) return obj;
  }
  // Then .attr and [key] accessors.
  size_t i = end == std::string_view::npos ? name.size() : end;
  while (i < name.size()) {
    if (name[i] == '.') {
      size_t j = i + 1;
      while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
      if (j == i + 1) return raise_msg(ValueErrorType, "Empty attribute in format string");
      StrObject* attr = new_str(name.substr(i + 1, j - i - 1));
      if (!attr) return Value();
      obj = get_attr(obj, attr);
      if (obj.is_empty_slot()) return obj;
      i = j;
    } else if (name[i] == '[') {
      size_t j = name.find(']', i + 1);
      if (j == std::string_view::npos) return raise_msg(ValueErrorType, "Missing ']' in format string");
      std::string_view k = name.substr(i + 1, j - i - 1);
      if (k.empty()) return raise_msg(ValueErrorType, "Empty attribute in format string");
      Value key;
      if (all_digits(k)) {
        int64_t idx;
        if (!parse_index(k, &idx)) return Value();
        key = int_from_int64(idx);
      } else {
        key = str_value(k);
      }
      if (key.is_empty_slot()) return key;
      obj = get_item(obj, key);
      if (obj.is_empty_slot()) return obj;
      i = j + 1;
      if (i < name.size() && name[i] != '.' && name[i] != '[')
        return raise_msg(ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return raise_msg(ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

bool Formatter::field(std::string_view name, char32_t conv, std::string_view spec, int depth, std::string& out) {
  Value obj = lookup(name);
  if (obj.is_empty_slot()) return false;
  switch (conv) {
    case 0: break;
    case 'r': obj = repr(obj); break;
    case 's': obj = str_of(obj); break;
    case 'a': obj = ascii_of(obj); break;
    default: {
      std::string c;
      append_utf8(c, conv);
      raise_fmt(ValueErrorType, "Unknown conversion specifier %s", c.c_str());
      return false;
    }
  }
  if (obj.is_empty_slot()) return false;
  Value spec_v;
  if (spec.find('{') != std::string_view::npos) {
    std::string expanded;
    if (!render(spec, depth - 1, expanded)) return false;
    spec_v = str_value(expanded);
  } else {
    spec_v = spec.empty() ? Value::from_obj(empty_str()) : str_value(spec);
  }
  if (spec_v.is_empty_slot()) return false;
  Value r = is_exact(obj, StrType) && as_str(spec_v)->nbytes == 0 ? obj : format(obj, spec_v);
  if (r.is_empty_slot()) return false;
  out.append(as_str(r)->view());
  return true;
}

bool Formatter::render(std::string_view s, int depth, std::string& out) {
  if (depth <= 0) {
    raise_msg(ValueErrorType, "Max string recursion exceeded");
    return false;
  }
  size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c == '}') {
      if (i + 1 < n && s[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      raise_msg(ValueErrorType, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      size_t j = s.find_first_of("{}", i);
      if (j == std::string_view::npos) j = n;
      out.append(s.substr(i, j - i));
      i = j;
      continue;
    }
    if (i + 1 < n && s[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    if (i + 1 == n) {
      raise_msg(ValueErrorType, "Single '{' encountered in format string");
      return false;
    }
    // A replacement field: name up to '!' / ':' / '}' (brackets may hold anything).
    size_t p = i + 1;
    while (p < n) {
      char d = s[p];
      if (d == '[') {
        while (p < n && s[p] != ']') ++p;
        if (p < n) ++p;
        continue;
      }
      if (d == '{') {
        raise_msg(ValueErrorType, "unexpected '{' in field name");
        return false;
      }
      if (d == '}' || d == ':' || d == '!') break;
      ++p;
    }
    if (p >= n) {
      raise_msg(ValueErrorType, "expected '}' before end of string");
      return false;
    }
    std::string_view name = s.substr(i + 1, p - i - 1);
    char32_t conv = 0;
    if (s[p] == '!') {
      ++p;
      if (p >= n) {
        raise_msg(ValueErrorType, "end of string while looking for conversion specifier");
        return false;
      }
      const char* q = s.data() + p;
      conv = decode_utf8(q);
      p = q - s.data();
      if (p >= n) {
        raise_msg(ValueErrorType, "unmatched '{' in format spec");
        return false;
      }
      if (s[p] != ':' && s[p] != '}') {
        raise_msg(ValueErrorType, "expected ':' after conversion specifier");
        return false;
      }
    }
    std::string_view spec;
    if (s[p] == ':') {
      size_t start = ++p;
      int nest = 1;
      while (p < n) {
        if (s[p] == '{') ++nest;
        else if (s[p] == '}' && --nest == 0) break;
        ++p;
      }
      if (p >= n) {
        raise_msg(ValueErrorType, "unmatched '{' in format spec");
        return false;
      }
      spec = s.substr(start, p - start);
    }
    if (!field(name, conv, spec, depth, out)) return false;
    i = p + 1;
  }
  return true;
}

Value str_format(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 1) return raise_msg(TypeErrorType, "descriptor 'format' of 'str' object needs an argument");
  Formatter f;
  f.args = args + 1;
  f.nargs = nargs - 1;
  if (kwnames && kwnames->size) {
    DictObject* d = new_dict();
    if (!d) return Value();
    for (int64_t i = 0; i < kwnames->size; ++i)
      if (!dict_set(d, kwnames->items[i], args[nargs + i])) return Value();
    f.kwargs = Value::from_obj(d);
  }
  std::string out;
  if (!f.render(as_str(args[0])->view(), 2, out)) return Value();
  return str_value(out);
}

Value str_format_map(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("str.format_map", nargs - 1, kw)) return Value();
  Formatter f;
  f.args = nullptr;
  f.nargs = 0;
  f.positional = false;
  f.kwargs = args[1];
  std::string out;
  if (!f.render(as_str(args[0])->view(), 2, out)) return Value();
  return str_value(out);
}

Value str_format_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("str.__format__", nargs - 1, kw)) return Value();
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "__format__() argument must be str, not %s", type_name(args[1]));
  return str_format_spec(args[0], args[1]);
}

const NativeMethodDef kStrFormatMethods[] = {
    {"format", str_format},
    {"format_map", str_format_map},
    {"__format__", str_format_m},
};

}  // namespace

void init_str_format_methods() { add_methods(StrType, kStrFormatMethods); }

}  // namespace coil::rt
