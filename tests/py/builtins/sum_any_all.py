# sum(), any(), all(): start values, int/float fast paths, generic addition, errors.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum([1], start=5))
print(sum([0.1] * 10), sum([1, 0.5, 2]), sum([0.5, 1, 2]), sum([1.5, 2**70]))
print(sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), sum([True, True, 1]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum((x * x for x in range(5))))
print(sum([1, 2], 0.0), sum([], 0.5), sum([10**20, 1.0]))

class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        return V(self.n + (o.n if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.n)
print(sum([V(1), V(2)]).n, sum([V(1), V(2)], V(10)).n)

def check(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

check(lambda: sum(["a", "b"], ""))
check(lambda: sum([b"a"], b""))
check(lambda: sum())
check(lambda: sum(1, 2, 3))
check(lambda: sum([1], start=2, x=3))
check(lambda: sum(iterable=[1]))
check(lambda: sum(5))
check(lambda: sum([1, "a"]))
check(lambda: sum([[1]]))

print(any([]), any([0, "", None]), any([0, 3]), any(x > 2 for x in range(5)))
print(all([]), all([1, "a", [0]]), all([1, 0]), all(x < 10 for x in range(5)))
check(lambda: any(1))
check(lambda: all())
check(lambda: any([], x=1))

def noisy(n):
    for i in range(n):
        print("yield", i)
        yield i
print(any(noisy(5)))
print(all(noisy(3)))
