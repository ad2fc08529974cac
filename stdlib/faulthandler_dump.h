// faulthandler_dump.h — writing Python tracebacks straight to a file descriptor with nothing but
// write(2): usable from a signal handler (a fatal signal, a registered user signal) and from the
// watchdog thread of dump_traceback_later, none of which may allocate or take the GIL.
#pragma once

#include <cstddef>
#include <cstdint>

namespace coil::rt {
struct ThreadState;
}

namespace coil::lib {

// Writes `text` (NUL-terminated) to fd, ignoring errors.
void fault_puts(int fd, const char* text);

// "Stack (most recent call first):" (when `header`) then one "  File "f", line N in name" line
// per frame of `ts`, innermost first (at most 100 frames, then "  ...").
void dump_thread_traceback(int fd, const rt::ThreadState& ts, bool header);

// Every registered thread, newest first, each introduced by "Thread 0x…" — "Current thread 0x…"
// for `current` (may be null) — as CPython's _Py_DumpTracebackThreads.
void dump_all_thread_tracebacks(int fd, const rt::ThreadState* current);

// "Timeout (H:MM:SS[.ffffff])!\n" for a timeout of `us` microseconds, into buf (NUL-terminated).
void format_timeout_header(int64_t us, char* buf, size_t size);

}  // namespace coil::lib
