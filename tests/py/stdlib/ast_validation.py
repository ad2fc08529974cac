# compile() of malformed AST objects: CPython's validator errors, the compiler's SyntaxErrors, no crash.
import _ast
P = dict(lineno=1, col_offset=0)
class Evil(_ast.Name):
    @property
    def id(self): raise RuntimeError("boom")
tests = []
tests.append(lambda: compile(_ast.Expression(Evil(ctx=_ast.Load(), **P)), "<e>", "eval"))
n = _ast.List([], _ast.Load(), **P); n.elts.append(n)
tests.append(lambda: compile(_ast.Expression(n), "<e>", "eval"))
class Shrink(_ast.Constant):
    @property
    def value(self):
        lst.clear(); return 1
lst = [Shrink(**P), Shrink(**P), Shrink(**P)]
tests.append(lambda: compile(_ast.Expression(_ast.List(lst, _ast.Load(), **P)), "<e>", "eval"))
class F(_ast.AST): _fields = 5
tests.append(lambda: F(1))
class G(_ast.AST): _fields = ("a", 3)
tests.append(lambda: G(1, 2))
tests.append(lambda: _ast.AST(1))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Constant(2**100, **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Constant(1, lineno=2**40, col_offset=0), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.ImportFrom("m", [_ast.alias("x", **P)], -5, **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.FunctionDef("f", _ast.arguments([], [], None, [], [], None, []), [_ast.Pass(**P)], [], **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Lambda(_ast.arguments([], [], None, [], [_ast.Constant(1, **P)], None, []), _ast.Constant(1, **P), **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Dict([None], [], **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Compare(_ast.Constant(1, **P), [_ast.Eq()], [], **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Call(_ast.Name("f", _ast.Load(), **P), [], [_ast.keyword("a", _ast.Constant(1, **P), **P), _ast.keyword("a", _ast.Constant(1, **P), **P)], **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Nonlocal(["x"], **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Return(None, **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Match(_ast.Name("x", _ast.Load(), **P), [], **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Try([_ast.Pass(**P)], [], [], [], **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Global([], **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Starred(_ast.Name("x", _ast.Load(), **P), _ast.Load(), **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.FormattedValue(_ast.Name("x", _ast.Load(), **P), 5, None, **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.JoinedStr([_ast.Name("x", _ast.Load(), **P)], **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Assign([], _ast.Constant(1, **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.With([], [_ast.Pass(**P)], **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.BoolOp(_ast.And(), [_ast.Constant(1, **P)], **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Name("None", _ast.Load(), **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Assign([_ast.Name("True", _ast.Store(), **P)], _ast.Constant(1, **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.ListComp(_ast.Constant(1, **P), [], **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.ClassDef("C", [], [], [_ast.Pass(**P)], [], **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Raise(None, _ast.Constant(1, **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Yield(None, **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Expr(_ast.Await(_ast.Constant(1, **P), **P), **P)], []), "<m>", "exec"))
tests.append(lambda: compile(_ast.Module([_ast.Break(**P)], []), "<m>", "exec"))
for i, t in enumerate(tests):
    try:
        r = t(); print(i, "ok", type(r).__name__)
    except Exception as e:
        print(i, type(e).__name__, str(e).split(" at 0x")[0])
