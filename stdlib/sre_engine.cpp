// sre_engine.cpp — the backtracking matcher that runs re's compiled code (see sre_engine.h).
//
// Design: `run` is one loop over the code. An operation that must try a sub-match and then
// continue depending on its outcome (BRANCH, the REPEAT family, lookarounds, atomic groups)
// saves its context as an SreFrame tagged with a Resume point and starts the sub-match in a
// fresh context; when a sub-match ends (SUCCESS or failure) the topmost frame is popped and
// control jumps to its resume label with `ret` holding the result. The frames live in a
// std::vector, so the depth of backtracking is bounded by memory, not by the C++ stack.
//
// The semantics follow the SRE engine exactly where results depend on them: which marks
// are saved and restored around alternatives (only inside repeats, as SRE does), the
// lastmark/lastindex rules, the empty-iteration guard of REPEAT (`last_ptr`), the
// "toplevel" checks of SUCCESS (fullmatch and must_advance apply only to the outermost
// pattern, not to lookaround or atomic bodies), and lookbehind seeing text before `pos`.
#include "stdlib/sre_engine.h"

#include <cctype>
#include <cstring>

#include "runtime/eval_breaker.h"
#include "runtime/unicode_db.h"

namespace coil::lib::sre {

namespace {

constexpr uint32_t op(Op o) { return static_cast<uint32_t>(o); }

// Where a suspended operation continues when its sub-match returns.
enum class Resume : uint8_t {
  Branch, RepeatOneLiteral, RepeatOne, MinRepeatOne, Repeat, MaxUntil1, MaxUntil2, MaxUntil3,
  MinUntil1, MinUntil2, MinUntil3, Possessive1, Possessive2, Assert, AssertNot, Atomic,
};

bool is_ascii_word(uint32_t ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}
bool is_ascii_digit(uint32_t ch) { return ch >= '0' && ch <= '9'; }
bool is_ascii_space(uint32_t ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
bool is_loc_word(uint32_t ch) { return ch < 256 && (std::isalnum(static_cast<int>(ch)) || ch == '_'); }
bool is_uni_word(uint32_t ch) { return ch == '_' || rt::uni_is_alnum(ch); }
uint32_t lower_locale(uint32_t ch) { return ch < 256 ? static_cast<uint32_t>(std::tolower(static_cast<int>(ch))) : ch; }
uint32_t upper_locale(uint32_t ch) { return ch < 256 ? static_cast<uint32_t>(std::toupper(static_cast<int>(ch))) : ch; }

// ASCII chars take the table-free answers; the Unicode database is asked only beyond.
inline bool uni_digit(uint32_t ch) { return ch < 128 ? is_ascii_digit(ch) : rt::uni_is_decimal(ch); }
inline bool uni_space(uint32_t ch) { return ch < 128 ? is_ascii_space(ch) || (ch >= 0x1c && ch <= 0x1f) : rt::uni_is_space(ch); }
inline bool uni_word(uint32_t ch) { return ch < 128 ? is_ascii_word(ch) : is_uni_word(ch); }
inline bool uni_linebreak(uint32_t ch) {
  return ch < 128 ? ch == '\n' || ch == '\r' || (ch >= 0x0b && ch <= 0x0c) || (ch >= 0x1c && ch <= 0x1e)
                  : rt::uni_is_linebreak(ch);
}

inline bool category(uint32_t code, uint32_t ch) {
  switch (static_cast<Category>(code)) {
    case Category::DIGIT: return is_ascii_digit(ch);
    case Category::NOT_DIGIT: return !is_ascii_digit(ch);
    case Category::SPACE: return is_ascii_space(ch);
    case Category::NOT_SPACE: return !is_ascii_space(ch);
    case Category::WORD: return is_ascii_word(ch);
    case Category::NOT_WORD: return !is_ascii_word(ch);
    case Category::LINEBREAK: return ch == '\n';
    case Category::NOT_LINEBREAK: return ch != '\n';
    case Category::LOC_WORD: return is_loc_word(ch);
    case Category::LOC_NOT_WORD: return !is_loc_word(ch);
    case Category::UNI_DIGIT: return uni_digit(ch);
    case Category::UNI_NOT_DIGIT: return !uni_digit(ch);
    case Category::UNI_SPACE: return uni_space(ch);
    case Category::UNI_NOT_SPACE: return !uni_space(ch);
    case Category::UNI_WORD: return uni_word(ch);
    case Category::UNI_NOT_WORD: return !uni_word(ch);
    case Category::UNI_LINEBREAK: return uni_linebreak(ch);
    case Category::UNI_NOT_LINEBREAK: return !uni_linebreak(ch);
  }
  return false;
}

// Is `ch` in the set whose ops start at `set` (ends at FAILURE)? Validated code only.
bool charset(const uint32_t* set, uint32_t ch) {
  bool ok = true;
  for (;;) {
    switch (static_cast<Op>(*set++)) {
      case Op::FAILURE: return !ok;
      case Op::LITERAL:
        if (ch == set[0]) return ok;
        set += 1;
        break;
      case Op::CATEGORY:
        if (category(set[0], ch)) return ok;
        set += 1;
        break;
      case Op::CHARSET:
        if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
        set += 8;
        break;
      case Op::RANGE:
        if (set[0] <= ch && ch <= set[1]) return ok;
        set += 2;
        break;
      case Op::RANGE_UNI_IGNORE: {
        if (set[0] <= ch && ch <= set[1]) return ok;
        uint32_t up = sre_upper_unicode(ch);
        if (set[0] <= up && up <= set[1]) return ok;
        set += 2;
        break;
      }
      case Op::NEGATE: ok = !ok; break;
      case Op::BIGCHARSET: {
        // n, then 256 block numbers packed as bytes in native order, then n 256-bit blocks.
        uint32_t nblocks = *set++;
        const uint8_t* blocks = reinterpret_cast<const uint8_t*>(set);
        set += 64;
        if (ch < 0x10000) {
          uint32_t b = blocks[ch >> 8];
          uint32_t bit = b * 256 + (ch & 255);
          if (set[bit >> 5] & (1u << (bit & 31))) return ok;
        }
        set += nblocks * 8;
        break;
      }
      default: return false;  // unreachable after validation
    }
  }
}

bool charset_loc_ignore(const uint32_t* set, uint32_t ch) {
  uint32_t lo = lower_locale(ch);
  if (charset(set, lo)) return true;
  uint32_t up = upper_locale(ch);
  return up != lo && charset(set, up);
}
bool char_loc_ignore(uint32_t pattern, uint32_t ch) {
  return ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern;
}

template <typename CharT>
class Matcher {
 public:
  Matcher(SreState& st) : st_(st), s_(static_cast<const CharT*>(st.buf)) {}
  int run(const uint32_t* pc, bool toplevel);
  int64_t count(const uint32_t* item, int64_t maxcount);
  bool at(int64_t ptr, uint32_t code) const;
  // Does the single-char op at `item` accept ch? (the REPEAT_ONE items and search filters)
  bool one(const uint32_t* item, uint32_t ch) const;

 private:
  void mark_push(int64_t lastmark) {
    if (lastmark >= 0) st_.mark_stack.insert(st_.mark_stack.end(), st_.marks.begin(), st_.marks.begin() + lastmark + 1);
  }
  void mark_pop_keep(int64_t lastmark) {
    if (lastmark >= 0)
      std::memcpy(st_.marks.data(), st_.mark_stack.data() + st_.mark_stack.size() - (lastmark + 1),
                  (lastmark + 1) * sizeof(int64_t));
  }
  void mark_pop_discard(int64_t lastmark) {
    if (lastmark >= 0) st_.mark_stack.resize(st_.mark_stack.size() - (lastmark + 1));
  }
  void mark_pop(int64_t lastmark) {
    mark_pop_keep(lastmark);
    mark_pop_discard(lastmark);
  }
  int32_t new_repeat() {
    if (st_.free_repeat >= 0) {
      int32_t r = st_.free_repeat;
      st_.free_repeat = st_.repeats[r].prev;
      return r;
    }
    st_.repeats.push_back({});
    return static_cast<int32_t>(st_.repeats.size() - 1);
  }
  void free_repeat(int32_t r) {
    st_.repeats[r].prev = st_.free_repeat;
    st_.free_repeat = r;
  }

  SreState& st_;
  const CharT* s_;
};

template <typename CharT>
bool Matcher<CharT>::at(int64_t ptr, uint32_t code) const {
  const int64_t end = st_.end;
  bool thatp, thisp;
  switch (static_cast<At>(code)) {
    case At::BEGINNING:
    case At::BEGINNING_STRING: return ptr == 0;
    case At::BEGINNING_LINE: return ptr == 0 || s_[ptr - 1] == '\n';
    case At::END: return (ptr + 1 == end && s_[ptr] == '\n') || ptr == end;
    case At::END_LINE: return ptr == end || s_[ptr] == '\n';
    case At::END_STRING: return ptr == end;
    case At::BOUNDARY:
    case At::NON_BOUNDARY:
      if (end == 0) return false;
      thatp = ptr > 0 && is_ascii_word(s_[ptr - 1]);
      thisp = ptr < end && is_ascii_word(s_[ptr]);
      return (thisp != thatp) == (static_cast<At>(code) == At::BOUNDARY);
    case At::LOC_BOUNDARY:
    case At::LOC_NON_BOUNDARY:
      if (end == 0) return false;
      thatp = ptr > 0 && is_loc_word(s_[ptr - 1]);
      thisp = ptr < end && is_loc_word(s_[ptr]);
      return (thisp != thatp) == (static_cast<At>(code) == At::LOC_BOUNDARY);
    case At::UNI_BOUNDARY:
    case At::UNI_NON_BOUNDARY:
      if (end == 0) return false;
      thatp = ptr > 0 && is_uni_word(s_[ptr - 1]);
      thisp = ptr < end && is_uni_word(s_[ptr]);
      return (thisp != thatp) == (static_cast<At>(code) == At::UNI_BOUNDARY);
  }
  return false;
}

template <typename CharT>
bool Matcher<CharT>::one(const uint32_t* item, uint32_t ch) const {
  switch (static_cast<Op>(item[0])) {
    case Op::ANY: return ch != '\n';
    case Op::ANY_ALL: return true;
    case Op::LITERAL: return ch == item[1];
    case Op::NOT_LITERAL: return ch != item[1];
    case Op::LITERAL_IGNORE: return sre_lower_ascii(ch) == item[1];
    case Op::NOT_LITERAL_IGNORE: return sre_lower_ascii(ch) != item[1];
    case Op::LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) == item[1];
    case Op::NOT_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) != item[1];
    case Op::LITERAL_LOC_IGNORE: return char_loc_ignore(item[1], ch);
    case Op::NOT_LITERAL_LOC_IGNORE: return !char_loc_ignore(item[1], ch);
    case Op::IN: return charset(item + 2, ch);
    case Op::IN_IGNORE: return charset(item + 2, sre_lower_ascii(ch));
    case Op::IN_UNI_IGNORE: return charset(item + 2, sre_lower_unicode(ch));
    case Op::IN_LOC_IGNORE: return charset_loc_ignore(item + 2, ch);
    case Op::CATEGORY: return category(item[1], ch);
    default: return false;
  }
}

// How many times the single-char `item` matches from st.ptr (at most maxcount); < 0: error.
template <typename CharT>
int64_t Matcher<CharT>::count(const uint32_t* item, int64_t maxcount) {
  const int64_t start = st_.ptr;
  int64_t end = st_.end;
  int64_t ptr = start;
  if (maxcount < end - ptr && maxcount != kMaxRepeat) end = ptr + maxcount;
  switch (static_cast<Op>(item[0])) {
    case Op::ANY_ALL:
      ptr = end > ptr ? end : ptr;
      break;
    case Op::LITERAL: {
      const uint32_t c = item[1];
      while (ptr < end && s_[ptr] == c) ++ptr;
      break;
    }
    case Op::NOT_LITERAL: {
      const uint32_t c = item[1];
      while (ptr < end && s_[ptr] != c) ++ptr;
      break;
    }
    case Op::ANY:
      while (ptr < end && s_[ptr] != '\n') ++ptr;
      break;
    case Op::IN:
      while (ptr < end && charset(item + 2, s_[ptr])) ++ptr;
      break;
    case Op::LITERAL_IGNORE: case Op::NOT_LITERAL_IGNORE: case Op::LITERAL_UNI_IGNORE:
    case Op::NOT_LITERAL_UNI_IGNORE: case Op::LITERAL_LOC_IGNORE: case Op::NOT_LITERAL_LOC_IGNORE:
    case Op::IN_IGNORE: case Op::IN_UNI_IGNORE: case Op::IN_LOC_IGNORE: case Op::CATEGORY:
      while (ptr < end && one(item, s_[ptr])) ++ptr;
      break;
    default:
      // A general one-char sub-pattern (only hand-made code gets here): match it repeatedly.
      while (st_.ptr < end) {
        int64_t before = st_.ptr;
        int r = run(item, false);
        if (r < 0) return r;
        if (!r || st_.ptr == before) break;
      }
      return st_.ptr - start;
  }
  return ptr - start;
}

template <typename CharT>
int Matcher<CharT>::run(const uint32_t* start_pc, bool toplevel) {
  const size_t base = st_.frames.size();
  const int64_t end = st_.end;
  std::vector<SreFrame>& frames = st_.frames;
  std::vector<int64_t>& marks = st_.marks;
  // The running operation's context is the top frame, worked on in place; `c` is re-read
  // whenever the vector may have grown (a CALL, or count() running a nested match).
  if (start_pc[0] == op(Op::INFO)) {
    // The INFO block's minimum width rules out short subjects at once.
    if (start_pc[3] && static_cast<uint64_t>(end - st_.ptr) < start_pc[3]) return 0;
    start_pc += start_pc[1] + 1;
  }
  frames.emplace_back();
  SreFrame* c = &frames.back();
  c->pc = start_pc;
  c->ptr = st_.ptr;
  c->toplevel = toplevel;
  int ret = 0;

// Starts the sub-match at `target` (from st.ptr); its result comes back at `label`.
#define CALL(kind, target, tl)                    \
  do {                                            \
    const uint32_t* next_pc_ = (target);          \
    const bool next_toplevel_ = (tl);             \
    c->resume = static_cast<uint8_t>(kind);       \
    frames.emplace_back();                        \
    c = &frames.back();                           \
    c->pc = next_pc_;                             \
    c->ptr = st_.ptr;                             \
    c->toplevel = next_toplevel_;                 \
    goto dispatch;                                \
  } while (0)
#define RETURN(v) \
  do {            \
    ret = (v);    \
    goto done;    \
  } while (0)
#define LASTMARK_SAVE()                \
  do {                                 \
    c->lastmark = st_.lastmark;       \
    c->lastindex = st_.lastindex;     \
  } while (0)
#define LASTMARK_RESTORE()             \
  do {                                 \
    st_.lastmark = c->lastmark;       \
    st_.lastindex = c->lastindex;     \
  } while (0)
#define REP (st_.repeats[c->rep])

dispatch:
  for (;;) {
    if ((++st_.steps & 0x3FFF) == 0 && rt::eval_breaker_set() && !rt::handle_eval_breaker())
      RETURN(kErrInterrupted);
    switch (static_cast<Op>(*c->pc++)) {
      case Op::FAILURE:
        RETURN(0);

      case Op::SUCCESS:
        if (c->toplevel && ((st_.match_all && c->ptr != end) || (st_.must_advance && c->ptr == st_.start)))
          RETURN(0);
        st_.ptr = c->ptr;
        RETURN(1);

      case Op::AT:
        if (!at(c->ptr, c->pc[0])) RETURN(0);
        c->pc += 1;
        break;

      case Op::CATEGORY:
        if (c->ptr >= end || !category(c->pc[0], s_[c->ptr])) RETURN(0);
        c->pc += 1;
        c->ptr += 1;
        break;

      case Op::ANY:
        if (c->ptr >= end || s_[c->ptr] == '\n') RETURN(0);
        c->ptr += 1;
        break;

      case Op::ANY_ALL:
        if (c->ptr >= end) RETURN(0);
        c->ptr += 1;
        break;

      case Op::LITERAL:
        if (c->ptr >= end || s_[c->ptr] != c->pc[0]) RETURN(0);
        c->pc += 1;
        c->ptr += 1;
        break;

      case Op::NOT_LITERAL:
        if (c->ptr >= end || s_[c->ptr] == c->pc[0]) RETURN(0);
        c->pc += 1;
        c->ptr += 1;
        break;

      case Op::LITERAL_IGNORE: case Op::NOT_LITERAL_IGNORE: case Op::LITERAL_UNI_IGNORE:
      case Op::NOT_LITERAL_UNI_IGNORE: case Op::LITERAL_LOC_IGNORE: case Op::NOT_LITERAL_LOC_IGNORE:
        if (c->ptr >= end || !one(c->pc - 1, s_[c->ptr])) RETURN(0);
        c->pc += 1;
        c->ptr += 1;
        break;

      case Op::IN: case Op::IN_IGNORE: case Op::IN_UNI_IGNORE: case Op::IN_LOC_IGNORE:
        if (c->ptr >= end || !one(c->pc - 1, s_[c->ptr])) RETURN(0);
        c->pc += c->pc[0];
        c->ptr += 1;
        break;

      case Op::INFO:
      case Op::JUMP:
        c->pc += c->pc[0];
        break;

      case Op::MARK: {
        int64_t i = c->pc[0];
        if (i & 1) st_.lastindex = i / 2 + 1;
        if (i > st_.lastmark) {
          for (int64_t j = st_.lastmark + 1; j < i; ++j) marks[j] = -1;
          st_.lastmark = i;
        }
        marks[i] = c->ptr;
        c->pc += 1;
        break;
      }

      case Op::GROUPREF: case Op::GROUPREF_IGNORE: case Op::GROUPREF_UNI_IGNORE: case Op::GROUPREF_LOC_IGNORE: {
        Op kind = static_cast<Op>(c->pc[-1]);
        int64_t g = static_cast<int64_t>(c->pc[0]) * 2;
        if (g >= st_.lastmark) RETURN(0);
        int64_t p = marks[g], e = marks[g + 1];
        if (p < 0 || e < 0 || e < p) RETURN(0);
        for (; p < e; ++p, ++c->ptr) {
          if (c->ptr >= end) RETURN(0);
          uint32_t a = s_[c->ptr], b = s_[p];
          bool same;
          switch (kind) {
            case Op::GROUPREF: same = a == b; break;
            case Op::GROUPREF_IGNORE: same = sre_lower_ascii(a) == sre_lower_ascii(b); break;
            case Op::GROUPREF_UNI_IGNORE: same = sre_lower_unicode(a) == sre_lower_unicode(b); break;
            default: same = lower_locale(a) == lower_locale(b); break;
          }
          if (!same) RETURN(0);
        }
        c->pc += 1;
        break;
      }

      case Op::GROUPREF_EXISTS: {
        int64_t g = static_cast<int64_t>(c->pc[0]) * 2;
        if (g >= st_.lastmark || marks[g] < 0 || marks[g + 1] < 0 || marks[g + 1] < marks[g]) {
          c->pc += c->pc[1];
          break;
        }
        c->pc += 2;
        break;
      }

      case Op::BRANCH:
        LASTMARK_SAVE();
        if (st_.repeat >= 0) mark_push(c->lastmark);
        goto branch_try;

      case Op::REPEAT_ONE:
        // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
        if (c->ptr + static_cast<int64_t>(c->pc[1]) > end) RETURN(0);
        st_.ptr = c->ptr;
        {
          int64_t n = count(c->pc + 3, c->pc[2]);
          c = &frames.back();
          c->count = n;
        }
        if (c->count < 0) RETURN(static_cast<int>(c->count));
        c->ptr += c->count;
        if (c->count < static_cast<int64_t>(c->pc[1])) RETURN(0);
        if (c->pc[c->pc[0]] == op(Op::SUCCESS) && c->ptr == end &&
            !(c->toplevel && st_.must_advance && c->ptr == st_.start)) {
          // The tail is empty and everything was eaten: no need to backtrack.
          st_.ptr = c->ptr;
          RETURN(1);
        }
        LASTMARK_SAVE();
        if (st_.repeat >= 0) mark_push(c->lastmark);
        if (c->pc[c->pc[0]] == op(Op::LITERAL)) goto repeat_one_literal;
        goto repeat_one_general;

      case Op::MIN_REPEAT_ONE:
        if (c->ptr + static_cast<int64_t>(c->pc[1]) > end) RETURN(0);
        st_.ptr = c->ptr;
        if (c->pc[1] == 0) {
          c->count = 0;
        } else {
          int64_t n = count(c->pc + 3, c->pc[1]);
          c = &frames.back();
          c->count = n;
          if (c->count < 0) RETURN(static_cast<int>(c->count));
          if (c->count < static_cast<int64_t>(c->pc[1])) RETURN(0);
          c->ptr += c->count;
        }
        if (c->pc[c->pc[0]] == op(Op::SUCCESS) &&
            !(c->toplevel && ((st_.match_all && c->ptr != end) || (st_.must_advance && c->ptr == st_.start)))) {
          st_.ptr = c->ptr;
          RETURN(1);
        }
        LASTMARK_SAVE();
        if (st_.repeat >= 0) mark_push(c->lastmark);
        goto min_repeat_one_try;

      case Op::POSSESSIVE_REPEAT_ONE:
        if (c->ptr + static_cast<int64_t>(c->pc[1]) > end) RETURN(0);
        st_.ptr = c->ptr;
        {
          int64_t n = count(c->pc + 3, c->pc[2]);
          c = &frames.back();
          c->count = n;
        }
        if (c->count < 0) RETURN(static_cast<int>(c->count));
        c->ptr += c->count;
        if (c->count < static_cast<int64_t>(c->pc[1])) RETURN(0);
        c->pc += c->pc[0];
        break;

      case Op::REPEAT: {
        // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail
        int32_t r = new_repeat();
        c->rep = r;
        st_.repeats[r] = SreRepeat{-1, c->pc, -1, st_.repeat};
        st_.repeat = r;
        st_.ptr = c->ptr;
        CALL(Resume::Repeat, c->pc + c->pc[0], c->toplevel);
      }

      case Op::MAX_UNTIL:
        c->rep = st_.repeat;
        if (c->rep < 0) RETURN(kErrState);
        st_.ptr = c->ptr;
        c->count = REP.count + 1;
        if (c->count < static_cast<int64_t>(REP.pattern[1])) {
          REP.count = c->count;
          CALL(Resume::MaxUntil1, REP.pattern + 3, c->toplevel);
        }
        if ((c->count < static_cast<int64_t>(REP.pattern[2]) || REP.pattern[2] == kMaxRepeat) &&
            st_.ptr != REP.last_ptr) {
          // Try one more iteration; remember where it started so an empty one stops the loop.
          REP.count = c->count;
          LASTMARK_SAVE();
          mark_push(c->lastmark);
          c->saved_last_ptr = REP.last_ptr;
          REP.last_ptr = st_.ptr;
          CALL(Resume::MaxUntil2, REP.pattern + 3, c->toplevel);
        }
        goto max_until_tail;

      case Op::MIN_UNTIL:
        c->rep = st_.repeat;
        if (c->rep < 0) RETURN(kErrState);
        st_.ptr = c->ptr;
        c->count = REP.count + 1;
        if (c->count < static_cast<int64_t>(REP.pattern[1])) {
          REP.count = c->count;
          CALL(Resume::MinUntil1, REP.pattern + 3, c->toplevel);
        }
        // Lazy: see whether the tail matches before trying another iteration.
        st_.repeat = REP.prev;
        LASTMARK_SAVE();
        if (st_.repeat >= 0) mark_push(c->lastmark);
        CALL(Resume::MinUntil2, c->pc, c->toplevel);

      case Op::POSSESSIVE_REPEAT:
        // <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail. Like CPython 3.11.7 it
        // opens no repeat context, so alternatives inside save marks only within an outer repeat.
        st_.ptr = c->ptr;
        c->count = 0;
        goto possessive_min;

      case Op::ASSERT:
        // <ASSERT> <skip> <back> pattern <SUCCESS>
        if (c->ptr < static_cast<int64_t>(c->pc[1])) RETURN(0);
        st_.ptr = c->ptr - c->pc[1];
        CALL(Resume::Assert, c->pc + 2, false);

      case Op::ASSERT_NOT:
        if (c->ptr >= static_cast<int64_t>(c->pc[1])) {
          st_.ptr = c->ptr - c->pc[1];
          LASTMARK_SAVE();
          if (st_.repeat >= 0) mark_push(c->lastmark);
          CALL(Resume::AssertNot, c->pc + 2, false);
        }
        c->pc += c->pc[0];
        break;

      case Op::ATOMIC_GROUP:
        // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
        st_.ptr = c->ptr;
        CALL(Resume::Atomic, c->pc + 1, false);

      default:
        RETURN(kErrIllegal);
    }
  }

// ---- multi-step operations: each resumes here after a sub-match -------------------------
branch_try:
  // c->pc points at the current alternative's skip word; 0 ends the list.
  while (c->pc[0]) {
    if (c->pc[1] == op(Op::LITERAL) && (c->ptr >= end || s_[c->ptr] != c->pc[2])) {
      c->pc += c->pc[0];
      continue;
    }
    if (c->pc[1] == op(Op::IN) && (c->ptr >= end || !charset(c->pc + 3, s_[c->ptr]))) {
      c->pc += c->pc[0];
      continue;
    }
    st_.ptr = c->ptr;
    CALL(Resume::Branch, c->pc + 1, c->toplevel);
  resume_branch:
    if (ret) {
      if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
      RETURN(1);
    }
    if (st_.repeat >= 0) mark_pop_keep(c->lastmark);
    LASTMARK_RESTORE();
    c->pc += c->pc[0];
  }
  if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
  RETURN(0);

repeat_one_literal:
  // The tail starts with a literal: only stop where that literal is next.
  for (;;) {
    while (c->count >= static_cast<int64_t>(c->pc[1]) &&
           (c->ptr >= end || s_[c->ptr] != c->pc[c->pc[0] + 1])) {
      --c->ptr;
      --c->count;
    }
    if (c->count < static_cast<int64_t>(c->pc[1])) break;
    st_.ptr = c->ptr;
    CALL(Resume::RepeatOneLiteral, c->pc + c->pc[0], c->toplevel);
  resume_repeat_one_literal:
    if (ret) {
      if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
      RETURN(1);
    }
    if (st_.repeat >= 0) mark_pop_keep(c->lastmark);
    LASTMARK_RESTORE();
    --c->ptr;
    --c->count;
  }
  if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
  RETURN(0);

repeat_one_general:
  while (c->count >= static_cast<int64_t>(c->pc[1])) {
    st_.ptr = c->ptr;
    CALL(Resume::RepeatOne, c->pc + c->pc[0], c->toplevel);
  resume_repeat_one:
    if (ret) {
      if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
      RETURN(1);
    }
    if (st_.repeat >= 0) mark_pop_keep(c->lastmark);
    LASTMARK_RESTORE();
    --c->ptr;
    --c->count;
  }
  if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
  RETURN(0);

min_repeat_one_try:
  while (c->pc[2] == kMaxRepeat || c->count <= static_cast<int64_t>(c->pc[2])) {
    st_.ptr = c->ptr;
    CALL(Resume::MinRepeatOne, c->pc + c->pc[0], c->toplevel);
  resume_min_repeat_one:
    if (ret) {
      if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
      RETURN(1);
    }
    if (st_.repeat >= 0) mark_pop_keep(c->lastmark);
    LASTMARK_RESTORE();
    st_.ptr = c->ptr;
    {
      int64_t n = count(c->pc + 3, 1);
      c = &frames.back();
      if (n < 0) RETURN(static_cast<int>(n));
      if (n == 0) break;
    }
    ++c->ptr;
    ++c->count;
  }
  if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
  RETURN(0);

resume_repeat:
  st_.repeat = REP.prev;
  free_repeat(c->rep);
  RETURN(ret ? 1 : 0);

resume_max_until1:
  if (ret) RETURN(1);
  REP.count = c->count - 1;
  st_.ptr = c->ptr;
  RETURN(0);

resume_max_until2:
  REP.last_ptr = c->saved_last_ptr;
  if (ret) {
    mark_pop_discard(c->lastmark);
    RETURN(1);
  }
  mark_pop(c->lastmark);
  LASTMARK_RESTORE();
  REP.count = c->count - 1;
  st_.ptr = c->ptr;
max_until_tail:
  // No more iterations here: the tail must match, outside this repeat.
  st_.repeat = REP.prev;
  CALL(Resume::MaxUntil3, c->pc, c->toplevel);
resume_max_until3:
  st_.repeat = c->rep;
  if (ret) RETURN(1);
  st_.ptr = c->ptr;
  RETURN(0);

resume_min_until1:
  if (ret) RETURN(1);
  REP.count = c->count - 1;
  st_.ptr = c->ptr;
  RETURN(0);

resume_min_until2: {
  int32_t tail_repeat = st_.repeat;
  st_.repeat = c->rep;
  if (ret) {
    if (tail_repeat >= 0) mark_pop_discard(c->lastmark);
    RETURN(1);
  }
  if (tail_repeat >= 0) mark_pop(c->lastmark);
}
  LASTMARK_RESTORE();
  st_.ptr = c->ptr;
  if ((c->count >= static_cast<int64_t>(REP.pattern[2]) && REP.pattern[2] != kMaxRepeat) ||
      st_.ptr == REP.last_ptr)
    RETURN(0);
  REP.count = c->count;
  c->saved_last_ptr = REP.last_ptr;
  REP.last_ptr = st_.ptr;
  CALL(Resume::MinUntil3, REP.pattern + 3, c->toplevel);
resume_min_until3:
  REP.last_ptr = c->saved_last_ptr;
  if (ret) RETURN(1);
  REP.count = c->count - 1;
  st_.ptr = c->ptr;
  RETURN(0);

possessive_min:
  if (c->count < static_cast<int64_t>(c->pc[1])) CALL(Resume::Possessive1, c->pc + 3, false);
  // Enough iterations: take more greedily, never giving any back.
  c->ptr = -1;
  goto possessive_more;
resume_possessive1:
  if (ret) {
    ++c->count;
    goto possessive_min;
  }
  st_.ptr = c->ptr;
  RETURN(0);
possessive_more:
  if ((c->count < static_cast<int64_t>(c->pc[2]) || c->pc[2] == kMaxRepeat) && st_.ptr != c->ptr) {
    LASTMARK_SAVE();
    mark_push(c->lastmark);
    c->ptr = st_.ptr;
    CALL(Resume::Possessive2, c->pc + 3, false);
  }
  goto possessive_done;
resume_possessive2:
  if (ret) {
    mark_pop_discard(c->lastmark);
    ++c->count;
    goto possessive_more;
  }
  mark_pop(c->lastmark);
  LASTMARK_RESTORE();
  st_.ptr = c->ptr;
possessive_done:
  c->pc += c->pc[0] + 1;
  c->ptr = st_.ptr;
  goto dispatch;

resume_assert:
  if (!ret) RETURN(0);
  c->pc += c->pc[0];
  goto dispatch;

resume_assert_not:
  if (ret) {
    if (st_.repeat >= 0) mark_pop_discard(c->lastmark);
    RETURN(0);
  }
  if (st_.repeat >= 0) mark_pop(c->lastmark);
  LASTMARK_RESTORE();
  c->pc += c->pc[0];
  goto dispatch;

resume_atomic:
  if (!ret) {
    st_.ptr = c->ptr;
    RETURN(0);
  }
  c->pc += c->pc[0];
  c->ptr = st_.ptr;
  goto dispatch;

done:
  // A sub-match ended with `ret`: hand it to the operation waiting for it.
  if (ret < 0) {
    frames.resize(base);
    return ret;
  }
  frames.pop_back();
  if (frames.size() == base) return ret;
  c = &frames.back();
  switch (static_cast<Resume>(c->resume)) {
    case Resume::Branch: goto resume_branch;
    case Resume::RepeatOneLiteral: goto resume_repeat_one_literal;
    case Resume::RepeatOne: goto resume_repeat_one;
    case Resume::MinRepeatOne: goto resume_min_repeat_one;
    case Resume::Repeat: goto resume_repeat;
    case Resume::MaxUntil1: goto resume_max_until1;
    case Resume::MaxUntil2: goto resume_max_until2;
    case Resume::MaxUntil3: goto resume_max_until3;
    case Resume::MinUntil1: goto resume_min_until1;
    case Resume::MinUntil2: goto resume_min_until2;
    case Resume::MinUntil3: goto resume_min_until3;
    case Resume::Possessive1: goto resume_possessive1;
    case Resume::Possessive2: goto resume_possessive2;
    case Resume::Assert: goto resume_assert;
    case Resume::AssertNot: goto resume_assert_not;
    case Resume::Atomic: goto resume_atomic;
  }
  return kErrIllegal;
#undef CALL
#undef RETURN
#undef LASTMARK_SAVE
#undef LASTMARK_RESTORE
#undef REP
}

void prepare(SreState& st) {
  st.reset();
  st.frames.clear();
  st.mark_stack.clear();
  st.repeats.clear();
  st.free_repeat = -1;
}

template <typename CharT>
int match_impl(SreState& st, const uint32_t* code) {
  prepare(st);
  st.ptr = st.start;
  return Matcher<CharT>(st).run(code, true);
}

// Could a match start at `ptr` given the INFO block's literal prefix or first-char set?
template <typename CharT>
bool may_start(const SreState& st, const CharT* s, int64_t ptr, const uint32_t* prefix, uint32_t prefix_len,
               const uint32_t* set) {
  if (prefix) {
    if (st.end - ptr < static_cast<int64_t>(prefix_len)) return false;
    for (uint32_t i = 0; i < prefix_len; ++i)
      if (s[ptr + i] != prefix[i]) return false;
    return true;
  }
  if (set) return ptr < st.end && charset(set, s[ptr]);
  return true;
}

template <typename CharT>
int search_impl(SreState& st, const uint32_t* code) {
  prepare(st);
  int64_t ptr = st.start;
  int64_t end = st.end;
  if (ptr > end) return 0;
  const CharT* s = static_cast<const CharT*>(st.buf);
  const uint32_t* prefix = nullptr;
  uint32_t prefix_len = 0;
  const uint32_t* set = nullptr;
  if (code[0] == op(Op::INFO)) {
    // <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset]
    uint32_t flags = code[2], min = code[3];
    if (min && end - ptr < static_cast<int64_t>(min)) return 0;
    if (min > 1) {
      end -= min - 1;
      if (end <= ptr) end = ptr;
    }
    if (flags & kInfoPrefix) {
      prefix_len = code[5];
      prefix = code + 7;
    } else if (flags & kInfoCharset) {
      set = code + 5;
    }
  }
  Matcher<CharT> m(st);
  bool first = true;
  for (; ptr <= end; ++ptr) {
    if constexpr (sizeof(CharT) == 1) {
      // A literal prefix in a byte buffer: memchr finds the next place it may start.
      if (prefix) {
        if (prefix[0] > 0xFF || ptr >= st.end) break;
        const void* hit = std::memchr(s + ptr, static_cast<int>(prefix[0]), static_cast<size_t>(st.end - ptr));
        if (!hit) break;
        int64_t at = static_cast<const CharT*>(hit) - s;
        if (at > end) break;
        if (at != ptr) {
          st.must_advance = false;  // no longer at the start that must be moved past
          first = false;
          ptr = at;
        }
      }
    }
    if (may_start(st, s, ptr, prefix, prefix_len, set)) {
      st.reset();
      st.start = st.ptr = ptr;
      int r = m.run(code, true);
      if (r != 0) return r;
    }
    if (first) {
      st.must_advance = false;
      first = false;
      // An anchored pattern (^ or \A first) can only match where the subject begins.
      const uint32_t* body = code[0] == op(Op::INFO) ? code + code[1] + 1 : code;
      if (body[0] == op(Op::AT) && (body[1] == static_cast<uint32_t>(At::BEGINNING) ||
                                    body[1] == static_cast<uint32_t>(At::BEGINNING_STRING)))
        break;
    }
    if ((st.steps++ & 0xFFF) == 0 && rt::eval_breaker_set() && !rt::handle_eval_breaker()) return kErrInterrupted;
  }
  return 0;
}

}  // namespace

int sre_match(SreState& st, const uint32_t* code) {
  return st.charsize == 1 ? match_impl<uint8_t>(st, code) : match_impl<uint32_t>(st, code);
}

int sre_search(SreState& st, const uint32_t* code) {
  return st.charsize == 1 ? search_impl<uint8_t>(st, code) : search_impl<uint32_t>(st, code);
}

uint32_t sre_lower_ascii(uint32_t ch) { return ch < 128 && ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }

// CPython's one-char case mappings: the first char of the full mapping (U+0130 lowers to
// 'i', U+00DF uppers to 'S'), which is what its ToLowercase/ToUppercase return.
uint32_t sre_lower_unicode(uint32_t ch) {
  if (ch < 128) return sre_lower_ascii(ch);
  char32_t out[3];
  rt::uni_case_map(ch, rt::CaseKind::Lower, out);
  return out[0];
}

uint32_t sre_upper_unicode(uint32_t ch) {
  if (ch < 128) return ch >= 'a' && ch <= 'z' ? ch - 32 : ch;
  char32_t out[3];
  rt::uni_case_map(ch, rt::CaseKind::Upper, out);
  return out[0];
}

bool sre_unicode_iscased(uint32_t ch) { return ch != sre_lower_unicode(ch) || ch != sre_upper_unicode(ch); }

}  // namespace coil::lib::sre
