// sre_objects.h — what the _sre module's files share: the Pattern, Match and Scanner object
// layouts, the subject (the str or bytes-like being searched, as a char buffer) and the
// helpers that turn engine positions back into Python values.
#pragma once

#include "runtime/bytes_export.h"
#include "runtime/bytes.h"
#include "stdlib/native_type_util.h"
#include "stdlib/sre_engine.h"

namespace coil::lib::sre {

struct PatternObject : rt::Object {
  rt::Value pattern;        // the source: str, bytes, or None
  rt::Value groupindex;     // dict name -> group number
  rt::Value indexgroup;     // tuple group number -> name or None
  rt::BytesObject* code;    // the code words (uint32), kept in a GC-owned buffer
  int64_t ncode;
  int64_t flags;
  int64_t groups;           // capturing groups, group 0 not counted
  int32_t isbytes;          // -1: either (pattern None), 0: str, 1: bytes
  const uint32_t* words() const { return reinterpret_cast<const uint32_t*>(code->data); }
};

struct MatchObject : rt::Object {
  PatternObject* pattern;
  rt::Value string;         // the subject as passed
  rt::Value text;           // exact str or bytes the group slices are taken from
  int64_t pos, endpos;
  int64_t lastindex;        // -1: none
  int64_t ngroups;          // groups + 1
  int64_t regs[];           // start, end per group; -1, -1 when it did not take part
};

struct ScannerObject : rt::Object {
  PatternObject* pattern;
  rt::Value string, text;
  rt::Value holder;         // decoded UCS-4 copy of a non-ASCII str (bytes), or empty
  int64_t pos, endpos;      // clamped
  int64_t start;            // where the next match/search begins
  bool must_advance;
  bool executing;
  rt::ExportCount* exports;  // the subject's buffer export (a bytearray stays unresizable), or null
};

// The subject of one call as a char buffer. `holder` owns decoded or copied chars.
struct Subject {
  rt::Value string;
  rt::Value text;
  rt::Value holder;
  bool isbytes = false;
  int charsize = 1;
  const void* buf = nullptr;
  int64_t length = 0;
};

// Borrows a scratch SreState (from a per-thread pool) whose stacks keep their capacity
// between calls, so a match costs no allocations once warm.
class StateLease {
 public:
  StateLease();
  ~StateLease();
  StateLease(const StateLease&) = delete;
  StateLease& operator=(const StateLease&) = delete;
  SreState& operator*() { return *st_; }

 private:
  SreState* st_;
};

extern rt::TypeObject* g_pattern_type;
extern rt::TypeObject* g_match_type;
extern rt::TypeObject* g_scanner_type;

// Fills `s` from a str or bytes-like object; TypeError "expected string or bytes-like
// object, got 'int'" otherwise.
bool load_subject(rt::Value string, Subject* s);
// Sets up `st` for pattern p on subject s over [pos, endpos] (clamped as CPython does);
// TypeError when str/bytes kinds differ.
bool init_state(PatternObject* p, const Subject& s, int64_t pos, int64_t endpos, SreState* st);
// Raises the exception for an engine error code (KeyboardInterrupt is already pending).
rt::Value raise_engine_error(int code);
// text[i:j] as an exact str or bytes (chars, not bytes, for str).
rt::Value slice_text(rt::Value text, bool isbytes, int64_t i, int64_t j);
// The Match for a successful match in `st`.
rt::Value new_match(PatternObject* p, const Subject& s, const SreState& st);
// Group i of a match in st as a slice, or `dflt` if the group did not take part.
rt::Value state_group(const SreState& st, const Subject& s, int64_t i, rt::Value dflt);

bool init_match_type();

}  // namespace coil::lib::sre
