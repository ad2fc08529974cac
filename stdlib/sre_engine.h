// sre_engine.h — the regular-expression engine behind _sre: it runs the code lists that
// CPython 3.11's pure-Python re compiler produces, over a buffer of 1-byte or 4-byte chars.
//
// The engine is plain C++ (no GC objects): the caller turns the subject into a buffer,
// fills an SreState, and reads positions back. Backtracking uses explicit stacks inside
// SreState (frames, saved marks, repeat contexts), never C++ recursion, so deep or long
// matches cannot overflow the native stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace coil::lib::sre {

enum class Op : uint32_t {
#define SRE_OP(name) name,
#include "stdlib/sre_opcodes.def"
};
enum class At : uint32_t {
#define SRE_AT(name) name,
#include "stdlib/sre_opcodes.def"
};
enum class Category : uint32_t {
#define SRE_CATEGORY(name) name,
#include "stdlib/sre_opcodes.def"
};
// Positions pinned to re/_constants.py's numbering.
static_assert(static_cast<uint32_t>(Op::SUCCESS) == 1);
static_assert(static_cast<uint32_t>(Op::ATOMIC_GROUP) == 27);
static_assert(static_cast<uint32_t>(Op::RANGE_UNI_IGNORE) == 42);
static_assert(static_cast<uint32_t>(At::UNI_NON_BOUNDARY) == 11);
static_assert(static_cast<uint32_t>(Category::UNI_NOT_LINEBREAK) == 17);

constexpr uint32_t kMagic = 20220615;
constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;          // _sre.MAXREPEAT (CODESIZE 4)
constexpr int64_t kMaxGroups = 0x3FFFFFFF;            // _sre.MAXGROUPS: INT32_MAX / 2
constexpr uint32_t kInfoPrefix = 1, kInfoLiteral = 2, kInfoCharset = 4;

// Results of sre_match / sre_search besides 0 (no match) and 1 (match).
enum : int {
  kErrIllegal = -1,      // malformed code met at run time
  kErrState = -2,        // MAX_UNTIL/MIN_UNTIL without a REPEAT
  kErrMemory = -9,
  kErrInterrupted = -10, // the eval breaker raised (KeyboardInterrupt is pending)
};

// One entry of the frame stack: an operation waiting for a sub-match's result.
struct SreFrame {
  const uint32_t* pc;
  int64_t ptr;
  int64_t count;
  int64_t lastmark, lastindex;  // saved for LASTMARK-style restores
  int64_t saved_last_ptr;
  int32_t rep;
  uint8_t resume;
  bool toplevel;
};
// A REPEAT's context (count of iterations, the REPEAT's arguments, empty-loop guard).
struct SreRepeat {
  int64_t count;
  const uint32_t* pattern;
  int64_t last_ptr;
  int32_t prev;
};

// What one match/search works on and produces. Positions are char indexes; -1 marks an
// unset group boundary.
struct SreState {
  const void* buf = nullptr;
  int charsize = 1;         // 1: bytes or ASCII text; 4: UCS-4 text
  bool unicode = false;     // the subject is text (str)
  int64_t length = 0;       // chars in buf (the "beginning" is index 0)
  int64_t start = 0;        // where the current attempt starts
  int64_t end = 0;          // endpos (clamped)
  int64_t pos = 0;          // the pos argument (clamped)
  int64_t ptr = 0;          // end of the match on success
  int64_t lastmark = -1, lastindex = -1;
  std::vector<int64_t> marks;  // 2 per group
  bool must_advance = false;   // an empty match at `start` is refused (finditer, sub, split)
  bool match_all = false;      // fullmatch
  // Scratch stacks reused across calls.
  int32_t repeat = -1;
  int32_t free_repeat = -1;
  std::vector<SreFrame> frames;
  std::vector<int64_t> mark_stack;
  std::vector<SreRepeat> repeats;
  uint64_t steps = 0;

  void reset() {
    lastmark = lastindex = -1;
    repeat = -1;
  }
};

// Anchored match at state.start (state.match_all for fullmatch). 1, 0, or an error code.
int sre_match(SreState& st, const uint32_t* code);
// First match at or after state.start; on success state.start is where it begins.
int sre_search(SreState& st, const uint32_t* code);

// Checks a code list the way CPython's _validate does (so malformed code from
// _sre.compile is refused up front rather than misbehaving). True when valid.
bool sre_validate(const uint32_t* code, size_t n, int64_t groups);

// Case and class helpers the re compiler calls through _sre.
uint32_t sre_lower_ascii(uint32_t ch);
uint32_t sre_lower_unicode(uint32_t ch);
uint32_t sre_upper_unicode(uint32_t ch);
bool sre_unicode_iscased(uint32_t ch);

}  // namespace coil::lib::sre
