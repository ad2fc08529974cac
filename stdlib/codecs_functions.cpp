// codecs_functions.cpp — the codec functions of _codecs: each returns (result, consumed).
// UTF-8/ASCII/Latin-1 use runtime/codecs.cpp; UTF-16/32, charmap and the escape codecs are
// here. Errors other than 'strict' go through the error-handler registry (so custom handlers
// registered with codecs.register_error work too).
#include <string>

#include "frontend/unicode_names.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "stdlib/codecs_support.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

std::u32string to_cps(std::string_view utf8) {
  std::u32string out;
  const char* p = utf8.data();
  const char* e = p + utf8.size();
  while (p < e) out.push_back(decode_utf8(p));
  return out;
}

std::string errors_of(Value v) { return v.is_empty_slot() || v == None ? "strict" : std::string(as_str(v)->view()); }

bool final_of(Value v, bool* out) {
  if (v.is_empty_slot()) {
    *out = false;
    return true;
  }
  int t = is_true(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

Value pair(Value a, int64_t n) {
  if (a.is_empty_slot()) return a;
  return Value::from_obj(tuple_of({a, int_from_int64(n)}));
}

// Calls the error handler for a decoding error in data[start:end]; appends the replacement
// and returns the position to resume at (-1 on error).
int64_t decode_error(const char* encoding, std::string_view errors, std::string_view data, int64_t start, int64_t end,
                     const char* reason, std::string* out) {
  Value obj = bytes_value(data);
  Value eargs[5] = {str_value(encoding), obj, int_from_int64(start), int_from_int64(end), str_value(reason)};
  Value exc = call(Value::from_obj(UnicodeDecodeErrorType), eargs, 5);
  if (exc.is_empty_slot()) return -1;
  if (errors == "strict") return raise(exc), -1;
  Value h = lookup_error_handler(errors);
  if (h.is_empty_slot()) return -1;
  Value r = call1(h, exc);
  if (r.is_empty_slot()) return -1;
  if (!is_tuple(r) || as_tuple(r)->size != 2 || !is_str(as_tuple(r)->items[0]) || !is_int(as_tuple(r)->items[1])) {
    raise_msg(TypeErrorType, "decoding error handler must return (str, int) tuple");
    return -1;
  }
  out->append(as_str(as_tuple(r)->items[0])->view());
  int64_t pos;
  if (!int_to_int64(as_tuple(r)->items[1], &pos)) return -1;
  if (pos < 0) pos += static_cast<int64_t>(data.size());
  if (pos < 0 || pos > static_cast<int64_t>(data.size())) {
    raise_fmt(IndexErrorType, "position %lld from error handler out of bounds", static_cast<long long>(pos));
    return -1;
  }
  return pos;
}

// Calls the error handler for an encoding error in text[start:end]; the replacement's code
// points (a str result) or bytes (a bytes result, *is_bytes set) and the resume position.
int64_t encode_error(const char* encoding, std::string_view errors, Value text, int64_t start, int64_t end,
                     const char* reason, std::u32string* rep_chars, std::string* rep_bytes, bool* rep_is_bytes) {
  Value eargs[5] = {str_value(encoding), text, int_from_int64(start), int_from_int64(end), str_value(reason)};
  Value exc = call(Value::from_obj(UnicodeEncodeErrorType), eargs, 5);
  if (exc.is_empty_slot()) return -1;
  if (errors == "strict") return raise(exc), -1;
  Value h = lookup_error_handler(errors);
  if (h.is_empty_slot()) return -1;
  Value r = call1(h, exc);
  if (r.is_empty_slot()) return -1;
  if (!is_tuple(r) || as_tuple(r)->size != 2 || !is_int(as_tuple(r)->items[1]) ||
      !(is_str(as_tuple(r)->items[0]) || is_bytes(as_tuple(r)->items[0]))) {
    raise_msg(TypeErrorType, "encoding error handler must return (str/bytes, int) tuple");
    return -1;
  }
  Value rep = as_tuple(r)->items[0];
  *rep_is_bytes = is_bytes(rep);
  if (*rep_is_bytes) rep_bytes->assign(as_bytes(rep)->view());
  else *rep_chars = to_cps(as_str(rep)->view());
  int64_t pos;
  if (!int_to_int64(as_tuple(r)->items[1], &pos)) return -1;
  int64_t len = as_str(text)->length;
  if (pos < 0) pos += len;
  if (pos < 0 || pos > len) {
    raise_fmt(IndexErrorType, "position %lld from error handler out of bounds", static_cast<long long>(pos));
    return -1;
  }
  return pos;
}

bool str_arg(Value v, const char* fname) {
  if (is_str(v)) return true;
  raise_fmt(TypeErrorType, "%s() argument 1 must be str, not %s", fname, type_name(v));
  return false;
}
bool buf_arg(Value v, const char* fname, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  if (has_pending_exception()) return false;
  if (is_exact(v, MemoryViewType)) {
    Value b = call_method(v, intern("tobytes"), nullptr, 0);
    if (b.is_empty_slot()) return false;
    *out = as_bytes(b)->view();
    return true;
  }
  raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
  (void)fname;
  return false;
}

// ---- UTF-8 / ASCII / Latin-1 --------------------------------------------------------------------

size_t utf8_complete(std::string_view d) {
  size_t n = d.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    unsigned char c = static_cast<unsigned char>(d[n - back]);
    if ((c & 0xC0) == 0x80) continue;
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

Value simple_encode(Value* args, int64_t nargs, TupleObject* kw, const char* fname, const char* enc) {
  Value a[2];
  if (!parse_args(fname, args, nargs, kw, {"str", "errors"}, 1, a)) return Value();
  if (!str_arg(a[0], fname)) return Value();
  std::string errors = errors_of(a[1]);
  Value b = codec_encode(as_str(a[0]), enc, errors);
  return pair(b, as_str(a[0])->length);
}

Value simple_decode(Value* args, int64_t nargs, TupleObject* kw, const char* fname, const char* enc, bool has_final) {
  Value a[3];
  if (!parse_args(fname, args, nargs, kw, {"data", "errors", "final"}, 1, a)) return Value();
  std::string_view d;
  if (!buf_arg(a[0], fname, &d)) return Value();
  bool final = true;
  if (has_final && !final_of(a[2], &final)) return Value();
  std::string errors = errors_of(a[1]);
  size_t n = final ? d.size() : utf8_complete(d);
  Value s = codec_decode(d.substr(0, n), enc, errors);
  return pair(s, static_cast<int64_t>(n));
}

Value utf_8_encode(Value* a, int64_t n, TupleObject* k) { return simple_encode(a, n, k, "utf_8_encode", "utf-8"); }
Value utf_8_decode(Value* a, int64_t n, TupleObject* k) { return simple_decode(a, n, k, "utf_8_decode", "utf-8", true); }
Value ascii_encode(Value* a, int64_t n, TupleObject* k) { return simple_encode(a, n, k, "ascii_encode", "ascii"); }
Value ascii_decode(Value* a, int64_t n, TupleObject* k) { return simple_decode(a, n, k, "ascii_decode", "ascii", false); }
Value latin_1_encode(Value* a, int64_t n, TupleObject* k) { return simple_encode(a, n, k, "latin_1_encode", "latin-1"); }
Value latin_1_decode(Value* a, int64_t n, TupleObject* k) {
  return simple_decode(a, n, k, "latin_1_decode", "latin-1", false);
}

// ---- UTF-16 / UTF-32 ----------------------------------------------------------------------------

// width 2 or 4; order -1 little, 1 big.
void put_unit(std::string& out, uint32_t u, int width, int order) {
  for (int i = 0; i < width; ++i) {
    int shift = order < 0 ? 8 * i : 8 * (width - 1 - i);
    out.push_back(static_cast<char>((u >> shift) & 0xFF));
  }
}
uint32_t get_unit(const unsigned char* p, int width, int order) {
  uint32_t u = 0;
  for (int i = 0; i < width; ++i) {
    int shift = order < 0 ? 8 * i : 8 * (width - 1 - i);
    u |= static_cast<uint32_t>(p[i]) << shift;
  }
  return u;
}

const char* utf_name(int width, int order) {
  if (width == 2) return order < 0 ? "utf-16-le" : "utf-16-be";
  return order < 0 ? "utf-32-le" : "utf-32-be";
}

// `named_order`: the codec's name carries the byte order (utf_16_be_encode...), as CPython's
// error messages do.
Value utf_encode(Value text, std::string_view errors, int width, int order, bool bom, bool named_order) {
  std::string out;
  if (bom) put_unit(out, 0xFEFF, width, order);
  std::u32string cps = to_cps(as_str(text)->view());
  const char* name = named_order ? utf_name(width, order) : width == 2 ? "utf-16" : "utf-32";
  auto emit = [&](uint32_t c) {
    if (width == 2 && c >= 0x10000) {
      c -= 0x10000;
      put_unit(out, 0xD800 | (c >> 10), 2, order);
      put_unit(out, 0xDC00 | (c & 0x3FF), 2, order);
    } else {
      put_unit(out, c, width, order);
    }
  };
  for (size_t i = 0; i < cps.size();) {
    uint32_t c = cps[i];
    if (c >= 0xD800 && c <= 0xDFFF) {
      size_t j = i;
      while (j < cps.size() && cps[j] >= 0xD800 && cps[j] <= 0xDFFF) ++j;
      std::u32string rc;
      std::string rb;
      bool isb = false;
      int64_t pos = encode_error(name, errors, text, static_cast<int64_t>(i), static_cast<int64_t>(j),
                                 "surrogates not allowed", &rc, &rb, &isb);
      if (pos < 0) return Value();
      if (isb) {
        if (rb.size() % width) {
          Value eargs[5] = {str_value(name), text, int_from_int64(static_cast<int64_t>(i)),
                            int_from_int64(static_cast<int64_t>(j)), str_value("surrogates not allowed")};
          Value exc = call(Value::from_obj(UnicodeEncodeErrorType), eargs, 5);
          return exc.is_empty_slot() ? exc : raise(exc);
        }
        out += rb;
      } else {
        for (char32_t r : rc) {
          if (r >= 0xD800 && r <= 0xDFFF) {
            Value eargs[5] = {str_value(name), text, int_from_int64(static_cast<int64_t>(i)),
                              int_from_int64(static_cast<int64_t>(j)), str_value("surrogates not allowed")};
            Value exc = call(Value::from_obj(UnicodeEncodeErrorType), eargs, 5);
            return exc.is_empty_slot() ? exc : raise(exc);
          }
          emit(r);
        }
      }
      i = static_cast<size_t>(pos);
      continue;
    }
    emit(c);
    ++i;
  }
  return bytes_value(out);
}

// Decodes data with a fixed byte order; *consumed gets the bytes used (a partial unit or a
// lone leading surrogate at the end stay unconsumed unless final).
Value utf_decode(std::string_view d, std::string_view errors, int width, int order, bool final, int64_t* consumed,
                 size_t start = 0) {
  std::string out;
  const auto* p = reinterpret_cast<const unsigned char*>(d.data());
  size_t n = d.size();
  size_t i = start;
  const char* name = utf_name(width, order);
  while (i < n) {
    if (i + width > n) {
      if (!final) break;
      int64_t r = decode_error(name, errors, d, static_cast<int64_t>(i), static_cast<int64_t>(n), "truncated data", &out);
      if (r < 0) return Value();
      i = static_cast<size_t>(r);
      continue;
    }
    uint32_t u = get_unit(p + i, width, order);
    if (width == 2 && u >= 0xD800 && u <= 0xDFFF) {
      if (u <= 0xDBFF) {
        if (i + 4 > n) {
          if (!final) break;
          int64_t r = decode_error(name, errors, d, static_cast<int64_t>(i), static_cast<int64_t>(n),
                                   "unexpected end of data", &out);
          if (r < 0) return Value();
          i = static_cast<size_t>(r);
          continue;
        }
        uint32_t lo = get_unit(p + i + 2, 2, order);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
          i += 4;
          continue;
        }
        int64_t r = decode_error(name, errors, d, static_cast<int64_t>(i), static_cast<int64_t>(i + 2),
                                 "illegal UTF-16 surrogate", &out);
        if (r < 0) return Value();
        i = static_cast<size_t>(r);
        continue;
      }
      int64_t r = decode_error(name, errors, d, static_cast<int64_t>(i), static_cast<int64_t>(i + 2),
                               "illegal encoding", &out);
      if (r < 0) return Value();
      i = static_cast<size_t>(r);
      continue;
    }
    if (width == 4 && (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))) {
      int64_t r = decode_error(name, errors, d, static_cast<int64_t>(i), static_cast<int64_t>(i + 4),
                               u > 0x10FFFF ? "code point not in range(0x110000)"
                                            : "code point in surrogate code point range(0xd800, 0xe000)",
                               &out);
      if (r < 0) return Value();
      i = static_cast<size_t>(r);
      continue;
    }
    append_utf8(out, u);
    i += width;
  }
  *consumed = static_cast<int64_t>(i);
  return str_value(out);
}

// Reads a BOM at the start: -1 little, 1 big, 0 none.
int detect_bom(std::string_view d, int width) {
  const auto* p = reinterpret_cast<const unsigned char*>(d.data());
  if (d.size() < static_cast<size_t>(width)) return 0;
  uint32_t le = get_unit(p, width, -1), be = get_unit(p, width, 1);
  if (le == 0xFEFF) return -1;
  if (be == 0xFEFF) return 1;
  return 0;
}

Value utf_encode_fn(Value* args, int64_t nargs, TupleObject* kw, const char* fname, int width, int fixed_order) {
  Value a[3];
  bool has_bo = fixed_order == 0;
  if (!parse_args(fname, args, nargs, kw, has_bo ? std::initializer_list<const char*>{"str", "errors", "byteorder"}
                                                 : std::initializer_list<const char*>{"str", "errors"},
                  1, a))
    return Value();
  if (!str_arg(a[0], fname)) return Value();
  int64_t bo = 0;
  if (has_bo && !a[2].is_empty_slot() && !int_to_int64(a[2], &bo)) return Value();
  int order = fixed_order ? fixed_order : bo == 0 ? -1 : bo < 0 ? -1 : 1;
  bool bom = fixed_order == 0 && bo == 0;
  Value b = utf_encode(a[0], errors_of(a[1]), width, order, bom, fixed_order != 0);
  return pair(b, as_str(a[0])->length);
}

Value utf_decode_fn(Value* args, int64_t nargs, TupleObject* kw, const char* fname, int width, int fixed_order,
                    bool ex) {
  Value a[4];
  std::initializer_list<const char*> names =
      ex ? std::initializer_list<const char*>{"data", "errors", "byteorder", "final"}
         : std::initializer_list<const char*>{"data", "errors", "final"};
  if (!parse_args(fname, args, nargs, kw, names, 1, a)) return Value();
  std::string_view d;
  if (!buf_arg(a[0], fname, &d)) return Value();
  int64_t bo = 0;
  if (ex && !a[2].is_empty_slot() && !int_to_int64(a[2], &bo)) return Value();
  bool final = false;
  if (!final_of(ex ? a[3] : a[2], &final)) return Value();
  int order = fixed_order;
  size_t start = 0;
  if (!order) {
    order = bo < 0 ? -1 : bo > 0 ? 1 : 0;
    if (order == 0) {
      int b = detect_bom(d, width);
      if (b) {
        order = b;
        start = static_cast<size_t>(width);
      }
    }
  }
  int detected = order;
  if (!order) order = -1;
  int64_t consumed = 0;
  Value s = utf_decode(d, errors_of(a[1]), width, order, final, &consumed, start);
  if (s.is_empty_slot()) return s;
  if (ex) return Value::from_obj(tuple_of({s, int_from_int64(consumed), int_from_int64(detected)}));
  return pair(s, consumed);
}

#define UTF_FNS(W, N)                                                                                         \
  Value utf_##N##_encode(Value* a, int64_t n, TupleObject* k) {                                               \
    return utf_encode_fn(a, n, k, "utf_" #N "_encode", W, 0);                                                 \
  }                                                                                                           \
  Value utf_##N##_le_encode(Value* a, int64_t n, TupleObject* k) {                                            \
    return utf_encode_fn(a, n, k, "utf_" #N "_le_encode", W, -1);                                             \
  }                                                                                                           \
  Value utf_##N##_be_encode(Value* a, int64_t n, TupleObject* k) {                                            \
    return utf_encode_fn(a, n, k, "utf_" #N "_be_encode", W, 1);                                              \
  }                                                                                                           \
  Value utf_##N##_decode(Value* a, int64_t n, TupleObject* k) {                                               \
    return utf_decode_fn(a, n, k, "utf_" #N "_decode", W, 0, false);                                          \
  }                                                                                                           \
  Value utf_##N##_le_decode(Value* a, int64_t n, TupleObject* k) {                                            \
    return utf_decode_fn(a, n, k, "utf_" #N "_le_decode", W, -1, false);                                      \
  }                                                                                                           \
  Value utf_##N##_be_decode(Value* a, int64_t n, TupleObject* k) {                                            \
    return utf_decode_fn(a, n, k, "utf_" #N "_be_decode", W, 1, false);                                       \
  }                                                                                                           \
  Value utf_##N##_ex_decode(Value* a, int64_t n, TupleObject* k) {                                            \
    return utf_decode_fn(a, n, k, "utf_" #N "_ex_decode", W, 0, true);                                        \
  }
UTF_FNS(2, 16)
UTF_FNS(4, 32)
#undef UTF_FNS

// ---- charmap ------------------------------------------------------------------------------------

Value charmap_build(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("charmap_build", kw) || !check_positional("charmap_build", nargs, 1, 1)) return Value();
  if (!str_arg(args[0], "charmap_build")) return Value();
  DictObject* d = new_dict();
  if (!d) return Value();
  std::u32string cps = to_cps(as_str(args[0])->view());
  for (size_t i = 0; i < cps.size(); ++i)
    if (!dict_set(d, int_from_int64(cps[i]), int_from_int64(static_cast<int64_t>(i)))) return Value();
  return Value::from_obj(d);
}

Value charmap_decode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[3];
  if (!parse_args("charmap_decode", args, nargs, kw, {"data", "errors", "mapping"}, 1, a)) return Value();
  std::string_view d;
  if (!buf_arg(a[0], "charmap_decode", &d)) return Value();
  std::string errors = errors_of(a[1]);
  Value mapping = a[2].is_empty_slot() ? None : a[2];
  if (mapping == None) return pair(codec_decode(d, "latin-1", errors), static_cast<int64_t>(d.size()));
  std::u32string table;
  bool is_table = is_str(mapping);
  if (is_table) table = to_cps(as_str(mapping)->view());
  std::string out;
  for (size_t i = 0; i < d.size();) {
    unsigned char b = static_cast<unsigned char>(d[i]);
    bool undefined = false;
    if (is_table) {
      if (b >= table.size() || table[b] == 0xFFFE) undefined = true;
      else append_utf8(out, table[b]);
    } else {
      Value v = get_item(mapping, Value::from_small_int(b));
      if (v.is_empty_slot()) {
        if (!pending_matches(LookupErrorType)) return Value();
        clear_exception();
        undefined = true;
      } else if (v == None) {
        undefined = true;
      } else if (is_int(v)) {
        int64_t cp;
        if (!int_to_int64(v, &cp)) return Value();
        if (cp < 0 || cp > 0x10FFFF) return raise_msg(TypeErrorType, "character mapping must be in range(0x110000)");
        if (cp == 0xFFFE) undefined = true;
        else append_utf8(out, static_cast<uint32_t>(cp));
      } else if (is_str(v)) {
        if (as_str(v)->view() == "\xEF\xBF\xBE") undefined = true;
        else out.append(as_str(v)->view());
      } else {
        return raise_msg(TypeErrorType, "character mapping must return integer, None or str");
      }
    }
    if (undefined) {
      int64_t r = decode_error("charmap", errors, d, static_cast<int64_t>(i), static_cast<int64_t>(i + 1),
                               "character maps to <undefined>", &out);
      if (r < 0) return Value();
      i = static_cast<size_t>(r);
      continue;
    }
    ++i;
  }
  return pair(str_value(out), static_cast<int64_t>(d.size()));
}

// Encodes one code point through the mapping; false (no exception) when unmapped.
bool charmap_one(Value mapping, uint32_t c, std::string* out, bool* failed) {
  Value v = get_item(mapping, int_from_int64(c));
  if (v.is_empty_slot()) {
    if (!pending_matches(LookupErrorType)) {
      *failed = true;
      return false;
    }
    clear_exception();
    return false;
  }
  if (v == None) return false;
  if (is_int(v)) {
    int64_t b;
    if (!int_to_int64(v, &b)) {
      *failed = true;
      return false;
    }
    if (b < 0 || b > 255) {
      raise_msg(TypeErrorType, "character mapping must be in range(256)");
      *failed = true;
      return false;
    }
    out->push_back(static_cast<char>(b));
    return true;
  }
  if (is_bytes(v)) {
    out->append(as_bytes(v)->view());
    return true;
  }
  raise_msg(TypeErrorType, "character mapping must return integer, bytes or None, not str");
  *failed = true;
  return false;
}

Value charmap_encode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[3];
  if (!parse_args("charmap_encode", args, nargs, kw, {"str", "errors", "mapping"}, 1, a)) return Value();
  if (!str_arg(a[0], "charmap_encode")) return Value();
  std::string errors = errors_of(a[1]);
  Value mapping = a[2].is_empty_slot() ? None : a[2];
  if (mapping == None) return pair(codec_encode(as_str(a[0]), "latin-1", errors), as_str(a[0])->length);
  std::u32string cps = to_cps(as_str(a[0])->view());
  std::string out;
  for (size_t i = 0; i < cps.size();) {
    bool failed = false;
    if (charmap_one(mapping, cps[i], &out, &failed)) {
      ++i;
      continue;
    }
    if (failed) return Value();
    size_t j = i + 1;
    while (j < cps.size()) {
      std::string probe;
      if (charmap_one(mapping, cps[j], &probe, &failed)) break;
      if (failed) return Value();
      ++j;
    }
    std::u32string rc;
    std::string rb;
    bool isb = false;
    int64_t pos = encode_error("charmap", errors, a[0], static_cast<int64_t>(i), static_cast<int64_t>(j),
                               "character maps to <undefined>", &rc, &rb, &isb);
    if (pos < 0) return Value();
    if (isb) out += rb;
    for (char32_t r : rc) {
      if (!charmap_one(mapping, r, &out, &failed)) {
        if (failed) return Value();
        Value eargs[5] = {str_value("charmap"), a[0], int_from_int64(static_cast<int64_t>(i)),
                          int_from_int64(static_cast<int64_t>(j)), str_value("character maps to <undefined>")};
        Value exc = call(Value::from_obj(UnicodeEncodeErrorType), eargs, 5);
        return exc.is_empty_slot() ? exc : raise(exc);
      }
    }
    i = static_cast<size_t>(pos);
  }
  return pair(bytes_value(out), as_str(a[0])->length);
}

// ---- UTF-7 (RFC 2152, as CPython encodes it: set O and whitespace direct) ---------------------

// 0: set D, 1: set O, 2: whitespace, 3: must be base64-encoded.
const unsigned char kUtf7Category[128] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3,
};
const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool utf7_direct(uint32_t c) { return c > 0 && c < 128 && kUtf7Category[c] != 3; }
bool is_base64(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
uint32_t from_base64(uint32_t c) {
  return c >= 'a' ? c - 'a' + 26 : c >= 'A' ? c - 'A' : c >= '0' ? c - '0' + 52 : c == '+' ? 62 : 63;
}

Value utf_7_encode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!parse_args("utf_7_encode", args, nargs, kw, {"str", "errors"}, 1, a)) return Value();
  if (!str_arg(a[0], "utf_7_encode")) return Value();
  std::string out;
  bool in_shift = false;
  int bits = 0;
  uint64_t buf = 0;
  auto put16 = [&](uint32_t unit) {
    bits += 16;
    buf = (buf << 16) | unit;
    while (bits >= 6) {
      out.push_back(kBase64[(buf >> (bits - 6)) & 0x3F]);
      bits -= 6;
    }
  };
  for (char32_t c : to_cps(as_str(a[0])->view())) {
    if (in_shift && utf7_direct(c)) {
      if (bits) {
        out.push_back(kBase64[(buf << (6 - bits)) & 0x3F]);
        buf = 0;
        bits = 0;
      }
      in_shift = false;
      // Only base64 characters and '-' need an explicit end of the shift sequence.
      if (is_base64(c) || c == '-') out.push_back('-');
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (!in_shift) {
      if (c == '+') {
        out += "+-";
        continue;
      }
      if (utf7_direct(c)) {
        out.push_back(static_cast<char>(c));
        continue;
      }
      out.push_back('+');
      in_shift = true;
    }
    if (c >= 0x10000) {
      put16(0xD800 | ((c - 0x10000) >> 10));
      put16(0xDC00 | ((c - 0x10000) & 0x3FF));
    } else {
      put16(c);
    }
  }
  if (bits) out.push_back(kBase64[(buf << (6 - bits)) & 0x3F]);
  if (in_shift) out.push_back('-');
  return pair(bytes_value(out), as_str(a[0])->length);
}

Value utf_7_decode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[3];
  if (!parse_args("utf_7_decode", args, nargs, kw, {"data", "errors", "final"}, 1, a)) return Value();
  std::string_view d;
  if (!buf_arg(a[0], "utf_7_decode", &d)) return Value();
  bool final = false;
  if (!final_of(a[2], &final)) return Value();
  std::string errors = errors_of(a[1]);
  std::string out;
  bool in_shift = false;
  int bits = 0;
  uint64_t buf = 0;
  uint32_t surrogate = 0;
  size_t shift_out_start = 0, start = 0, i = 0;
  const char* errmsg = nullptr;
  while (i < d.size()) {
    uint32_t c = static_cast<unsigned char>(d[i]);
    if (in_shift) {
      if (is_base64(c)) {
        buf = (buf << 6) | from_base64(c);
        bits += 6;
        ++i;
        if (bits >= 16) {
          uint32_t u = static_cast<uint32_t>(buf >> (bits - 16));
          bits -= 16;
          buf &= (uint64_t(1) << bits) - 1;
          if (surrogate) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
              append_utf8(out, 0x10000 + ((surrogate - 0xD800) << 10) + (u - 0xDC00));
              surrogate = 0;
              continue;
            }
            append_utf8(out, surrogate);
            surrogate = 0;
          }
          if (u >= 0xD800 && u <= 0xDBFF) surrogate = u;
          else append_utf8(out, u);
        }
        continue;
      }
      in_shift = false;
      if (bits > 6) {
        ++i;
        errmsg = "partial character in shift sequence";
      } else if (bits > 0 && buf != 0) {
        ++i;
        errmsg = "non-zero padding bits in shift sequence";
      } else {
        if (surrogate) {
          append_utf8(out, surrogate);
          surrogate = 0;
        }
        if (c == '-') ++i;  // '-' is absorbed; other terminating characters are kept
        continue;
      }
    } else if (c == '+') {
      start = i++;
      if (i < d.size() && d[i] == '-') {
        ++i;
        out.push_back('+');
        continue;
      }
      if (i < d.size() && !is_base64(static_cast<unsigned char>(d[i]))) {
        ++i;
        errmsg = "ill-formed sequence";
      } else {
        in_shift = true;
        surrogate = 0;
        shift_out_start = out.size();
        bits = 0;
        buf = 0;
        continue;
      }
    } else if (c < 128) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    } else {
      start = i++;
      errmsg = "unexpected special character";
    }
    int64_t r = decode_error("utf7", errors, d, static_cast<int64_t>(start), static_cast<int64_t>(i), errmsg, &out);
    if (r < 0) return Value();
    i = static_cast<size_t>(r);
  }
  if (in_shift && final) {
    in_shift = false;
    if (surrogate || bits >= 6 || (bits > 0 && buf != 0)) {
      int64_t r = decode_error("utf7", errors, d, static_cast<int64_t>(start), static_cast<int64_t>(d.size()),
                               "unterminated shift sequence", &out);
      if (r < 0) return Value();
    } else if (surrogate) {
      append_utf8(out, surrogate);
    }
  }
  int64_t consumed = static_cast<int64_t>(d.size());
  if (in_shift) {  // not final: the shift sequence waits for more input
    consumed = static_cast<int64_t>(start);
    out.resize(shift_out_start);
  }
  return pair(str_value(out), consumed);
}

// ---- escape codecs ------------------------------------------------------------------------------

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value escape_encode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!parse_args("escape_encode", args, nargs, kw, {"data", "errors"}, 1, a)) return Value();
  if (!is_bytes(a[0])) return raise_fmt(TypeErrorType, "escape_encode() argument 1 must be bytes, not %s", type_name(a[0]));
  std::string_view d = as_bytes(a[0])->view();
  std::string out;
  char buf[8];
  for (unsigned char c : d) {
    if (c == '\\' || c == '\'') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out.push_back(static_cast<char>(c));
  }
  return pair(bytes_value(out), static_cast<int64_t>(d.size()));
}

// Decodes backslash escapes shared by bytes and str literals; `unicode` adds \u \U \N.
// Returns false with an exception pending.
bool unescape(std::string_view d, bool unicode, std::string_view errors, std::string* out) {
  for (size_t i = 0; i < d.size();) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    if (c != '\\') {
      if (unicode) append_utf8(*out, c);
      else out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t start = i;
    if (++i >= d.size()) {
      if (!unicode) return raise_msg(ValueErrorType, "Trailing \\ in string"), false;
      int64_t r = decode_error("unicodeescape", errors, d, static_cast<int64_t>(start),
                               static_cast<int64_t>(d.size()), "\\ at end of string", out);
      if (r < 0) return false;
      i = static_cast<size_t>(r);
      continue;
    }
    char e = d[i++];
    auto emit = [&](uint32_t cp) {
      if (unicode) append_utf8(*out, cp);
      else out->push_back(static_cast<char>(cp));
    };
    switch (e) {
      case '\n': break;
      case '\\': emit('\\'); break;
      case '\'': emit('\''); break;
      case '"': emit('"'); break;
      case 'a': emit('\a'); break;
      case 'b': emit('\b'); break;
      case 'f': emit('\f'); break;
      case 'n': emit('\n'); break;
      case 'r': emit('\r'); break;
      case 't': emit('\t'); break;
      case 'v': emit('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2 && i < d.size() && d[i] >= '0' && d[i] <= '7'; ++k) v = v * 8 + (d[i++] - '0');
        emit(unicode ? v : (v & 0xFF));
        break;
      }
      case 'x': case 'u': case 'U': {
        if (!unicode && e != 'x') {
          out->push_back('\\');
          out->push_back(e);
          break;
        }
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        int k = 0;
        for (; k < digits && i < d.size() && hexval(d[i]) >= 0; ++k) v = v * 16 + hexval(d[i++]);
        if (k < digits || (unicode && v > 0x10FFFF)) {
          if (!unicode) {
            raise_fmt(ValueErrorType, "invalid \\x escape at position %zu", start);
            return false;
          }
          const char* why = k < digits ? (e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                                       : "truncated \\UXXXXXXXX escape")
                                       : "illegal Unicode character";
          int64_t r = decode_error("unicodeescape", errors, d, static_cast<int64_t>(start), static_cast<int64_t>(i),
                                   why, out);
          if (r < 0) return false;
          i = static_cast<size_t>(r);
          break;
        }
        emit(v);
        break;
      }
      case 'N': {
        if (!unicode) {
          out->push_back('\\');
          out->push_back('N');
          break;
        }
        size_t close = d.find('}', i);
        int32_t cp = -1;
        if (i < d.size() && d[i] == '{' && close != std::string_view::npos)
          cp = fe::lookup_unicode_name(d.substr(i + 1, close - i - 1));
        if (cp < 0) {
          size_t end = close == std::string_view::npos ? d.size() : close + 1;
          int64_t r = decode_error("unicodeescape", errors, d, static_cast<int64_t>(start), static_cast<int64_t>(end),
                                   "malformed \\N character escape", out);
          if (r < 0) return false;
          i = static_cast<size_t>(r);
          break;
        }
        append_utf8(*out, static_cast<uint32_t>(cp));
        i = close + 1;
        break;
      }
      default:
        emit('\\');
        emit(static_cast<unsigned char>(e));
        break;
    }
  }
  return true;
}

Value escape_decode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!parse_args("escape_decode", args, nargs, kw, {"data", "errors"}, 1, a)) return Value();
  std::string_view d;
  if (is_str(a[0])) d = as_str(a[0])->view();
  else if (!buf_arg(a[0], "escape_decode", &d)) return Value();
  std::string out;
  if (!unescape(d, false, errors_of(a[1]), &out)) return Value();
  return pair(bytes_value(out), static_cast<int64_t>(d.size()));
}

Value unicode_escape_decode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[3];
  if (!parse_args("unicode_escape_decode", args, nargs, kw, {"data", "errors", "final"}, 1, a)) return Value();
  std::string_view d;
  if (is_str(a[0])) d = as_str(a[0])->view();
  else if (!buf_arg(a[0], "unicode_escape_decode", &d)) return Value();
  std::string out;
  if (!unescape(d, true, errors_of(a[1]), &out)) return Value();
  return pair(str_value(out), static_cast<int64_t>(d.size()));
}

void escape_cp(std::string& out, uint32_t c, bool raw) {
  char buf[16];
  if (raw && c < 0x100) {
    out.push_back(static_cast<char>(c));
    return;
  }
  if (c == '\\' && !raw) out += "\\\\";
  else if (c == '\t' && !raw) out += "\\t";
  else if (c == '\n' && !raw) out += "\\n";
  else if (c == '\r' && !raw) out += "\\r";
  else if (c >= 0x20 && c < 0x7F) out.push_back(static_cast<char>(c));
  else {
    if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
    else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
    else std::snprintf(buf, sizeof buf, "\\U%08x", c);
    out += buf;
  }
}

Value escape_str_encode(Value* args, int64_t nargs, TupleObject* kw, const char* fname, bool raw) {
  Value a[2];
  if (!parse_args(fname, args, nargs, kw, {"str", "errors"}, 1, a)) return Value();
  if (!str_arg(a[0], fname)) return Value();
  std::string out;
  for (char32_t c : to_cps(as_str(a[0])->view())) escape_cp(out, c, raw);
  return pair(bytes_value(out), as_str(a[0])->length);
}
Value unicode_escape_encode(Value* a, int64_t n, TupleObject* k) {
  return escape_str_encode(a, n, k, "unicode_escape_encode", false);
}
Value raw_unicode_escape_encode(Value* a, int64_t n, TupleObject* k) {
  return escape_str_encode(a, n, k, "raw_unicode_escape_encode", true);
}

Value raw_unicode_escape_decode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[3];
  if (!parse_args("raw_unicode_escape_decode", args, nargs, kw, {"data", "errors", "final"}, 1, a)) return Value();
  std::string_view d;
  if (is_str(a[0])) d = as_str(a[0])->view();
  else if (!buf_arg(a[0], "raw_unicode_escape_decode", &d)) return Value();
  std::string errors = errors_of(a[1]);
  std::string out;
  for (size_t i = 0; i < d.size();) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    // Only \u and \U after an odd run of backslashes are escapes.
    if (c == '\\' && i + 1 < d.size() && (d[i + 1] == 'u' || d[i + 1] == 'U')) {
      size_t start = i;
      int digits = d[i + 1] == 'u' ? 4 : 8;
      size_t j = i + 2;
      uint32_t v = 0;
      int k = 0;
      for (; k < digits && j < d.size() && hexval(d[j]) >= 0; ++k) v = v * 16 + hexval(d[j++]);
      if (k < digits || v > 0x10FFFF) {
        int64_t r = decode_error("rawunicodeescape", errors, d, static_cast<int64_t>(start), static_cast<int64_t>(j),
                                 k < digits ? (digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape")
                                            : "\\Uxxxxxxxx out of range",
                                 &out);
        if (r < 0) return Value();
        i = static_cast<size_t>(r);
        continue;
      }
      append_utf8(out, v);
      i = j;
      continue;
    }
    if (c == '\\') {
      // A pair of backslashes is literal and does not start an escape.
      out += '\\';
      ++i;
      if (i < d.size() && d[i] == '\\') {
        out += '\\';
        ++i;
      }
      continue;
    }
    append_utf8(out, c);
    ++i;
  }
  return pair(str_value(out), static_cast<int64_t>(d.size()));
}

Value readbuffer_encode(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[2];
  if (!parse_args("readbuffer_encode", args, nargs, kw, {"data", "errors"}, 1, a)) return Value();
  std::string_view d;
  if (is_str(a[0])) d = as_str(a[0])->view();
  else if (!buf_arg(a[0], "readbuffer_encode", &d)) return Value();
  return pair(bytes_value(d), static_cast<int64_t>(d.size()));
}

const NativeFunctionDef kCodecFunctions[] = {
    {"utf_8_encode", utf_8_encode},
    {"utf_8_decode", utf_8_decode},
    {"ascii_encode", ascii_encode},
    {"ascii_decode", ascii_decode},
    {"latin_1_encode", latin_1_encode},
    {"latin_1_decode", latin_1_decode},
    {"utf_16_encode", utf_16_encode},
    {"utf_16_le_encode", utf_16_le_encode},
    {"utf_16_be_encode", utf_16_be_encode},
    {"utf_16_decode", utf_16_decode},
    {"utf_16_le_decode", utf_16_le_decode},
    {"utf_16_be_decode", utf_16_be_decode},
    {"utf_16_ex_decode", utf_16_ex_decode},
    {"utf_32_encode", utf_32_encode},
    {"utf_32_le_encode", utf_32_le_encode},
    {"utf_32_be_encode", utf_32_be_encode},
    {"utf_32_decode", utf_32_decode},
    {"utf_32_le_decode", utf_32_le_decode},
    {"utf_32_be_decode", utf_32_be_decode},
    {"utf_32_ex_decode", utf_32_ex_decode},
    {"utf_7_encode", utf_7_encode},
    {"utf_7_decode", utf_7_decode},
    {"charmap_build", charmap_build},
    {"charmap_decode", charmap_decode},
    {"charmap_encode", charmap_encode},
    {"escape_encode", escape_encode},
    {"escape_decode", escape_decode},
    {"unicode_escape_encode", unicode_escape_encode},
    {"unicode_escape_decode", unicode_escape_decode},
    {"raw_unicode_escape_encode", raw_unicode_escape_encode},
    {"raw_unicode_escape_decode", raw_unicode_escape_decode},
    {"readbuffer_encode", readbuffer_encode},
};

}  // namespace

bool add_codec_functions(ModuleObject* m) {
  Value mod_name = str_value("_codecs");
  for (const NativeFunctionDef& d : kCodecFunctions) {
    NativeFunctionObject* f = new_native_function(d.name, d.fn, Value(), mod_name, nullptr);
    if (!f || !module_add(m, d.name, Value::from_obj(f))) return false;
  }
  return true;
}

}  // namespace coil::lib
