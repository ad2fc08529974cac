# list.sort: stability, key, reverse, errors, mutation detection
data = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (2, 'f'), (3, 'g')]
d = data[:]; d.sort(key=lambda p: p[0]); print(d)
d = data[:]; d.sort(key=lambda p: p[0], reverse=True); print(d)
d = data[:]; d.sort(); print(d)
d = data[:]; d.sort(reverse=True); print(d)
x = [5, 3, 9, 1, 1, 0, -4, 7]; x.sort(); print(x)
x = ['pear', 'apple', 'fig', 'Banana']; x.sort(); print(x); x.sort(key=len); print(x)
x = [3.5, -1.0, 2.25, 1e10]; x.sort(); print(x)
x = [10**20, 5, -10**19, 3]; x.sort(); print(x)
# long inputs exercise runs and galloping merges
def lcg(seed, n):
    out = []
    for _ in [0] * n:
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed % 1000)
    return out
big = lcg(7, 3000)
s = big[:]; s.sort()
prev = None
good = True
for v in s:
    if prev is not None and v < prev:
        good = False
    prev = v
print(good, s[:10], s[-5:], len(s))
tagged = []
n = 0
for v in big:
    tagged.append((v % 10, n))
    n += 1
t2 = tagged[:]; t2.sort(key=lambda p: p[0])
stable = True
for i in [0] * 0: pass
prev = None
for p in t2:
    if prev is not None and prev[0] == p[0] and prev[1] > p[1]:
        stable = False
    prev = p
print(stable, t2[:5])
asc = list(s); desc = s[::-1]; desc.sort(); print(desc == s)
mixed = s[:1500] + s[:1500][::-1]; mixed.sort(); print(mixed[:5], mixed[-5:])
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K' + repr(self.v)
ks = [K(3), K(1), K(2)]; ks.sort(); print(ks)
for bad in [lambda: [1, 'a', 2].sort(),
            lambda: [3, None].sort(),
            lambda: [1, 2].sort(key=1),
            lambda: [1].sort(foo=1),
            lambda: [1, 2].sort(reverse=1.5)]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
m = [3, 2, 1]
def bad_key(v):
    m.append(v)
    return v
try:
    m.sort(key=bad_key)
except ValueError as e:
    print('ValueError', e, m)
class Boom:
    def __lt__(self, o): raise RuntimeError('boom')
bl = [Boom(), Boom(), Boom()]
try:
    bl.sort()
except RuntimeError as e:
    print('RuntimeError', e, len(bl))
e = []; e.sort(); print(e)
