// sre_match.cpp — re.Match: the groups of one successful match (group, groups, groupdict,
// start/end/span, expand, regs, lastindex/lastgroup, repr), with CPython's group lookup
// rules (ints and __index__ objects by number, anything else through groupindex).
#include <algorithm>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/buffer.h"
#include "stdlib/itertools.h"
#include "stdlib/sre_objects.h"

namespace coil::lib::sre {

using namespace coil::rt;

TypeObject* g_match_type = nullptr;

namespace {

MatchObject* M(Value v) { return static_cast<MatchObject*>(v.as_obj()); }

void visit_match(Object* self, Visitor& v) {
  auto* m = static_cast<MatchObject*>(self);
  v.visit(m->pattern);
  v.visit(m->string);
  v.visit(m->text);
}

bool is_index_like(Value v) {
  if (is_int(v)) return true;
  return !lookup_special(v, names::dunder_index).is_empty_slot();
}

// The group number `key` names, or -1 with IndexError "no such group" pending.
int64_t group_index(MatchObject* m, Value key) {
  int64_t i = -1;
  if (is_index_like(key)) {
    Value n = index(key);
    if (n.is_empty_slot()) return -1;
    if (!int_to_int64(n, &i)) i = -1;  // out of range either way
  } else {
    Value gi = m->pattern->groupindex;
    if (is_dict(gi)) {
      bool error = false;
      Value n = dict_get(as_dict(gi), key, &error);
      if (error) return -1;
      if (!n.is_empty_slot() && is_int(n) && !int_to_int64(n, &i)) i = -1;
    }
  }
  if (i < 0 || i >= m->ngroups) {
    raise_msg(IndexErrorType, "no such group");
    return -1;
  }
  return i;
}

Value group_value(MatchObject* m, int64_t i, Value dflt) {
  int64_t a = m->regs[2 * i], b = m->regs[2 * i + 1];
  if (a < 0 || b < 0) return dflt;
  if (is_str(m->string) || is_bytes(m->string)) return slice_text(m->text, is_bytes(m->text), a, b);
  // A mutable subject (bytearray, memoryview, array) is read as it is now, clamped to its
  // current length, as CPython does.
  ByteBuffer buf;
  if (!get_buffer(m->string, &buf)) return slice_text(m->text, true, a, b);
  int64_t len = static_cast<int64_t>(buf.data.size());
  a = std::min(a, len);
  b = std::min(b, len);
  return bytes_value(buf.data.substr(a, b > a ? b - a : 0));
}

Value match_group(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("group", kwnames)) return Value();
  MatchObject* m = M(args[0]);
  if (nargs == 1) return group_value(m, 0, None);
  if (nargs == 2) {
    int64_t i = group_index(m, args[1]);
    return i < 0 ? Value() : group_value(m, i, None);
  }
  TupleObject* t = new_tuple(nargs - 1);
  if (!t) return Value();
  for (int64_t k = 1; k < nargs; ++k) {
    int64_t i = group_index(m, args[k]);
    if (i < 0) return Value();
    Value g = group_value(m, i, None);
    if (g.is_empty_slot()) return g;
    t->items[k - 1] = g;
  }
  return Value::from_obj(t);
}

Value match_getitem(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  MatchObject* m = M(args[0]);
  int64_t i = group_index(m, args[1]);
  return i < 0 ? Value() : group_value(m, i, None);
}

Value match_groups(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("groups", args + 1, nargs - 1, kwnames, {"default"}, 0, a)) return Value();
  Value dflt = a[0].is_empty_slot() ? None : a[0];
  MatchObject* m = M(args[0]);
  TupleObject* t = new_tuple(m->ngroups - 1);
  if (!t) return Value();
  for (int64_t i = 1; i < m->ngroups; ++i) {
    Value g = group_value(m, i, dflt);
    if (g.is_empty_slot()) return g;
    t->items[i - 1] = g;
  }
  return Value::from_obj(t);
}

Value match_groupdict(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("groupdict", args + 1, nargs - 1, kwnames, {"default"}, 0, a)) return Value();
  Value dflt = a[0].is_empty_slot() ? None : a[0];
  MatchObject* m = M(args[0]);
  DictObject* d = new_dict();
  if (!d) return Value();
  Value gi = m->pattern->groupindex;
  if (!is_dict(gi)) return Value::from_obj(d);
  int64_t pos = 0;
  Value name, num;
  while (dict_next(as_dict(gi), &pos, &name, &num)) {
    int64_t i = group_index(m, name);
    if (i < 0) return Value();
    Value g = group_value(m, i, dflt);
    if (g.is_empty_slot() || !dict_set(d, name, g)) return Value();
  }
  return Value::from_obj(d);
}

// start/end/span take an optional group (default 0).
bool optional_group(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, int64_t* out) {
  if (!args_positional(fname, fname, nargs - 1, kwnames, 0, 1)) return false;
  *out = nargs == 1 ? 0 : group_index(M(args[0]), args[1]);
  return *out >= 0;
}

Value match_start(Value* args, int64_t nargs, TupleObject* kwnames) {
  int64_t i;
  if (!optional_group("start", args, nargs, kwnames, &i)) return Value();
  return int_from_int64(M(args[0])->regs[2 * i]);
}
Value match_end(Value* args, int64_t nargs, TupleObject* kwnames) {
  int64_t i;
  if (!optional_group("end", args, nargs, kwnames, &i)) return Value();
  return int_from_int64(M(args[0])->regs[2 * i + 1]);
}
Value span_tuple(MatchObject* m, int64_t i) {
  TupleObject* t = tuple_of({int_from_int64(m->regs[2 * i]), int_from_int64(m->regs[2 * i + 1])});
  return t ? Value::from_obj(t) : Value();
}
Value match_span(Value* args, int64_t nargs, TupleObject* kwnames) {
  int64_t i;
  if (!optional_group("span", args, nargs, kwnames, &i)) return Value();
  return span_tuple(M(args[0]), i);
}

Value match_expand(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("expand", args + 1, nargs - 1, kwnames, {"template"}, 1, a)) return Value();
  Value re = import_module("re");
  if (re.is_empty_slot()) return re;
  Value expand = get_attr(re, "_expand");
  if (expand.is_empty_slot()) return expand;
  Value call_args[3] = {Value::from_obj(M(args[0])->pattern), args[0], a[0]};
  return call(expand, call_args, 3);
}

Value match_copy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!args_none("Match.__copy__", nargs - 1, kwnames)) return Value();
  return args[0];
}
Value match_deepcopy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!args_one("Match.__deepcopy__", nargs - 1, kwnames)) return Value();
  return args[0];
}

Value match_repr(Value* args, int64_t, TupleObject*) {
  MatchObject* m = M(args[0]);
  Value g = group_value(m, 0, None);
  if (g.is_empty_slot()) return g;
  Value r = repr(g);
  if (r.is_empty_slot()) return r;
  StrObject* rs = as_str(r);
  std::string text(rs->view());
  if (rs->length > 50) text = text.substr(0, str_byte_offset(rs, 50));  // CPython's %.50R
  return str_value("<re.Match object; span=(" + std::to_string(m->regs[0]) + ", " + std::to_string(m->regs[1]) +
                   "), match=" + text + ">");
}

Value match_new(Value*, int64_t, TupleObject*) { return raise_msg(TypeErrorType, "cannot create 're.Match' instances"); }

Value get_string(Value self) { return M(self)->string; }
Value get_re(Value self) { return Value::from_obj(M(self)->pattern); }
Value get_pos(Value self) { return int_from_int64(M(self)->pos); }
Value get_endpos(Value self) { return int_from_int64(M(self)->endpos); }
Value get_lastindex(Value self) {
  int64_t i = M(self)->lastindex;
  return i >= 0 ? int_from_int64(i) : None;
}
Value get_lastgroup(Value self) {
  MatchObject* m = M(self);
  Value ig = m->pattern->indexgroup;
  if (m->lastindex < 0 || !is_tuple(ig) || m->lastindex >= as_tuple(ig)->size) return None;
  return as_tuple(ig)->items[m->lastindex];
}
Value get_regs(Value self) {
  MatchObject* m = M(self);
  TupleObject* t = new_tuple(m->ngroups);
  if (!t) return Value();
  for (int64_t i = 0; i < m->ngroups; ++i) {
    Value s = span_tuple(m, i);
    if (s.is_empty_slot()) return s;
    t->items[i] = s;
  }
  return Value::from_obj(t);
}

const NativeMethodDef kMatchMethods[] = {
    {"__new__", match_new, NativeMethodDef::Kind::StaticMethod},
    {"group", match_group},
    {"__getitem__", match_getitem},
    {"groups", match_groups},
    {"groupdict", match_groupdict},
    {"start", match_start},
    {"end", match_end},
    {"span", match_span},
    {"expand", match_expand},
    {"__copy__", match_copy},
    {"__deepcopy__", match_deepcopy},
    {"__repr__", match_repr},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kMatchGetSets[] = {
    {"string", get_string}, {"re", get_re},           {"pos", get_pos},   {"endpos", get_endpos},
    {"lastindex", get_lastindex}, {"lastgroup", get_lastgroup}, {"regs", get_regs},
};

}  // namespace

Value new_match(PatternObject* p, const Subject& s, const SreState& st) {
  int64_t ngroups = p->groups + 1;
  size_t size = sizeof(MatchObject) + static_cast<size_t>(ngroups) * 2 * sizeof(int64_t);
  auto* m = static_cast<MatchObject*>(allocate_object(g_match_type, size));
  if (!m) return raise_memory_error();
  m->pattern = p;
  m->string = s.string;
  m->text = s.text;
  m->pos = st.pos;
  m->endpos = st.end;
  m->lastindex = st.lastindex;
  m->ngroups = ngroups;
  m->regs[0] = st.start;
  m->regs[1] = st.ptr;
  for (int64_t i = 1; i < ngroups; ++i) {
    int64_t j = 2 * (i - 1);
    int64_t a = -1, b = -1;
    if (j + 1 <= st.lastmark && st.marks[j] >= 0 && st.marks[j + 1] >= 0) {
      a = st.marks[j];
      b = st.marks[j + 1];
      if (a > b)
        return raise_msg(SystemErrorType,
                         "The span of capturing group is wrong, please report a bug for the re module.");
    }
    m->regs[2 * i] = a;
    m->regs[2 * i + 1] = b;
  }
  return Value::from_obj(m);
}

bool init_match_type() {
  g_match_type = make_native_type("re.Match", sizeof(MatchObject), visit_match, false);
  add_methods(g_match_type, kMatchMethods);
  add_getsets(g_match_type, kMatchGetSets);
  g_match_type->alloc = nullptr;  // only the engine makes Matches
  return true;
}

}  // namespace coil::lib::sre
