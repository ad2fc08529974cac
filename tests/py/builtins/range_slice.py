# range: construction, len, membership, indexing, slicing, index/count, equality, hash,
# reversed, attributes, repr. slice: construction, attributes, indices(), comparisons.
def check(f):
    try:
        print(f())
    except (TypeError, ValueError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)

print(range(5), range(1, 5), range(1, 10, 2), range(0, -10, -3), range(-1), repr(range(3, 3)))
r = range(1, 20, 3)
print(r.start, r.stop, r.step, len(r), r[0], r[2], r[-1], r[-7])
print(r[1:3], r[::-1], r[::2], r[10:], r[-3:-1], range(10)[::-3])
print(4 in r, 5 in r, 19 in r, 20 in r, 4.0 in r, True in range(2), "a" in r)
print(r.index(7), r.count(7), r.count(8), r.count(7.0), r.index(True) if 1 in r else None)
print([*range(3)], [*range(10, 0, -4)], [*range(0)], range(10**20)[-1])
print(range(0) == range(5, 1), range(0, 5) == range(5), range(1, 2, 3) == range(1, 3, 5),
      range(0, 3) == range(0, 4), range(2) != range(3), range(1) == [0])
print(hash(range(0)) == hash(range(3, 1)), hash(range(1, 2, 3)) == hash(range(1, 3, 5)))
print(bool(range(0)), bool(range(2)), [*reversed(range(1, 8, 2))], [*reversed(range(-5))])
print(-3 in range(-5, 0), 0 in range(-5, 0), range(-10, 10, 5).index(5))
check(lambda: range())
check(lambda: range(1.0))
check(lambda: range(1, 2, 3, 4))
check(lambda: range(1, 2, 0))
check(lambda: range(x=1))
check(lambda: range(10)[10])
check(lambda: range(10)[-11])
check(lambda: range(10)["a"])
check(lambda: range(10).index(11))
check(lambda: range(10).index("a"))
check(lambda: len(range(10**20)))

class Idx:
    def __index__(self):
        return 4
print(range(Idx()), range(10)[Idx()], range(1, 10)[Idx():])

print(slice(1, 2), slice(3), slice(1, 2, 3), slice(None), slice("a", None, []))
s = slice(1, 10, 2)
print(s.start, s.stop, s.step, slice(5).start, slice(5).stop)
print(s.indices(5), slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(2, 100).indices(6))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(0) > slice(-1))
print([0, 1, 2, 3, 4][slice(1, 4)], "hello"[slice(None, None, -1)], (1, 2, 3)[slice(2)])
check(lambda: slice())
check(lambda: slice(1, 2, 3, 4))
check(lambda: slice(1, 2, 0).indices(5))
check(lambda: slice(1).indices(-1))
check(lambda: hash(slice(1, 2)))
check(lambda: slice(x=1))
check(lambda: slice("a").indices(3))
