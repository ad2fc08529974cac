# dict construction, methods, order, errors
d = dict(a=1, b=2)
print(d, dict([('x', 1), ['y', 2]]), dict({1: 2}, z=3), dict(), {})
d['c'] = 3; d['a'] = 10; del d['b']; d['b'] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('zz'), d.get('zz', 0), d.setdefault('a', 5), d.setdefault('new', []), d)
print(d.pop('new'), d.pop('nope', 'dflt'), d.popitem(), d)
d.update({'q': 1}, r=2); d.update([('s', 3)]); print(d)
print(d.copy(), dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), len(d), 'q' in d, 'zz' not in d)
e = {1: 'a'} | {2: 'b'}; e |= {3: 'c'}; e |= [(4, 'd')]; print(e)
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1: [1, {2: 3}]} == {1: [1, {2: 3}]}, {1: 1} == {1: 1.0})
n = {'k': {'inner': [1, 2, (3, 4)]}, 2: {5, }}; print(n)
r = {}; r['self'] = r; print(r)
print(list({1: 1, 2: 2, 3: 3}.__reversed__()))
c = {}
c.clear(); print(c)
for i in [5, 3, 8, 1]:
    c[i] = i * i
del c[3]; c[3] = 0; print(c)
def _stmt1030_12():
    del {}['k']
def _stmt1030_14():
    x = {}
    x |= 5
for bad in [lambda: {}['x'],
            lambda: {}.pop('x'),
            lambda: {}.popitem(),
            lambda: dict(1),
            lambda: dict([1]),
            lambda: dict([(1, 2, 3)]),
            lambda: dict({}, {}),
            lambda: {}.get(),
            lambda: hash({}),
            lambda: {[]: 1},
            lambda: {}[[]],
            lambda: {1: 2} | [(3, 4)],
            _stmt1030_12,
            lambda: {}.update(1),
            _stmt1030_14]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
class M(dict):
    def __missing__(self, key):
        return ('missing', key)
m = M(a=1)
print(m['a'], m['b'], m, type(m).__name__, m.copy(), type(m.copy()).__name__, isinstance(m, dict))
class F(dict):
    pass
f = F.fromkeys([1, 2]); print(f, type(f).__name__)
try:
    F()['x']
except KeyError as e:
    print('KeyError', e)
print(dict[str, int], dict.__getitem__({1: 2}, 1))
