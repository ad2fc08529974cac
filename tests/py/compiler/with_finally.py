# with statements, try/finally unwinding (return/break/continue), re-raise, chaining, assert.
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t is not None)
        return self.swallow
with CM("a") as a, CM("b"):
    print("body", a.name)
with CM("s", True):
    raise KeyError("x")
print("after swallow")
def f():
    for i in [1, 2, 3]:
        with CM(i):
            if i == 2:
                return i
print(f())
def g():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise TypeError("outer")
    except TypeError as e:
        print("got", type(e).__name__, type(e.__context__).__name__)
    try:
        e
    except NameError:
        print("e unbound")
g()
def h():
    try:
        raise KeyError("k")
    finally:
        print("cleanup")
try:
    h()
except KeyError:
    print("propagated")
def k():
    for i in [1, 2]:
        try:
            continue
        finally:
            print("fin", i)
    return "done"
print(k())
def r():
    try:
        raise ValueError
    except ValueError:
        try:
            raise
        except ValueError:
            return "reraised"
print(r())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")
it = gen()
print(next(it))
it.close()
def chain():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
try:
    chain()
except RuntimeError as e:
    print(type(e.__cause__).__name__)
x = 0
while True:
    x += 1
    if x > 3:
        break
print(x)
assert x == 4, "no"
try:
    assert x == 5, "msg"
except AssertionError as e:
    print("assert", e.args)
