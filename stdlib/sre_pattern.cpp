// sre_pattern.cpp — the _sre module: compile() and the re.Pattern type (match, search,
// fullmatch, findall, finditer, sub, subn, split, scanner) plus the SRE_Scanner type, over
// the engine in sre_engine.cpp. Match objects are in sre_match.cpp.
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/hashing.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/method_args.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/buffer.h"
#include "stdlib/itertools.h"
#include "stdlib/sre_objects.h"

namespace coil::lib::sre {

using namespace coil::rt;

TypeObject* g_pattern_type = nullptr;
TypeObject* g_scanner_type = nullptr;

namespace {

PatternObject* P(Value v) { return static_cast<PatternObject*>(v.as_obj()); }
ScannerObject* S(Value v) { return static_cast<ScannerObject*>(v.as_obj()); }

void visit_pattern(Object* self, Visitor& v) {
  auto* p = static_cast<PatternObject*>(self);
  v.visit(p->pattern);
  v.visit(p->groupindex);
  v.visit(p->indexgroup);
  v.visit(p->code);
}
void visit_scanner(Object* self, Visitor& v) {
  auto* s = static_cast<ScannerObject*>(self);
  v.visit(s->pattern);
  v.visit(s->string);
  v.visit(s->text);
  v.visit(s->holder);
}

// The UCS-4 copies of the last few long non-ASCII subjects, so a tokenizer calling
// pattern.match(text, pos) in a loop decodes `text` once, not once per call. Entries hold
// their str strongly (a root), so an entry can never be confused with a new str at the same
// address. Only touched with the GIL held.
struct DecodeCacheEntry {
  StrObject* str;
  BytesObject* ucs4;
};
constexpr int kDecodeCacheSize = 4;
constexpr int64_t kDecodeCacheMinLength = 256;
DecodeCacheEntry g_decode_cache[kDecodeCacheSize];
int g_decode_next = 0;
bool g_decode_cache_rooted = false;

BytesObject* decode_ucs4(StrObject* str) {
  for (const DecodeCacheEntry& e : g_decode_cache)
    if (e.str == str) return e.ucs4;
  std::string wide(static_cast<size_t>(str->length + 1) * 4, '\0');
  auto* out = reinterpret_cast<uint32_t*>(wide.data());
  const char* p = str->data;
  for (int64_t i = 0; i < str->length; ++i) out[i] = decode_utf8(p);
  BytesObject* holder = new_bytes(wide);
  if (!holder || str->length < kDecodeCacheMinLength) return holder;
  if (!g_decode_cache_rooted) {
    g_decode_cache_rooted = true;
    add_runtime_root_hook([](Visitor& v) {
      for (const DecodeCacheEntry& e : g_decode_cache) {
        if (e.str) v.visit(e.str);
        if (e.ucs4) v.visit(e.ucs4);
      }
    });
  }
  g_decode_cache[g_decode_next] = {str, holder};
  g_decode_next = (g_decode_next + 1) % kDecodeCacheSize;
  return holder;
}

// A str's chars as a buffer: ASCII text is used in place, other text is decoded to UCS-4.
bool load_str(Value text, Subject* s) {
  StrObject* str = as_str(text);
  s->text = Value::from_obj(str);
  s->length = str->length;
  if (str->is_ascii()) {
    s->charsize = 1;
    s->buf = str->data;
    return true;
  }
  BytesObject* holder = decode_ucs4(str);
  if (!holder) return false;
  s->holder = Value::from_obj(holder);
  s->charsize = 4;
  s->buf = holder->data;
  return true;
}

// Rebuilds the subject of a scanner from what it kept (no decoding again).
void subject_from_scanner(ScannerObject* sc, Subject* s) {
  s->string = sc->string;
  s->text = sc->text;
  s->holder = sc->holder;
  s->isbytes = is_bytes(sc->text);
  if (s->isbytes) {
    s->charsize = 1;
    s->buf = as_bytes(sc->text)->data;
    s->length = as_bytes(sc->text)->size;
  } else {
    StrObject* str = as_str(sc->text);
    s->length = str->length;
    s->charsize = sc->holder.is_empty_slot() ? 1 : 4;
    s->buf = sc->holder.is_empty_slot() ? static_cast<const void*>(str->data) : as_bytes(sc->holder)->data;
  }
}

// ---- argument helpers ---------------------------------------------------------------------------
bool get_pos_endpos(Value pos, Value endpos, int64_t* p, int64_t* e) {
  return arg_index(pos, 0, p) && arg_index(endpos, INT64_MAX, e);
}

// The (string, pos, endpos) methods: match, fullmatch, search, findall, finditer, scanner.
bool string_args(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, Subject* s, int64_t* pos,
                 int64_t* endpos) {
  Value a[3];
  if (!parse_args(fname, args + 1, nargs - 1, kwnames, {"string", "pos", "endpos"}, 1, a)) return false;
  if (!get_pos_endpos(a[1], a[2], pos, endpos)) return false;
  return load_subject(a[0], s);
}

enum class Anchor { Match, FullMatch, Search };

Value do_match(Value* args, int64_t nargs, TupleObject* kwnames, const char* fname, Anchor how) {
  PatternObject* p = P(args[0]);
  Subject s;
  int64_t pos, endpos;
  if (!string_args(fname, args, nargs, kwnames, &s, &pos, &endpos)) return Value();
  StateLease lease;
  SreState& st = *lease;
  if (!init_state(p, s, pos, endpos, &st)) return Value();
  st.match_all = how == Anchor::FullMatch;
  int r = how == Anchor::Search ? sre_search(st, p->words()) : sre_match(st, p->words());
  if (r < 0) return raise_engine_error(r);
  if (r == 0) return None;
  return new_match(p, s, st);
}

Value pattern_match(Value* a, int64_t n, TupleObject* k) { return do_match(a, n, k, "match", Anchor::Match); }
Value pattern_fullmatch(Value* a, int64_t n, TupleObject* k) { return do_match(a, n, k, "fullmatch", Anchor::FullMatch); }
Value pattern_search(Value* a, int64_t n, TupleObject* k) { return do_match(a, n, k, "search", Anchor::Search); }

// Moves st past a match for the next search (an empty match forbids another empty one there).
void advance(SreState& st) {
  st.must_advance = st.ptr == st.start;
  st.start = st.ptr;
}

Value pattern_findall(Value* args, int64_t nargs, TupleObject* kwnames) {
  PatternObject* p = P(args[0]);
  Subject s;
  int64_t pos, endpos;
  if (!string_args("findall", args, nargs, kwnames, &s, &pos, &endpos)) return Value();
  StateLease lease;
  SreState& st = *lease;
  if (!init_state(p, s, pos, endpos, &st)) return Value();
  ListObject* out = new_list(0);
  if (!out) return Value();
  Value empty = slice_text(s.text, s.isbytes, 0, 0);
  while (st.start <= st.end) {
    int r = sre_search(st, p->words());
    if (r < 0) return raise_engine_error(r);
    if (r == 0) break;
    Value item;
    if (p->groups == 0) {
      item = slice_text(s.text, s.isbytes, st.start, st.ptr);
    } else if (p->groups == 1) {
      item = state_group(st, s, 1, empty);
    } else {
      TupleObject* t = new_tuple(p->groups);
      if (!t) return Value();
      for (int64_t i = 0; i < p->groups; ++i) {
        Value g = state_group(st, s, i + 1, empty);
        if (g.is_empty_slot()) return g;
        t->items[i] = g;
      }
      item = Value::from_obj(t);
    }
    if (item.is_empty_slot() || !list_append(out, item)) return Value();
    advance(st);
  }
  return Value::from_obj(out);
}

Value new_scanner(PatternObject* p, const Subject& s, int64_t pos, int64_t endpos) {
  StateLease lease;
  SreState& st = *lease;
  if (!init_state(p, s, pos, endpos, &st)) return Value();
  auto* sc = static_cast<ScannerObject*>(allocate_object(g_scanner_type, sizeof(ScannerObject)));
  if (!sc) return raise_memory_error();
  sc->pattern = p;
  sc->string = s.string;
  sc->text = s.text;
  sc->holder = s.holder;
  sc->pos = st.pos;
  sc->endpos = st.end;
  sc->start = st.start;
  // Like CPython's scanner state, the scanner holds the subject's buffer until it dies.
  BufferInfo info;
  if (!is_str(s.string) && get_buffer_info(s.string, &info) && info.exports) sc->exports = export_acquire(info.exports);
  if (has_pending_exception()) clear_exception();
  return Value::from_obj(sc);
}

Value pattern_scanner(Value* args, int64_t nargs, TupleObject* kwnames) {
  Subject s;
  int64_t pos, endpos;
  if (!string_args("scanner", args, nargs, kwnames, &s, &pos, &endpos)) return Value();
  return new_scanner(P(args[0]), s, pos, endpos);
}

Value pattern_finditer(Value* args, int64_t nargs, TupleObject* kwnames) {
  Subject s;
  int64_t pos, endpos;
  if (!string_args("finditer", args, nargs, kwnames, &s, &pos, &endpos)) return Value();
  Value sc = new_scanner(P(args[0]), s, pos, endpos);
  if (sc.is_empty_slot()) return sc;
  Value search = get_attr(sc, "search");
  if (search.is_empty_slot()) return search;
  return new_callable_iterator(search, None);
}

Value pattern_split(Value* args, int64_t nargs, TupleObject* kwnames) {
  PatternObject* p = P(args[0]);
  Value a[2];
  if (!parse_args("split", args + 1, nargs - 1, kwnames, {"string", "maxsplit"}, 1, a)) return Value();
  int64_t maxsplit;
  if (!arg_index(a[1], 0, &maxsplit)) return Value();
  Subject s;
  if (!load_subject(a[0], &s)) return Value();
  StateLease lease;
  SreState& st = *lease;
  if (!init_state(p, s, 0, INT64_MAX, &st)) return Value();
  ListObject* out = new_list(0);
  if (!out) return Value();
  int64_t n = 0, last = st.start;
  while (!maxsplit || n < maxsplit) {
    int r = sre_search(st, p->words());
    if (r < 0) return raise_engine_error(r);
    if (r == 0) break;
    Value piece = slice_text(s.text, s.isbytes, last, st.start);
    if (piece.is_empty_slot() || !list_append(out, piece)) return Value();
    for (int64_t i = 0; i < p->groups; ++i) {
      Value g = state_group(st, s, i + 1, None);
      if (g.is_empty_slot() || !list_append(out, g)) return Value();
    }
    ++n;
    advance(st);
    last = st.start;
  }
  Value tail = slice_text(s.text, s.isbytes, last, st.end);
  if (tail.is_empty_slot() || !list_append(out, tail)) return Value();
  return Value::from_obj(out);
}

// Does a str or bytes-like template hold no backslash (so it is used as it is)?
bool is_literal_template(Value repl) {
  if (is_str(repl)) return as_str(repl)->view().find('\\') == std::string_view::npos;
  ByteBuffer b;
  if (get_buffer(repl, &b)) return b.data.find('\\') == std::string_view::npos;
  return false;
}

// The pieces of sub() joined into one str or bytes (bytes-like pieces allowed for bytes), with
// str.join / bytes.join's messages for a wrong piece.
Value join_pieces(ListObject* pieces, bool isbytes) {
  if (pieces->size == 1) {
    // One exact piece (nothing matched, or the whole subject replaced) is the result itself.
    Value only = pieces->items()[0];
    if (isbytes ? is_exact(only, BytesType) : is_exact(only, StrType)) return only;
  }
  std::string out;
  for (int64_t i = 0; i < pieces->size; ++i) {
    Value item = pieces->items()[i];
    if (isbytes) {
      ByteBuffer b;
      if (!get_buffer(item, &b))
        return raise_fmt(TypeErrorType, "sequence item %lld: expected a bytes-like object, %s found",
                         static_cast<long long>(i), type_name(item));
      out.append(b.data);
    } else {
      if (!is_str(item))
        return raise_fmt(TypeErrorType, "sequence item %lld: expected str instance, %s found",
                         static_cast<long long>(i), type_name(item));
      out.append(as_str(item)->view());
    }
  }
  return isbytes ? bytes_value(out) : str_value(out);
}

Value subx(Value* args, int64_t nargs, TupleObject* kwnames, const char* fname, bool subn) {
  PatternObject* p = P(args[0]);
  Value a[3];
  if (!parse_args(fname, args + 1, nargs - 1, kwnames, {"repl", "string", "count"}, 2, a)) return Value();
  int64_t count;
  if (!arg_index(a[2], 0, &count)) return Value();
  Value filter = a[0];
  bool callable_filter = is_callable(filter);
  if (!callable_filter && !is_literal_template(filter)) {
    // A template with escapes or group references: re._subx compiles it.
    Value re = import_module("re");
    if (re.is_empty_slot()) return re;
    Value compile_repl = get_attr(re, "_subx");
    if (compile_repl.is_empty_slot()) return compile_repl;
    filter = call2(compile_repl, args[0], a[0]);
    if (filter.is_empty_slot()) return filter;
    callable_filter = is_callable(filter);
  }
  Subject s;
  if (!load_subject(a[1], &s)) return Value();
  StateLease lease;
  SreState& st = *lease;
  if (!init_state(p, s, 0, INT64_MAX, &st)) return Value();
  ListObject* out = new_list(0);
  if (!out) return Value();
  int64_t n = 0, i = 0;
  while (!count || n < count) {
    int r = sre_search(st, p->words());
    if (r < 0) return raise_engine_error(r);
    if (r == 0) break;
    if (i < st.start) {
      Value piece = slice_text(s.text, s.isbytes, i, st.start);
      if (piece.is_empty_slot() || !list_append(out, piece)) return Value();
    }
    Value item = filter;
    if (callable_filter) {
      Value m = new_match(p, s, st);
      if (m.is_empty_slot()) return m;
      item = call1(filter, m);
      if (item.is_empty_slot()) return item;
    }
    if (item != None && !list_append(out, item)) return Value();
    i = st.ptr;
    ++n;
    advance(st);
  }
  if (i < st.end) {
    Value piece = slice_text(s.text, s.isbytes, i, st.end);
    if (piece.is_empty_slot() || !list_append(out, piece)) return Value();
  }
  Value result = join_pieces(out, s.isbytes);
  if (result.is_empty_slot()) return result;
  if (!subn) return result;
  TupleObject* t = tuple_of({result, int_from_int64(n)});
  return t ? Value::from_obj(t) : Value();
}

Value pattern_sub(Value* a, int64_t n, TupleObject* k) { return subx(a, n, k, "sub", false); }
Value pattern_subn(Value* a, int64_t n, TupleObject* k) { return subx(a, n, k, "subn", true); }

Value pattern_copy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!args_none("Pattern.__copy__", nargs - 1, kwnames)) return Value();
  return args[0];
}
Value pattern_deepcopy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!args_one("Pattern.__deepcopy__", nargs - 1, kwnames)) return Value();
  return args[0];
}

// re.compile('...', re.IGNORECASE|re.DOTALL): the source's repr (cut at 200 chars) and flags.
Value pattern_repr(Value* args, int64_t, TupleObject*) {
  static const char* const kFlagNames[] = {"re.TEMPLATE", "re.IGNORECASE", "re.LOCALE", "re.MULTILINE",
                                           "re.DOTALL",   "re.UNICODE",    "re.VERBOSE", "re.DEBUG",
                                           "re.ASCII"};
  PatternObject* p = P(args[0]);
  Value r = repr(p->pattern);
  if (r.is_empty_slot()) return r;
  StrObject* rs = as_str(r);
  std::string text(rs->view());
  if (rs->length > 200) text = text.substr(0, str_byte_offset(rs, 200));
  std::string out = "re.compile(" + text;
  int64_t flags = p->flags;
  constexpr int64_t kLocale = 4, kUnicode = 32, kAscii = 256;
  if ((flags & (kLocale | kUnicode | kAscii)) == kUnicode) flags &= ~kUnicode;
  if (flags) {
    std::string names;
    for (int bit = 0; bit < 9; ++bit) {
      if (!(flags & (int64_t(1) << bit))) continue;
      if (!names.empty()) names += '|';
      names += kFlagNames[bit];
      flags &= ~(int64_t(1) << bit);
    }
    if (flags) {
      char hex[32];
      std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(flags));
      if (!names.empty()) names += '|';
      names += hex;
    }
    out += ", " + names;
  }
  out += ")";
  return str_value(out);
}

bool same_pattern(PatternObject* a, PatternObject* b, bool* equal) {
  *equal = a->flags == b->flags && a->isbytes == b->isbytes && a->ncode == b->ncode &&
           std::memcmp(a->words(), b->words(), a->ncode * 4) == 0;
  if (!*equal) return true;
  int r = rt::equal(a->pattern, b->pattern);
  if (r < 0) return false;
  *equal = r;
  return true;
}

Value pattern_eq_impl(Value* args, int64_t nargs, bool negate) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (!args[1].is_obj() || args[1].as_obj()->type != g_pattern_type) return NotImplemented;
  bool eq = true;
  if (args[0] != args[1] && !same_pattern(P(args[0]), P(args[1]), &eq)) return Value();
  return bool_value(eq != negate);
}
Value pattern_eq(Value* args, int64_t nargs, TupleObject*) { return pattern_eq_impl(args, nargs, false); }
Value pattern_ne(Value* args, int64_t nargs, TupleObject*) { return pattern_eq_impl(args, nargs, true); }

Value pattern_hash(Value* args, int64_t, TupleObject*) {
  PatternObject* p = P(args[0]);
  int64_t h = hash(p->pattern);
  if (h == -1 && has_pending_exception()) return Value();
  // FNV-1a over the code words, mixed with the source's hash and the flags.
  uint64_t code_hash = 1469598103934665603ull;
  const auto* bytes = reinterpret_cast<const unsigned char*>(p->words());
  for (int64_t i = 0; i < p->ncode * 4; ++i) code_hash = (code_hash ^ bytes[i]) * 1099511628211ull;
  int64_t result = h ^ static_cast<int64_t>(code_hash >> 1) ^ p->flags;
  if (result == -1) result = -2;
  return int_from_int64(result);
}

Value pattern_new(Value*, int64_t, TupleObject*) {
  return raise_msg(TypeErrorType, "cannot create 're.Pattern' instances");
}

Value get_pattern(Value self) { return P(self)->pattern; }
Value get_flags(Value self) { return int_from_int64(P(self)->flags); }
Value get_groups(Value self) { return int_from_int64(P(self)->groups); }
Value get_groupindex(Value self) {
  // A read-only proxy of the pattern's own dict, as CPython's (an empty dict when none).
  Value gi = P(self)->groupindex;
  if (!is_dict(gi)) {
    DictObject* d = new_dict();
    if (!d) return Value();
    gi = Value::from_obj(d);
  }
  return new_mapping_proxy(gi);
}

const NativeMethodDef kPatternMethods[] = {
    {"__new__", pattern_new, NativeMethodDef::Kind::StaticMethod},
    {"match", pattern_match},
    {"fullmatch", pattern_fullmatch},
    {"search", pattern_search},
    {"findall", pattern_findall},
    {"finditer", pattern_finditer},
    {"scanner", pattern_scanner},
    {"split", pattern_split},
    {"sub", pattern_sub},
    {"subn", pattern_subn},
    {"__copy__", pattern_copy},
    {"__deepcopy__", pattern_deepcopy},
    {"__repr__", pattern_repr},
    {"__eq__", pattern_eq},
    {"__ne__", pattern_ne},
    {"__hash__", pattern_hash},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kPatternGetSets[] = {
    {"pattern", get_pattern},
    {"flags", get_flags},
    {"groups", get_groups},
    {"groupindex", get_groupindex},
};

// ---- SRE_Scanner ----------------------------------------------------------------------------------
Value scanner_step(Value* args, int64_t nargs, TupleObject* kwnames, const char* fname, bool search) {
  if (!args_none(fname, nargs - 1, kwnames)) return Value();
  ScannerObject* sc = S(args[0]);
  if (sc->start < 0) return None;  // exhausted
  Subject s;
  subject_from_scanner(sc, &s);
  StateLease lease;
  SreState& st = *lease;
  if (!init_state(sc->pattern, s, sc->pos, sc->endpos, &st)) return Value();
  st.start = sc->start;
  st.must_advance = sc->must_advance;
  int r = search ? sre_search(st, sc->pattern->words()) : sre_match(st, sc->pattern->words());
  if (r < 0) return raise_engine_error(r);
  if (r == 0) {
    sc->start = -1;
    return None;
  }
  Value m = new_match(sc->pattern, s, st);
  sc->must_advance = st.ptr == st.start;
  sc->start = st.ptr;
  return m;
}
Value scanner_match(Value* a, int64_t n, TupleObject* k) { return scanner_step(a, n, k, "match", false); }
Value scanner_search(Value* a, int64_t n, TupleObject* k) { return scanner_step(a, n, k, "search", true); }
Value scanner_new(Value*, int64_t, TupleObject*) {
  return raise_msg(TypeErrorType, "cannot create '_sre.SRE_Scanner' instances");
}
Value scanner_pattern(Value self) { return Value::from_obj(S(self)->pattern); }

const NativeMethodDef kScannerMethods[] = {
    {"__new__", scanner_new, NativeMethodDef::Kind::StaticMethod},
    {"match", scanner_match},
    {"search", scanner_search},
};
const NativeGetSetDef kScannerGetSets[] = {{"pattern", scanner_pattern}};

// ---- module functions -----------------------------------------------------------------------------
Value sre_compile(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[6];
  if (!parse_args("compile", args, nargs, kwnames, {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"},
                  6, a))
    return Value();
  int64_t flags, groups;
  if (!is_int(a[1])) return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
  if (!int_to_int64(a[1], &flags)) return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  if (!is_list(a[2])) return raise_fmt(TypeErrorType, "compile() argument 'code' must be list, not %s", type_name(a[2]));
  if (!arg_index(a[3], 0, &groups)) return Value();
  if (!is_dict(a[4]))
    return raise_fmt(TypeErrorType, "compile() argument 'groupindex' must be dict, not %s", type_name(a[4]));
  if (!is_tuple(a[5]))
    return raise_fmt(TypeErrorType, "compile() argument 'indexgroup' must be tuple, not %s", type_name(a[5]));
  ListObject* code = as_list(a[2]);
  int64_t n = code->size;
  std::string words(static_cast<size_t>(n) * 4, '\0');
  auto* w = reinterpret_cast<uint32_t*>(words.data());
  for (int64_t i = 0; i < n; ++i) {
    Value item = code->items()[i];
    if (!is_int(item)) return raise_fmt(TypeErrorType, "an integer is required");
    int64_t v;
    if (!int_to_int64(item, &v) || v < 0 || v > 0xFFFFFFFFll) {
      if (int_sign(item) < 0) return raise_msg(OverflowErrorType, "can't convert negative value to unsigned int");
      return raise_msg(OverflowErrorType, "regular expression code size limit exceeded");
    }
    w[i] = static_cast<uint32_t>(v);
  }
  int32_t isbytes = -1;
  if (a[0] != None) {
    if (is_str(a[0])) {
      isbytes = 0;
    } else {
      ByteBuffer b;
      if (!require_buffer(a[0], &b)) return Value();
      isbytes = 1;
    }
  }
  if (groups < 0 || groups > kMaxGroups || !sre_validate(w, static_cast<size_t>(n), groups))
    return raise_msg(RuntimeErrorType, "invalid SRE code");
  BytesObject* holder = new_bytes(words);
  if (!holder) return Value();
  auto* p = static_cast<PatternObject*>(allocate_object(g_pattern_type, sizeof(PatternObject)));
  if (!p) return raise_memory_error();
  p->pattern = a[0];
  p->groupindex = a[4];
  p->indexgroup = a[5];
  p->code = holder;
  p->ncode = n;
  p->flags = flags;
  p->groups = groups;
  p->isbytes = isbytes;
  return Value::from_obj(p);
}

Value sre_getcodesize(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!args_none("getcodesize", nargs, kwnames)) return Value();
  return Value::from_small_int(4);
}

// The character argument of the case helpers, as a C int.
bool char_arg(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, uint32_t* out) {
  Value a[1];
  if (!parse_args(fname, args, nargs, kwnames, {"character"}, 1, a)) return false;
  if (!is_int(a[0])) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
    return false;
  }
  int64_t v;
  if (!int_to_int64(a[0], &v) || v > INT32_MAX || v < INT32_MIN) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<uint32_t>(v);
  return true;
}
Value sre_ascii_iscased(Value* a, int64_t n, TupleObject* k) {
  uint32_t ch;
  if (!char_arg("ascii_iscased", a, n, k, &ch)) return Value();
  return bool_value(ch < 128 && ((ch | 32) >= 'a' && (ch | 32) <= 'z'));
}
Value sre_unicode_iscased(Value* a, int64_t n, TupleObject* k) {
  uint32_t ch;
  if (!char_arg("unicode_iscased", a, n, k, &ch)) return Value();
  return bool_value(sre::sre_unicode_iscased(ch));
}
Value sre_ascii_tolower(Value* a, int64_t n, TupleObject* k) {
  uint32_t ch;
  if (!char_arg("ascii_tolower", a, n, k, &ch)) return Value();
  return int_from_int64(static_cast<int32_t>(sre_lower_ascii(ch)));
}
Value sre_unicode_tolower(Value* a, int64_t n, TupleObject* k) {
  uint32_t ch;
  if (!char_arg("unicode_tolower", a, n, k, &ch)) return Value();
  return int_from_int64(static_cast<int32_t>(sre_lower_unicode(ch)));
}

const NativeFunctionDef kSreFunctions[] = {
    {"compile", sre_compile},
    {"getcodesize", sre_getcodesize},
    {"ascii_iscased", sre_ascii_iscased},
    {"unicode_iscased", sre_unicode_iscased},
    {"ascii_tolower", sre_ascii_tolower},
    {"unicode_tolower", sre_unicode_tolower},
};

bool init_sre(ModuleObject* m) {
  if (!g_pattern_type) {
    g_pattern_type = make_native_type("re.Pattern", sizeof(PatternObject), visit_pattern, false);
    add_methods(g_pattern_type, kPatternMethods);
    add_getsets(g_pattern_type, kPatternGetSets);
    register_weakrefable_type(g_pattern_type);
    g_pattern_type->alloc = nullptr;  // object.__new__ must not make a half-built Pattern
    g_scanner_type = make_native_type("_sre.SRE_Scanner", sizeof(ScannerObject), visit_scanner, false);
    add_methods(g_scanner_type, kScannerMethods);
    add_getsets(g_scanner_type, kScannerGetSets);
    g_scanner_type->alloc = nullptr;
    g_scanner_type->finalize = [](Object* o) {
      auto* sc = static_cast<ScannerObject*>(o);
      if (sc->exports) {
        export_release(sc->exports);
        export_drop(sc->exports);
      }
    };
    if (!init_match_type()) return false;
  }
  return module_add(m, "MAGIC", int_from_int64(kMagic)) && module_add(m, "CODESIZE", Value::from_small_int(4)) &&
         module_add(m, "MAXREPEAT", int_from_int64(kMaxRepeat)) &&
         module_add(m, "MAXGROUPS", int_from_int64(kMaxGroups));
}

}  // namespace

// ---- shared helpers (sre_objects.h) ---------------------------------------------------------------
namespace {
// Idle scratch states of this thread; a nested use (a sub() callback matching again) just
// takes another one.
thread_local std::vector<SreState*> t_free_states;
}  // namespace

StateLease::StateLease() {
  if (t_free_states.empty()) {
    st_ = new SreState();
  } else {
    st_ = t_free_states.back();
    t_free_states.pop_back();
  }
}
StateLease::~StateLease() {
  if (t_free_states.size() < 8) t_free_states.push_back(st_);
  else delete st_;
}

bool load_subject(Value string, Subject* s) {
  s->string = string;
  if (is_str(string)) {
    s->isbytes = false;
    return load_str(string, s);
  }
  ByteBuffer b;
  if (!get_buffer(string, &b)) {
    raise_fmt(TypeErrorType, "expected string or bytes-like object, got '%s'", type_name(string));
    return false;
  }
  s->isbytes = true;
  if (is_exact(b.owner, BytesType)) {
    s->text = b.owner;
  } else {
    // Mutable or foreign storage: work on a snapshot so callbacks cannot move it.
    BytesObject* copy = new_bytes(b.data);
    if (!copy) return false;
    s->text = Value::from_obj(copy);
  }
  s->charsize = 1;
  s->buf = as_bytes(s->text)->data;
  s->length = as_bytes(s->text)->size;
  return true;
}

bool init_state(PatternObject* p, const Subject& s, int64_t pos, int64_t endpos, SreState* st) {
  if (p->isbytes == 0 && s.isbytes) {
    raise_msg(TypeErrorType, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  if (p->isbytes == 1 && !s.isbytes) {
    raise_msg(TypeErrorType, "cannot use a bytes pattern on a string-like object");
    return false;
  }
  if (pos < 0) pos = 0;
  else if (pos > s.length) pos = s.length;
  if (endpos < 0) endpos = 0;
  else if (endpos > s.length) endpos = s.length;
  st->must_advance = false;
  st->match_all = false;
  st->buf = s.buf;
  st->charsize = s.charsize;
  st->unicode = !s.isbytes;
  st->length = s.length;
  st->start = st->pos = pos;
  st->end = endpos;
  st->marks.assign(static_cast<size_t>(p->groups) * 2, -1);
  return true;
}

Value raise_engine_error(int code) {
  if (code == kErrInterrupted || has_pending_exception()) return Value();
  if (code == kErrMemory) return raise_memory_error();
  return raise_msg(RuntimeErrorType, "internal error in regular expression engine");
}

Value slice_text(Value text, bool isbytes, int64_t i, int64_t j) {
  if (j < i) j = i;
  if (isbytes) {
    BytesObject* b = as_bytes(text);
    if (i == 0 && j == b->size) return text;
    return bytes_value(b->view().substr(i, j - i));
  }
  StrObject* s = as_str(text);
  if (i == 0 && j == s->length) return text;
  if (i == j) return Value::from_obj(empty_str());
  if (s->is_ascii()) return str_value(s->view().substr(i, j - i));
  int64_t bi = str_byte_offset(s, i), bj = str_byte_offset(s, j);
  return str_value(s->view().substr(bi, bj - bi));
}

Value state_group(const SreState& st, const Subject& s, int64_t i, Value dflt) {
  int64_t m = (i - 1) * 2;
  if (m >= st.lastmark || st.marks[m] < 0 || st.marks[m + 1] < 0) return dflt;
  if (st.marks[m] > st.marks[m + 1])
    return raise_msg(SystemErrorType,
                     "The span of capturing group is wrong, please report a bug for the re module.");
  return slice_text(s.text, s.isbytes, st.marks[m], st.marks[m + 1]);
}

}  // namespace coil::lib::sre

namespace coil::lib {
extern const rt::NativeModuleDef kSreModule;
const rt::NativeModuleDef kSreModule = {"_sre", sre::kSreFunctions, std::size(sre::kSreFunctions), sre::init_sre};
}  // namespace coil::lib
