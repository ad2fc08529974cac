# Python-to-Python calls that run inside the interpreter loop: results, argument binding,
# errors and tracebacks through several frames, the recursion limit, frames and generators.
import sys


def add(a, b):
    return a + b


def defaults(a, b=10, *, c=20):
    return a + b + c


def star(*args, **kwargs):
    return args, sorted(kwargs.items())


def nested(n):
    if n == 0:
        return 0
    return 1 + nested(n - 1)


print(add(1, 2), add("x", "y"), defaults(1), defaults(1, 2), defaults(1, c=3), defaults(b=5, a=1))
print(star(1, 2, x=3), star(), nested(200))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def scaled(self, k=2):
        return Point(self.x * k, self.y * k)


p = Point(3, -4)
m = p.norm1          # a bound method called from a variable: unpacked in the call
print(m(), p.scaled().norm1(), p.scaled(k=3).norm1(), Point.norm1(p))
f = p.scaled
print(f(5).x, f(k=-1).y)

# Argument errors are raised at the call site.
for call in (lambda: add(1), lambda: add(1, 2, 3), lambda: add(1, b=2, c=3), lambda: defaults()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# An exception unwinds several frames to a handler in an outer one; the traceback lists
# every frame in order, with its line.
def level3(x):
    return 10 // x


def level2(x):
    y = x - 1
    return level3(y)


def level1(x):
    try:
        return level2(x)
    finally:
        print("finally in level1")


try:
    level1(1)
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("caught", e, names)


def handler_in_middle(x):
    try:
        return level2(x)
    except ZeroDivisionError:
        return "handled in middle"


print(handler_in_middle(1), handler_in_middle(3))


# Frames: f_back walks the callers; f_lineno of a caller is its call's line.
def who_called():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_back.f_code.co_name


def outer():
    return who_called()


print(outer())


# The recursion limit holds for calls that never leave the loop, and the program recovers.
def forever(n):
    return forever(n + 1)


old = sys.getrecursionlimit()
sys.setrecursionlimit(300)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
print(nested(500))


def depth_probe(n):
    try:
        return depth_probe(n + 1)
    except RecursionError:
        return n


sys.setrecursionlimit(250)
d = depth_probe(0)
sys.setrecursionlimit(old)
print("reached a depth near the limit:", 200 < d < 250)


# Generators called from inlined frames, and inlined calls inside generators.
def gen(n):
    for i in range(n):
        yield add(i, i)


def consume(n):
    return list(gen(n)), sum(gen(n))


print(consume(5))


def gen_raises():
    yield 1
    level3(0)


try:
    for v in gen_raises():
        print("got", v)
except ZeroDivisionError as e:
    print("generator raised", e)


# Closures and recursion through a closure.
def make_counter():
    count = 0

    def inc(k=1):
        nonlocal count
        count += k
        return count

    return inc


c = make_counter()
print(c(), c(), c(5))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))
# A return value that is the only reference to a fresh object survives the frame's pop.
print([Point(i, i).scaled().norm1() for i in range(5)])


# Class(...) with a Python __init__ runs __init__ in the loop; everything else as before.
class Plain:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b
        self = None  # rebinding self does not change what Plain(...) gives

    def __repr__(self):
        return "Plain(%r, %r)" % (self.a, self.b)


class Child(Plain):
    pass


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def make_all():
    return [Plain(1), Plain(1, 3), Child("c"), Slotted(5).v]


print(make_all(), make_all())


class BadInit:
    def __init__(self):
        return 42


class GenInit:
    def __init__(self):
        yield 1


class RaisingInit:
    def __init__(self, x):
        raise ValueError("bad x %r" % x)


for make in (lambda: BadInit(), lambda: GenInit(), lambda: RaisingInit(7), lambda: Plain(), lambda: Plain(1, 2, 3)):
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class WithNew:
    def __new__(cls, *args):
        print("WithNew.__new__", args)
        return super().__new__(cls)

    def __init__(self, x):
        print("WithNew.__init__", x)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class Metered(metaclass=Meta):
    def __init__(self, x):
        self.x = x


class ListChild(list):
    def __init__(self, items):
        super().__init__(items)
        self.extra = len(items)


class OtherNew:
    def __new__(cls, x):
        return "not an instance"

    def __init__(self, x):
        print("never called")


def make_others():
    w = WithNew(1)
    m = Metered(2)
    lc = ListChild([1, 2, 3])
    return type(w).__name__, m.x, lc, lc.extra, OtherNew(3)


print(make_others())


# Replacing __init__ after the call site has seen the class takes effect at once.
class Swapped:
    def __init__(self):
        self.tag = "first"


def make_swapped():
    return Swapped().tag


print(make_swapped())
Swapped.__init__ = lambda self: setattr(self, "tag", "second")
print(make_swapped())
del Swapped.__init__
print(hasattr(Swapped(), "tag"))
try:
    Swapped(1)
except TypeError as e:
    print("TypeError", e)


# Built-in types called directly, and subclasses with and without __init__.
class IntNoInit(int):
    pass


class IntWithInit(int):
    def __init__(self, *a):
        print("IntWithInit.__init__", a)


print(IntNoInit(5), IntWithInit(6), int("7"), str(8), float("1.5"), list(range(3)), tuple([1]), dict(a=1))
for bad in (lambda: object(1), lambda: Swapped(2), lambda: int("x")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
