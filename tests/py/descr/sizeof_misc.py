# sys.getsizeof through __sizeof__, classmethod chaining (3.11), property subclasses,
# isinstance/issubclass through __class__ / __subclasscheck__, reflected operators.
import sys

class Z:
    def __sizeof__(self):
        return 7
print(sys.getsizeof(Z()) >= 7)  # CPython adds its GC pre-header; Coil has none
class Neg:
    def __sizeof__(self):
        return -1
class NotInt:
    def __sizeof__(self):
        return "big"
for obj in (Neg(), NotInt()):
    try:
        sys.getsizeof(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(NotInt(), "dflt"))
# sizes grow with contents and are positive ints
for small, big in (([], list(range(100))), ({}, dict.fromkeys(range(100))), ("", "x" * 1000),
                   (b"", b"x" * 1000), (set(), set(range(100))), ((), tuple(range(100)))):
    a, b = sys.getsizeof(small), sys.getsizeof(big)
    print(type(small).__name__, a > 0, b > a)
class Sl:
    __slots__ = ("a", "b", "c")
print(sys.getsizeof(Sl()) > sys.getsizeof(object()), object().__sizeof__() > 0)

class A:
    @classmethod
    @property
    def __doc__(cls):
        return "A doc for %r" % cls.__name__
    @classmethod
    @property
    def name(cls):
        return cls.__name__.lower()
print(A.__doc__, A.name, A().name)

class PropertySubSlots(property):
    __slots__ = ()
try:
    class Foo:
        @PropertySubSlots
        def spam(self):
            "doc"
            return 1
except AttributeError as e:
    print("AttributeError", e)
p = property()
for n in (0, 1, 3):
    try:
        p.__set_name__(*([0] * n))
    except TypeError as e:
        print("TypeError", e)

class C: pass
class Proxy:
    def __init__(self, obj):
        self._obj = obj
    @property
    def __class__(self):
        return type(self._obj)
print(isinstance(Proxy(C()), C), isinstance(Proxy(C()), Proxy), isinstance(Proxy(1), int))
class Checker:
    def __subclasscheck__(self, sub):
        return sub is int
print(issubclass(int, Checker()), issubclass(str, Checker()))

class B:
    def __floordiv__(self, other):
        return "B.__floordiv__"
    def __rfloordiv__(self, other):
        return "B.__rfloordiv__"
class E(B): pass
class F(B):
    def __rfloordiv__(self, other):
        return "F.__rfloordiv__"
print(B() // E(), B() // F())
x = None
try:
    x **= 2
except TypeError as e:
    print("TypeError", e)

class K:
    def __hash__(self):
        return hash("some string key")
print(hash(K()) == hash("some string key"))
