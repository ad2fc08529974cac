// faulthandler_dump.cpp — async-signal-safe traceback dumping for the faulthandler module: reads
// thread states and frames in place and formats numbers and names by hand onto write(2).
#include "stdlib/faulthandler_dump.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "runtime/frame.h"
#include "runtime/function.h"
#include "runtime/str.h"
#include "runtime/thread.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

constexpr int kMaxFrameDepth = 100;
constexpr int kMaxThreads = 100;
constexpr int64_t kMaxStringLength = 500;  // code points of a name or file name shown

void write_bytes(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w <= 0) return;  // nothing to be done about a failing write here
    p += w;
    n -= static_cast<size_t>(w);
  }
}

// Lowercase hex of `value`, zero-padded to `width` digits.
void write_hex(int fd, uint64_t value, int width) {
  char buf[17];
  int n = 0;
  char digits[16];
  do {
    digits[n++] = "0123456789abcdef"[value & 15];
    value >>= 4;
  } while (value && n < 16);
  int len = 0;
  for (int i = n; i < width && len < 16; ++i) buf[len++] = '0';
  while (n > 0) buf[len++] = digits[--n];
  write_bytes(fd, buf, static_cast<size_t>(len));
}

void write_decimal(int fd, uint64_t value) {
  char buf[21];
  int n = 0;
  do {
    buf[sizeof buf - 1 - n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value);
  write_bytes(fd, buf + sizeof buf - n, static_cast<size_t>(n));
}

// A str as printable ASCII: other code points as \xNN, \uNNNN or \UNNNNNNNN; long ones cut
// with "...".
void write_ascii(int fd, const StrObject* s) {
  const char* p = s->data;
  const char* end = p + s->nbytes;
  int64_t count = 0;
  while (p < end) {
    if (count++ == kMaxStringLength) {
      fault_puts(fd, "...");
      return;
    }
    uint32_t cp = decode_utf8(p);
    if (cp >= ' ' && cp <= 126) {
      char c = static_cast<char>(cp);
      write_bytes(fd, &c, 1);
    } else if (cp <= 0xff) {
      fault_puts(fd, "\\x");
      write_hex(fd, cp, 2);
    } else if (cp <= 0xffff) {
      fault_puts(fd, "\\u");
      write_hex(fd, cp, 4);
    } else {
      fault_puts(fd, "\\U");
      write_hex(fd, cp, 8);
    }
  }
}

bool looks_like_str(const StrObject* s) { return s && s->type == StrType; }

void dump_frame(int fd, const Frame* f) {
  const CodeObject* code = f->code;
  fault_puts(fd, "  File ");
  if (looks_like_str(code->filename)) {
    fault_puts(fd, "\"");
    write_ascii(fd, code->filename);
    fault_puts(fd, "\"");
  } else {
    fault_puts(fd, "???");
  }
  fault_puts(fd, ", line ");
  int line = code_line(code, f->pc);
  if (line >= 0) write_decimal(fd, static_cast<uint64_t>(line));
  else fault_puts(fd, "???");
  fault_puts(fd, " in ");
  if (looks_like_str(code->name)) write_ascii(fd, code->name);
  else fault_puts(fd, "???");
  fault_puts(fd, "\n");
}

}  // namespace

void fault_puts(int fd, const char* text) { write_bytes(fd, text, std::strlen(text)); }

void dump_thread_traceback(int fd, const ThreadState& ts, bool header) {
  if (header) fault_puts(fd, "Stack (most recent call first):\n");
  const Frame* f = ts.frame;
  if (!f) {
    fault_puts(fd, "  <no Python frame>\n");
    return;
  }
  for (int depth = 0; f; f = f->back, ++depth) {
    if (depth >= kMaxFrameDepth) {
      fault_puts(fd, "  ...\n");
      break;
    }
    dump_frame(fd, f);
  }
}

void dump_all_thread_tracebacks(int fd, const ThreadState* current) {
  struct Ctx {
    int fd;
    const ThreadState* current;
    int count;
  } ctx{fd, current, 0};
  for_each_thread_state(
      [](ThreadState& ts, void* p) {
        auto* c = static_cast<Ctx*>(p);
        if (c->count > kMaxThreads) return;
        if (c->count != 0) fault_puts(c->fd, "\n");
        if (c->count++ == kMaxThreads) {
          fault_puts(c->fd, "...\n");
          return;
        }
        fault_puts(c->fd, &ts == c->current ? "Current thread 0x" : "Thread 0x");
        write_hex(c->fd, ts.thread_id, 16);
        fault_puts(c->fd, " (most recent call first):\n");
        dump_thread_traceback(c->fd, ts, false);
      },
      &ctx);
}

void format_timeout_header(int64_t us, char* buf, size_t size) {
  int64_t sec = us / 1000000;
  us %= 1000000;
  int64_t min = sec / 60;
  sec %= 60;
  int64_t hour = min / 60;
  min %= 60;
  if (us != 0)
    std::snprintf(buf, size, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", static_cast<long long>(hour),
                  static_cast<long long>(min), static_cast<long long>(sec), static_cast<long long>(us));
  else
    std::snprintf(buf, size, "Timeout (%lld:%02lld:%02lld)!\n", static_cast<long long>(hour),
                  static_cast<long long>(min), static_cast<long long>(sec));
}

}  // namespace coil::lib
