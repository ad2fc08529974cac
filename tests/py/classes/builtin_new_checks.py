# T.__new__(cls) called explicitly on built-in types: cls must be a type, a subtype of T, and
# not need another built-in base's __new__ (CPython's tp_new_wrapper checks).
import collections, decimal, enum, fractions
class I(int): pass
class E(ValueError): pass
class S(set): pass
for cls, new in [(I, object.__new__), (E, object.__new__), (S, object.__new__), (I, set.__new__), (int, object.__new__), (S, frozenset.__new__), (E, int.__new__)]:
    try: print(new(cls))
    except TypeError as e: print(e)
print(set.__new__.__self__, repr(int.__new__)[:30])
for bad in (5, None):
    try: set.__new__(bad)
    except TypeError as e: print(e)
try: set.__new__()
except TypeError as e: print(e)
try: int.__new__(bool)
except TypeError as e: print(e)
class T(tuple):
    def __new__(cls, a): return tuple.__new__(cls, (a, a))
print(T(3), super(T, T).__new__(T, [1]))
P = collections.namedtuple('P', 'x y'); print(P(1, 2), P._make([3, 4]))
class Color(enum.Enum):
    RED = 1
print(Color(1), fractions.Fraction(3, 6), decimal.Decimal('1.5'))
class MyInt(int):
    def __new__(cls, v): return super().__new__(cls, v * 2)
print(MyInt(4), object.__new__(type('X', (), {})).__class__.__name__)
class Meta(type):
    def __new__(mcs, name, bases, ns): return super().__new__(mcs, name, bases, ns)
class K(metaclass=Meta): pass
print(K.__name__, type.__new__(Meta, 'Z', (), {}).__name__)
try: type.__new__(int, 'Z', (), {})
except TypeError as e: print(e)
print(BaseException.__new__(ValueError, 1).args, str.__new__(str, 'x'), dict.__new__(collections.OrderedDict))
try: object.__new__(5)
except TypeError as e: print(e)
# A class body binding another type's __new__ is passed over when instantiating (CPython's
# slot update makes the base's __new__ do the work).
class C1(object):
    __new__ = list.__new__
class C2(list):
    __new__ = object.__new__
print(type(C1()).__name__, type(C2()).__name__, C2("ab"))
