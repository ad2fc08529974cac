# A generator's handled exception is its own: it does not leak to the resumer, survives its
# yields, is cleared when it finishes; throw() does not chain __context__.
import sys


def chain(exc):
    out = []
    while exc is not None:
        out.append(repr(exc))
        exc = exc.__context__
    return out


def yields_in_except():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        print("resumed, handling:", repr(sys.exc_info()[1]))
        yield 2
    print("after except:", sys.exc_info())


g = yields_in_except()
print(next(g), "outside:", sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    print(next(g), "outside:", repr(sys.exc_info()[1]))
    print("still:", repr(sys.exc_info()[1]))
print(next(g, "done"), sys.exc_info())


def sees_resumer():
    print("gen sees:", repr(sys.exc_info()[1]))
    yield
    print("gen sees:", repr(sys.exc_info()[1]))
    yield


g = sees_resumer()
try:
    raise IndexError("a")
except IndexError:
    next(g)
try:
    raise TypeError("b")
except TypeError:
    next(g)


# throw(): the thrown exception keeps its own context; the generator's handler chains.
exc1, exc2, exc3 = Exception(1), Exception(2), Exception(3)


def raises_in_finally():
    try:
        yield
    finally:
        print("in finally:", repr(sys.exc_info()[1]))
        raise exc3


g = raises_in_finally()
next(g)
try:
    raise exc1
except Exception:
    try:
        g.throw(exc2)
    except Exception as e:
        print(chain(e))


# A bare raise inside a generator re-raises the generator's own exception.
def reraiser():
    try:
        raise LookupError("mine")
    except LookupError:
        yield
        raise


g = reraiser()
next(g)
try:
    raise OSError("theirs")
except OSError:
    try:
        next(g)
    except LookupError as e:
        print("reraised", repr(e), chain(e))


# Instantiation failing inside throw(): the error is thrown in.
class E(BaseException):
    def __new__(cls, *args):
        return cls


def boring():
    yield


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("TypeError:", e)
print(next(g, "finished"))


def catches():
    try:
        yield
    except TypeError as e:
        print("caught inside:", e)
        yield "ok"


g = catches()
next(g)
print(g.throw(E))


# gi_yieldfrom is None while running; the delegating frame is f_back while throwing through.
def inner():
    print("inner back:", sys._getframe().f_back.f_code.co_name)
    try:
        yield
    except RuntimeError:
        print("inner back after throw:", sys._getframe().f_back.f_code.co_name)
    yield


def outer():
    print("running yieldfrom:", gen.gi_yieldfrom)
    yield from inner()


gen = outer()
gen.send(None)
print("suspended yieldfrom:", gen.gi_yieldfrom.gi_code.co_name)
gen.throw(RuntimeError)


# Writable names; the generator takes the function's current __name__.
def named():
    yield


named.__name__ = "renamed"
g = named()
print(g.__name__, g.__qualname__)
g.__name__ = "n"
g.__qualname__ = "q"
print(g.__name__, g.__qualname__)
for attr in ("__name__", "__qualname__"):
    try:
        setattr(g, attr, 1)
    except TypeError as e:
        print(e)
    try:
        delattr(g, attr)
    except TypeError as e:
        print(e)
print(g.__next__.__doc__)
print(type(g).send.__doc__)


# ... but it is chained to what the generator itself was handling at its yield.
def handling_at_yield():
    try:
        raise KeyError("a")
    except Exception:
        yield


g = handling_at_yield()
next(g)
try:
    raise OSError("resumer's")
except OSError:
    try:
        g.throw(ValueError)
    except ValueError as e:
        print(chain(e))
