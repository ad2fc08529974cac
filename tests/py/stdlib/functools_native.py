# _functools: reduce, partial (flattening, attributes, repr), cmp_to_key.
import _functools as F


def f(*a, **k):
    return a, k


p = F.partial(f, 1, a=2)
print(p(3, b=4), p.func is f, p.args, p.keywords, p())
print(repr(p).startswith("functools.partial(<function f at 0x"), repr(p).endswith(", 1, a=2)"))


class P(F.partial):
    pass


print(repr(P(f, 'x')).startswith("P(<function f"), type(P(f)).__name__)
q = F.partial(p, 5, a=9)
print(q.func is f, q.args, q.keywords, q(6))
p.x = 1
print(p.x, F.partial(p).func is p)


def e(g):
    try:
        g()
    except Exception as x:
        print(type(x).__name__, x)


e(lambda: F.partial())
e(lambda: F.partial(1))
e(lambda: F.reduce(lambda a, b: a))
e(lambda: F.reduce(len, []))
e(lambda: F.reduce(len, 1))
print(F.reduce(lambda a, b: a + b, [1, 2, 3]), F.reduce(lambda a, b: a + b, [], 7), F.reduce(lambda a, b: a * b, [2, 3], 4))
K = F.cmp_to_key(lambda a, b: a - b)
l1 = [3, 1, 2]
l1.sort(key=K)
print(l1, K(1) < K(2), K(1) == K(1), K(2) >= K(3), type(K(1)), K(3).obj)
l2 = ["bb", "a", "ccc"]
l2.sort(key=F.cmp_to_key(lambda a, b: len(b) - len(a)))
print(l2)
e(lambda: K(1) < 1)
e(lambda: hash(K(1)))
e(lambda: F.cmp_to_key())
