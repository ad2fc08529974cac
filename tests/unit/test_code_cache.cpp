// test_code_cache.cpp — CodeUnit serialization for the bytecode cache: round trips keep
// every field (nested units and constants included), and malformed bytes are refused.
#include <doctest/doctest.h>

#include <string>

#include "frontend/code_cache.h"
#include "frontend/compiler.h"
#include "frontend/parser.h"

using namespace coil::fe;

namespace {

std::shared_ptr<CodeUnit> compile_src(const std::string& src) {
  Arena arena;
  ModNode* mod = parse(src, "<cache-test>", ParseMode::Exec, arena);
  return compile_module(mod, "<cache-test>", CompileMode::Exec, 0);
}

void check_same(const CodeUnit& a, const CodeUnit& b) {
  CHECK(a.name == b.name);
  CHECK(a.qualname == b.qualname);
  CHECK(a.filename == b.filename);
  CHECK(a.firstlineno == b.firstlineno);
  CHECK(a.argcount == b.argcount);
  CHECK(a.kwonlyargcount == b.kwonlyargcount);
  CHECK(a.flags == b.flags);
  CHECK(a.code == b.code);
  REQUIRE(a.positions.size() == b.positions.size());
  for (size_t i = 0; i < a.positions.size(); ++i) CHECK(a.positions[i].col == b.positions[i].col);
  CHECK(a.names == b.names);
  CHECK(a.varnames == b.varnames);
  CHECK(a.cellvars == b.cellvars);
  CHECK(a.freevars == b.freevars);
  CHECK(a.exception_table.size() == b.exception_table.size());
  CHECK(a.stacksize == b.stacksize);
  CHECK(a.ncaches == b.ncaches);
  REQUIRE(a.consts.size() == b.consts.size());
  for (size_t i = 0; i < a.consts.size(); ++i) {
    CHECK(a.consts[i].kind == b.consts[i].kind);
    if (a.consts[i].kind == CodeConst::Kind::Code) check_same(*a.consts[i].code, *b.consts[i].code);
    if (a.consts[i].kind == CodeConst::Kind::Value) CHECK(a.consts[i].value.text == b.consts[i].value.text);
  }
}

}  // namespace

TEST_CASE("code cache: a module with nested functions, closures and handlers round-trips") {
  auto unit = compile_src(
      "def f(a, b=2, *c, d, **e):\n"
      "    x = 10**30\n"
      "    def g():\n"
      "        return x, 'é', b'\\x00', 1.5, 2j, (1, (2,)), ...\n"
      "    try:\n"
      "        return g()\n"
      "    except* ValueError:\n"
      "        pass\n"
      "class C:\n"
      "    y = [i for i in range(3)]\n");
  std::string bytes;
  serialize_unit(*unit, &bytes);
  size_t pos = 0;
  std::string error;
  auto back = deserialize_unit(bytes, &pos, &error);
  REQUIRE(back);
  CHECK(pos == bytes.size());
  check_same(*unit, *back);
}

TEST_CASE("code cache: the file name can be replaced at every level") {
  auto unit = compile_src("def f():\n    return 1\n");
  std::string bytes;
  serialize_unit(*unit, &bytes, "/new/place.py");
  size_t pos = 0;
  std::string error;
  auto back = deserialize_unit(bytes, &pos, &error);
  REQUIRE(back);
  CHECK(back->filename == "/new/place.py");
  CHECK(back->consts[0].code->filename == "/new/place.py");
}

TEST_CASE("code cache: truncated and corrupted bytes are refused, never trusted") {
  auto unit = compile_src("x = [1, 2]\nfor i in x:\n    print(i)\n");
  std::string bytes;
  serialize_unit(*unit, &bytes);
  for (size_t cut = 0; cut < bytes.size(); cut += 7) {
    size_t pos = 0;
    std::string error;
    CHECK_FALSE(deserialize_unit(std::string_view(bytes).substr(0, cut), &pos, &error));
    CHECK_FALSE(error.empty());
  }
  // Corrupt each code word's operand in turn: the verifier or the reader must catch what
  // would make the interpreter misbehave (operands out of range), never crash.
  size_t refused = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    size_t pos = 0;
    std::string error;
    if (!deserialize_unit(bad, &pos, &error)) ++refused;
  }
  CHECK(refused > 0);
  CHECK(code_format_id() != 0);
}
