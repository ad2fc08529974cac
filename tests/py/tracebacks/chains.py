# compare: stderr
# Chained exceptions printed by sys.excepthook: cause, context, suppressed context, cycles,
# a failing __str__, exceptions from __repr__, notes, a long chain, then an uncaught one.
import sys

class BadStr(Exception):
    def __str__(self):
        raise ValueError("no str")

class Empty(Exception):
    def __str__(self):
        return ""

def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)

def cause():
    try:
        {}["missing"]
    except KeyError as k:
        raise ValueError("bad key") from k

def context():
    try:
        int("x")
    except ValueError:
        [].pop()

def suppressed():
    try:
        int("x")
    except ValueError:
        raise TypeError("no context") from None

def cycle():
    a = ValueError("a")
    b = TypeError("b")
    a.__context__ = b
    b.__context__ = a
    raise a

def long_chain(n):
    if n == 0:
        raise OSError("bottom")
    try:
        long_chain(n - 1)
    except OSError as e:
        raise OSError(f"level {n}") from e

class Repr:
    def __repr__(self):
        raise RuntimeError("repr failed")

show(cause)
show(context)
show(suppressed)
show(cycle)
show(lambda: long_chain(3))
show(lambda: (_ for _ in ()).throw(BadStr()))
show(lambda: (_ for _ in ()).throw(Empty()))
show(lambda: repr(Repr()))
def noted():
    e = ValueError("with notes")
    e.add_note("note one")
    e.add_note("note two")
    raise e
show(noted)
e = KeyError("plain")
sys.excepthook(KeyError, e, None)
sys.excepthook(str, "not an exception", None)
class Sub(ArithmeticError):
    pass
Sub.__module__ = "some.module"
show(lambda: (_ for _ in ()).throw(Sub(1, 2)))

def hook(t, v, tb):
    print("custom hook:", t.__name__, v, file=sys.stderr)
sys.excepthook = hook
try:
    1 / 0
finally:
    print("finally before the hook")
