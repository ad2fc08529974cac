// io_support.h — what the runtime needs of the _io module (stdlib/io_module.cpp): the standard
// streams, writing text to a file object (print, tracebacks), and flushing at exit.
#pragma once

#include <string>
#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::lib {

// Writes `text` to `file` (a stream object, or empty for sys.stdout) via its write().
bool write_to_file(rt::Value file, std::string_view text, bool flush);
// The standard streams as objects; made by init_std_streams (TextIOWrappers over FileIO 0/1/2).
rt::Value std_stream(int fd);
bool init_std_streams(bool unbuffered);
// Switches the streams to a stdio encoding that needs the codec registry (PYTHONIOENCODING),
// once sys exists; exits with CPython's fatal error for an unknown encoding.
bool finish_std_streams();
// Flushes sys.stdout and sys.stderr (at exit and before printing tracebacks); errors ignored.
void flush_std_streams();
// Is `file` an exact _io.TextIOWrapper or StringIO (its write() cannot tell one call from many)?
bool is_native_text_stream(rt::Value file);
// open(): the builtin, also _io.open (the same object).
rt::Value io_open_builtin(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
// The exit-time flush of sys.stdout and sys.stderr: a failure on stdout is reported as
// "Exception ignored in: <stdout>" and returns false; stderr errors are dropped.
bool flush_std_streams_at_exit();
// Flushes every open buffered writer and text wrapper (at exit).
void flush_all_open_files();

}  // namespace coil::lib
