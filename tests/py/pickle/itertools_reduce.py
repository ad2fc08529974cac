# Pickling of the itertools objects: reduce tuples of fresh, partly consumed and exhausted
# objects (nested iterators shown through their own reduce), deep copies (copy runs the same
# __reduce_ex__ protocol as pickle; the pickle module itself is exercised by
# pickle_roundtrip.py), __setstate__ checks, and keywords refused by subclass constructors.
import copy
import itertools as it


def fmt(x):
    if isinstance(x, tuple):
        return "(" + ", ".join(fmt(y) for y in x) + ("," if len(x) == 1 else "") + ")"
    if isinstance(x, list):
        return "[" + ", ".join(fmt(y) for y in x) + "]"
    if isinstance(x, type):
        return x.__name__
    if callable(x) and hasattr(x, "__name__"):
        return "<fn " + x.__name__ + ">"
    if type(x).__name__.endswith("iterator") or type(x).__module__ == "itertools":
        return "<" + type(x).__name__ + " " + fmt(x.__reduce__()) + ">"
    return repr(x)


def is_odd(x):
    return x % 2


def small(x):
    return x < 3


def second(a, b):
    return b


def expand(x, depth=0):
    if depth > 3 or isinstance(x, (str, int)):
        return x
    try:
        items = list(it.islice(x, 6))
    except TypeError:
        return x
    return [expand(i, depth + 1) for i in items]


makers = [
    ("count", lambda: it.count(3)),
    ("count_step", lambda: it.count(1, 2)),
    ("count_float", lambda: it.count(1.5)),
    ("count_big", lambda: it.count(2**63 + 5)),
    ("cycle", lambda: it.cycle("abc")),
    ("repeat", lambda: it.repeat("x", 3)),
    ("repeat_forever", lambda: it.repeat("x")),
    ("accumulate", lambda: it.accumulate([1, 2, 3, 4])),
    ("accumulate_func", lambda: it.accumulate([1, 2, 3, 4], max)),
    ("accumulate_initial", lambda: it.accumulate([1, 2, 3], initial=10)),
    ("accumulate_none", lambda: it.accumulate([None, 1, 2], second)),
    ("chain", lambda: it.chain("ab", [1, 2])),
    ("chain_from", lambda: it.chain.from_iterable(["ab", "cd"])),
    ("compress", lambda: it.compress("abcdef", [1, 0, 1, 0, 1, 1])),
    ("dropwhile", lambda: it.dropwhile(small, [1, 2, 5, 1, 7])),
    ("takewhile", lambda: it.takewhile(small, [1, 2, 5, 1, 7])),
    ("filterfalse", lambda: it.filterfalse(is_odd, range(8))),
    ("starmap", lambda: it.starmap(pow, [(2, 3), (3, 2), (10, 2)])),
    ("groupby", lambda: it.groupby("aabbbc")),
    ("groupby_key", lambda: it.groupby([1, 3, 2, 4, 5], is_odd)),
    ("islice", lambda: it.islice("abcdefg", 1, 6, 2)),
    ("islice_stop", lambda: it.islice("abcdefg", 3)),
    ("zip_longest", lambda: it.zip_longest("abc", [1], fillvalue="-")),
    ("product", lambda: it.product("ab", [1, 2])),
    ("product_repeat", lambda: it.product([0, 1], repeat=2)),
    ("product_empty", lambda: it.product("ab", [])),
    ("permutations", lambda: it.permutations("abc", 2)),
    ("permutations_big_r", lambda: it.permutations("ab", 3)),
    ("combinations", lambda: it.combinations("abcd", 2)),
    ("combinations_big_r", lambda: it.combinations("ab", 3)),
    ("cwr", lambda: it.combinations_with_replacement("abc", 2)),
    ("tee", lambda: it.tee("abcd")[0]),
]

for name, make in makers:
    for advance in (0, 1, 2, 20):
        obj = make()
        for _ in range(advance):
            next(obj, None)
        print(name, advance, fmt(obj.__reduce__()))
        a = make()
        for _ in range(advance):
            next(a, None)
        b = copy.deepcopy(a)
        assert type(a) is type(b) or name == "accumulate_none", name
        assert expand(a) == expand(b), (name, advance)

# a group in progress pickles with its groupby
g = it.groupby("aabbc")
key, grp = next(g)
g2, grp2 = copy.deepcopy((g, grp))
print(key, list(grp2), [(k, list(v)) for k, v in g2])
key, grp = next(g)
next(g)
print(fmt(grp.__reduce__()[1]))

# tee copies share their buffer after unpickling too
a, b = it.tee(range(5))
next(a)
a2, b2 = copy.deepcopy((a, b))
print(list(a2), list(b2))

# __setstate__
c = it.cycle("defg")
c.__setstate__((list("abc"), 0))
print("".join(it.islice(c, 12)))
c = it.cycle("defg")
c.__setstate__((list("abcdefg"), 1))
print("".join(it.islice(c, 12)))
ch = it.chain()
ch.__setstate__((iter(["abc", "de"]), iter("xy")))
print(list(ch))
p = it.product((1, 2), (3,))
p.__setstate__((0, 0x1000))
print(next(p))
p = it.product((1, 2), (), (3,))
p.__setstate__((0, 0, 0x1000))
print(list(p))
cb = it.combinations("abcd", 2)
cb.__setstate__((1, 99))
print(list(cb))
pm = it.permutations("abc")
pm.__setstate__(((2, 1, 0), (1, 1, 1)))
print(list(pm))
for obj, state in [
    (it.cycle("ab"), [list("ab"), 0]),
    (it.cycle("ab"), (("a",), 0)),
    (it.cycle("ab"), (["a"], "x")),
    (it.cycle(""), ()),
    (it.chain(), ()),
    (it.chain(), ([],)),
    (it.chain(), 0),
    (it.combinations("abc", 2), (0,)),
    (it.permutations("abc"), ([0, 1, 2], (1, 1, 1))),
    (it.product("ab"), (0, 0)),
    (it.tee("ab")[0], (None, 0)),
]:
    try:
        obj.__setstate__(state)
        print("accepted", type(obj).__name__, state)
    except (TypeError, ValueError) as e:
        print(type(obj).__name__, type(e).__name__, e)

try:
    copy.deepcopy(it.pairwise("abc"))
except TypeError as e:
    print(e)

# keywords: refused by a plain subclass, passed to a subclass's own __init__
for cls, args in [(it.chain, ("ab",)), (it.cycle, ("ab",)), (it.islice, ("abc", 2)), (it.dropwhile, (small, [1])),
                  (it.starmap, (pow, [])), (it.filterfalse, (None, [])), (map, (str, [1])), (filter, (None, [1]))]:
    class Plain(cls):
        pass

    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    try:
        Plain(*args, newarg=3)
        print("accepted", cls.__name__)
    except TypeError as e:
        print(e)
    print(cls.__name__, WithInit(*args, newarg=3).newarg)
