# Instance layouts of multiple bases: __slots__ classes conflict, attribute storage alone does not,
# built-in exception types share one layout, and a slot never overlaps another base's storage.
class A:
    __slots__ = ("x",)
class B:
    __slots__ = ("y",)
try:
    class C(A, B): pass
except TypeError as e: print(e)
class P: pass
class D(P, A): pass
d = D(); d.x = 1; d.z = 2; print(d.x, d.z, vars(d), D.__mro__[1].__name__)
class E(A): pass
class F(E, A): pass
f = F(); f.x = 3; f.q = 4; print(f.x, vars(f))
class DE(ArithmeticError): pass
class FO(DE, TypeError): pass
print(FO.__mro__)
try:
    class G(int, str): pass
except TypeError as e: print(e)
try:
    class H(list, dict): pass
except TypeError as e: print(e)
class I(tuple): pass
class J(I, P): pass
j = J((1, 2)); j.a = 5; print(j, j.a, vars(j))
try:
    class K(OSError, KeyError): pass
    print("K ok")
except TypeError as e: print(e)
