// codecs.cpp — UTF-8 / ASCII / Latin-1 encoding and decoding with error handlers, and the
// Unicode{De,En}codeError objects (attributes and str()) they raise.
//
// Error ranges follow CPython so messages and replacement counts match: a bad UTF-8
// sequence covers its lead byte plus the continuation bytes that were valid so far
// ("invalid continuation byte"), or runs to the end of the data ("unexpected end of data");
// an unencodable run covers consecutive chars that fail for the same reason.
#include "runtime/codecs.h"

#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/bytes_export.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "stdlib/codecs_support.h"

namespace coil::rt {

namespace {

enum class Codec { Utf8, Ascii, Latin1 };
enum class Handler { Strict, Ignore, Replace, SurrogateEscape, SurrogatePass, BackslashReplace, XmlCharRefReplace, Unknown };

const char* codec_name(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

bool find_codec(std::string_view encoding, Codec* out) {
  std::string n;
  for (char c : encoding) n += c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const struct {
    const char* name;
    Codec codec;
  } kNames[] = {
      {"utf_8", Codec::Utf8},      {"utf8", Codec::Utf8},          {"u8", Codec::Utf8},
      {"utf", Codec::Utf8},        {"utf8_ucs2", Codec::Utf8},     {"utf8_ucs4", Codec::Utf8},
      {"cp65001", Codec::Utf8},    {"ascii", Codec::Ascii},        {"us_ascii", Codec::Ascii},
      {"646", Codec::Ascii},       {"us", Codec::Ascii},           {"ansi_x3.4_1968", Codec::Ascii},
      {"ansi_x3_4_1968", Codec::Ascii}, {"iso646_us", Codec::Ascii}, {"cp367", Codec::Ascii},
      {"csascii", Codec::Ascii},   {"ibm367", Codec::Ascii},       {"iso_ir_6", Codec::Ascii},
      {"latin_1", Codec::Latin1},  {"latin1", Codec::Latin1},      {"latin", Codec::Latin1},
      {"l1", Codec::Latin1},       {"iso_8859_1", Codec::Latin1},  {"iso8859_1", Codec::Latin1},
      {"8859", Codec::Latin1},     {"cp819", Codec::Latin1},       {"iso_ir_100", Codec::Latin1},
      {"ibm819", Codec::Latin1},   {"csisolatin1", Codec::Latin1}, {"iso_8859_1:1987", Codec::Latin1},
  };
  for (const auto& e : kNames) {
    if (n == e.name) {
      *out = e.codec;
      return true;
    }
  }
  return false;
}

Handler find_handler(std::string_view errors) {
  if (errors == "strict") return Handler::Strict;
  if (errors == "ignore") return Handler::Ignore;
  if (errors == "replace") return Handler::Replace;
  if (errors == "surrogateescape") return Handler::SurrogateEscape;
  if (errors == "surrogatepass") return Handler::SurrogatePass;
  if (errors == "backslashreplace") return Handler::BackslashReplace;
  if (errors == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  return Handler::Unknown;
}

// Runs an error handler registered with codecs.register_error on a Unicode{En,De}codeError
// built from the arguments; returns its (replacement, new position) tuple or empty.
Value call_custom_handler(std::string_view errors, TypeObject* exc_type, const char* codec, Value object,
                          int64_t start, int64_t end, const char* reason) {
  Value mod = import_module("_codecs");
  if (mod.is_empty_slot()) return mod;
  Value lookup = get_attr(mod, "lookup_error");
  if (lookup.is_empty_slot()) return lookup;
  Value h = call1(lookup, str_value(errors));
  if (h.is_empty_slot()) return h;
  Value eargs[5] = {str_value(codec), object, int_from_int64(start), int_from_int64(end), str_value(reason)};
  Value exc = call(Value::from_obj(exc_type), eargs, 5);
  if (exc.is_empty_slot()) return exc;
  Value r = call1(h, exc);
  if (r.is_empty_slot()) return r;
  bool enc = exc_type == UnicodeEncodeErrorType;
  if (!is_tuple(r) || as_tuple(r)->size != 2 || !is_int(as_tuple(r)->items[1]) ||
      !(is_str(as_tuple(r)->items[0]) || (enc && is_bytes(as_tuple(r)->items[0]))))
    return raise_msg(TypeErrorType, enc ? "encoding error handler must return (str/bytes, int) tuple"
                                        : "decoding error handler must return (str, int) tuple");
  return r;
}

// The new position a handler returned, made absolute and checked against `size`; -1 on error.
int64_t handler_position(Value r, int64_t size) {
  int64_t pos;
  if (!int_to_int64(as_tuple(r)->items[1], &pos)) return -1;
  if (pos < 0) pos += size;
  if (pos < 0 || pos > size) {
    raise_fmt(IndexErrorType, "position %lld from error handler out of bounds", static_cast<long long>(pos));
    return -1;
  }
  return pos;
}

bool raise_unicode_error(TypeObject* type, Codec codec, Value object, int64_t start, int64_t end, const char* reason) {
  Value enc = str_value(codec_name(codec));
  Value why = str_value(reason);
  if (enc.is_empty_slot() || why.is_empty_slot()) return false;
  TupleObject* args = tuple_of({enc, object, Value::from_small_int(start), Value::from_small_int(end), why});
  if (!args) return false;
  ExceptionObject* e = new_exception(type, args);
  if (!e || !unicode_error_init(Value::from_obj(e))) return false;
  raise(Value::from_obj(e));
  return false;
}

const char kHex[] = "0123456789abcdef";

void append_hex_escape(std::string& out, uint32_t cp) {
  if (cp <= 0xFF) {
    out += "\\x";
    out += kHex[cp >> 4];
    out += kHex[cp & 15];
  } else if (cp <= 0xFFFF) {
    out += "\\u";
    for (int s = 12; s >= 0; s -= 4) out += kHex[(cp >> s) & 15];
  } else {
    out += "\\U";
    for (int s = 28; s >= 0; s -= 4) out += kHex[(cp >> s) & 15];
  }
}

// --- decoding ---

// Length of the valid UTF-8 sequence at data[i], or 0 with *bad_len (bytes the error
// covers) and *reason set.
int utf8_sequence(std::string_view d, size_t i, size_t* bad_len, const char** reason) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(d[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 1;
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *bad_len = 1;
    *reason = "invalid start byte";
    return 0;
  }
  for (int k = 1; k <= need; ++k) {
    if (i + k >= d.size()) {
      *bad_len = d.size() - i;
      *reason = "unexpected end of data";
      return 0;
    }
    unsigned char x = b(i + k);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (x < l || x > h) {
      *bad_len = k;
      *reason = "invalid continuation byte";
      return 0;
    }
  }
  return need + 1;
}

Value decode(std::string_view data, Codec codec, std::string_view errors) {
  std::string out;
  out.reserve(data.size());
  Handler h = Handler::Strict;
  bool handler_known = false;
  size_t i = 0;
  while (i < data.size()) {
    auto c = static_cast<unsigned char>(data[i]);
    size_t bad = 0;
    const char* reason = nullptr;
    if (codec == Codec::Latin1) {
      append_utf8(out, c);
      ++i;
      continue;
    }
    if (codec == Codec::Ascii) {
      if (c < 0x80) {
        out += static_cast<char>(c);
        ++i;
        continue;
      }
      bad = 1;
      reason = "ordinal not in range(128)";
    } else {
      int n = utf8_sequence(data, i, &bad, &reason);
      if (n) {
        out.append(data.substr(i, n));
        i += n;
        continue;
      }
      // surrogatepass: an encoded surrogate (ED A0..BF xx) decodes to the surrogate itself.
      if (!handler_known) {
        h = find_handler(errors);
        handler_known = true;
      }
      if (h == Handler::SurrogatePass && c == 0xED && i + 2 < data.size() &&
          (static_cast<unsigned char>(data[i + 1]) & 0xE0) == 0xA0 &&
          (static_cast<unsigned char>(data[i + 2]) & 0xC0) == 0x80) {
        out.append(data.substr(i, 3));
        i += 3;
        continue;
      }
    }
    if (!handler_known) {
      h = find_handler(errors);
      handler_known = true;
    }
    switch (h) {
      case Handler::Ignore:
        break;
      case Handler::Replace:
        append_utf8(out, 0xFFFD);
        break;
      case Handler::SurrogateEscape: {
        bool ok = true;
        for (size_t k = 0; k < bad; ++k) ok &= static_cast<unsigned char>(data[i + k]) >= 0x80;
        if (!ok) goto strict;
        for (size_t k = 0; k < bad; ++k) append_utf8(out, 0xDC00 + static_cast<unsigned char>(data[i + k]));
        break;
      }
      case Handler::BackslashReplace:
        for (size_t k = 0; k < bad; ++k) append_hex_escape(out, static_cast<unsigned char>(data[i + k]));
        break;
      case Handler::XmlCharRefReplace:
        raise_msg(TypeErrorType, "don't know how to handle UnicodeDecodeError in error callback");
        return Value();
      case Handler::Unknown: {
        BytesObject* obj = new_bytes(data);
        if (!obj) return Value();
        Value r = call_custom_handler(errors, UnicodeDecodeErrorType, codec_name(codec), Value::from_obj(obj),
                                      static_cast<int64_t>(i), static_cast<int64_t>(i + bad), reason);
        if (r.is_empty_slot()) return r;
        int64_t pos = handler_position(r, static_cast<int64_t>(data.size()));
        if (pos < 0) return Value();
        out.append(as_str(as_tuple(r)->items[0])->view());
        i = static_cast<size_t>(pos);
        continue;
      }
      default:
      strict : {
        BytesObject* obj = new_bytes(data);
        if (!obj) return Value();
        raise_unicode_error(UnicodeDecodeErrorType, codec, Value::from_obj(obj), static_cast<int64_t>(i),
                            static_cast<int64_t>(i + bad), reason);
        return Value();
      }
    }
    i += bad;
  }
  return str_value(out);
}

// --- encoding ---

bool encodable(Codec codec, uint32_t cp) {
  if (codec == Codec::Ascii) return cp < 0x80;
  if (codec == Codec::Latin1) return cp < 0x100;
  return cp < 0xD800 || cp > 0xDFFF;
}

void emit(std::string& out, Codec codec, uint32_t cp) {
  if (codec == Codec::Utf8) append_utf8(out, cp);
  else out += static_cast<char>(cp);
}

Value encode(StrObject* s, Codec codec, std::string_view errors) {
  if (codec == Codec::Utf8 && s->is_ascii()) {
    // Most text: already valid UTF-8 without surrogates needs no checking.
    BytesObject* b = new_bytes(s->view());
    return b ? Value::from_obj(b) : Value();
  }
  std::u32string u;
  {
    const char* p = s->data;
    const char* end = p + s->nbytes;
    while (p < end) u += static_cast<char32_t>(decode_utf8(p));
  }
  std::string out;
  out.reserve(u.size());
  Handler h = Handler::Strict;
  bool handler_known = false;
  size_t i = 0;
  while (i < u.size()) {
    if (encodable(codec, u[i])) {
      emit(out, codec, u[i]);
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < u.size() && !encodable(codec, u[j])) ++j;
    if (!handler_known) {
      h = find_handler(errors);
      handler_known = true;
    }
    const char* reason = codec == Codec::Ascii    ? "ordinal not in range(128)"
                         : codec == Codec::Latin1 ? "ordinal not in range(256)"
                                                  : "surrogates not allowed";
    bool failed = false;
    switch (h) {
      case Handler::Ignore:
        break;
      case Handler::Replace:
        for (size_t k = i; k < j; ++k) out += '?';
        break;
      case Handler::SurrogateEscape: {
        // The whole run fails (and is reported) if any char of it cannot be escaped back.
        for (size_t k = i; k < j; ++k) failed |= u[k] < 0xDC80 || u[k] > 0xDCFF;
        if (!failed)
          for (size_t k = i; k < j; ++k) out += static_cast<char>(u[k] - 0xDC00);
        break;
      }
      case Handler::SurrogatePass:
        if (codec != Codec::Utf8) {
          failed = true;
          break;
        }
        for (size_t k = i; k < j; ++k) append_utf8(out, u[k]);
        break;
      case Handler::BackslashReplace:
        for (size_t k = i; k < j; ++k) append_hex_escape(out, u[k]);
        break;
      case Handler::XmlCharRefReplace:
        for (size_t k = i; k < j; ++k) out += "&#" + std::to_string(u[k]) + ";";
        break;
      case Handler::Unknown: {
        Value r = call_custom_handler(errors, UnicodeEncodeErrorType, codec_name(codec), Value::from_obj(s),
                                      static_cast<int64_t>(i), static_cast<int64_t>(j), reason);
        if (r.is_empty_slot()) return r;
        int64_t pos = handler_position(r, static_cast<int64_t>(u.size()));
        if (pos < 0) return Value();
        Value rep = as_tuple(r)->items[0];
        if (is_bytes(rep)) {
          out.append(as_bytes(rep)->view());
        } else {
          const char* p = as_str(rep)->data;
          const char* end = p + as_str(rep)->nbytes;
          while (p < end) {
            uint32_t cp = decode_utf8(p);
            if (!encodable(codec, cp)) {
              failed = true;
              break;
            }
            emit(out, codec, cp);
          }
        }
        if (!failed) {
          i = static_cast<size_t>(pos);
          continue;
        }
        break;
      }
      default:
        failed = true;
    }
    if (failed) {
      raise_unicode_error(UnicodeEncodeErrorType, codec, Value::from_obj(s), static_cast<int64_t>(i),
                          static_cast<int64_t>(j), reason);
      return Value();
    }
    i = j;
  }
  BytesObject* b = new_bytes(out);
  return b ? Value::from_obj(b) : Value();
}

Value attr(ExceptionObject* e, const char* name) {
  if (!e->dict) return Value();
  return dict_get_str(e->dict, intern(name));
}

}  // namespace

namespace {
// Encodes (which=0) or decodes (1) through the codec registry (_codecs / the encodings
// package) for a codec not built in here, refusing non-text codecs as str.encode does.
Value registry_codec(Value obj, std::string_view encoding, std::string_view errors, int which) {
  Value mod = import_module("_codecs");
  if (mod.is_empty_slot()) return mod;
  Value lookup = get_attr(mod, "lookup");
  if (lookup.is_empty_slot()) return lookup;
  Value info = call1(lookup, str_value(encoding));
  if (info.is_empty_slot()) return info;
  bool err = false;
  Value is_text = get_attr_opt(info, intern("_is_text_encoding"), &err);
  if (err) return Value();
  if (!is_text.is_empty_slot() && is_true(is_text) == 0)
    return raise_fmt(LookupErrorType, "'%.*s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                     static_cast<int>(encoding.size()), encoding.data(), which == 0 ? "encode" : "decode");
  if (!is_tuple(info) || as_tuple(info)->size < 2) return raise_msg(TypeErrorType, "codec search functions must return 4-tuples");
  Value r = call2(as_tuple(info)->items[which], obj, str_value(errors));
  if (r.is_empty_slot()) return r;
  if (!is_tuple(r) || as_tuple(r)->size != 2)
    return raise_fmt(TypeErrorType, "%s must return a tuple (object, integer)", which == 0 ? "encoder" : "decoder");
  return as_tuple(r)->items[0];
}
}  // namespace

const char* codec_canonical_name(std::string_view encoding) {
  Codec c;
  return find_codec(encoding, &c) ? codec_name(c) : nullptr;
}

namespace {
// Dev mode (-X dev) checks the error handler name even when no error occurs (CPython's
// unicode_check_encoding_errors), so a typo is caught on the first call.
bool check_errors_in_dev_mode(std::string_view errors) {
  if (!g_config || !g_config->dev_mode) return true;
  // The built-in handlers always exist (CPython registers them at start-up); the registry may
  // not be set up yet when the standard streams first encode.
  for (std::string_view builtin : {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                                   "namereplace", "surrogateescape", "surrogatepass"})
    if (errors == builtin) return true;
  return !lib::lookup_error_handler(errors).is_empty_slot();
}
}  // namespace

Value codec_decode(std::string_view data, std::string_view encoding, std::string_view errors) {
  if (!check_errors_in_dev_mode(errors)) return Value();
  Codec c;
  if (!find_codec(encoding, &c)) {
    // Other codecs come from the registry (_codecs / the encodings package), as in CPython.
    Value b = bytes_value(data);
    if (b.is_empty_slot()) return b;
    Value r = registry_codec(b, encoding, errors, 1);
    if (r.is_empty_slot() || is_str(r)) return r;
    return raise_fmt(TypeErrorType, "'%.*s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                     static_cast<int>(encoding.size()), encoding.data(), type_name(r));
  }
  return decode(data, c, errors);
}

Value codec_encode(StrObject* s, std::string_view encoding, std::string_view errors) {
  if (!check_errors_in_dev_mode(errors)) return Value();
  Codec c;
  if (!find_codec(encoding, &c)) {
    Value r = registry_codec(Value::from_obj(s), encoding, errors, 0);
    if (r.is_empty_slot() || is_bytes(r)) return r;
    return raise_fmt(TypeErrorType, "'%.*s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                     static_cast<int>(encoding.size()), encoding.data(), type_name(r));
  }
  return encode(s, c, errors);
}

// UnicodeEncodeError(encoding, object, start, end, reason), UnicodeDecodeError (object
// bytes-like, kept as bytes) and UnicodeTranslateError(object, start, end, reason), with
// CPython's argument checks.
bool unicode_error_init(Value exc) {
  ExceptionObject* e = as_exception(exc);
  TupleObject* a = e->args;
  bool decode_error = is_subtype(e->type, UnicodeDecodeErrorType);
  bool translate_error = is_subtype(e->type, UnicodeTranslateErrorType);
  if (!decode_error && !translate_error && !is_subtype(e->type, UnicodeEncodeErrorType)) return true;
  const int64_t want = translate_error ? 4 : 5;
  // BaseException.__new__ alone (no arguments) leaves the details unset; __init__ checks
  // the count itself (exc_init).
  if (a->size == 0) return true;
  if (a->size != want) {
    raise_fmt(TypeErrorType, "function takes exactly %lld arguments (%lld given)", static_cast<long long>(want),
              static_cast<long long>(a->size));
    return false;
  }
  Value v[5];
  int first = translate_error ? 1 : 0;  // translate errors have no encoding argument
  v[0] = None;
  for (int64_t i = 0; i < a->size; ++i) v[first + i] = a->items[i];
  auto need_str = [&](int slot) {
    if (is_str(v[slot])) return true;
    raise_fmt(TypeErrorType, "argument %d must be str, not %s", slot + 1 - first, type_name(v[slot]));
    return false;
  };
  if (!translate_error && !need_str(0)) return false;
  if (decode_error) {
    std::string_view data;
    if (is_subtype(type_of(v[1]), MemoryViewType)) {
      v[1] = call1(Value::from_obj(BytesType), v[1]);  // its bytes, as CPython copies the buffer
      if (v[1].is_empty_slot()) return false;
    } else if (!buffer_view(v[1], &data)) {
      raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v[1]));
      return false;
    } else if (!is_exact(v[1], BytesType)) {
      v[1] = bytes_value(data);
    }
  } else if (!need_str(1)) {
    return false;
  }
  for (int slot : {2, 3}) {
    Value n = index(v[slot]);
    if (n.is_empty_slot()) return false;
    v[slot] = n;
  }
  if (!need_str(4)) return false;
  if (!e->dict) e->dict = new_dict();
  if (!e->dict) return false;
  const char* names[] = {"encoding", "object", "start", "end", "reason"};
  for (int i = 0; i < 5; ++i)
    if (!dict_set_str(e->dict, intern(names[i]), v[i])) return false;
  return true;
}

// str() of the three UnicodeError subclasses, from their current attributes (which may
// have been changed after construction); "" for one made by __new__ alone.
Value unicode_error_str(Value exc) {
  ExceptionObject* e = as_exception(exc);
  Value obj = attr(e, "object");
  if (obj.is_empty_slot()) return str_value("");
  Value enc = attr(e, "encoding"), start = attr(e, "start"), end = attr(e, "end"), reason = attr(e, "reason");
  int64_t st = 0, en = 0;
  bool overflow = false;
  if (start.is_empty_slot() || end.is_empty_slot() || !as_int64(start, &st, &overflow) || !as_int64(end, &en, &overflow))
    return Value();
  Value reason_s = str_of(reason.is_empty_slot() ? None : reason);
  if (reason_s.is_empty_slot()) return reason_s;
  std::string out;
  const bool translate = is_subtype(e->type, UnicodeTranslateErrorType);
  if (!translate) {
    Value enc_s = str_of(enc.is_empty_slot() ? None : enc);
    if (enc_s.is_empty_slot()) return enc_s;
    out = "'" + std::string(as_str(enc_s)->view()) + "' codec can't ";
  } else {
    out = "can't ";
  }
  const char* verb = translate ? "translate" : "encode";
  char buf[160];
  if (is_subtype(e->type, UnicodeDecodeErrorType) && is_bytes(obj)) {
    BytesObject* b = as_bytes(obj);
    if (st >= 0 && st < b->size && en == st + 1) {
      std::snprintf(buf, sizeof buf, "decode byte 0x%02x in position %lld: ",
                    static_cast<unsigned char>(b->data[st]), static_cast<long long>(st));
    } else {
      std::snprintf(buf, sizeof buf, "decode bytes in position %lld-%lld: ", static_cast<long long>(st),
                    static_cast<long long>(en - 1));
    }
  } else if (is_str(obj)) {
    StrObject* s = as_str(obj);
    if (st >= 0 && st < s->length && en == st + 1) {
      const char* p = s->data + str_byte_offset(s, st);
      std::string esc;
      append_hex_escape(esc, decode_utf8(p));
      std::snprintf(buf, sizeof buf, "%s character '%s' in position %lld: ", verb, esc.c_str(), static_cast<long long>(st));
    } else {
      std::snprintf(buf, sizeof buf, "%s characters in position %lld-%lld: ", verb, static_cast<long long>(st),
                    static_cast<long long>(en - 1));
    }
  } else {
    return Value();
  }
  out += buf;
  out += as_str(reason_s)->view();
  return str_value(out);
}

}  // namespace coil::rt
