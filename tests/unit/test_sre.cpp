// test_sre.cpp — the _sre engine and code validator on hand-built code lists (no Python
// objects): anchored and searching matches, marks, the explicit backtracking stack on
// long inputs, must_advance, and refusal of malformed code.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "stdlib/sre_engine.h"

using namespace coil::lib::sre;

namespace {

constexpr uint32_t op(Op o) { return static_cast<uint32_t>(o); }

// A state over the bytes of `s` for a pattern with `groups` groups.
SreState state_for(const std::string& s, int64_t groups) {
  SreState st;
  st.buf = s.data();
  st.charsize = 1;
  st.length = static_cast<int64_t>(s.size());
  st.start = st.pos = 0;
  st.end = st.length;
  st.marks.assign(static_cast<size_t>(groups) * 2, -1);
  return st;
}

}  // namespace

TEST_CASE("sre: literal match, fullmatch and search") {
  // "ab"
  std::vector<uint32_t> code = {op(Op::LITERAL), 'a', op(Op::LITERAL), 'b', op(Op::SUCCESS)};
  REQUIRE(sre_validate(code.data(), code.size(), 0));
  std::string s = "xxabyy";
  SreState st = state_for(s, 0);
  CHECK(sre_match(st, code.data()) == 0);
  CHECK(sre_search(st, code.data()) == 1);
  CHECK(st.start == 2);
  CHECK(st.ptr == 4);
  std::string exact = "ab";
  SreState full = state_for(exact, 0);
  full.match_all = true;
  CHECK(sre_match(full, code.data()) == 1);
}

TEST_CASE("sre: marks of a greedy REPEAT over a long subject stay off the C++ stack") {
  // (a)*b  ->  REPEAT skip 0 MAXREPEAT  MARK 0 LITERAL a MARK 1  MAX_UNTIL  LITERAL b SUCCESS
  std::vector<uint32_t> code = {op(Op::REPEAT),    9,          0,       kMaxRepeat,     op(Op::MARK),
                                0,                 op(Op::LITERAL), 'a', op(Op::MARK),   1,
                                op(Op::MAX_UNTIL), op(Op::LITERAL), 'b', op(Op::SUCCESS)};
  REQUIRE(sre_validate(code.data(), code.size(), 1));
  std::string s(200000, 'a');
  s += 'b';
  SreState st = state_for(s, 1);
  CHECK(sre_match(st, code.data()) == 1);
  CHECK(st.ptr == static_cast<int64_t>(s.size()));
  CHECK(st.marks[0] == 199999);
  CHECK(st.marks[1] == 200000);
  CHECK(st.lastindex == 1);
  std::string no_b(200000, 'a');
  SreState miss = state_for(no_b, 1);
  CHECK(sre_match(miss, code.data()) == 0);
}

TEST_CASE("sre: an empty match at the start is refused when the search must advance") {
  // a*  ->  REPEAT_ONE skip 0 MAXREPEAT LITERAL a SUCCESS SUCCESS
  std::vector<uint32_t> code = {op(Op::REPEAT_ONE), 6, 0, kMaxRepeat, op(Op::LITERAL), 'a', op(Op::SUCCESS),
                                op(Op::SUCCESS)};
  REQUIRE(sre_validate(code.data(), code.size(), 0));
  std::string s = "ba";
  SreState st = state_for(s, 0);
  st.must_advance = true;
  CHECK(sre_search(st, code.data()) == 1);
  CHECK(st.start == 1);
  CHECK(st.ptr == 2);
}

TEST_CASE("sre: malformed code is refused") {
  std::vector<uint32_t> unknown = {99, op(Op::SUCCESS)};
  CHECK_FALSE(sre_validate(unknown.data(), unknown.size(), 0));
  std::vector<uint32_t> no_success = {op(Op::LITERAL), 'a'};
  CHECK_FALSE(sre_validate(no_success.data(), no_success.size(), 0));
  std::vector<uint32_t> bad_mark = {op(Op::MARK), 2, op(Op::SUCCESS)};
  CHECK_FALSE(sre_validate(bad_mark.data(), bad_mark.size(), 1));
  std::vector<uint32_t> bad_skip = {op(Op::IN), 50, op(Op::LITERAL), 'a', op(Op::FAILURE), op(Op::SUCCESS)};
  CHECK_FALSE(sre_validate(bad_skip.data(), bad_skip.size(), 0));
  std::vector<uint32_t> stray_until = {op(Op::MAX_UNTIL), op(Op::SUCCESS)};
  CHECK_FALSE(sre_validate(stray_until.data(), stray_until.size(), 0));
}

TEST_CASE("sre: simple case mappings are CPython's one-char ones") {
  CHECK(sre_lower_unicode(0x130) == 'i');
  CHECK(sre_upper_unicode(0xDF) == 'S');
  CHECK(sre_unicode_iscased(0xDF));
  CHECK(sre_lower_unicode(0x212A) == 'k');
  CHECK_FALSE(sre_unicode_iscased('1'));
}
