// io_internal.h — the object layouts, type handles and shared helpers of the _io module
// (io_base.cpp, io_fileio.cpp, io_bytesio.cpp, io_stringio.cpp, io_buffered.cpp,
// io_textio.cpp, io_module.cpp).
#pragma once

#include <string>
#include <string_view>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::lib::io {

// Every _io object starts with this: its attribute dict (CPython's io objects have __dict__:
// open() stores `mode` there) and _IOBase's own "closed" flag (__IOBase_closed).
struct IOBaseObject : rt::Object {
  rt::DictObject* dict;
  bool iobase_closed;
  // Wrapped by a buffered object or text wrapper: the collector's __del__ leaves closing to
  // the wrapper, which must flush through this object first (the order in which the
  // collector finalises a dead wrapper and its parts is arbitrary).
  bool owned;
};

// Marks `inner` (if it is an _io object) as owned or no longer owned by a wrapper.
void set_owned(rt::Value inner, bool owned);

struct FileIOObject : IOBaseObject {
  int fd;           // -1 once closed
  bool readable, writable, appending, created;
  bool closefd;
  signed char seekable;  // -1: not yet known
  int blksize;
};

// BufferedReader / BufferedWriter / BufferedRandom share one layout and one engine.
struct BufferedObject : IOBaseObject {
  rt::Value raw;
  std::string* rbuf;      // read-ahead bytes; rbuf[rpos:] not yet returned (owned)
  std::string* wbuf;      // bytes written but not yet passed to raw (owned)
  int64_t rpos;
  int64_t buffer_size;
  bool readable, writable;
  bool detached, ok;      // ok: __init__ ran
};

struct BufferedPairObject : IOBaseObject {
  rt::Value reader, writer;
};

struct BytesIOObject : IOBaseObject {
  rt::Value buf;          // a bytearray holding the contents (getbuffer() views it)
  int64_t pos;
  bool closed;
  int64_t exports;
};

struct StringIOObject : IOBaseObject {
  std::u32string* text;   // the contents as code points (owned; freed by finalize)
  int64_t pos;
  bool closed, ok;
  rt::Value newline;      // None, '', '\n', '\r', '\r\n' as given
  int seennl;             // newline kinds seen when reading universally (NewlineDecoderObject)
  bool writenl_set;       // newline is '\r' or '\r\n': '\n' written becomes writenl
  bool readuniversal, readtranslate;
  char writenl[3];
};

struct NewlineDecoderObject : IOBaseObject {
  rt::Value decoder;      // the wrapped incremental decoder, or None
  bool translate, pendingcr, ok;
  int seennl;             // bit 1: '\n', 2: '\r', 4: '\r\n'
};

struct TextIOObject : IOBaseObject {
  rt::Value buffer;
  rt::Value encoding, errors;   // str
  rt::Value newline;            // as given: None or str
  rt::Value encoder, decoder;   // Python incremental codec objects (None on the native path)
  std::string* dbuf;            // decoded text (UTF-8, newlines untranslated); dbuf[dpos:] unread
  std::string* rawtail;         // native decoding: an incomplete multi-byte tail of the last chunk
  std::string* writenl;         // what '\n' becomes on write (empty: no translation)
  std::string* readnl;          // the line ending read by readline when not universal
  std::string* pending;         // encoded text not yet passed to buffer.write (up to chunk_size)
  int64_t dpos;
  int64_t snap_pos;             // byte position of dbuf[0] in the buffer (when snap_valid)
  int64_t chunk_size;
  int native_codec;             // NativeCodec: 0 none (Python codec objects), 1 utf-8, 2 latin-1, 3 ascii
  int seennl;                   // 1: '\n', 2: '\r', 4: '\r\n' (the newlines attribute)
  bool ok, detached, eof, snap_valid, lastcr;
  bool line_buffering, write_through;
  bool readuniversal, readtranslate;
  bool seekable, telling, has_read1, can_read, can_write;
  // CPython's tell() snapshot of the current chunk (universal newlines, native codecs): the
  // decoder's pending-CR flag before it, its input (undecoded tail + chunk) from cp_start,
  // and the chunk's bytes-per-char ratio; see io_cookie.cpp.
  bool cp_valid, cp_flags;
  double cp_ratio;
  int64_t cp_start;
  std::string* cp_input;
  bool bom_codec;               // utf-16 / utf-32: no BOM on a stream that cannot seek
};

extern rt::TypeObject* IOBaseType;
extern rt::TypeObject* RawIOBaseType;
extern rt::TypeObject* BufferedIOBaseType;
extern rt::TypeObject* TextIOBaseType;
extern rt::TypeObject* FileIOType;
extern rt::TypeObject* BytesIOType;
extern rt::TypeObject* StringIOType;
extern rt::TypeObject* BufferedReaderType;
extern rt::TypeObject* BufferedWriterType;
extern rt::TypeObject* BufferedRandomType;
extern rt::TypeObject* BufferedRWPairType;
extern rt::TypeObject* TextIOWrapperType;
extern rt::TypeObject* NewlineDecoderType;
extern rt::TypeObject* UnsupportedOperationType;

constexpr int64_t kDefaultBufferSize = 8192;

// Type creation, one per file; each adds its types to the module.
bool init_base_types(rt::ModuleObject* m);
bool init_fileio_type(rt::ModuleObject* m);
bool init_bytesio_type(rt::ModuleObject* m);
bool init_stringio_type(rt::ModuleObject* m);
bool init_buffered_types(rt::ModuleObject* m);
bool init_textio_types(rt::ModuleObject* m);

// A native type of the _io module: has an instance dict, a visit that reports it (and
// `visit_more`), and (for the closable ones) a __del__ that closes. Subclassable.
rt::TypeObject* make_io_type(const char* name, uint32_t size, rt::VisitFn visit_more, rt::TypeObject* base);
// Reports an IOBaseObject's dict (for visit functions).
void visit_iobase(rt::Object* self, rt::Visitor& v);

// Raises io.UnsupportedOperation(msg).
rt::Value raise_unsupported(const char* msg);
// Raises "ValueError: I/O operation on closed file."
rt::Value raise_closed();
// Raises the OSError subclass for errno `err` ("[Errno 2] No such file or directory: 'x'").
rt::Value raise_errno(int err, rt::Value filename = rt::Value());

// Is `v` an instance of `t` (subclasses included)?
inline bool instance_of(rt::Value v, rt::TypeObject* t) { return v.is_obj() && rt::is_subtype(v.as_obj()->type, t); }

// Calls obj.name(*args).
rt::Value call_method0(rt::Value obj, const char* name);
rt::Value call_method1(rt::Value obj, const char* name, rt::Value a);
rt::Value call_method2(rt::Value obj, const char* name, rt::Value a, rt::Value b);

// Checks `obj.closed` generically (ValueError when true); false with an exception pending.
bool check_closed_attr(rt::Value obj);
// The `size` argument of read()-style methods: None or absent is -1; else an index.
bool size_arg(rt::Value v, int64_t* out);
// A writable view of a buffer object (bytearray, or a memoryview of one); false with
// TypeError pending.
bool writable_buffer(rt::Value v, char** data, int64_t* size, const char* fname);
// The bytes of a bytes-like object, TypeError "a bytes-like object is required, not 'str'".
bool readable_buffer(rt::Value v, std::string_view* out);

// Low-level syscalls retried on EINTR; -1 with errno set.
int64_t sys_read(int fd, char* buf, int64_t n);
int64_t sys_write(int fd, const char* buf, int64_t n);

// Encoding helpers shared by TextIOWrapper and open().
// The encoding to use for `encoding=None` (locale's preferred: UTF-8 in the C/POSIX
// and UTF-8 locales) — what text_encoding() and TextIOWrapper pick.
std::string default_text_encoding();

// Text conversions between UTF-8 str data and code points.
std::u32string to_u32(std::string_view utf8);
rt::Value u32_str(std::u32string_view text);
// Translates "\r\n" and "\r" to "\n" (when `translate`), recording the kinds seen in
// *seennl (1: "\n", 2: "\r", 4: "\r\n"); a final "\r" is kept pending unless `final`.
std::u32string translate_newlines(std::u32string_view in, bool translate, bool final, bool* pendingcr, int* seennl);
// The `newlines` attribute value for a seennl mask: None, a str or a tuple.
rt::Value newlines_value(int seennl);
// Finds the end of the first line in `text` from `start`: the index just past the line
// ending, or npos. `universal`: any of \r, \n, \r\n; else `readnl`.
size_t find_line_end(std::u32string_view text, size_t start, bool translated, bool universal, std::u32string_view readnl);

// tell() as CPython computes it from the chunk snapshot (io_cookie.cpp): the cookie for
// `chars_used` translated characters consumed since the chunk began; empty on error.
rt::Value cpython_cookie(TextIOObject* t, int64_t chars_used);
// Splits a cookie into start, decoder flags, bytes to feed, chars to skip, need EOF.
bool parse_cookie(rt::Value cookie, uint64_t fields[5]);

// Buffered-object helpers used by TextIOWrapper's fast path.
bool buffered_flush_value(rt::Value self);
// write() of an exact BufferedWriter/BufferedRandom without the call machinery.
bool buffered_write_bytes(rt::Value self, std::string_view data);
// Is this exact buffered object initialised over an open exact FileIO?
bool buffered_is_open_fast(rt::Value self);
// print()'s path into an exact TextIOWrapper (UTF-8 text); false with an exception pending.
bool textio_write_text(rt::Value self, std::string_view text, bool flush);

// Flushes every still-open buffered writer and text stream (at exit, as PyPy and CPython's
// finalisation do).
void flush_all_open();
// Registers an object to be flushed at exit (weakly).
void register_for_exit_flush(rt::Object* o);

}  // namespace coil::lib::io
