# enumerate, zip (strict=), map (n-ary), filter (None predicate): laziness, exhaustion,
# subclasses and errors.
def check(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for i, ch in enumerate("abc"):
    print(i, ch)
print([*enumerate("xy", 10)], [*enumerate([], 5)], [*enumerate("ab", start=-1)])
e = enumerate(iterable=[7, 8], start=2**62)
print(next(e), next(e))
e = enumerate("ab")
print(iter(e) is e, type(e).__name__, next(e), [*e], [*e])
check(lambda: enumerate())
check(lambda: enumerate(1))
check(lambda: enumerate([], "a"))
check(lambda: enumerate([], 1, 2))
check(lambda: enumerate([], start=1.5))

print([*zip()], [*zip([1, 2, 3])], [*zip([1, 2], "ab", (True, False))], [*zip(range(5), "ab")])
print(dict(zip("ab", [1, 2])) if False else 0, [*zip([1, 2], [3, 4], strict=True)])
check(lambda: [*zip([1], [2, 3], strict=True)])
check(lambda: [*zip([1, 2], [2], strict=True)])
check(lambda: [*zip([1, 2], [2, 3], [4], strict=True)])
check(lambda: [*zip([1], [2], [], strict=True)])
check(lambda: [*zip([], [], [1], strict=True)])
check(lambda: zip(1))
check(lambda: zip([1], x=1))
z = zip("ab", "cd")
print(next(z), [*z], [*z], type(z).__name__)

def count():
    n = 0
    while True:
        print("count", n)
        yield n
        n += 1
print([*zip("ab", count())])

print([*map(abs, [-1, 2, -3])], [*map(lambda a, b: a + b, [1, 2, 3], [10, 20])], [*map(len, [])])
print([*map(pow, [2, 3], [3, 2], [5, 5])])
m = map(lambda x: x * 2, count())
print(next(m), next(m))
check(lambda: map(1))
check(lambda: map())
check(lambda: [*map(1, [1])])
check(lambda: map(len, [1], x=1))

print([*filter(None, [0, 1, "", "a", None, [], [0]])], [*filter(lambda x: x % 2, range(10))])
print([*filter(bool, [0, 2])], type(filter(None, [])).__name__)
check(lambda: filter(1))
check(lambda: filter(None, [1], x=1))
check(lambda: filter(None, 1))
check(lambda: [*filter(len, [1])])

class Numbered(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return (i * 100, v)
print([*Numbered("ab")], isinstance(Numbered("a"), enumerate))

class Pairs(zip):
    pass
print([*Pairs("ab", "cd")], type(Pairs()).__mro__[1].__name__)

it = iter([1, 2, 3])
print([*zip(it, it)], [*it])

class Stop:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print([*enumerate(Stop())], [*map(str, Stop())] if False else [], [*filter(None, Stop())])
