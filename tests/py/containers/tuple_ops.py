# tuple construction, methods, subclasses
KEY = 'a'
t = tuple([1, 2, 3])
print(t, tuple(), tuple("ab"), (1,), ((1, 2), (3,)), t[1:], t[::-1], t[-1])
print(t.index(2), t.count(3), t + (4,), t * 2, 2 * t, len(t), 3 in t, 9 in t)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1, (2, [3])) == (1, (2, [3])), () < (0,))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, 'a', (2.5, None))) == hash((1, 'a', (2.5, None))))
class P(tuple):
    def total(self): return self[0] + self[1]
p = P((3, 4))
p.extra = 'attr'
print(p, p.total(), p.extra, len(p), p[0], type(p).__name__, p == (3, 4), isinstance(p, tuple), p + (5,))
print(hash(p) == hash((3, 4)), tuple.__getitem__(p, 1), p.__dict__)
class Q(P):
    pass
q = Q((1, 2, 3)); q.z = 1; print(q, q.z, q.__dict__, q.total())
def _stmt795_8():
    t = (1,)
    t[0] = 2
for bad in [lambda: (1,).index(5),
            lambda: (1,)[3],
            lambda: (1,)[KEY],
            lambda: (1,) + [2],
            lambda: tuple(1),
            lambda: tuple(1, 2),
            lambda: hash(([],)),
            lambda: (1,).count(),
            _stmt795_8]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(tuple[int, ...], tuple[()])
