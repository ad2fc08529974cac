# _ast directly (ast.py needs os/enum): node classes, compile(..., PyCF_ONLY_AST) trees printed
# with every field and position, compile() of AST objects, and the errors of bad trees.
import _ast

def dump(node):
    if isinstance(node, _ast.AST):
        parts = []
        for name in node._fields + node._attributes:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            parts.append(f"{name}={dump(value)}")
        return f"{type(node).__name__}({', '.join(parts)})"
    if isinstance(node, list):
        return "[" + ", ".join(dump(x) for x in node) + "]"
    return repr(node)

def parse(src, mode="exec"):
    return compile(src, "<src>", mode, _ast.PyCF_ONLY_AST)

SOURCES = [
    "x = 1 + 2 * -y ** 3 // 4 % 5 @ m << 1 >> 2 | 3 ^ 4 & 5",
    "a, *b = c[1:2, ::3], d.e\ndel a[0], b.c\nx += 1\ny: int = 2\nz: 'T'",
    "def f(a, /, b: int = 3, *args, c, d=4, **kw) -> 'r':\n    '''doc'''\n    global g\n    return a\n",
    "@dec\nclass C(B, metaclass=M):\n    x = 1\n    async def m(self):\n        async for i in a: await i\n        async with x as (y, z): pass\n",
    "[i for i in range(10) if i % 2]\n{k: v for k, v in d.items()}\n{s for s in t}\n(g for g in h)",
    "lambda *, x=1, **k: (yield)\nx if y else z\nnot a and b or c\na < b <= c != d is not e not in f",
    "try:\n    pass\nexcept ValueError as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* (A, B):\n    pass",
    "while x:\n    break\nelse:\n    continue\nfor i in j:\n    pass\nif a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "import a.b as c, d\nfrom ..e import (f as g, h)\nfrom . import *\nassert x, 'm'\nnonlocal_ = 1",
    "match p:\n    case [1, *rest] | {'a': 1, **rest}: pass\n    case Point(0, y=_) if y: pass\n    case None | True | -1 | 1+2j | 'a' 'b': pass\n    case {**r} | [*_] | (x as y): pass",
    "f'{x!r:>{w}} {y=} {z:.2f}'\nb'\\x00' + 'caf\\u00e9' + u'x'\n...\n1e10, 0x1f, 10**30, 1.5j, True, None",
    "with a as b, c:\n    pass\nprint(*args, sep='', **kw)\n(x := 5)\n{**a, 'b': 1}\n[*a, b]\n{1, 2}",
]
for src in SOURCES:
    print(dump(parse(src)))
print(dump(parse("a + 1", "eval")))
print(dump(parse("x = 1\n", "single")))
print(dump(parse("(int, str) -> bool", "func_type")))

# Classes.
print(_ast.Name._fields, _ast.Name.__match_args__, _ast.expr._attributes, _ast.arguments._attributes)
print(_ast.Name.__mro__, _ast.ExceptHandler.__mro__, _ast.Load.__mro__, _ast.Name.__module__)
print(_ast.Return().value, _ast.Constant().kind, _ast.expr.end_lineno, _ast.arg.end_col_offset)
print(_ast.FunctionDef.__doc__, _ast.Pass.__doc__, _ast.Load.__doc__, repr(_ast.AST.__doc__))
print(_ast.operator.__doc__)
print(_ast.stmt.__doc__.split("\n")[:3])
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
try:
    _ast.FunctionDef().body
except AttributeError as e:
    print(e)
n = _ast.Name("x", _ast.Load(), lineno=3, extra=5)
print(dump(n), n.extra, n.__reduce__()[0], n.__reduce__()[2]["extra"], _ast.Pass().__reduce__())
for args, kw in [((1, 2, 3), {}), ((1,), {"id": 2})]:
    try:
        _ast.Name(*args, **kw)
    except TypeError as e:
        print(e)
class MyName(_ast.Name):
    pass
print(dump(MyName("q", _ast.Load())), isinstance(MyName(), _ast.expr))
t = parse("x = y")
print(t.body[0].targets[0].ctx is parse("z = 1").body[0].targets[0].ctx, type(t.body[0].value.ctx).__name__)
print(compile(t, "<t>", "exec", _ast.PyCF_ONLY_AST) is t)

# Compiling trees.
g = {}
exec(compile(parse("def f(n):\n    return [i * i for i in range(n)]\nr = f(5)"), "<t>", "exec"), g)
print(g["r"])
P = dict(lineno=1, col_offset=0)
e = _ast.Expression(_ast.BinOp(_ast.Constant(6, **P), _ast.Mult(), _ast.Constant(7, **P), **P))
print(eval(compile(e, "<e>", "eval")))
body = [_ast.Assign([_ast.Name("v", _ast.Store(), **P)], _ast.Constant("hi", **P), **P),
        _ast.Expr(_ast.Call(_ast.Name("print", _ast.Load(), **P), [_ast.Name("v", _ast.Load(), **P)], [], **P), **P)]
exec(compile(_ast.Module(body, []), "<m>", "exec"))
mod = parse("for i in range(3):\n    if i: print('odd' if i % 2 else 'even', i)\nelse:\n    print('done')")
exec(compile(mod, "<m>", "exec"))

bad = [
    lambda: _ast.Module([_ast.Expr(_ast.Name("x", _ast.Load()))]),
    lambda: _ast.Module([_ast.Expr(_ast.Name("x", _ast.Load()), **P)], []),
    lambda: _ast.Module([_ast.Expr(None, **P)], []),
    lambda: _ast.Module([_ast.Expr(_ast.Name(None, _ast.Load(), **P), **P)], []),
    lambda: _ast.Module([_ast.Expr(_ast.Name(5, _ast.Load(), **P), **P)], []),
    lambda: _ast.Module([_ast.Expr(_ast.Constant(1, kind=5, **P), **P)], []),
    lambda: _ast.Module([_ast.Expr(_ast.Constant([1], **P), **P)], []),
    lambda: _ast.Module([_ast.Assign([_ast.Name("x", _ast.Load(), **P)], _ast.Constant(1, **P), **P)], []),
    lambda: _ast.Module([_ast.Assign([_ast.Constant(1, **P)], _ast.Constant(1, **P), **P)], []),
    lambda: _ast.Module([_ast.Expr(_ast.Name("x", _ast.Store(), **P), **P)], []),
    lambda: _ast.Module([_ast.If(_ast.Constant(1, **P), [], [], **P)], []),
    lambda: _ast.Module(5, []),
    lambda: _ast.Module([5], []),
    lambda: _ast.Module([_ast.Expr(_ast.BinOp(_ast.Constant(1, **P), _ast.Load(), _ast.Constant(1, **P), **P), **P)], []),
    lambda: _ast.Module([_ast.Expr(_ast.Name("x", _ast.Load(), lineno="a", col_offset=0), **P)], []),
    lambda: _ast.Expression(_ast.Name("x", _ast.Load(), **P)),
]
for i, make in enumerate(bad):
    for mode in ("exec", "eval"):
        try:
            compile(make(), "<bad>", mode)
            print(i, mode, "compiled")
        except (TypeError, ValueError) as err:
            print(i, mode, type(err).__name__, str(err).split(" at 0x")[0])
for args in [("x", "<s>", "func_type"), ("x", "<s>", "bad"), (5, "<s>", "exec")]:
    try:
        compile(*args)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
try:
    compile("x", "<s>", "bad", _ast.PyCF_ONLY_AST)
except ValueError as err:
    print(err)
try:
    parse("x = = 1")
except SyntaxError as err:
    print(err.msg, err.lineno, err.offset)

e = _ast.Constant(1, **P)
for i in range(3000):
    e = _ast.UnaryOp(_ast.USub(), e, **P)
try:
    compile(_ast.Expression(e), "<d>", "eval")
except RecursionError as err:
    print("RecursionError", err)
e = _ast.Constant(1, **P)
for i in range(300):
    e = _ast.UnaryOp(_ast.USub(), e, **P)
print(eval(compile(_ast.Expression(e), "<d>", "eval")))
