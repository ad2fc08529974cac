// string_module.cpp — the _string module behind string.Formatter: formatter_parser (the
// (literal, field_name, format_spec, conversion) pieces of a format string) and
// formatter_field_name_split ("a.b[0]" -> 'a', iterator of (is_attr, key)). Both iterate
// lazily, so errors surface where CPython raises them: when the bad piece is reached.
#include <string>
#include <string_view>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/itertools.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct StrIterState : Object {
  Value str;     // the str being parsed
  int64_t pos;   // byte offset of the next piece
};
void visit_state(Object* self, Visitor& v) { v.visit(static_cast<StrIterState*>(self)->str); }

TypeObject* g_formatter_iter_type = nullptr;
TypeObject* g_fieldname_iter_type = nullptr;

Value str_or_none(std::string_view s, bool present) { return present ? str_value(s) : None; }

Value format_error(const char* msg) { return raise_msg(ValueErrorType, msg); }

// A field name part: an int when it is all digits, else the str.
Value name_part(std::string_view s) {
  if (s.empty()) return str_value(s);
  for (char c : s)
    if (c < '0' || c > '9') return str_value(s);
  return int_from_string(s, 10);
}

Value formatter_next(Value* args, int64_t, TupleObject*) {
  auto* st = static_cast<StrIterState*>(args[0].as_obj());
  std::string_view s = as_str(st->str)->view();
  size_t p = static_cast<size_t>(st->pos);
  if (p >= s.size()) return stop_iteration();
  // Literal text up to a '{' or '}' (a doubled one ends the literal and is kept, once).
  std::string literal;
  while (p < s.size()) {
    char c = s[p];
    if (c != '{' && c != '}') {
      literal += c;
      ++p;
      continue;
    }
    if (p + 1 < s.size() && s[p + 1] == c) {
      literal += c;
      p += 2;
      st->pos = static_cast<int64_t>(p);
      TupleObject* t = tuple_of({str_value(literal), None, None, None});
      return t ? Value::from_obj(t) : Value();
    }
    if (c == '}') return format_error("Single '}' encountered in format string");
    if (p + 1 >= s.size()) return format_error("Single '{' encountered in format string");
    break;
  }
  if (p >= s.size()) {
    st->pos = static_cast<int64_t>(p);
    TupleObject* t = tuple_of({str_value(literal), None, None, None});
    return t ? Value::from_obj(t) : Value();
  }
  ++p;  // the '{'
  // The field name: up to ':', '!' or '}' outside brackets.
  size_t name_start = p;
  bool in_bracket = false;
  while (p < s.size()) {
    char c = s[p];
    if (in_bracket) {
      if (c == ']') in_bracket = false;
    } else if (c == '[') {
      in_bracket = true;
    } else if (c == '{') {
      return format_error("unexpected '{' in field name");
    } else if (c == ':' || c == '!' || c == '}') {
      break;
    }
    ++p;
  }
  if (p >= s.size()) return format_error("expected '}' before end of string");
  std::string_view name = s.substr(name_start, p - name_start);
  Value conversion = None;
  if (s[p] == '!') {
    ++p;
    if (p >= s.size()) return format_error("end of string while looking for conversion specifier");
    const char* cp = s.data() + p;
    uint32_t conv = decode_utf8(cp);
    p = static_cast<size_t>(cp - s.data());
    conversion = str_char(conv);
    if (p < s.size() && s[p] != ':' && s[p] != '}') return format_error("expected ':' after conversion specifier");
  }
  // The format spec: up to the '}' matching the field's '{' (nested fields allowed).
  std::string_view spec;
  if (p < s.size() && s[p] == ':') ++p;
  size_t spec_start = p;
  int depth = 1;
  while (p < s.size()) {
    if (s[p] == '{') ++depth;
    else if (s[p] == '}' && --depth == 0) break;
    ++p;
  }
  if (p >= s.size()) return format_error("unmatched '{' in format spec");
  spec = s.substr(spec_start, p - spec_start);
  ++p;
  st->pos = static_cast<int64_t>(p);
  TupleObject* t = tuple_of({str_value(literal), str_value(name), str_value(spec), conversion});
  return t ? Value::from_obj(t) : Value();
}

Value fieldname_next(Value* args, int64_t, TupleObject*) {
  auto* st = static_cast<StrIterState*>(args[0].as_obj());
  std::string_view s = as_str(st->str)->view();
  size_t p = static_cast<size_t>(st->pos);
  if (p >= s.size()) return stop_iteration();
  char c = s[p++];
  bool is_attr = c == '.';
  if (c != '.' && c != '[') return format_error("Only '.' or '[' may follow ']' in format field specifier");
  size_t start = p;
  Value key;
  if (is_attr) {
    while (p < s.size() && s[p] != '.' && s[p] != '[') ++p;
    key = str_value(s.substr(start, p - start));
  } else {
    while (p < s.size() && s[p] != ']') ++p;
    if (p >= s.size()) return format_error("Missing ']' in format string");
    key = name_part(s.substr(start, p - start));
    ++p;
  }
  if (p == start + (is_attr ? 0 : 1)) return format_error("Empty attribute in format string");
  if (key.is_empty_slot()) return key;
  st->pos = static_cast<int64_t>(p);
  TupleObject* t = tuple_of({bool_value(is_attr), key});
  return t ? Value::from_obj(t) : Value();
}

Value new_state(TypeObject* type, Value s, int64_t pos) {
  auto* st = static_cast<StrIterState*>(new_instance(type));
  if (!st) return Value();
  st->str = s;
  st->pos = pos;
  return Value::from_obj(st);
}

Value string_formatter_parser(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("formatter_parser", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0])) return raise_fmt(TypeErrorType, "expected str, got %s", type_name(args[0]));
  return new_state(g_formatter_iter_type, args[0], 0);
}

Value string_field_name_split(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("formatter_field_name_split", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0])) return raise_fmt(TypeErrorType, "expected str, got %s", type_name(args[0]));
  std::string_view s = as_str(args[0])->view();
  size_t p = 0;
  while (p < s.size() && s[p] != '.' && s[p] != '[') ++p;
  Value first = name_part(s.substr(0, p));
  if (first.is_empty_slot()) return first;
  Value rest = new_state(g_fieldname_iter_type, args[0], static_cast<int64_t>(p));
  if (rest.is_empty_slot()) return rest;
  TupleObject* t = tuple_of({first, rest});
  return t ? Value::from_obj(t) : Value();
}

const NativeFunctionDef kStringFunctions[] = {
    {"formatter_parser", string_formatter_parser},
    {"formatter_field_name_split", string_field_name_split},
};

bool init_string(ModuleObject*) {
  if (!g_formatter_iter_type) {
    g_formatter_iter_type = make_native_type("formatteriterator", sizeof(StrIterState), visit_state, false);
    static const NativeMethodDef kF[] = {{"__next__", formatter_next}, {"__iter__", return_self}};
    add_methods(g_formatter_iter_type, kF);
    g_fieldname_iter_type = make_native_type("fieldnameiterator", sizeof(StrIterState), visit_state, false);
    static const NativeMethodDef kN[] = {{"__next__", fieldname_next}, {"__iter__", return_self}};
    add_methods(g_fieldname_iter_type, kN);
  }
  return true;
}

}  // namespace

extern const NativeModuleDef kStringModule;
const NativeModuleDef kStringModule = {"_string", kStringFunctions, std::size(kStringFunctions), init_string};

}  // namespace coil::lib
