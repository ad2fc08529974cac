# set and frozenset: order of ints as CPython prints it, methods, operators, errors
def rng(n):
    i = 0
    while i < n:
        yield i
        i += 1

print({3, 1, 2}, {100, 5, 37, 1024, 9, 8, 64}, set(rng(40)), {-1, -2, 7, 2**40, 2**61})
print({i * 37 % 101 for i in rng(60)})
print(set([1, 2, 2, 3]), set(), frozenset(), frozenset([5, 1]), set('a'), set({1: 2, 3: 4}))
s = {1, 2, 3}
s.add(4); s.discard(10); s.discard(1); s.remove(2); print(s, len(s), 3 in s, 9 in s)
p = s.pop(); print(p, s)
s.update([7, 8], {9}); print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, b - a, a.union(b, [10]), a.intersection(b, {4}), a.difference(b, {1}))
print(a.symmetric_difference(b), a.issubset(b), {3}.issubset(b), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
print(a < b, {3} < b, {3, 4, 5} <= b, b >= {5}, b > b, a == {4, 3, 2, 1}, a != b)
c = set(a); c |= {9}; c &= {1, 9, 4}; c -= {4}; c ^= {1, 100}; print(c)
c.intersection_update([9, 100, 7]); print(c); c.difference_update([9]); print(c); c.symmetric_difference_update([5, 100]); print(c)
f = frozenset([1, 2])
print(f | {3}, type(f | {3}).__name__, type({3} | f).__name__, f & {2}, f.copy() is f, {f, frozenset([2, 1])})
print(hash(f) == hash(frozenset([2, 1])), hash(frozenset()) == hash(frozenset([])), {frozenset({1}): 'x'})
print({1, 2} == frozenset({1, 2}), frozenset() == set(), {1} in {frozenset({1})}, {2} in {frozenset({1})})
big = set(rng(1000)); big -= set(rng(990)); print(big)
g = {x for x in rng(50)}
for x in list(g):
    if x % 3:
        g.discard(x)
g.add(1000); g.add(77); print(g)
for bad in [lambda: set().pop(),
            lambda: {1}.remove(5),
            lambda: {[]},
            lambda: set(1),
            lambda: set(1, 2),
            lambda: set(x=1),
            lambda: {1} | [2],
            lambda: {1}.add(),
            lambda: hash({1}),
            lambda: {1}.union(5),
            lambda: frozenset(1, 2),
            lambda: {1} < [1],
            lambda: {1} - 1,
            lambda: {1}.issubset(1)]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
it = iter({1, 2})
s2 = {1, 2}
it = iter(s2)
next(it)
s2.add(3)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
class S(set):
    pass
x = S([3, 1]); x.tag = 1
print(x, S(), type(x | {1}).__name__, x == {1, 3}, isinstance(x, set), set[int], frozenset[str])
class FS(frozenset):
    pass
print(FS([1]), FS(), hash(FS([1])) == hash(frozenset([1])))
print(1 in {1, 2, 3}, 'a' in {'a'}, (1, 2) in {(1, 2)})
