# Pickling of the built-in iterators: the reduce tuples (with nested iterators shown through
# their own reduce), copies (copy runs the same __reduce_ex__ protocol as pickle; the pickle
# module itself is exercised by pickle_roundtrip.py) and __setstate__ clamping.
import copy


def fmt(x):
    if isinstance(x, tuple):
        return "(" + ", ".join(fmt(y) for y in x) + ("," if len(x) == 1 else "") + ")"
    if isinstance(x, list):
        return "[" + ", ".join(fmt(y) for y in x) + "]"
    if callable(x) and hasattr(x, "__name__") and not isinstance(x, type):
        return "<fn " + x.__name__ + ">"
    if type(x).__name__.endswith("iterator") or type(x).__name__ in ("enumerate", "zip", "map", "filter", "reversed"):
        return "<" + type(x).__name__ + " " + fmt(x.__reduce__()) + ">"
    if isinstance(x, type):
        return x.__name__
    return repr(x)


class Seq:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i < self.n:
            return i * 10
        raise IndexError(i)

    def __repr__(self):
        return "Seq(%d)" % self.n


def makers():
    return [
        ("list", lambda: iter([1, 2, 3])),
        ("tuple", lambda: iter((1, 2, 3))),
        ("str", lambda: iter("abc")),
        ("ustr", lambda: iter("aé€x")),
        ("bytes", lambda: iter(b"abc")),
        ("bytearray", lambda: iter(bytearray(b"abc"))),
        ("seq", lambda: iter(Seq(3))),
        ("range", lambda: iter(range(1, 10, 3))),
        ("negrange", lambda: iter(range(10, -5, -4))),
        ("bigrange", lambda: iter(range(2**70, 2**70 + 3))),
        ("edgerange", lambda: iter(range(2**63 - 3, 2**63 + 1))),
        ("dictkeys", lambda: iter({1: "a", 2: "b", 3: "c"})),
        ("dictvalues", lambda: iter({1: "a", 2: "b", 3: "c"}.values())),
        ("dictitems", lambda: iter({1: "a", 2: "b", 3: "c"}.items())),
        ("revdict", lambda: reversed({1: "a", 2: "b", 3: "c"})),
        ("revdictitems", lambda: reversed({1: "a", 2: "b", 3: "c"}.items())),
        ("set", lambda: iter({1, 2, 3})),
        ("listrev", lambda: reversed([1, 2, 3])),
        ("rev", lambda: reversed((1, 2, 3))),
        ("rangerev", lambda: reversed(range(4))),
        ("enumerate", lambda: enumerate("abc", 5)),
        ("zip", lambda: zip([1, 2, 3], "abc")),
        ("zipstrict", lambda: zip([1, 2, 3], "abc", strict=True)),
        ("map", lambda: map(abs, [-1, -2, -3])),
        ("filter", lambda: filter(None, [0, 1, 2, 0, 3])),
    ]


# Rebuilding from the reduce tuple, as unpickling does, and deep copies.
def rebuild(obj):
    f, args, *rest = obj.__reduce__()
    new = f(*args)
    if rest and rest[0] is not None:
        new.__setstate__(rest[0])
    return new


for name, make in makers():
    for advance in (0, 1, 10):
        it = make()
        for _ in range(advance):
            next(it, None)
        print(name, advance, fmt(it.__reduce__()))
        rest = list(make())[advance:]
        it = make()
        for _ in range(advance):
            next(it, None)
        assert list(copy.deepcopy(it)) == rest, (name, advance)
        if name not in ("enumerate", "zip", "zipstrict", "map", "filter"):  # these share their inner iterators
            assert list(rebuild(it)) == rest, (name, advance)

# iter(callable, sentinel)
counter = iter([1, 2, 3, 4]).__next__
it = iter(counter, 3)
print(fmt(it.__reduce__()[1][1:]))
print(list(it), fmt(it.__reduce__()))

# __setstate__ clamps the position
it = iter([1, 2, 3])
it.__setstate__(-5)
print(list(it))
it = iter([1, 2, 3])
it.__setstate__(99)
print(list(it))
it = iter("aé€x")
it.__setstate__(2)
print(list(it), it.__reduce__()[1])
it = iter(range(0, 20, 5))
it.__setstate__(2)
print(list(it))
it = iter(range(0, 20, 5))
it.__setstate__(-1)
print(list(it))
it = iter(range(2**70, 2**70 + 4))
it.__setstate__(3)
print(list(it))
it = reversed([1, 2, 3])
it.__setstate__(10)
print(list(it))
it = reversed((1, 2, 3))
it.__setstate__(0)
print(list(it))
it = iter(Seq(1000))
it.__setstate__(-42)
print(next(it), next(it))
for bad in ("x", 1.5, 2**70):
    try:
        iter([1]).__setstate__(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

# length hints and instantiation
print(iter(range(5)).__length_hint__(), iter("abc").__length_hint__(), iter(Seq(3)).__length_hint__())
for it in (iter([]), iter(()), iter(""), iter(range(1)), reversed([]), iter(int, 1)):
    try:
        type(it)()
    except TypeError as e:
        print(e)

# the pickled form of an exhausted iterator
it = iter([1])
next(it, None)
next(it, None)
print(fmt(it.__reduce__()))
for t in (set(), {1}, frozenset("a")):
    print(list(copy.deepcopy(iter(t))))
