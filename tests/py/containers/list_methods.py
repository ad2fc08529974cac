# list methods, slicing, errors
def rng(n):
    i = 0
    while i < n:
        yield i
        i += 1

KEY = 'a'
a = list(rng(10))
print(a, len(a))
a.append(10); a.extend([11, 12]); a.extend(x for x in (13,)); a.insert(0, -1); a.insert(-1, 99); a.insert(100, 100)
print(a)
print(a.pop(), a.pop(0), a.pop(-3), a)
a.remove(99); print(a, a.index(5), a.index(5, 2, 8), a.count(3))
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a[:3], b)
print(a[1:8:2], a[::-1][:3], a[-3:], a[100:], a[::3])
a[1:3] = ['x', 'y', 'z']; print(a)
a[::2] = list(rng(len(a[::2]))); print(a)
del a[1:4]; del a[::2]; print(a)
a[0] = 'first'; a[-1] = 'last'; print(a)
x = [1, 2]; x += (3, 4); x *= 2; print(x, x * 0, 2 * [0], [1] + [2])
l = [[1, 2], [3, [4, {5: (6,)}]]]; print(l, repr(l))
r = [1]; r.append(r); print(r)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1] != [1.0], [] <= [])
print(list.__len__([1, 2]), list.__getitem__([5, 6], 1), list.__contains__([1], 1))
def _stmt971_16():
    x = [1]
    x[3] = 0
def _stmt971_17():
    x = [1]
    del x[3]
def _stmt971_18():
    x = [1, 2, 3]
    x[::2] = [1]
for bad in [lambda: [].pop(),
            lambda: [1].pop(5),
            lambda: [].remove(3),
            lambda: [1].index(2),
            lambda: [1][5],
            lambda: [1][KEY],
            lambda: [1].append(),
            lambda: [1].insert(1),
            lambda: [].sort(1),
            lambda: [1, 'a'].sort(),
            lambda: [1] + (2,),
            lambda: [1] * 'a',
            lambda: hash([]),
            lambda: list(1, 2),
            lambda: list(x=1),
            lambda: [1].pop('a'),
            _stmt971_16,
            _stmt971_17,
            _stmt971_18,
            lambda: [].extend(3),
            lambda: list(5)]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(list(), list([1]), list((1, 2)), list("ab"), list({1: 2}), list[int])
print(a.__class__, list.__hash__, [].__iter__().__class__.__name__)
