// io_textio.cpp — _io.TextIOWrapper: text over a binary buffer with an encoding, error
// handler and newline mode (universal newlines, newline='', fixed endings), line buffering,
// write-through, reconfigure, and tell/seek cookies.
//
// Decoded text is kept untranslated (dbuf, UTF-8) and newlines are translated while it is
// handed out, so a position inside it maps back to a byte offset: for the native codecs
// (UTF-8, Latin-1, ASCII) tell() is exact; for codecs run through Python incremental codec
// objects it re-encodes the consumed text (exact for stateless codecs, approximate for
// stateful ones such as UTF-16 with a BOM in mid-stream). Cookies are plain byte positions.
#include <algorithm>
#include <cstring>

#include "runtime/bigint.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/native_module.h"
#include "stdlib/io_internal.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::io {

using namespace coil::rt;

TypeObject* TextIOWrapperType = nullptr;

namespace {

enum NativeCodec { kNone = 0, kUtf8 = 1, kLatin1 = 2, kAscii = 3 };

TextIOObject* T(Value v) { return static_cast<TextIOObject*>(v.as_obj()); }

void visit_textio(Object* self, Visitor& v) {
  visit_iobase(self, v);
  auto* t = static_cast<TextIOObject*>(self);
  v.visit(t->buffer);
  v.visit(t->encoding);
  v.visit(t->errors);
  v.visit(t->newline);
  v.visit(t->encoder);
  v.visit(t->decoder);
}
void finalize_textio(Object* self) {
  auto* t = static_cast<TextIOObject*>(self);
  delete t->dbuf;
  delete t->rawtail;
  delete t->writenl;
  delete t->readnl;
  delete t->pending;
  delete t->cp_input;
  t->dbuf = t->rawtail = t->writenl = t->readnl = t->pending = t->cp_input = nullptr;
}

bool check_attached(TextIOObject* t) {
  if (!t->ok) {
    raise_msg(ValueErrorType, t->detached ? "underlying buffer has been detached"
                                          : "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

int buffer_closed(TextIOObject* t) {
  TypeObject* bt = type_of(t->buffer);
  if ((bt == BufferedReaderType || bt == BufferedWriterType || bt == BufferedRandomType) &&
      buffered_is_open_fast(t->buffer))
    return 0;
  Value c = get_attr(t->buffer, "closed");
  if (c.is_empty_slot()) return -1;
  return is_true(c);
}

bool check_open(TextIOObject* t) {
  if (!check_attached(t)) return false;
  int c = buffer_closed(t);
  if (c < 0) return false;
  if (c) {
    raise_closed();
    return false;
  }
  return true;
}

// Passes the pending encoded text to buffer.write().
bool write_pending(TextIOObject* t) {
  if (t->pending->empty()) return true;
  if (is_exact(t->buffer, BufferedWriterType) || is_exact(t->buffer, BufferedRandomType)) {
    std::string data;
    data.swap(*t->pending);
    return buffered_write_bytes(t->buffer, data);
  }
  Value b = bytes_value(*t->pending);
  if (b.is_empty_slot()) return false;
  t->pending->clear();
  return !call_method1(t->buffer, "write", b).is_empty_slot();
}

Value codecs_lookup(Value encoding) {
  Value codecs = import_module("_codecs");
  if (codecs.is_empty_slot()) return codecs;
  return call_method1(codecs, "lookup", encoding);
}

// Looks the codec up and makes the incremental encoder/decoder objects (non-native codecs),
// or picks the native path.
bool setup_codec(TextIOObject* t) {
  t->encoder = None;
  t->decoder = None;
  t->native_codec = kNone;
  t->bom_codec = false;
  Value rd = call_method0(t->buffer, "readable");
  if (rd.is_empty_slot()) return false;
  Value wr = call_method0(t->buffer, "writable");
  if (wr.is_empty_slot()) return false;
  t->can_read = rd == True;
  t->can_write = wr == True;
  std::string_view enc = as_str(t->encoding)->view();
  if (const char* canon = codec_canonical_name(enc)) {
    std::string_view c = canon;
    t->native_codec = c == "utf-8" ? kUtf8 : c == "latin-1" ? kLatin1 : kAscii;
    return true;
  }
  Value info = codecs_lookup(t->encoding);
  if (info.is_empty_slot()) return false;
  Value cname = get_attr(info, "name");
  if (cname.is_empty_slot()) return false;
  t->bom_codec = is_str(cname) && (as_str(cname)->view() == "utf-16" || as_str(cname)->view() == "utf-32");
  Value is_text = get_attr(info, "_is_text_encoding");
  if (is_text.is_empty_slot()) clear_exception();
  else if (is_text == False) {
    std::string r;
    if (!repr_string(t->encoding, &r)) return false;
    raise_fmt(LookupErrorType, "%s is not a text encoding; use codecs.open() to handle arbitrary codecs",
              r.c_str());
    return false;
  }
  if (t->can_read) {
    Value mk = get_attr(info, "incrementaldecoder");
    if (mk.is_empty_slot()) return false;
    if (mk != None) {
      t->decoder = call1(mk, t->errors);
      if (t->decoder.is_empty_slot()) return false;
    } else {
      t->can_read = false;
    }
  }
  if (t->can_write) {
    Value mk = get_attr(info, "incrementalencoder");
    if (mk.is_empty_slot()) return false;
    if (mk != None) {
      t->encoder = call1(mk, t->errors);
      if (t->encoder.is_empty_slot()) return false;
    } else {
      t->can_write = false;
    }
  }
  return true;
}

// Appending to a non-empty seekable stream: no BOM in the middle of the file.
bool skip_bom_midstream(TextIOObject* t) {
  if (t->encoder == None) return true;
  // As CPython's UTF-16/32 fast path: a stream that cannot seek is never at its start.
  if (!t->seekable) {
    if (!t->bom_codec) return true;
    return !call_method1(t->encoder, "setstate", Value::from_small_int(0)).is_empty_slot();
  }
  Value pos = call_method0(t->buffer, "tell");
  if (pos.is_empty_slot()) return false;
  if (is_int(pos) && int_is_zero(pos)) return true;
  return !call_method1(t->encoder, "setstate", Value::from_small_int(0)).is_empty_slot();
}

bool set_newline(TextIOObject* t, Value nl) {
  if (nl != None && !is_str(nl)) {
    raise_fmt(TypeErrorType, "TextIOWrapper() argument 'newline' must be str or None, not %s", type_name(nl));
    return false;
  }
  if (nl != None) {
    std::string_view v = as_str(nl)->view();
    if (!(v.empty() || v == "\n" || v == "\r" || v == "\r\n")) {
      raise_fmt(ValueErrorType, "illegal newline value: %s", std::string(v).c_str());
      return false;
    }
  }
  t->newline = nl;
  t->readuniversal = nl == None || as_str(nl)->view().empty();
  t->readtranslate = nl == None;
  t->readnl->assign(nl == None ? "\n" : std::string(as_str(nl)->view()));
  // Writing: None translates '\n' to os.linesep ('\n' here); '' and '\n' leave it alone.
  if (nl != None && !as_str(nl)->view().empty() && as_str(nl)->view() != "\n") t->writenl->assign(as_str(nl)->view());
  else t->writenl->clear();
  return true;
}

bool validate_encoding_arg(Value v, const char* what) {
  if (v != None && !is_str(v)) {
    raise_fmt(TypeErrorType, "TextIOWrapper() argument '%s' must be str or None, not %s", what, type_name(v));
    return false;
  }
  if (v != None && as_str(v)->view().find('\0') != std::string_view::npos) {
    raise_msg(ValueErrorType, "embedded null character");
    return false;
  }
  return true;
}

Value textio_new(Value* args, int64_t, TupleObject*) {
  auto* t = static_cast<TextIOObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!t) return Value();
  t->dbuf = new std::string();
  t->rawtail = new std::string();
  t->writenl = new std::string();
  t->readnl = new std::string();
  t->pending = new std::string();
  t->cp_input = new std::string();
  t->buffer = t->encoding = t->errors = t->newline = t->encoder = t->decoder = None;
  return Value::from_obj(t);
}

Value textio_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[6];
  if (!parse_args("TextIOWrapper", args + 1, nargs - 1, kwnames,
                  {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1, a))
    return Value();
  TextIOObject* t = T(args[0]);
  t->ok = false;
  t->detached = false;
  Value encoding = a[1].is_empty_slot() ? None : a[1];
  Value errors = a[2].is_empty_slot() ? None : a[2];
  Value newline = a[3].is_empty_slot() ? None : a[3];
  if (!validate_encoding_arg(encoding, "encoding") || !validate_encoding_arg(errors, "errors")) return Value();
  if (!t->dbuf) {
    t->dbuf = new std::string();
    t->rawtail = new std::string();
    t->writenl = new std::string();
    t->readnl = new std::string();
    t->pending = new std::string();
    t->cp_input = new std::string();
  }
  t->pending->clear();
  t->cp_valid = false;
  if (!set_newline(t, newline)) return Value();
  if (encoding == None || as_str(encoding)->view() == "locale") encoding = str_value(default_text_encoding());
  if (errors == None) errors = str_value("strict");
  int lb = a[4].is_empty_slot() ? 0 : is_true(a[4]);
  int wt = a[5].is_empty_slot() ? 0 : is_true(a[5]);
  if (lb < 0 || wt < 0) return Value();
  t->buffer = a[0];
  set_owned(a[0], true);
  t->encoding = encoding;
  t->errors = errors;
  t->line_buffering = lb;
  t->write_through = wt;
  t->chunk_size = kDefaultBufferSize;
  t->dbuf->clear();
  t->rawtail->clear();
  t->dpos = 0;
  t->eof = t->snap_valid = t->lastcr = false;
  t->seennl = 0;
  // CPython's order of calls on the buffer: readable, writable (codec setup), seekable.
  if (!setup_codec(t)) return Value();
  Value sk = call_method0(t->buffer, "seekable");
  if (sk.is_empty_slot()) return Value();
  t->seekable = t->telling = sk == True;
  bool err = false;
  Value r1 = get_attr_opt(t->buffer, intern("read1"), &err);
  if (err) return Value();
  t->has_read1 = !r1.is_empty_slot();
  if (!skip_bom_midstream(t)) return Value();
  t->ok = true;
  register_for_exit_flush(t);
  return None;
}

// ---- decoding -----------------------------------------------------------------------------------

// Raw bytes that the decoded UTF-8 text `s` came from (native codecs), or from re-encoding.
bool raw_length(TextIOObject* t, std::string_view s, int64_t* out) {
  if (t->native_codec == kUtf8) {
    int64_t n = static_cast<int64_t>(s.size());
    // surrogateescape'd bytes are 3 UTF-8 bytes for one raw byte.
    for (size_t i = s.find('\xED'); i != std::string_view::npos && i + 2 < s.size(); i = s.find('\xED', i + 1))
      if ((static_cast<unsigned char>(s[i + 1]) & 0xF0) == 0xB0) n -= 2;
    *out = n;
    return true;
  }
  if (t->native_codec != kNone) {
    int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    *out = n;
    return true;
  }
  Value text = str_value(s);
  if (text.is_empty_slot()) return false;
  StrObject* str = as_str(text);
  Value enc = codec_encode(str, as_str(t->encoding)->view(), as_str(t->errors)->view());
  if (enc.is_empty_slot()) return false;
  *out = as_bytes(enc)->size;
  return true;
}

// The length of the longest prefix of `d` that holds only complete UTF-8 sequences (the
// rest may complete with the next chunk).
size_t complete_utf8_prefix(std::string_view d) {
  size_t n = d.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    unsigned char c = static_cast<unsigned char>(d[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // continuation: keep looking for the lead
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

void note_newlines(TextIOObject* t, std::string_view s, bool final) {
  if (!t->readuniversal) return;
  size_t i = 0;
  if (t->lastcr && !s.empty()) {
    if (s[0] == '\n') {
      t->seennl |= 4;
      i = 1;
    } else {
      t->seennl |= 2;
    }
    t->lastcr = false;
  }
  for (; i < s.size(); ++i) {
    if (s[i] == '\n') t->seennl |= 1;
    else if (s[i] == '\r') {
      if (i + 1 < s.size()) {
        if (s[i + 1] == '\n') {
          t->seennl |= 4;
          ++i;
        } else {
          t->seennl |= 2;
        }
      } else {
        t->lastcr = true;
      }
    }
  }
  if (final && t->lastcr) {
    t->seennl |= 2;
    t->lastcr = false;
  }
}

// Are all bytes below 0x80? (Eight at a time.)
bool is_ascii_bytes(std::string_view d) {
  size_t i = 0;
  for (; i + 8 <= d.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, d.data() + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < d.size(); ++i)
    if (static_cast<unsigned char>(d[i]) >= 0x80) return false;
  return true;
}

// Drops the consumed part of dbuf, keeping snap_pos the byte position of dbuf[0].
bool compact(TextIOObject* t) {
  if (t->dpos == 0) return true;
  int64_t n;
  if (!raw_length(t, std::string_view(*t->dbuf).substr(0, static_cast<size_t>(t->dpos)), &n)) return false;
  t->snap_pos += n;
  t->dbuf->erase(0, static_cast<size_t>(t->dpos));
  t->dpos = 0;
  return true;
}

// Reads one chunk from the buffer and appends its decoded text; sets t->eof at the end.
constexpr int64_t kReadAll = -2;  // read_chunk: everything left, decoded as final (read())

bool read_chunk(TextIOObject* t, int64_t size_hint = -1, bool* blocked = nullptr) {
  if (!t->can_read) {
    raise_unsupported("not readable");
    return false;
  }
  if (!t->snap_valid) {
    t->snap_pos = 0;
    if (t->seekable) {
      Value pos = call_method0(t->buffer, "tell");
      if (pos.is_empty_slot()) return false;
      if (!int_to_int64(pos, &t->snap_pos)) return false;
    }
    t->snap_valid = true;
  }
  if (!compact(t)) return false;
  // CPython sizes a read(n) chunk by the last bytes-per-char ratio.
  if (size_hint > 0 && t->cp_valid) size_hint = static_cast<int64_t>(std::max(t->cp_ratio, 1.0) * size_hint);
  int64_t want = std::max(t->chunk_size, size_hint);
  // The snapshot tell() starts from: here dbuf is empty or holds the '\r' CPython's newline
  // decoder would still be holding.
  size_t held = t->dbuf->size();
  bool held_cr = held == 1 && (*t->dbuf)[0] == '\r';
  std::string tail_before = *t->rawtail;
  Value input = size_hint == kReadAll ? call_method0(t->buffer, "read")
                                      : call_method1(t->buffer, t->has_read1 ? "read1" : "read", int_from_int64(want));
  if (input.is_empty_slot()) return false;
  if (blocked) *blocked = input == None;
  std::string_view data;
  if (input == None) data = {};
  else if (!bytes_like_view(input, &data)) {
    if (has_pending_exception()) return false;
    raise_fmt(TypeErrorType, "underlying %s() should have returned a bytes-like object, not '%s'",
              t->has_read1 ? "read1" : "read", type_name(input));
    return false;
  }
  bool eof = (data.empty() || size_hint == kReadAll) && input != None;
  std::string decoded;
  if (t->native_codec != kNone) {
    std::string all = *t->rawtail + std::string(data);
    size_t keep = eof || t->native_codec != kUtf8 ? all.size() : complete_utf8_prefix(all);
    t->rawtail->assign(all, keep, std::string::npos);
    all.resize(keep);
    if (!all.empty()) {
      if (t->native_codec != kLatin1 && is_ascii_bytes(all)) {
        decoded.swap(all);  // ASCII decodes to itself in UTF-8 and ASCII
      } else {
        Value s = codec_decode(all, as_str(t->encoding)->view(), as_str(t->errors)->view());
        if (s.is_empty_slot()) return false;
        decoded.assign(as_str(s)->view());
      }
    }
  } else {
    Value dargs[2] = {input == None ? bytes_value("") : input, bool_value(eof)};
    Value s = call_method(t->decoder, intern("decode"), dargs, 2);
    if (s.is_empty_slot()) return false;
    if (!is_str(s))
      return raise_fmt(TypeErrorType, "decoder should return a string result, not '%s'", type_name(s)), false;
    decoded.assign(as_str(s)->view());
  }
  note_newlines(t, decoded, eof);
  t->dbuf->append(decoded);
  t->eof = eof;
  // (The decoder model assumes valid input: other error handlers keep plain positions.)
  t->cp_valid = size_hint != kReadAll && (held == 0 || held_cr) && t->native_codec != kNone &&
                (t->native_codec == kLatin1 || as_str(t->errors)->view() == "strict");
  if (t->cp_valid) {
    t->cp_flags = held_cr;
    t->cp_start = t->snap_pos + static_cast<int64_t>(held);  // where the undecoded tail begins
    t->cp_input->assign(tail_before);
    t->cp_input->append(data);
    // Characters CPython's decoder returned for this chunk (a final '\r' held back).
    int64_t chars = 0;
    std::string_view all = std::string_view(*t->dbuf);
    size_t end = all.size();
    if (!eof && t->readuniversal && end > 0 && all[end - 1] == '\r') --end;
    for (size_t i = 0; i < end; ++i) {
      unsigned char c = static_cast<unsigned char>(all[i]);
      if ((c & 0xC0) == 0x80) continue;  // dbuf is UTF-8 whatever the codec
      if (t->readtranslate && c == '\r' && i + 1 < end && all[i + 1] == '\n') continue;
      ++chars;
    }
    t->cp_ratio = chars > 0 ? static_cast<double>(data.size()) / static_cast<double>(chars) : 0.0;
  }
  return true;
}

// Hands out up to `n` characters (n < 0: all), translating newlines; stops after a line
// ending when `line`.
bool read_text(TextIOObject* t, int64_t n, bool line, std::string* out) {
  // End of file is per call: a terminal or a growing file may have more data later.
  t->eof = false;
  int64_t chars = 0;
  const bool univ = t->readuniversal;
  const std::string& nl = *t->readnl;
  while (n < 0 || chars < n) {
    std::string& d = *t->dbuf;
    size_t i = static_cast<size_t>(t->dpos);
    if (i >= d.size()) {
      if (t->eof) break;
      bool blocked = false;
      if (!read_chunk(t, n < 0 ? (line ? -1 : kReadAll) : n - chars, &blocked)) return false;
      if (t->dbuf->size() == static_cast<size_t>(t->dpos) && (t->eof || blocked)) break;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(d[i]);
    if (c == '\r' && (univ || (line && nl == "\r\n"))) {
      if (i + 1 >= d.size() && !t->eof) {
        bool blocked = false;
        size_t had = d.size();
        if (!read_chunk(t, -1, &blocked)) return false;
        // No more data for now: decide on what is there (as if at the end).
        if (blocked && t->dbuf->size() - static_cast<size_t>(t->dpos) == had - i) t->eof = true;
        continue;
      }
      bool crlf = i + 1 < d.size() && d[i + 1] == '\n';
      if (t->readtranslate) {
        out->push_back('\n');
        t->dpos += crlf ? 2 : 1;
        ++chars;
        if (line) break;
        continue;
      }
      out->push_back('\r');
      ++t->dpos;
      ++chars;
      if (crlf && (n < 0 || chars < n)) {
        out->push_back('\n');
        ++t->dpos;
        ++chars;
      }
      if (line && (univ || crlf)) break;
      continue;
    }
    if (c < 0x80) {
      // A run of plain ASCII up to the next character that needs a look.
      size_t j = i;
      size_t lim = n < 0 ? d.size() : std::min(d.size(), i + static_cast<size_t>(n - chars));
      while (j < lim && static_cast<unsigned char>(d[j]) < 0x80 && d[j] != '\r' && d[j] != '\n') ++j;
      if (j > i) {
        out->append(d, i, j - i);
        chars += static_cast<int64_t>(j - i);
        t->dpos = static_cast<int64_t>(j);
        continue;
      }
      out->push_back(static_cast<char>(c));
      ++t->dpos;
      ++chars;
      if (line && ((c == '\n' && (univ || nl == "\n")) || (c == '\r' && nl == "\r"))) break;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    out->append(d, i, len);
    t->dpos += static_cast<int64_t>(len);
    ++chars;
  }
  return true;
}

Value textio_read(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("read", "read", nargs - 1, kw, 0, 1)) return Value();
  TextIOObject* t = T(args[0]);
  if (!check_attached(t)) return Value();
  int64_t n;
  if (!size_arg(nargs > 1 ? args[1] : Value(), &n)) return Value();
  if (!check_open(t)) return Value();
  if (!t->can_read) return raise_unsupported("not readable");
  if (!write_pending(t)) return Value();
  std::string out;
  if (!read_text(t, n, false, &out)) return Value();
  return str_value(out);
}

Value textio_readline(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("readline", "readline", nargs - 1, kw, 0, 1)) return Value();
  TextIOObject* t = T(args[0]);
  if (!check_attached(t)) return Value();
  int64_t n = -1;
  if (nargs > 1 && !arg_index(args[1], -1, &n)) return Value();
  if (!check_open(t)) return Value();
  if (!write_pending(t)) return Value();
  std::string out;
  if (!read_text(t, n, true, &out)) return Value();
  return str_value(out);
}

Value textio_next(Value* args, int64_t, TupleObject*) {
  TextIOObject* t = T(args[0]);
  if (!check_open(t)) return Value();
  t->telling = false;
  Value line;
  if (is_exact(args[0], TextIOWrapperType)) {
    std::string out;
    if (!write_pending(t) || !read_text(t, -1, true, &out)) return Value();
    line = str_value(out);
  } else {
    line = call_method0(args[0], "readline");
    if (line.is_empty_slot()) return line;
    if (!is_str(line))
      return raise_fmt(OSErrorType, "readline() should have returned a str object, not '%s'", type_name(line));
  }
  if (line.is_empty_slot()) return line;
  if (as_str(line)->length == 0) {
    t->snap_valid = false;
    t->telling = t->seekable;
    return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  }
  return line;
}

bool queue_encoded(TextIOObject* t, std::string_view enc, bool needflush);

// ---- encoding -----------------------------------------------------------------------------------

Value textio_write(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("write", nargs - 1, kw)) return Value();
  TextIOObject* t = T(args[0]);
  if (!check_attached(t)) return Value();
  if (!is_str(args[1])) return raise_fmt(TypeErrorType, "write() argument must be str, not %s", type_name(args[1]));
  if (!check_open(t)) return Value();
  if (!t->can_write) return raise_unsupported("not writable");
  StrObject* s = as_str(args[1]);
  std::string_view text = s->view();
  bool haslf = text.find('\n') != std::string_view::npos;
  bool needflush = t->line_buffering && (haslf || text.find('\r') != std::string_view::npos);
  std::string translated;
  Value tv = args[1];
  if (haslf && !t->writenl->empty()) {
    translated.reserve(text.size());
    for (char c : text) {
      if (c == '\n') translated += *t->writenl;
      else translated.push_back(c);
    }
    tv = str_value(translated);
    if (tv.is_empty_slot()) return tv;
  }
  Value b;
  if (t->native_codec != kNone) b = codec_encode(as_str(tv), as_str(t->encoding)->view(), as_str(t->errors)->view());
  else b = call_method1(t->encoder, "encode", tv);
  if (b.is_empty_slot()) return b;
  if (!is_bytes(b))
    return raise_fmt(TypeErrorType, "encoder should return a bytes object, not '%s'", type_name(b));
  // Text read ahead is dropped (the write happens at the buffer's position); encoded text
  // waits in `pending` (as in CPython) until a chunk's worth, a line end under line
  // buffering, write_through, or anything that needs the buffer up to date.
  if (!queue_encoded(t, as_bytes(b)->view(), needflush)) return Value();
  return int_from_int64(s->length);
}

// Adds encoded bytes to `pending` and passes them on / flushes as write() does.
bool queue_encoded(TextIOObject* t, std::string_view enc, bool needflush) {
  t->cp_valid = false;
  if (t->dbuf->size() || t->snap_valid) {
    t->dbuf->clear();
    t->rawtail->clear();
    t->dpos = 0;
    t->snap_valid = false;
    if (t->decoder != None && call_method0(t->decoder, "reset").is_empty_slot()) return false;
  }
  if (static_cast<int64_t>(t->pending->size() + enc.size()) > t->chunk_size && !write_pending(t)) return false;
  t->pending->append(enc);
  if ((static_cast<int64_t>(t->pending->size()) >= t->chunk_size || needflush || t->write_through) &&
      !write_pending(t))
    return false;
  if (needflush) {
    if (is_exact(t->buffer, BufferedWriterType) || is_exact(t->buffer, BufferedRandomType))
      return buffered_flush_value(t->buffer);
    return !call_method0(t->buffer, "flush").is_empty_slot();
  }
  return true;
}

// ---- positioning --------------------------------------------------------------------------------

Value textio_flush(Value* args, int64_t, TupleObject*) {
  TextIOObject* t = T(args[0]);
  if (!check_open(t)) return Value();
  t->telling = t->seekable;
  if (!write_pending(t)) return Value();
  return call_method0(t->buffer, "flush");
}

Value textio_tell(Value* args, int64_t, TupleObject*) {
  TextIOObject* t = T(args[0]);
  if (!check_open(t)) return Value();
  if (!t->seekable) return raise_unsupported("underlying stream is not seekable");
  if (!t->telling) return raise_msg(OSErrorType, "telling position disabled by next() call");
  if (call_method0(args[0], "flush").is_empty_slot()) return Value();
  if (!t->snap_valid) return call_method0(t->buffer, "tell");
  int64_t n;
  if (!raw_length(t, std::string_view(*t->dbuf).substr(0, static_cast<size_t>(t->dpos)), &n)) return Value();
  int64_t pos = t->snap_pos + n;
  if (t->cp_valid && t->readuniversal && t->native_codec != kNone) {
    // CPython's cookie: translated characters consumed since the chunk began.
    const std::string& d = *t->dbuf;
    int64_t chars = 0;
    for (size_t i = 0; i < static_cast<size_t>(t->dpos); ++i) {
      unsigned char c = static_cast<unsigned char>(d[i]);
      if ((c & 0xC0) == 0x80) continue;  // dbuf is UTF-8 whatever the codec
      if (t->readtranslate && c == '\r' && i + 1 < static_cast<size_t>(t->dpos) && d[i + 1] == '\n') continue;
      ++chars;
    }
    return cpython_cookie(t, chars);
  }
  return int_from_int64(pos);
}

void reset_read_state(TextIOObject* t) {
  t->cp_valid = false;
  t->dbuf->clear();
  t->rawtail->clear();
  t->dpos = 0;
  t->snap_valid = false;
  t->eof = false;
  t->lastcr = false;
}

Value textio_seek(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("seek", "seek", nargs - 1, kw, 1, 2)) return Value();
  TextIOObject* t = T(args[0]);
  if (!check_open(t)) return Value();
  Value cookie = args[1];
  int64_t whence = 0;
  if (nargs > 2 && !arg_index(args[2], 0, &whence)) return Value();
  if (!t->seekable) return raise_unsupported("underlying stream is not seekable");
  if (whence == 1) {
    if (!(is_int(cookie) && int_is_zero(cookie))) return raise_unsupported("can't do nonzero cur-relative seeks");
    cookie = call_method0(args[0], "tell");
    if (cookie.is_empty_slot()) return cookie;
  } else if (whence == 2) {
    if (!(is_int(cookie) && int_is_zero(cookie))) return raise_unsupported("can't do nonzero end-relative seeks");
    if (call_method0(args[0], "flush").is_empty_slot()) return Value();
    reset_read_state(t);
    if (t->decoder != None && call_method0(t->decoder, "reset").is_empty_slot()) return Value();
    Value r = call_method2(t->buffer, "seek", Value::from_small_int(0), Value::from_small_int(2));
    if (r.is_empty_slot()) return r;
    if (t->encoder != None) {
      if (is_int(r) && int_is_zero(r)) {
        if (call_method0(t->encoder, "reset").is_empty_slot()) return Value();
      } else if (call_method1(t->encoder, "setstate", Value::from_small_int(0)).is_empty_slot()) {
        return Value();
      }
    }
    return r;
  } else if (whence != 0) {
    return raise_fmt(ValueErrorType, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  }
  if (!is_int(cookie)) {
    Value i = index(cookie);
    if (i.is_empty_slot()) return i;
    cookie = i;
  }
  if (int_sign(cookie) < 0) {
    std::string r;
    if (!repr_string(cookie, &r)) return Value();
    return raise_fmt(ValueErrorType, "negative seek position %s", r.c_str());
  }
  if (call_method0(args[0], "flush").is_empty_slot()) return Value();
  reset_read_state(t);
  if (t->decoder != None && call_method0(t->decoder, "reset").is_empty_slot()) return Value();
  // A big cookie (see tell): start there, back over a pending '\r', and skip the chars.
  uint64_t fields[5] = {0, 0, 0, 0, 0};
  Value target = cookie;
  if (!(cookie.is_small_int() || int_to_bigint(cookie).limb_count() <= 1)) {
    if (!parse_cookie(cookie, fields)) return Value();
    if ((fields[1] & 1) && fields[0] > 0) --fields[0];
    target = int_from_int64(static_cast<int64_t>(fields[0]));
  }
  Value r = call_method1(t->buffer, "seek", target);
  if (r.is_empty_slot()) return r;
  if (fields[3] > 0) {
    std::string skipped;
    if (!read_text(t, static_cast<int64_t>(fields[3]), false, &skipped)) return Value();
  }
  if (t->encoder != None) {
    if (int_is_zero(cookie)) {
      if (call_method0(t->encoder, "reset").is_empty_slot()) return Value();
    } else if (call_method1(t->encoder, "setstate", Value::from_small_int(0)).is_empty_slot()) {
      return Value();
    }
  }
  return cookie;
}

Value textio_truncate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_positional("truncate", "truncate", nargs - 1, kw, 0, 1)) return Value();
  TextIOObject* t = T(args[0]);
  if (!check_open(t)) return Value();
  if (call_method0(args[0], "flush").is_empty_slot()) return Value();
  Value pos = nargs > 1 ? args[1] : None;
  return call_method1(t->buffer, "truncate", pos);
}

// ---- state --------------------------------------------------------------------------------------

Value textio_close(Value* args, int64_t, TupleObject*) {
  TextIOObject* t = T(args[0]);
  if (!check_attached(t)) return Value();
  int c = buffer_closed(t);
  if (c < 0) return Value();
  if (c) return None;
  Value r = call_method0(args[0], "flush");
  Value saved = r.is_empty_slot() ? take_exception() : Value();
  Value cr = call_method0(t->buffer, "close");
  if (!saved.is_empty_slot()) {
    if (cr.is_empty_slot()) {
      Value later = take_exception();
      as_exception(later)->context = saved;
      return raise(later);
    }
    return raise(saved);
  }
  return cr.is_empty_slot() ? cr : None;
}

Value textio_detach(Value* args, int64_t, TupleObject*) {
  TextIOObject* t = T(args[0]);
  if (!check_attached(t)) return Value();
  if (call_method0(args[0], "flush").is_empty_slot()) return Value();
  Value b = t->buffer;
  set_owned(b, false);
  t->buffer = None;
  t->ok = false;
  t->detached = true;
  return b;
}

Value delegate(Value self, const char* m) {
  TextIOObject* t = T(self);
  if (!check_attached(t)) return Value();
  return call_method0(t->buffer, m);
}
Value textio_fileno(Value* args, int64_t, TupleObject*) { return delegate(args[0], "fileno"); }
Value textio_isatty(Value* args, int64_t, TupleObject*) { return delegate(args[0], "isatty"); }
Value textio_seekable(Value* args, int64_t, TupleObject*) {
  TextIOObject* t = T(args[0]);
  if (!check_open(t)) return Value();
  return bool_value(t->seekable);
}
Value textio_readable(Value* args, int64_t, TupleObject*) { return delegate(args[0], "readable"); }
Value textio_writable(Value* args, int64_t, TupleObject*) { return delegate(args[0], "writable"); }

Value textio_reconfigure(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[5];
  if (!parse_args("reconfigure", args + 1, nargs - 1, kwnames,
                  {"encoding", "errors", "newline", "line_buffering", "write_through"}, 0, a, 0))
    return Value();
  TextIOObject* t = T(args[0]);
  if (!check_attached(t)) return Value();
  Value encoding = a[0].is_empty_slot() ? None : a[0];
  Value errors = a[1].is_empty_slot() ? None : a[1];
  if (!validate_encoding_arg(encoding, "encoding") || !validate_encoding_arg(errors, "errors")) return Value();
  bool has_read_state = t->decoder != None ? t->snap_valid : t->snap_valid;
  if ((encoding != None || !a[2].is_empty_slot()) && has_read_state && t->dbuf->size() > static_cast<size_t>(t->dpos))
    return raise_unsupported("It is not possible to set the encoding or newline of stream after the first read");
  if (call_method0(args[0], "flush").is_empty_slot()) return Value();
  if (encoding != None || errors != None) {
    if (encoding != None && as_str(encoding)->view() == "locale") encoding = str_value(default_text_encoding());
    if (encoding == None) encoding = t->encoding;
    if (errors == None) errors = a[0].is_empty_slot() ? t->errors : str_value("strict");
    Value old_enc = t->encoding, old_err = t->errors, old_e = t->encoder, old_d = t->decoder;
    int old_native = t->native_codec;
    t->encoding = encoding;
    t->errors = errors;
    if (!setup_codec(t) || !skip_bom_midstream(t)) {
      t->encoding = old_enc;
      t->errors = old_err;
      t->encoder = old_e;
      t->decoder = old_d;
      t->native_codec = old_native;
      return Value();
    }
  }
  if (!a[2].is_empty_slot() && !set_newline(t, a[2])) return Value();
  if (!a[3].is_empty_slot() && a[3] != None) {
    int v = is_true(a[3]);
    if (v < 0) return Value();
    t->line_buffering = v;
  }
  if (!a[4].is_empty_slot() && a[4] != None) {
    int v = is_true(a[4]);
    if (v < 0) return Value();
    t->write_through = v;
  }
  return None;
}

Value textio_repr(Value* args, int64_t, TupleObject*) {
  TextIOObject* t = T(args[0]);
  if (!t->ok && !t->detached) return raise_msg(ValueErrorType, "I/O operation on uninitialized object");
  std::string out = std::string("<") + args[0].as_obj()->type->name;
  auto add = [&](const char* attr, const char* label) -> bool {
    Value v = get_attr(args[0], attr);
    if (v.is_empty_slot()) {
      if (!pending_matches(ExceptionType)) return false;
      clear_exception();
      return true;
    }
    std::string r;
    if (!repr_string(v, &r)) return false;
    out += std::string(" ") + label + "=" + r;
    return true;
  };
  if (t->ok && (!add("name", "name") || !add("mode", "mode"))) return Value();
  if (t->encoding.is_obj() && is_str(t->encoding)) {
    std::string r;
    if (!repr_string(t->encoding, &r)) return Value();
    out += " encoding=" + r;
  }
  return str_value(out + ">");
}

Value textio_getstate(Value* args, int64_t, TupleObject*) {
  return raise_fmt(TypeErrorType, "cannot pickle '%s' object", args[0].as_obj()->type->name);
}

Value textio_encoding_get(Value self) { return T(self)->encoding; }
Value textio_errors_get(Value self) { return T(self)->errors; }
Value textio_line_buffering_get(Value self) { return bool_value(T(self)->line_buffering); }
Value textio_write_through_get(Value self) { return bool_value(T(self)->write_through); }
Value textio_buffer_get(Value self) { return T(self)->buffer.is_empty_slot() ? None : T(self)->buffer; }
Value textio_name_get(Value self) {
  TextIOObject* t = T(self);
  return check_attached(t) ? get_attr(t->buffer, "name") : Value();
}
Value textio_closed_get(Value self) {
  TextIOObject* t = T(self);
  return check_attached(t) ? get_attr(t->buffer, "closed") : Value();
}
Value textio_newlines_get(Value self) {
  TextIOObject* t = T(self);
  if (!check_attached(t)) return Value();
  if (t->native_codec == kNone && t->decoder == None) return None;
  if (!t->readuniversal) return None;
  return newlines_value(t->seennl);
}
Value textio_chunk_get(Value self) {
  TextIOObject* t = T(self);
  return check_attached(t) ? int_from_int64(t->chunk_size) : Value();
}
bool textio_chunk_set(Value self, Value v) {
  TextIOObject* t = T(self);
  if (!check_attached(t)) return false;
  if (v.is_empty_slot()) {
    raise_msg(AttributeErrorType, "cannot delete attribute");
    return false;
  }
  int64_t n;
  if (!arg_index(v, 0, &n)) return false;
  if (n <= 0) {
    raise_msg(ValueErrorType, "a strictly positive integer is required");
    return false;
  }
  t->chunk_size = n;
  return true;
}

const NativeMethodDef kTextIOMethods[] = {
    {"__new__", textio_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", textio_init},
    {"read", textio_read},
    {"readline", textio_readline},
    {"__next__", textio_next},
    {"write", textio_write},
    {"flush", textio_flush},
    {"tell", textio_tell},
    {"seek", textio_seek},
    {"truncate", textio_truncate},
    {"close", textio_close},
    {"detach", textio_detach},
    {"fileno", textio_fileno},
    {"isatty", textio_isatty},
    {"seekable", textio_seekable},
    {"readable", textio_readable},
    {"writable", textio_writable},
    {"reconfigure", textio_reconfigure},
    {"__repr__", textio_repr},
    {"__getstate__", textio_getstate},
};
const NativeGetSetDef kTextIOGetSets[] = {
    {"encoding", textio_encoding_get},
    {"errors", textio_errors_get},
    {"line_buffering", textio_line_buffering_get},
    {"write_through", textio_write_through_get},
    {"buffer", textio_buffer_get},
    {"name", textio_name_get},
    {"closed", textio_closed_get},
    {"newlines", textio_newlines_get},
    {"_CHUNK_SIZE", textio_chunk_get, textio_chunk_set},
};

}  // namespace

bool textio_write_text(Value self, std::string_view text, bool flush) {
  TextIOObject* t = T(self);
  // Only UTF-8 without translation or possible surrogates (0xED leads) skips the codec.
  bool fast = t->ok && t->can_write && t->native_codec == kUtf8 && t->writenl->empty() &&
              (is_exact(t->buffer, BufferedWriterType) ? buffered_is_open_fast(t->buffer)
                                                       : false) &&
              text.find('\xED') == std::string_view::npos;
  if (!fast) {
    Value s = str_value(text);
    if (s.is_empty_slot() || call_method1(self, "write", s).is_empty_slot()) return false;
    return !flush || !call_method0(self, "flush").is_empty_slot();
  }
  bool needflush = t->line_buffering && text.find_first_of("\n\r") != std::string_view::npos;
  if (!queue_encoded(t, text, needflush)) return false;
  if (flush) {
    t->telling = t->seekable;
    return write_pending(t) && buffered_flush_value(t->buffer);
  }
  return true;
}

bool init_textio_types(ModuleObject* m) {
  if (!TextIOWrapperType) {
    TextIOWrapperType = make_io_type("_io.TextIOWrapper", sizeof(TextIOObject), visit_textio, TextIOBaseType);
    TextIOWrapperType->finalize = finalize_textio;
    add_methods(TextIOWrapperType, kTextIOMethods);
    add_getsets(TextIOWrapperType, kTextIOGetSets);
  }
  return !m || module_add(m, "TextIOWrapper", Value::from_obj(TextIOWrapperType));
}

}  // namespace coil::lib::io
