// test_parser.cpp — parser, string literals, f-strings and ast.dump against CPython 3.11.
//
// Expected texts were produced by python3.11 (ast.dump with include_attributes=True and
// compile() errors); regenerate them with python3.11 when the cases change.
#include <doctest/doctest.h>

#include <string>

#include "frontend/ast_dump.h"
#include "frontend/parser.h"

using namespace coil::fe;

namespace {

std::string dump(const char* src) {
  Arena arena;
  return dump_ast(parse(src, "<test>", ParseMode::Exec, arena), -1, true);
}

std::string error(const char* src) {
  Arena arena;
  try {
    parse(src, "<test>", ParseMode::Exec, arena);
  } catch (const SyntaxErrorException& e) {
    const char* kind = e.info.kind == SyntaxErrorInfo::Kind::IndentationError ? "IndentationError"
                       : e.info.kind == SyntaxErrorInfo::Kind::TabError   ? "TabError"
                                                                           : "SyntaxError";
    return std::string(kind) + ": " + e.info.msg + " (" + std::to_string(e.info.lineno) + ", " +
           std::to_string(e.info.offset) + ")";
  }
  return "no error";
}

}  // namespace

TEST_CASE("parser: ast.dump with positions matches CPython 3.11") {
  CHECK(dump("x = 1") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[])");
  CHECK(dump("a, *b = c") ==
        "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), Starred(value=Name(id='b', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), ctx=Store(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=5)], ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], value=Name(id='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[])");
  CHECK(dump("x: int = 5") ==
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=6), value=Constant(value=5, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), simple=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], type_ignores=[])");
  CHECK(dump("(x): int") ==
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=8), simple=0, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[])");
  CHECK(dump("x += yield") ==
        "Module(body=[AugAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), op=Add(), value=Yield(lineno=1, col_offset=5, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], type_ignores=[])");
  CHECK(dump("del a, b[0], c.d") ==
        "Module(body=[Delete(targets=[Name(id='a', ctx=Del(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), Subscript(value=Name(id='b', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), slice=Constant(value=0, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), ctx=Del(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=11), Attribute(value=Name(id='c', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), attr='d', ctx=Del(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[])");
  CHECK(dump("f(a, *b, c=1, **d)") ==
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=7)], keywords=[keyword(arg='c', value=Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), keyword(value=Name(id='d', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=14, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])");
  CHECK(dump("f(x for x in y)") ==
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[])");
  CHECK(dump("a[1:2, ::3, ...]") ==
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_col_offset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10), Constant(value=Ellipsis, lineno=1, col_offset=12, end_lineno=1, end_col_offset=15)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=15), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[])");
  CHECK(dump("a[*b]") ==
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=4)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=4), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[])");
  CHECK(dump("lambda a, /, b=1, *c, d, e=2, **f: 0") ==
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_offset=7, end_lineno=1, end_col_offset=8)], args=[arg(arg='b', lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], vararg=arg(arg='c', lineno=1, col_offset=19, end_lineno=1, end_col_offset=20), kwonlyargs=[arg(arg='d', lineno=1, col_offset=22, end_lineno=1, end_col_offset=23), arg(arg='e', lineno=1, col_offset=25, end_lineno=1, end_col_offset=26)], kw_defaults=[None, Constant(value=2, lineno=1, col_offset=27, end_lineno=1, end_col_offset=28)], kwarg=arg(arg='f', lineno=1, col_offset=32, end_lineno=1, end_col_offset=33), defaults=[Constant(value=1, lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)]), body=Constant(value=0, lineno=1, col_offset=35, end_lineno=1, end_col_offset=36), lineno=1, col_offset=0, end_lineno=1, end_col_offset=36), lineno=1, col_offset=0, end_lineno=1, end_col_offset=36)], type_ignores=[])");
  CHECK(dump("def f(a, b: int = 1, *, c) -> str:\n    return a") ==
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), arg(arg='b', annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=15), lineno=1, col_offset=9, end_lineno=1, end_col_offset=15)], kwonlyargs=[arg(arg='c', lineno=1, col_offset=24, end_lineno=1, end_col_offset=25)], kw_defaults=[None], defaults=[Constant(value=1, lineno=1, col_offset=18, end_lineno=1, end_col_offset=19)]), body=[Return(value=Name(id='a', ctx=Load(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=12), lineno=2, col_offset=4, end_lineno=2, end_col_offset=12)], decorator_list=[], returns=Name(id='str', ctx=Load(), lineno=1, col_offset=30, end_lineno=1, end_col_offset=33), lineno=1, col_offset=0, end_lineno=2, end_col_offset=12)], type_ignores=[])");
  CHECK(dump("async def f():\n    async for x in y:\n        await z\n    async with a as b, c:\n        pass") ==
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='x', ctx=Store(), lineno=2, col_offset=14, end_lineno=2, end_col_offset=15), iter=Name(id='y', ctx=Load(), lineno=2, col_offset=19, end_lineno=2, end_col_offset=20), body=[Expr(value=Await(value=Name(id='z', ctx=Load(), lineno=3, col_offset=14, end_lineno=3, end_col_offset=15), lineno=3, col_offset=8, end_lineno=3, end_col_offset=15), lineno=3, col_offset=8, end_lineno=3, end_col_offset=15)], orelse=[], lineno=2, col_offset=4, end_lineno=3, end_col_offset=15), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=4, col_offset=15, end_lineno=4, end_col_offset=16), optional_vars=Name(id='b', ctx=Store(), lineno=4, col_offset=20, end_lineno=4, end_col_offset=21)), withitem(context_expr=Name(id='c', ctx=Load(), lineno=4, col_offset=23, end_lineno=4, end_col_offset=24))], body=[Pass(lineno=5, col_offset=8, end_lineno=5, end_col_offset=12)], lineno=4, col_offset=4, end_lineno=5, end_col_offset=12)], decorator_list=[], lineno=1, col_offset=0, end_lineno=5, end_col_offset=12)], type_ignores=[])");
  CHECK(dump("@d1\n@d2(x)\nclass C(B, metaclass=M):\n    pass") ==
        "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=9)], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load(), lineno=3, col_offset=21, end_lineno=3, end_col_offset=22), lineno=3, col_offset=11, end_lineno=3, end_col_offset=22)], body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], decorator_list=[Name(id='d1', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=3), Call(func=Name(id='d2', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=3), args=[Name(id='x', ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], keywords=[], lineno=2, col_offset=1, end_lineno=2, end_col_offset=6)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[])");
  CHECK(dump("x = [i for i in range(3) if i async for j in k]") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=ListComp(elt=Name(id='i', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), generators=[comprehension(target=Name(id='i', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), iter=Call(func=Name(id='range', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=21), args=[Constant(value=3, lineno=1, col_offset=22, end_lineno=1, end_col_offset=23)], keywords=[], lineno=1, col_offset=16, end_lineno=1, end_col_offset=24), ifs=[Name(id='i', ctx=Load(), lineno=1, col_offset=28, end_lineno=1, end_col_offset=29)], is_async=0), comprehension(target=Name(id='j', ctx=Store(), lineno=1, col_offset=40, end_lineno=1, end_col_offset=41), iter=Name(id='k', ctx=Load(), lineno=1, col_offset=45, end_lineno=1, end_col_offset=46), ifs=[], is_async=1)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=47), lineno=1, col_offset=0, end_lineno=1, end_col_offset=47)], type_ignores=[])");
  CHECK(dump("{k: v for k, v in d.items()}") ==
        "Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), value=Name(id='v', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), Name(id='v', ctx=Store(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], ctx=Store(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=14), iter=Call(func=Attribute(value=Name(id='d', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), attr='items', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=25), args=[], keywords=[], lineno=1, col_offset=18, end_lineno=1, end_col_offset=27), ifs=[], is_async=0)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), lineno=1, col_offset=0, end_lineno=1, end_col_offset=28)], type_ignores=[])");
  CHECK(dump("{**a, 'b': 1}") ==
        "Module(body=[Expr(value=Dict(keys=[None, Constant(value='b', lineno=1, col_offset=6, end_lineno=1, end_col_offset=9)], values=[Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], type_ignores=[])");
  CHECK(dump("if (n := len(a)) > 10: pass\nelif b: pass\nelse: pass") ==
        "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), value=Call(func=Name(id='len', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], keywords=[], lineno=1, col_offset=9, end_lineno=1, end_col_offset=15), lineno=1, col_offset=4, end_lineno=1, end_col_offset=15), ops=[Gt()], comparators=[Constant(value=10, lineno=1, col_offset=19, end_lineno=1, end_col_offset=21)], lineno=1, col_offset=3, end_lineno=1, end_col_offset=21), body=[Pass(lineno=1, col_offset=23, end_lineno=1, end_col_offset=27)], orelse=[If(test=Name(id='b', ctx=Load(), lineno=2, col_offset=5, end_lineno=2, end_col_offset=6), body=[Pass(lineno=2, col_offset=8, end_lineno=2, end_col_offset=12)], orelse=[Pass(lineno=3, col_offset=6, end_lineno=3, end_col_offset=10)], lineno=2, col_offset=0, end_lineno=3, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=3, end_col_offset=10)], type_ignores=[])");
  CHECK(dump("try:\n    pass\nexcept* (A, B) as e:\n    pass\nfinally:\n    pass") ==
        "Module(body=[TryStar(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load(), lineno=3, col_offset=9, end_lineno=3, end_col_offset=10), Name(id='B', ctx=Load(), lineno=3, col_offset=12, end_lineno=3, end_col_offset=13)], ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=14), name='e', body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], orelse=[], finalbody=[Pass(lineno=6, col_offset=4, end_lineno=6, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=6, end_col_offset=8)], type_ignores=[])");
  CHECK(dump("with (open(a) as f, open(b) as g):\n    pass") ==
        "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=10), args=[Name(id='a', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)], keywords=[], lineno=1, col_offset=6, end_lineno=1, end_col_offset=13), optional_vars=Name(id='f', ctx=Store(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=18)), withitem(context_expr=Call(func=Name(id='open', ctx=Load(), lineno=1, col_offset=20, end_lineno=1, end_col_offset=24), args=[Name(id='b', ctx=Load(), lineno=1, col_offset=25, end_lineno=1, end_col_offset=26)], keywords=[], lineno=1, col_offset=20, end_lineno=1, end_col_offset=27), optional_vars=Name(id='g', ctx=Store(), lineno=1, col_offset=31, end_lineno=1, end_col_offset=32))], body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], type_ignores=[])");
  CHECK(dump("with (a, b):\n    pass") ==
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)), withitem(context_expr=Name(id='b', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10))], body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], type_ignores=[])");
  CHECK(dump("match p:\n    case [1, *rest] | {'k': v, **kw}:\n        pass\n    case Point(x=0, y=_) if y > 0:\n        pass\n    case -1 + 2j | None | 'a' 'b' | a.b.c:\n        pass\n    case (x, y) as z:\n        pass") ==
        "Module(body=[Match(subject=Name(id='p', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), MatchStar(name='rest', lineno=2, col_offset=13, end_lineno=2, end_col_offset=18)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=19), MatchMapping(keys=[Constant(value='k', lineno=2, col_offset=23, end_lineno=2, end_col_offset=26)], patterns=[MatchAs(name='v', lineno=2, col_offset=28, end_lineno=2, end_col_offset=29)], rest='kw', lineno=2, col_offset=22, end_lineno=2, end_col_offset=36)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=36), body=[Pass(lineno=3, col_offset=8, end_lineno=3, end_col_offset=12)]), match_case(pattern=MatchClass(cls=Name(id='Point', ctx=Load(), lineno=4, col_offset=9, end_lineno=4, end_col_offset=14), patterns=[], kwd_attrs=['x', 'y'], kwd_patterns=[MatchValue(value=Constant(value=0, lineno=4, col_offset=17, end_lineno=4, end_col_offset=18), lineno=4, col_offset=17, end_lineno=4, end_col_offset=18), MatchAs(lineno=4, col_offset=22, end_lineno=4, end_col_offset=23)], lineno=4, col_offset=9, end_lineno=4, end_col_offset=24), guard=Compare(left=Name(id='y', ctx=Load(), lineno=4, col_offset=28, end_lineno=4, end_col_offset=29), ops=[Gt()], comparators=[Constant(value=0, lineno=4, col_offset=32, end_lineno=4, end_col_offset=33)], lineno=4, col_offset=28, end_lineno=4, end_col_offset=33), body=[Pass(lineno=5, col_offset=8, end_lineno=5, end_col_offset=12)]), match_case(pattern=MatchOr(patterns=[MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1, lineno=6, col_offset=10, end_lineno=6, end_col_offset=11), lineno=6, col_offset=9, end_lineno=6, end_col_offset=11), op=Add(), right=Constant(value=2j, lineno=6, col_offset=14, end_lineno=6, end_col_offset=16), lineno=6, col_offset=9, end_lineno=6, end_col_offset=16), lineno=6, col_offset=9, end_lineno=6, end_col_offset=16), MatchSingleton(value=None, lineno=6, col_offset=19, end_lineno=6, end_col_offset=23), MatchValue(value=Constant(value='ab', lineno=6, col_offset=26, end_lineno=6, end_col_offset=33), lineno=6, col_offset=26, end_lineno=6, end_col_offset=33), MatchValue(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load(), lineno=6, col_offset=36, end_lineno=6, end_col_offset=37), attr='b', ctx=Load(), lineno=6, col_offset=36, end_lineno=6, end_col_offset=39), attr='c', ctx=Load(), lineno=6, col_offset=36, end_lineno=6, end_col_offset=41), lineno=6, col_offset=36, end_lineno=6, end_col_offset=41)], lineno=6, col_offset=9, end_lineno=6, end_col_offset=41), body=[Pass(lineno=7, col_offset=8, end_lineno=7, end_col_offset=12)]), match_case(pattern=MatchAs(pattern=MatchSequence(patterns=[MatchAs(name='x', lineno=8, col_offset=10, end_lineno=8, end_col_offset=11), MatchAs(name='y', lineno=8, col_offset=13, end_lineno=8, end_col_offset=14)], lineno=8, col_offset=9, end_lineno=8, end_col_offset=15), name='z', lineno=8, col_offset=9, end_lineno=8, end_col_offset=20), body=[Pass(lineno=9, col_offset=8, end_lineno=9, end_col_offset=12)])], lineno=1, col_offset=0, end_lineno=9, end_col_offset=12)], type_ignores=[])");
  CHECK(dump("match = 1\nmatch(x)\ncase = _") ==
        "Module(body=[Assign(targets=[Name(id='match', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], value=Constant(value=1, lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), Expr(value=Call(func=Name(id='match', ctx=Load(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=5), args=[Name(id='x', ctx=Load(), lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], keywords=[], lineno=2, col_offset=0, end_lineno=2, end_col_offset=8), lineno=2, col_offset=0, end_lineno=2, end_col_offset=8), Assign(targets=[Name(id='case', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=4)], value=Name(id='_', ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=8), lineno=3, col_offset=0, end_lineno=3, end_col_offset=8)], type_ignores=[])");
  CHECK(dump("from . import a as b, c\nfrom ..m.n import (x,)\nimport os.path as p, sys") ==
        "Module(body=[ImportFrom(names=[alias(name='a', asname='b', lineno=1, col_offset=14, end_lineno=1, end_col_offset=20), alias(name='c', lineno=1, col_offset=22, end_lineno=1, end_col_offset=23)], level=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=23), ImportFrom(module='m.n', names=[alias(name='x', lineno=2, col_offset=19, end_lineno=2, end_col_offset=20)], level=2, lineno=2, col_offset=0, end_lineno=2, end_col_offset=22), Import(names=[alias(name='os.path', asname='p', lineno=3, col_offset=7, end_lineno=3, end_col_offset=19), alias(name='sys', lineno=3, col_offset=21, end_lineno=3, end_col_offset=24)], lineno=3, col_offset=0, end_lineno=3, end_col_offset=24)], type_ignores=[])");
  CHECK(dump("global a, b\nnonlocal c") ==
        "Module(body=[Global(names=['a', 'b'], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), Nonlocal(names=['c'], lineno=2, col_offset=0, end_lineno=2, end_col_offset=10)], type_ignores=[])");
  CHECK(dump("assert x, 'msg'\nraise E from e\nraise") ==
        "Module(body=[Assert(test=Name(id='x', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), msg=Constant(value='msg', lineno=1, col_offset=10, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), Raise(exc=Name(id='E', ctx=Load(), lineno=2, col_offset=6, end_lineno=2, end_col_offset=7), cause=Name(id='e', ctx=Load(), lineno=2, col_offset=13, end_lineno=2, end_col_offset=14), lineno=2, col_offset=0, end_lineno=2, end_col_offset=14), Raise(lineno=3, col_offset=0, end_lineno=3, end_col_offset=5)], type_ignores=[])");
  CHECK(dump("a < b <= c is not d not in e") ==
        "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), ops=[Lt(), LtE(), IsNot(), NotIn()], comparators=[Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), Name(id='c', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), Name(id='d', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), Name(id='e', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=28), lineno=1, col_offset=0, end_lineno=1, end_col_offset=28)], type_ignores=[])");
  CHECK(dump("not a and b or c") ==
        "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), Name(id='b', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), Name(id='c', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=16), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[])");
  CHECK(dump("-x ** -y @ z // w") ==
        "Module(body=[Expr(value=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='y', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), lineno=1, col_offset=6, end_lineno=1, end_col_offset=8), lineno=1, col_offset=1, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), op=MatMult(), right=Name(id='z', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12), op=FloorDiv(), right=Name(id='w', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)], type_ignores=[])");
  CHECK(dump("x if y else z") ==
        "Module(body=[Expr(value=IfExp(test=Name(id='y', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), body=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), orelse=Name(id='z', ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], type_ignores=[])");
  CHECK(dump("f'{x!r:>{w}} {y=} {{z}}'") ==
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=24)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), Constant(value=' y=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), Constant(value=' {z}', lineno=1, col_offset=0, end_lineno=1, end_col_offset=24)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), lineno=1, col_offset=0, end_lineno=1, end_col_offset=24)], type_ignores=[])");
  CHECK(dump("u'a' 'b'") ==
        "Module(body=[Expr(value=Constant(value='ab', kind='u', lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[])");
  CHECK(dump("b'\\x00\\xff' rb'\\n'") ==
        "Module(body=[Expr(value=Constant(value=b'\\x00\\xff\\\\n', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])");
  CHECK(dump("'\\N{BULLET}\\t\\u00e9\\U0001F600'") ==
        "Module(body=[Expr(value=Constant(value='•\\té😀', lineno=1, col_offset=0, end_lineno=1, end_col_offset=30), lineno=1, col_offset=0, end_lineno=1, end_col_offset=30)], type_ignores=[])");
  CHECK(dump("0xFF + 0o17 + 0b101 + 1_000 + 123456789012345678901234567890 + 0x123456789abcdef0123456789") ==
        "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=255, lineno=1, col_offset=0, end_lineno=1, end_col_offset=4), op=Add(), right=Constant(value=15, lineno=1, col_offset=7, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), op=Add(), right=Constant(value=5, lineno=1, col_offset=14, end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), op=Add(), right=Constant(value=1000, lineno=1, col_offset=22, end_lineno=1, end_col_offset=27), lineno=1, col_offset=0, end_lineno=1, end_col_offset=27), op=Add(), right=Constant(value=123456789012345678901234567890, lineno=1, col_offset=30, end_lineno=1, end_col_offset=60), lineno=1, col_offset=0, end_lineno=1, end_col_offset=60), op=Add(), right=Constant(value=90144042682896311822508713865, lineno=1, col_offset=63, end_lineno=1, end_col_offset=90), lineno=1, col_offset=0, end_lineno=1, end_col_offset=90), lineno=1, col_offset=0, end_lineno=1, end_col_offset=90)], type_ignores=[])");
  CHECK(dump("1.5 + 1e16 + 1e-05 + 0.0001 + 1.5j + 0j + 2j + 1e300 * 1e300 + 10.0") ==
        "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1.5, lineno=1, col_offset=0, end_lineno=1, end_col_offset=3), op=Add(), right=Constant(value=1e+16, lineno=1, col_offset=6, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), op=Add(), right=Constant(value=1e-05, lineno=1, col_offset=13, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), op=Add(), right=Constant(value=0.0001, lineno=1, col_offset=21, end_lineno=1, end_col_offset=27), lineno=1, col_offset=0, end_lineno=1, end_col_offset=27), op=Add(), right=Constant(value=1.5j, lineno=1, col_offset=30, end_lineno=1, end_col_offset=34), lineno=1, col_offset=0, end_lineno=1, end_col_offset=34), op=Add(), right=Constant(value=0j, lineno=1, col_offset=37, end_lineno=1, end_col_offset=39), lineno=1, col_offset=0, end_lineno=1, end_col_offset=39), op=Add(), right=Constant(value=2j, lineno=1, col_offset=42, end_lineno=1, end_col_offset=44), lineno=1, col_offset=0, end_lineno=1, end_col_offset=44), op=Add(), right=BinOp(left=Constant(value=1e+300, lineno=1, col_offset=47, end_lineno=1, end_col_offset=52), op=Mult(), right=Constant(value=1e+300, lineno=1, col_offset=55, end_lineno=1, end_col_offset=60), lineno=1, col_offset=47, end_lineno=1, end_col_offset=60), lineno=1, col_offset=0, end_lineno=1, end_col_offset=60), op=Add(), right=Constant(value=10.0, lineno=1, col_offset=63, end_lineno=1, end_col_offset=67), lineno=1, col_offset=0, end_lineno=1, end_col_offset=67), lineno=1, col_offset=0, end_lineno=1, end_col_offset=67)], type_ignores=[])");
  CHECK(dump("(yield)") ==
        "Module(body=[Expr(value=Yield(lineno=1, col_offset=1, end_lineno=1, end_col_offset=6), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], type_ignores=[])");
  CHECK(dump("print(*a, sep='')") ==
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), args=[Starred(value=Name(id='a', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=8)], keywords=[keyword(arg='sep', value=Constant(value='', lineno=1, col_offset=14, end_lineno=1, end_col_offset=16), lineno=1, col_offset=10, end_lineno=1, end_col_offset=16)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)], type_ignores=[])");
  CHECK(dump("x = *a, *b") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=6), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=10)], ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], type_ignores=[])");
  CHECK(dump("for x, in y: pass\nelse: pass") ==
        "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5)], ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=6), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), body=[Pass(lineno=1, col_offset=13, end_lineno=1, end_col_offset=17)], orelse=[Pass(lineno=2, col_offset=6, end_lineno=2, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=10)], type_ignores=[])");
  CHECK(dump("while 1:\n    break\n    continue") ==
        "Module(body=[While(test=Constant(value=1, lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), body=[Break(lineno=2, col_offset=4, end_lineno=2, end_col_offset=9), Continue(lineno=3, col_offset=4, end_lineno=3, end_col_offset=12)], orelse=[], lineno=1, col_offset=0, end_lineno=3, end_col_offset=12)], type_ignores=[])");
  CHECK(dump("'a' 'b' f'{c}'") ==
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab', lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), FormattedValue(value=Name(id='c', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)], type_ignores=[])");
  CHECK(dump("f'{a}' f'{b!s}' 'c'") ==
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), conversion=115, lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), Constant(value='c', lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], type_ignores=[])");
  CHECK(dump("f'{x:}'") ==
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=-1, format_spec=JoinedStr(values=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], type_ignores=[])");
  CHECK(dump("f'{3.14:.2f}'") ==
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14, lineno=1, col_offset=3, end_lineno=1, end_col_offset=7), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f', lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], type_ignores=[])");
  CHECK(dump("f'''{\na}'''") ==
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1), conversion=-1, lineno=1, col_offset=0, end_lineno=2, end_col_offset=5)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=5), lineno=1, col_offset=0, end_lineno=2, end_col_offset=5)], type_ignores=[])");
  CHECK(dump("x = 'é' + \"'\" + '\"' + '\\x7f\\u200b'") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=BinOp(left=BinOp(left=Constant(value='é', lineno=1, col_offset=4, end_lineno=1, end_col_offset=8), op=Add(), right=Constant(value=\"'\", lineno=1, col_offset=11, end_lineno=1, end_col_offset=14), lineno=1, col_offset=4, end_lineno=1, end_col_offset=14), op=Add(), right=Constant(value='\"', lineno=1, col_offset=17, end_lineno=1, end_col_offset=20), lineno=1, col_offset=4, end_lineno=1, end_col_offset=20), op=Add(), right=Constant(value='\\x7f\\u200b', lineno=1, col_offset=23, end_lineno=1, end_col_offset=35), lineno=1, col_offset=4, end_lineno=1, end_col_offset=35), lineno=1, col_offset=0, end_lineno=1, end_col_offset=35)], type_ignores=[])");
}

TEST_CASE("parser: syntax errors match CPython 3.11") {
  CHECK(error("f() = 1") == "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? (1, 1)");
  CHECK(error("1 = x") == "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? (1, 1)");
  CHECK(error("(a, 1) = x") == "SyntaxError: cannot assign to literal (1, 5)");
  CHECK(error("[a b]") == "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1, 2)");
  CHECK(error("a b") == "SyntaxError: invalid syntax (1, 3)");
  CHECK(error("if x\n  pass") == "SyntaxError: expected ':' (1, 5)");
  CHECK(error("if x:\npass") == "IndentationError: expected an indented block after 'if' statement on line 1 (2, 1)");
  CHECK(error("x = 1\n  y = 2") == "IndentationError: unexpected indent (2, 2)");
  CHECK(error("f(a for a in b, c)") == "SyntaxError: Generator expression must be parenthesized (1, 3)");
  CHECK(error("f(**k, *a)") == "SyntaxError: iterable argument unpacking follows keyword argument unpacking (1, 3)");
  CHECK(error("f(a=1, b)") == "SyntaxError: positional argument follows keyword argument (1, 9)");
  CHECK(error("f(**k, b)") == "SyntaxError: positional argument follows keyword argument unpacking (1, 9)");
  CHECK(error("del f()") == "SyntaxError: cannot delete function call (1, 5)");
  CHECK(error("for 1 in x: pass") == "SyntaxError: cannot assign to literal (1, 5)");
  CHECK(error("x = (1, 2") == "SyntaxError: '(' was never closed (1, 5)");
  CHECK(error("print 'x'") == "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? (1, 1)");
  CHECK(error("a = 1 if 2") == "SyntaxError: expected 'else' after 'if' expression (1, 5)");
  CHECK(error("(x = 1)") == "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? (1, 2)");
  CHECK(error("def f(a=1, b): pass") == "SyntaxError: non-default argument follows default argument (1, 12)");
  CHECK(error("def f(*): pass") == "SyntaxError: named arguments must follow bare * (1, 7)");
  CHECK(error("try:\n  pass\nx=1") == "SyntaxError: expected 'except' or 'finally' block (3, 1)");
  CHECK(error("a, b: int") == "SyntaxError: only single target (not tuple) can be annotated (1, 1)");
  CHECK(error("(a, b) += 1") == "SyntaxError: 'tuple' is an illegal expression for augmented assignment (1, 1)");
  CHECK(error("f'{}'") == "SyntaxError: f-string: empty expression not allowed (1, 6)");
  CHECK(error("f'{a!x}'") == "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' (1, 9)");
  CHECK(error("f'{a'") == "SyntaxError: f-string: expecting '}' (1, 6)");
  CHECK(error("b'café'") == "SyntaxError: bytes can only contain ASCII literal characters (1, 8)");
  CHECK(error("x = b'a' 'b'") == "SyntaxError: cannot mix bytes and nonbytes literals (1, 13)");
  CHECK(error("[x, y for x, y in z]") == "SyntaxError: did you forget parentheses around the comprehension target? (1, 2)");
  CHECK(error("x = yield = 3") == "SyntaxError: assignment to yield expression not possible (1, 5)");
  CHECK(error("with a as 1: pass") == "SyntaxError: cannot assign to literal (1, 11)");
  CHECK(error("x = 'abc") == "SyntaxError: unterminated string literal (detected at line 1) (1, 5)");
  CHECK(error("x = 1 $ 2") == "SyntaxError: invalid syntax (1, 7)");
}

TEST_CASE("parser: eval and single modes") {
  {
    Arena arena;
    CHECK(dump_ast(parse("1 + 2", "<t>", ParseMode::Eval, arena), -1, true) == "Expression(body=BinOp(left=Constant(value=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), op=Add(), right=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5))");
  }
  {
    Arena arena;
    CHECK(dump_ast(parse("x = 1", "<t>", ParseMode::Single, arena), -1, true) == "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)])");
  }
  {
    Arena arena;
    CHECK(dump_ast(parse("(int, *str) -> None", "<t>", ParseMode::FuncType, arena), -1, true) == "FunctionType(argtypes=[Name(id='int', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=4), Name(id='str', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10)], returns=Constant(value=None, lineno=1, col_offset=15, end_lineno=1, end_col_offset=19))");
  }
}

TEST_CASE("parser: deep nesting is MemoryError, not a crash") {
  std::string src = "x = " + std::string(100000, '-') + "1";
  Arena arena;
  bool too_complex = false;
  try {
    parse(src, "<t>", ParseMode::Exec, arena);
  } catch (const SyntaxErrorException& e) {
    too_complex = e.info.kind == SyntaxErrorInfo::Kind::TooComplex;
  }
  CHECK(too_complex);
  std::string ok = "x = " + std::string(2000, '-') + "1";
  CHECK_NOTHROW(parse(ok, "<t>", ParseMode::Exec, arena));
}

TEST_CASE("ast_dump: reprs like Python") {
  CHECK(repr_float(1e+16, true) == "1e+16");
  CHECK(repr_float(1e-05, true) == "1e-05");
  CHECK(repr_float(0.0001, true) == "0.0001");
  CHECK(repr_float(1.5, true) == "1.5");
  CHECK(repr_float(10.0, true) == "10.0");
  CHECK(repr_float(1.2345678901234568e+17, true) == "1.2345678901234568e+17");
  CHECK(repr_float(0.30000000000000004, true) == "0.30000000000000004");
  CHECK(repr_float(5e-324, true) == "5e-324");
  CHECK(repr_float(1.7976931348623157e+308, true) == "1.7976931348623157e+308");
  CHECK(repr_float(2.0, false) == "2");
  CHECK(repr_str("it's") == "\"it's\"");
  CHECK(repr_str("a\x01\u00e9\u200b") == "'a\\x01é\\u200b'");
  CHECK(repr_bytes(std::string("\x00\xff'", 3)) == "b\"\\x00\\xff'\"");
}
