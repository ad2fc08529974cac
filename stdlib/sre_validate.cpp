// sre_validate.cpp — structural check of a code list before _sre.compile accepts it, so the
// engine (which trusts skips and operands) never reads outside the code or follows a
// jump into nowhere, even for hand-made code.
#include <cstddef>

#include "stdlib/sre_engine.h"

namespace coil::lib::sre {

namespace {

constexpr uint32_t op(Op o) { return static_cast<uint32_t>(o); }
constexpr uint32_t kNumAt = static_cast<uint32_t>(At::UNI_NON_BOUNDARY) + 1;
constexpr uint32_t kNumCategory = static_cast<uint32_t>(Category::UNI_NOT_LINEBREAK) + 1;

class Validator {
 public:
  Validator(const uint32_t* code, size_t n, int64_t groups) : c_(code), n_(n), groups_(groups) {}
  bool block(size_t i, size_t end);
  bool set(size_t i, size_t end);

 private:
  // Reads the skip at c_[i] and returns its target, or 0 when it leaves [i, end].
  bool target(size_t i, size_t end, size_t* out) const {
    if (i >= end) return false;
    size_t t = i + c_[i];
    if (c_[i] == 0 || t > end) return false;
    *out = t;
    return true;
  }
  // A body that ends with SUCCESS at t-1.
  bool body(size_t from, size_t t) { return from < t && c_[t - 1] == op(Op::SUCCESS) && block(from, t - 1); }

  const uint32_t* c_;
  size_t n_;
  int64_t groups_;
};

bool Validator::set(size_t i, size_t end) {
  while (i < end) {
    switch (static_cast<Op>(c_[i++])) {
      case Op::FAILURE: return i == end;
      case Op::NEGATE: break;
      case Op::LITERAL: i += 1; break;
      case Op::RANGE:
      case Op::RANGE_UNI_IGNORE:
        if (i + 2 > end || c_[i] > c_[i + 1]) return false;
        i += 2;
        break;
      case Op::CHARSET: i += 8; break;
      case Op::BIGCHARSET: {
        if (i + 65 > end) return false;
        uint32_t nblocks = c_[i++];
        const uint8_t* blocks = reinterpret_cast<const uint8_t*>(c_ + i);
        for (int k = 0; k < 256; ++k)
          if (blocks[k] >= nblocks) return false;
        i += 64;
        if (static_cast<uint64_t>(nblocks) * 8 > end - i) return false;
        i += static_cast<size_t>(nblocks) * 8;
        break;
      }
      case Op::CATEGORY:
        if (i >= end || c_[i] >= kNumCategory) return false;
        i += 1;
        break;
      default: return false;
    }
    if (i > end) return false;
  }
  return false;
}

bool Validator::block(size_t i, size_t end) {
  while (i < end) {
    uint32_t code = c_[i++];
    size_t t;
    switch (static_cast<Op>(code)) {
      case Op::SUCCESS: case Op::FAILURE: case Op::ANY: case Op::ANY_ALL: break;
      case Op::MARK:
        if (i >= end || c_[i] >= static_cast<uint64_t>(2 * groups_)) return false;
        i += 1;
        break;
      case Op::AT:
        if (i >= end || c_[i] >= kNumAt) return false;
        i += 1;
        break;
      case Op::CATEGORY:
        if (i >= end || c_[i] >= kNumCategory) return false;
        i += 1;
        break;
      case Op::LITERAL: case Op::NOT_LITERAL: case Op::LITERAL_IGNORE: case Op::NOT_LITERAL_IGNORE:
      case Op::LITERAL_UNI_IGNORE: case Op::NOT_LITERAL_UNI_IGNORE: case Op::LITERAL_LOC_IGNORE:
      case Op::NOT_LITERAL_LOC_IGNORE:
        if (i >= end) return false;
        i += 1;
        break;
      case Op::GROUPREF: case Op::GROUPREF_IGNORE: case Op::GROUPREF_UNI_IGNORE: case Op::GROUPREF_LOC_IGNORE:
        if (i >= end || c_[i] >= static_cast<uint64_t>(groups_)) return false;
        i += 1;
        break;
      case Op::IN: case Op::IN_IGNORE: case Op::IN_UNI_IGNORE: case Op::IN_LOC_IGNORE:
        if (!target(i, end, &t) || !set(i + 1, t)) return false;
        i = t;
        break;
      case Op::INFO: {
        // <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset]
        if (!target(i, end, &t) || i + 4 > t) return false;
        uint32_t flags = c_[i + 1];
        if (c_[i + 2] > c_[i + 3]) return false;
        if (flags & kInfoPrefix) {
          if (i + 6 > t) return false;
          uint64_t len = c_[i + 4], skip = c_[i + 5];
          if (skip > len || i + 6 + 2 * len > t) return false;
        } else if (flags & kInfoCharset) {
          if (!set(i + 4, t)) return false;
        }
        i = t;
        break;
      }
      case Op::BRANCH: {
        // (<skip> alternative <JUMP> <to end>)* 0; every JUMP lands just after the 0.
        size_t alt = i;
        size_t jump_end = 0;
        while (true) {
          if (alt >= end) return false;
          if (c_[alt] == 0) break;
          if (!target(alt, end, &t) || t < alt + 3 || c_[t - 2] != op(Op::JUMP)) return false;
          if (!block(alt + 1, t - 2)) return false;
          size_t to = (t - 1) + c_[t - 1];
          if (jump_end && to != jump_end) return false;
          jump_end = to;
          alt = t;
        }
        if (jump_end && jump_end != alt + 1) return false;
        i = alt + 1;
        break;
      }
      case Op::REPEAT_ONE: case Op::MIN_REPEAT_ONE: case Op::POSSESSIVE_REPEAT_ONE:
        if (!target(i, end, &t) || i + 3 > t || c_[i + 1] > c_[i + 2] || !body(i + 3, t)) return false;
        i = t;
        break;
      case Op::REPEAT: case Op::POSSESSIVE_REPEAT: {
        // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL>; possessive: body <SUCCESS>
        if (!target(i, end, &t) || i + 3 > t || t >= end || c_[i + 1] > c_[i + 2]) return false;
        uint32_t closer = c_[t];
        if (code == op(Op::REPEAT) ? (closer != op(Op::MAX_UNTIL) && closer != op(Op::MIN_UNTIL))
                                   : closer != op(Op::SUCCESS))
          return false;
        if (!block(i + 3, t)) return false;
        i = t + 1;
        break;
      }
      case Op::GROUPREF_EXISTS: {
        // <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no] tail
        if (i + 2 > end || c_[i] >= static_cast<uint64_t>(groups_)) return false;
        if (!target(i + 1, end + 1, &t)) return false;
        t -= 1;  // the skip counts from the group word
        if (t < i + 2 || t > end) return false;
        // A JUMP just before the target means a "no" part follows; a yes part that merely ends
        // in a word equal to JUMP's code is tried as such when that reading fails.
        size_t no_end;
        if (t >= i + 4 && c_[t - 2] == op(Op::JUMP) && target(t - 1, end, &no_end) && block(i + 2, t - 2) &&
            block(t, no_end)) {
          i = no_end;
          break;
        }
        if (!block(i + 2, t)) return false;
        i = t;
        break;
      }
      case Op::ASSERT: case Op::ASSERT_NOT:
        if (!target(i, end, &t) || i + 2 > t || !body(i + 2, t)) return false;
        i = t;
        break;
      case Op::ATOMIC_GROUP:
        if (!target(i, end, &t) || !body(i + 1, t)) return false;
        i = t;
        break;
      default:
        return false;
    }
  }
  return i == end;
}

}  // namespace

bool sre_validate(const uint32_t* code, size_t n, int64_t groups) {
  if (n == 0 || code[n - 1] != op(Op::SUCCESS)) return false;
  return Validator(code, n, groups).block(0, n);
}

}  // namespace coil::lib::sre
