# compile() flags: __future__ features (source and AST), unrecognised and out-of-range flags.
import _ast
ANN = 0x1000000
for f in [0x8, 1 << 40, ANN, 0x800000 | 0x10]:
    try:
        c = compile("def f(x: int) -> str: pass", "a", "exec", f); ns = {}; exec(c, ns); print(ns["f"].__annotations__)
    except Exception as e:
        print(type(e).__name__, e)
t = compile("def f(x: int) -> str: pass", "a", "exec", _ast.PyCF_ONLY_AST)
ns = {}; exec(compile(t, "a", "exec", ANN), ns); print(ns["f"].__annotations__)
ns = {}; exec(compile(t, "a", "exec"), ns); print(ns["f"].__annotations__)
