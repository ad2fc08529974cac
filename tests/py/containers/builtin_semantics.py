# list/tuple/dict/set behaviours checked by CPython's container tests.
u = [0, 1]; u2 = u; u += [2, 3]; print(u is u2, u2)
s = []; s2 = s; s *= 3; print(s is s2)
t = (1, 2); print(t * 1 is t)
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented
class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented
list1 = [X()]; list2 = [Y()]
print(list1 == list2)
for base in (list, tuple, set, frozenset):
    class Sub(base): pass
    try:
        Sub(sequence=())
    except TypeError as e:
        print(e)
    class WithInit(base):
        def __init__(self, seq, newarg=None):
            if base in (list, set):
                super().__init__(seq)
            self.newarg = newarg
    w = WithInit([1, 2], newarg=3)
    print(sorted(w), w.newarg)
print(tuple.__itemsize__, int.__itemsize__, list.__itemsize__)
class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)
h1 = Hashed(); y = {h1: 5}; h2 = Hashed(); y.setdefault(h2, [])
print(h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)
h1 = Hashed(); y = {h1: 5, 0: 0, 1: 1, 2: 2, 3: 3}; h2 = Hashed(); y[h2] = []
print(h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)
class Z:
    def __hash__(self): return 0
    def __eq__(self, o):
        other.clear()
        return False
other = dict((i, 0) for i in range(1, 100)); other[Z()] = 0
try:
    {Z(): 0, 1: 1}.update(other)
except RuntimeError as e:
    print('RuntimeError', e)
import collections
od = collections.OrderedDict([('a', 1), ('b', 2)]); od.move_to_end('a')
print(list(dict(od).items()))
d = {'a': 1}
print(d.keys().mapping, d.values().mapping['a'])
class HC(int):
    hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)
d = dict.fromkeys(map(HC, range(10)))
st = set(d); st.difference(d); st.symmetric_difference_update(d)
dict.fromkeys(set(d)); dict.fromkeys(frozenset(d), 1)
print(sum(e.hash_count for e in d))
print(slice(None, None, 2**100).indices(10), slice(-2**100, 2**100).indices(2**100))
print(range(2**100)[::-7][:2], range(10)[2:8:3])
import gc
print(gc.is_tracked(1), gc.is_tracked('a'), gc.is_tracked([]), gc.is_tracked({}) == gc.is_tracked({}.copy()))
