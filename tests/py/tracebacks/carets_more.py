# compare: stderr
# More caret lines: multi-line calls and binary operations, methods, attributes, asserts,
# del, comprehensions, with open() failing, unary operators, spaced attribute chains.
import sys
def boom(*a, **k):
    raise ValueError("boom")
class O:
    attr = None
    def m(self, x):
        return boom(x)
o = O()
def t(f):
    try:
        f()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)
def a():
    x = boom(
        1,
        2)
def b():
    return o.m(1) + 2
def c():
    return o.attr.missing
def d():
    return {'a': 1}['b']
def e():
    x = [1, 2]; x[5]
def f():
    return (1 +
            None)
def g():
    assert o.attr, "message"
def h():
    return o.m(boom)(1)
def i():
    del o.nothing
def j():
    return [o.m(1) for _ in range(1)]
def k():
    with open("/nonexistent/x") as fh: pass
def l():
    return int("x" * 3) if True else 0
def m():
    return -None
def n():
    return o . attr . x
for fn in (a, b, c, d, e, f, g, h, i, j, k, l, m, n):
    t(fn)
