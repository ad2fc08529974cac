# args: 3 300
# Randomly damaged AST trees compiled: the same error (or code) as CPython, never a crash.
import _ast, _random, sys
R = _random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
def rnd(n): return int(R.random() * n)
SRC = ["x = [a for a in b if c]\ndel y[1], z.w\nprint(*q, **r)", "def f(a, b=1, *c, d, e=2, **g):\n    return lambda: (yield a)\n",
       "class C(B):\n    async def m(self):\n        async with a as b: await c\n        async for i in j: pass\n",
       "match p:\n    case [1, *r] | {'k': v, **kw}: pass\n    case P(x=1) if g: pass\n    case 1+2j | -3 | 'a' | None: pass",
       "try:\n    pass\nexcept E as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass",
       "while a:\n    if b: break\n    else: continue\nfor i, (j, *k) in x: x += 1; y: int = 2",
       "f'{a!r:>{b}}'\n{1: 2, **d}\n{*s}\n(x := 3)\na if b else c\nnot a < b <= c\nimport m.n as o\nfrom . import p",
       "with a, b as (c, d): pass\nglobal g\nassert x, y\ns[1:2:3] = t\nx = y = z"]
def nodes(t, acc):
    if isinstance(t, _ast.AST):
        acc.append(t)
        for f in t._fields:
            nodes(getattr(t, f, None), acc)
    elif isinstance(t, list):
        for x in t: nodes(x, acc)
    return acc
for it in range(int(sys.argv[2]) if len(sys.argv) > 2 else 300):
    src = SRC[rnd(len(SRC))]
    tree = compile(src, "<f>", "exec", _ast.PyCF_ONLY_AST)
    other = nodes(compile(SRC[rnd(len(SRC))], "<f>", "exec", _ast.PyCF_ONLY_AST), [])
    all_nodes = nodes(tree, [])
    for _ in range(1 + rnd(2)):
        n = all_nodes[rnd(len(all_nodes))]
        if not n._fields: continue
        f = n._fields[rnd(len(n._fields))]
        pool = [None, [], [other[rnd(len(other))]], other[rnd(len(other))], 5, "s", _ast.Load(), _ast.Store(), _ast.Pass(lineno=1, col_offset=0)]
        choice = pool[rnd(len(pool))]
        if rnd(4) == 0 and hasattr(n, f): delattr(n, f)
        else: setattr(n, f, choice)
    try:
        c = compile(tree, "<f>", "exec")
        print(it, "ok")
    except (SyntaxError, ValueError, TypeError, RecursionError, SystemError) as e:
        print(it, type(e).__name__, str(e).split(" at 0x")[0][:150])
