// io_support.h — the minimal text streams behind sys.stdin/stdout/stderr and print(),
// until the full _io stack lands (issue: import system and native modules).
#pragma once

#include <string>
#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::lib {

// Writes `text` to `file` (a stream object, or empty for sys.stdout) via its write().
bool write_to_file(rt::Value file, std::string_view text, bool flush);
// The standard streams as objects; made by init_std_streams.
rt::Value std_stream(int fd);
bool init_std_streams(bool unbuffered);
// Flushes stdout and stderr (at exit and before printing tracebacks).
void flush_std_streams();

}  // namespace coil::lib
