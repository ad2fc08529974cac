# Bound methods: __self__, __func__, __name__, equality, repr shape, builtin methods.
class A:
    def f(self):
        "f doc"
        return 1
    def __repr__(self):
        return "A()"

a = A()
m = a.f
print(m.__self__ is a, m.__func__ is A.f, m.__name__, m.__qualname__, m.__doc__)
print(m == a.f, m is a.f, a.f == A().f, m != a.f)
print(repr(m))
print(type(m).__name__, type(A.f).__name__)
print(hash(m) == hash(a.f))
A.f.marker = "x"
print(m.marker)

class B:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
b1, b2 = B(), B()
print(B.__eq__.__name__, b1.__eq__ == b2.__eq__)

print(len.__name__, len.__qualname__, len.__self__.__name__, len.__module__)
print(repr(len), type(len).__name__)
l = [1, 2]
app = l.append if hasattr(l, "append") else None

import sys
print(type(sys.exit).__name__)

def free(x):
    return x
bm = free.__get__(5)
print(bm(), bm.__self__, type(bm).__name__)
mt = type(a.f)
m2 = mt(free, 7)
print(m2(), m2.__self__)
try:
    mt(1, 2)
except TypeError as e:
    print("TypeError", e)
