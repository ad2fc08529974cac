# type's introspection attributes and object's comparison/size methods, as CPython 3.11 has them.
class A:
    pass


class B(A):
    x: int


print(sorted(set(dir(type)) & {"__flags__", "__abstractmethods__", "__annotations__", "__basicsize__",
                                "__itemsize__", "__dictoffset__", "__instancecheck__", "__subclasscheck__",
                                "__text_signature__", "__sizeof__"}))
print(sorted(set(dir(object)) & {"__lt__", "__le__", "__gt__", "__ge__", "__sizeof__"}))
print(object.__lt__(A(), A()), object.__ge__(1, 2), object() .__le__(3))
print(A.__annotations__, B.__annotations__, "__annotations__" in A.__dict__)
A.__annotations__ = {"y": str}
print(A.__annotations__)
del A.__annotations__
try:
    del A.__annotations__
except AttributeError as e:
    print("AttributeError", e)
try:
    int.__annotations__
except AttributeError as e:
    print(e)
try:
    type.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
try:
    A.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
A.__abstractmethods__ = frozenset({"f", "g"})
try:
    A()
except TypeError as e:
    print(e)
A.__abstractmethods__ = ()
print(type(A()).__name__)
A.__abstractmethods__ = ["h"]
try:
    A()
except TypeError as e:
    print(e)
del A.__abstractmethods__
print(type(A()).__name__, bool(A.__flags__ & (1 << 20)))
print(bool(A.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 24)),
      bool(bool.__flags__ & (1 << 24)), bool(type.__flags__ & (1 << 31)), bool(KeyError.__flags__ & (1 << 30)))
print(bool(bool.__flags__ & (1 << 10)), bool(int.__flags__ & (1 << 10)), bool(A.__flags__ & (1 << 8)),
      bool(int.__flags__ & (1 << 8)))
print(type.__instancecheck__(int, 3), type.__instancecheck__(int, "3"), type.__subclasscheck__(int, bool))
try:
    type.__subclasscheck__(int, 3)
except TypeError as e:
    print(e)


class Sig:
    """Sig(a, b=1)
--

Makes a Sig."""


print(Sig.__text_signature__, A.__text_signature__, type(B.__basicsize__).__name__, tuple.__itemsize__)


# A reflected operator goes first only when the subclass overrides it.
class P:
    def __or__(self, other):
        return "P.or"

    def __ror__(self, other):
        return "P.ror"


class Q(P):
    pass


class R(P):
    def __ror__(self, other):
        return "R.ror"


print(P() | Q(), Q() | P(), P() | R(), R() | P())


# getset_descriptor: the attributes of native types, usable by hand.
d = type.__dict__["__name__"]


class C:
    pass


print(repr(d), d.__get__(C), d.__get__(None, C) is d, d.__qualname__, d.__objclass__.__name__, d.__name__)
d.__set__(C, "Renamed")
print(C.__name__)
for call in (lambda: d.__get__(3), lambda: int.__dict__["real"].__set__(3, 4), lambda: d.__get__(None, None)):
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(type.__repr__(int), repr(type.__dict__["__repr__"]).startswith("<"))
