// test_compiler.cpp — the bytecode compiler: op sequences, stack depths, the verifier,
// CPython's compile-time error messages, and the golden dumps of tests/frontend/bytecode.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "coil_config.h"
#include "frontend/compiler.h"
#include "frontend/parser.h"

using namespace coil::fe;

namespace {

std::shared_ptr<CodeUnit> compile_src(const std::string& src, CompileMode mode = CompileMode::Exec,
                                      int optimize = 0) {
  Arena arena;
  ParseMode pm = mode == CompileMode::Eval     ? ParseMode::Eval
                 : mode == CompileMode::Single ? ParseMode::Single
                                               : ParseMode::Exec;
  ModNode* mod = parse(src, "<test>", pm, arena);
  return compile_module(mod, "<test>", mode, optimize);
}

// The op names of a code unit, without cache units and ExtendedArg prefixes.
std::vector<std::string> ops(const CodeUnit& co) {
  std::vector<std::string> out;
  for (size_t i = 0; i < co.code.size(); ++i) {
    Opcode op = unit_op(co.code[i]);
    if (op != Opcode::ExtendedArg) out.push_back(op_info(op).name);
    if (has_flag(op, opflag::CACHE)) ++i;
  }
  return out;
}

std::string ops_text(const CodeUnit& co) {
  std::string s;
  for (auto& o : ops(co)) s += (s.empty() ? "" : " ") + o;
  return s;
}

const CodeUnit& nested(const CodeUnit& co, size_t k = 0) {
  for (auto& c : co.consts)
    if (c.kind == CodeConst::Kind::Code && k-- == 0) return *c.code;
  throw std::runtime_error("no nested code");
}

// The SyntaxError message compiling `src` raises ("" when it compiles).
std::string error_of(const std::string& src) {
  try {
    compile_src(src);
  } catch (const SyntaxErrorException& e) {
    return e.info.msg;
  }
  return "";
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("compiler: simple module op sequences") {
  auto co = compile_src("x = 1\nprint(x + 2)\n");
  CHECK(ops_text(*co) ==
        "LoadConst StoreName PushNull LoadName LoadName LoadConst BinaryOp Call PopTop "
        "LoadConst ReturnValue");
  CHECK(co->stacksize == 4);
  CHECK(verify(*co) == "");
  CHECK(co->ncaches == 2);
  CHECK(co->positions.size() == co->code.size());
}

TEST_CASE("compiler: eval and single modes") {
  CHECK(ops_text(*compile_src("a if b else c", CompileMode::Eval)) ==
        "LoadName PopJumpIfFalse LoadName ReturnValue LoadName ReturnValue");
  CHECK(ops_text(*compile_src("1 + x\n", CompileMode::Single)) ==
        "LoadConst LoadName BinaryOp PrintExpr LoadConst ReturnValue");
}

TEST_CASE("compiler: method calls, keywords and star-args") {
  CHECK(ops_text(*compile_src("o.m(1, k=2)", CompileMode::Eval)) ==
        "LoadName LoadMethod LoadConst LoadConst LoadConst CallKw ReturnValue");
  CHECK(ops_text(*compile_src("f(*a, **k)", CompileMode::Eval)) ==
        "PushNull LoadName LoadName BuildMap LoadName DictMerge CallEx ReturnValue");
  CHECK(ops_text(*compile_src("f(1, *a, x=2, **k)", CompileMode::Eval)) ==
        "PushNull LoadName LoadConst BuildList LoadName ListExtend ListToTuple LoadConst "
        "LoadConst BuildMap LoadName DictMerge CallEx ReturnValue");
}

TEST_CASE("compiler: constants fold like CPython") {
  auto co = compile_src("(1, 2, (3, -4))", CompileMode::Eval);
  CHECK(ops_text(*co) == "LoadConst ReturnValue");
  CHECK(const_repr(co->consts[0]) == "(1, 2, (3, -4))");
  co = compile_src("x in [1, 2]", CompileMode::Eval);
  CHECK(const_repr(co->consts[0]) == "(1, 2)");
  co = compile_src("__debug__", CompileMode::Eval, 1);
  CHECK(const_repr(co->consts[0]) == "False");
  co = compile_src("-0.5, 1e16, 1e-5, 2j, b'a\\x00', \"it's\"", CompileMode::Eval);
  CHECK(const_repr(co->consts[0]) == "(-0.5, 1e+16, 1e-05, 2j, b'a\\x00', \"it's\")");
}

TEST_CASE("compiler: chained comparison and boolean operators") {
  CHECK(ops_text(*compile_src("a < b < c", CompileMode::Eval)) ==
        "LoadName LoadName Swap Copy CompareOp JumpIfFalseOrPop LoadName CompareOp "
        "ReturnValue Swap PopTop ReturnValue");
  CHECK(ops_text(*compile_src("a and b or c", CompileMode::Eval)) ==
        "LoadName JumpIfFalseOrPop LoadName JumpIfTrueOrPop LoadName ReturnValue");
}

TEST_CASE("compiler: loops keep one back-edge and handle break/else") {
  auto co = compile_src("for i in x:\n    if i: break\nelse:\n    y()\n");
  CHECK(verify(*co) == "");
  CHECK(ops_text(*co) ==
        "LoadName GetIter ForIter StoreName LoadName PopJumpIfFalse PopTop LoadConst "
        "ReturnValue JumpBackward PushNull LoadName Call PopTop LoadConst ReturnValue");
  // CPython 3.11's shape: the test again at the bottom, then the one back-edge to the body;
  // the exit block is copied for each of its two line-less predecessors.
  co = compile_src("while x:\n    x -= 1\n");
  CHECK(ops_text(*co) ==
        "LoadName PopJumpIfFalse LoadName LoadConst BinaryOp StoreName LoadName PopJumpIfFalse "
        "JumpBackward LoadConst ReturnValue LoadConst ReturnValue");
}

TEST_CASE("compiler: functions, closures, generators") {
  auto co = compile_src("def f(a, b=1, *, c=2):\n    def g():\n        return a\n    return g\n");
  CHECK(verify(*co) == "");
  CHECK(ops_text(*co) ==
        "LoadConst LoadConst LoadConst BuildConstKeyMap LoadConst MakeFunction StoreName "
        "LoadConst ReturnValue");
  const CodeUnit& f = nested(*co);
  CHECK(f.argcount == 2);
  CHECK(f.kwonlyargcount == 1);
  CHECK(f.cellvars == std::vector<std::string>{"a"});
  CHECK(ops_text(f) ==
        "MakeCell LoadFast StoreDeref LoadClosure BuildTuple LoadConst MakeFunction StoreFast "
        "LoadFast ReturnValue");
  const CodeUnit& g = nested(f);
  CHECK(g.qualname == "f.<locals>.g");
  CHECK(ops_text(g) == "CopyFreeVars LoadDeref ReturnValue");

  co = compile_src("def gen():\n    x = yield 1\n    yield from x\n");
  const CodeUnit& gen = nested(*co);
  CHECK((gen.flags & coflag::GENERATOR) != 0);
  CHECK(ops_text(gen) ==
        "ReturnGenerator LoadConst YieldValue StoreFast LoadFast GetYieldFromIter LoadConst "
        "Send YieldValue Jump PopTop LoadConst ReturnValue");
  CHECK(verify(*co) == "");
}

TEST_CASE("compiler: docstrings are consts[0]") {
  auto co = compile_src("def f():\n    'doc'\n    return 1\n");
  CHECK(const_repr(nested(*co).consts[0]) == "'doc'");
  co = compile_src("def f():\n    return 1\n");
  CHECK(const_repr(nested(*co).consts[0]) == "None");
  co = compile_src("def f():\n    'doc'\n", CompileMode::Exec, 2);
  CHECK(const_repr(nested(*co).consts[0]) == "None");
  co = compile_src("'mod doc'\n");
  CHECK(ops_text(*co) == "LoadConst StoreName LoadConst ReturnValue");
}

TEST_CASE("compiler: class bodies") {
  auto co = compile_src("class C(B):\n    def m(self):\n        return __class__\n");
  CHECK(ops_text(*co) ==
        "PushNull LoadBuildClass LoadConst MakeFunction LoadConst LoadName Call StoreName "
        "LoadConst ReturnValue");
  const CodeUnit& body = nested(*co);
  CHECK(ops_text(body) ==
        "MakeCell LoadName StoreName LoadConst StoreName LoadClosure BuildTuple LoadConst "
        "MakeFunction StoreName LoadClosure Copy StoreName ReturnValue");
  CHECK(verify(*co) == "");
}

TEST_CASE("compiler: try/except/finally and with build exception tables") {
  auto co = compile_src(
      "try:\n    a()\nexcept E as e:\n    b()\nfinally:\n    c()\n"
      "with m as x, n:\n    d()\n");
  CHECK(verify(*co) == "");
  CHECK(!co->exception_table.empty());
  co = compile_src("def f():\n    for x in y:\n        try:\n            return x\n"
                   "        finally:\n            if x: break\n");
  CHECK(verify(*co) == "");
  co = compile_src("try:\n    a()\nexcept* E as e:\n    b()\nexcept* F:\n    pass\n");
  CHECK(verify(*co) == "");
  co = compile_src("async def f():\n    async with a as b:\n        async for x in b:\n"
                   "            await x\n    return [y async for y in z]\n");
  CHECK(verify(*co) == "");
}

TEST_CASE("compiler: match statements") {
  auto co = compile_src(
      "match p:\n"
      "    case [1, *rest] if rest: pass\n"
      "    case {'k': v, **kw}: pass\n"
      "    case Point(x=0, y=yy) | Point(x=yy, y=0): pass\n"
      "    case (a, b) as t: pass\n"
      "    case None | True: pass\n"
      "    case [_, *_, last]: pass\n"
      "    case _: pass\n");
  CHECK(verify(*co) == "");
}

TEST_CASE("compiler: stack sizes") {
  CHECK(compile_src("f(a, b, c)", CompileMode::Eval)->stacksize == 5);
  CHECK(compile_src("[a, [b, [c]]]", CompileMode::Eval)->stacksize == 3);
  auto co = compile_src("with a:\n    try:\n        pass\n    except E:\n        pass\n");
  CHECK(verify(*co) == "");
  CHECK(co->stacksize >= 5);
}

TEST_CASE("compiler: errors match CPython's messages") {
  CHECK(error_of("return 1") == "'return' outside function");
  CHECK(error_of("break") == "'break' outside loop");
  CHECK(error_of("for x in y:\n    pass\ncontinue") == "'continue' not properly in loop");
  CHECK(error_of("await x") == "'await' outside function");
  CHECK(error_of("def f():\n    await x") == "'await' outside async function");
  CHECK(error_of("lambda: await x") == "'await' outside async function");
  CHECK(error_of("__debug__ = 1") == "cannot assign to __debug__");
  CHECK(error_of("def f(__debug__): pass") == "cannot assign to __debug__");
  CHECK(error_of("del __debug__") == "cannot delete __debug__");
  CHECK(error_of("match x:\n    case y: pass\n    case 1: pass") ==
        "name capture 'y' makes remaining patterns unreachable");
  CHECK(error_of("match x:\n    case _: pass\n    case 1: pass") ==
        "wildcard makes remaining patterns unreachable");
  CHECK(error_of("match x:\n    case [a, a]: pass") ==
        "multiple assignments to name 'a' in pattern");
  CHECK(error_of("match x:\n    case [a] | [b]: pass") ==
        "alternative patterns bind different names");
  CHECK(error_of("match x:\n    case {'a': 1, 'a': 2}: pass") ==
        "mapping pattern checks duplicate key ('a')");
  CHECK(error_of("match x:\n    case C(a=1, a=2): pass") ==
        "attribute name repeated in class pattern: a");
  CHECK(error_of("match x:\n    case [*a, *b]: pass") ==
        "multiple starred names in sequence pattern");
  CHECK(error_of("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass") ==
        "default 'except:' must be last");
  CHECK(error_of("def f():\n    async with x: pass") == "'async with' outside async function");
  CHECK(error_of("def f():\n    async for x in y: pass") ==
        "'async for' outside async function");
  CHECK(error_of("for x in y:\n    try:\n        pass\n    except* E:\n        break") ==
        "'break', 'continue' and 'return' cannot appear in an except* block");
  CHECK(error_of("f(a=1, a=2)") == "keyword argument repeated: a");
  CHECK(error_of("def f():\n    [x async for x in y]") ==
        "asynchronous comprehension outside of an asynchronous function");
  CHECK(error_of("async def f():\n    yield from x") == "'yield from' inside async function");
  CHECK(error_of("async def f():\n    yield 1\n    return 2") ==
        "'return' with value in async generator");
  CHECK(error_of("a, *b, *c = d") == "multiple starred expressions in assignment");
  CHECK(error_of("*a = b") == "starred assignment target must be in a list or tuple");
  CHECK(error_of("from x import y\nfrom __future__ import annotations") ==
        "from __future__ imports must occur at the beginning of the file");
  std::string deep;
  for (int i = 0; i < 21; ++i) deep += std::string(size_t(2 * i), ' ') + "for x in y:\n";
  deep += std::string(42, ' ') + "pass\n";
  CHECK(error_of(deep) == "too many statically nested blocks");
}

TEST_CASE("compiler: disassembly lists nested code") {
  auto co = compile_src("def f(x):\n    return x\n");
  std::string dis = disassemble(*co);
  CHECK(dis.find("Disassembly of <module>") != std::string::npos);
  CHECK(dis.find("Disassembly of f") != std::string::npos);
  CHECK(dis.find("LoadFast                 0 (x)") != std::string::npos);
}

// Golden dumps: tests/frontend/bytecode/NAME.py must disassemble to NAME.dis
// (regenerate with tools/regen-golden after an intended change).
TEST_CASE("compiler: golden bytecode dumps") {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(COIL_SOURCE_ROOT) / "tests" / "frontend" / "bytecode";
  REQUIRE(fs::exists(dir));
  int checked = 0;
  for (auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    fs::path expected = entry.path();
    expected.replace_extension(".dis");
    std::string name = entry.path().filename().string();
    CAPTURE(name);
    Arena arena;
    std::string file = "tests/frontend/bytecode/" + name;
    ModNode* mod = parse(read_file(entry.path()), file, ParseMode::Exec, arena);
    auto code = compile_module(mod, file, CompileMode::Exec, 0);
    CHECK(verify(*code) == "");
    CHECK(disassemble(*code) == read_file(expected));
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("compiler: PEP 563 annotations are strings, unparsed like CPython") {
  auto co = compile_src(
      "from __future__ import annotations\n"
      "x: dict[str, int | None] = {}\n"
      "def f(a: -b ** c, *args: (lambda: 0)) -> f'{a!r:>{w}}': pass\n");
  CHECK(verify(*co) == "");
  std::vector<std::string> strs;
  std::function<void(const CodeUnit&)> walk = [&](const CodeUnit& c) {
    for (auto& k : c.consts) {
      if (k.kind == CodeConst::Kind::Value && k.value.kind == ConstValue::Kind::Str)
        strs.push_back(k.value.text);
      if (k.kind == CodeConst::Kind::Tuple)
        for (auto& it : k.items)
          if (it.kind == CodeConst::Kind::Value && it.value.kind == ConstValue::Kind::Str)
            strs.push_back(it.value.text);
    }
  };
  walk(*co);
  auto has = [&](const std::string& s) {
    return std::find(strs.begin(), strs.end(), s) != strs.end();
  };
  CHECK(has("dict[str, int | None]"));
  CHECK(has("-b ** c"));
  CHECK(has("lambda: 0"));
  CHECK(has("f'{a!r:>{w}}'"));
  CHECK((co->flags & coflag::FUTURE_ANNOTATIONS) != 0);
}

TEST_CASE("compiler: operators on constants fold like CPython's AST optimizer") {
  auto folded = [](const std::string& src) {
    auto co = compile_src(src, CompileMode::Eval);
    return ops_text(*co) == "LoadConst ReturnValue" ? const_repr(co->consts[0]) : "<not folded>";
  };
  CHECK(folded("2 * 3 + 1") == "7");
  CHECK(folded("7 // -2") == "-4");
  CHECK(folded("-7 % 3") == "2");
  CHECK(folded("2 ** 62") == "4611686018427387904");
  CHECK(folded("2 ** 63") == "<not folded>");  // leaves int64: run-time big int
  CHECK(folded("1 / 4") == "0.25");
  CHECK(folded("1 / 0") == "<not folded>");    // the error belongs to run time
  CHECK(folded("0.1 + 0.2") == "0.30000000000000004");
  CHECK(folded("'ab' * 2 + 'c'") == "'ababc'");
  CHECK(folded("not 0") == "True");
  CHECK(folded("~5") == "-6");
  CHECK(folded("-2 ** 2") == "-4");
}

TEST_CASE("compiler: big dict displays are built in chunks") {
  std::string src = "{";
  for (int i = 0; i < 40; ++i) src += "'k" + std::to_string(i) + "': v, ";
  src += "}";
  auto co = compile_src(src, CompileMode::Eval);
  CHECK(verify(*co) == "");
  CHECK(co->stacksize <= 40);
}

TEST_CASE("compiler: SyntaxWarnings like CPython's compiler") {
  auto warnings_of = [](const std::string& src) {
    Arena arena;
    ModNode* mod = parse(src, "<test>", ParseMode::Exec, arena);
    std::vector<SyntaxErrorInfo> w;
    compile_module(mod, "<test>", CompileMode::Exec, 0, 0, &w);
    std::string s;
    for (auto& x : w) s += std::to_string(x.lineno) + ": " + x.msg + "\n";
    return s;
  };
  CHECK(warnings_of("x is 1\nx is None\n") == "1: \"is\" with a literal. Did you mean \"==\"?\n");
  CHECK(warnings_of("assert (x, 'm')\n") ==
        "1: assertion is always true, perhaps remove parentheses?\n");
  CHECK(warnings_of("f = [\n (1, 2)\n (3, 4)]\n") ==
        "2: 'tuple' object is not callable; perhaps you missed a comma?\n");
  CHECK(warnings_of("[1, 2]['a']\n") ==
        "1: list indices must be integers or slices, not str; perhaps you missed a comma?\n");
  CHECK(warnings_of("x = None[0]\n") ==
        "1: 'NoneType' object is not subscriptable; perhaps you missed a comma?\n");
  CHECK(warnings_of("x[1]\n'abc'[1:2]\n") == "");
}
