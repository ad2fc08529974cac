# compare: stderr
# Caret lines under the source line: binary operators, subscripts, calls, multi-line
# expressions, parentheses, repeated recursion lines; printed by sys.excepthook.
import sys
def f(a, b):
    return a[1] + b  [ 2 ] // (a)
def g(x):
    return {
        "k": x }["j"]
def h():
    x = 1
    y = 0
    return (x) / y
def deep(n):
    return deep(n - 1) if n else 1/0
for fn in (lambda: f([1, 2], [3]), lambda: g(1), h, lambda: deep(8), lambda: f(None, 1), lambda: [1][5], lambda: {}.get()):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)
