# min() and max(): iterables, several arguments, key=, default=, ties, errors.
print(max([3, 1, 4, 1, 5]), min([3, 1, 4, 1, 5]), max(3, 9, 2), min(3, 9, 2))
print(max("hello"), min("hello"), max((1, 2), (1, 3)), min([[2], [1, 5]]))
print(max([], default=None), min((), default="empty"), max([7], default=0))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max([1, -5, 3], key=abs), min(1, -5, 3, key=abs), max([2, 1], key=None))
# the first of equal maxima / minima wins
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]))
print(max(range(10), key=lambda x: x % 4), min(iter([5, 3, 8])))
print(max(1, 2.5), min(True, 0), max(-0.0, 0))

def check(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

check(lambda: max())
check(lambda: min())
check(lambda: max([]))
check(lambda: min([], key=len))
check(lambda: max(1, 2, default=3))
check(lambda: max([1], foo=1))
check(lambda: max(1))
check(lambda: min(1, key=1, default=2, x=3))
check(lambda: max([1, "a"]))
check(lambda: max([1, 2], key=1))

class Cmp:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("gt", self.v, other.v)
        return self.v > other.v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
print(max(Cmp(1), Cmp(3), Cmp(2)).v)
print(min([Cmp(1), Cmp(3), Cmp(0)]).v)

def gen():
    yield 4
    yield 10
    yield 2
print(max(gen()), min(gen()))
