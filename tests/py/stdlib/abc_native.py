# The _abc module behind abc.ABCMeta: abstract methods, register(), the isinstance/issubclass
# caches, and the __abc_tpflags__ hook that makes collections.abc.Sequence/Mapping matchable.
import _abc
import abc
import collections.abc as cabc


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass

    @abc.abstractmethod
    def stop(self):
        pass


class Half(Base):
    def run(self):
        return 1


class Full(Half):
    def stop(self):
        return 2


for cls in (Base, Half, Full):
    print(cls.__name__, sorted(cls.__abstractmethods__), bool(cls.__flags__ & (1 << 20)))
    try:
        print(type(cls()).__name__)
    except TypeError as e:
        print("TypeError:", e)

print(type(Base._abc_impl).__name__, "_abc_impl" in Base.__dict__, "__abc_tpflags__" in cabc.Sequence.__dict__)
try:
    cabc.Hashable()
except TypeError as e:
    print(e)


class Plain:
    pass


class Other:
    pass


print(isinstance(Plain(), Base), issubclass(Plain, Base))
print(Base.register(Plain) is Plain, isinstance(Plain(), Base), issubclass(Plain, Base), issubclass(Other, Base))
try:
    Plain.register
except AttributeError:
    print("no register on Plain")
try:
    Base.register(3)
except TypeError as e:
    print(e)


class Sub(Plain):
    pass


print(issubclass(Sub, Base), isinstance(Sub(), Base))
try:
    Full.register(Base)
except RuntimeError as e:
    print(e)
tok = abc.get_cache_token()
Base.register(Other)
print(abc.get_cache_token() > tok, issubclass(Other, Base))
reg, cache, neg, ver = _abc._get_dump(Base)
print(sorted(r().__name__ for r in reg), len(cache) > 0, type(ver).__name__)
_abc._reset_registry(Base)
_abc._reset_caches(Base)
print(issubclass(Other, Base), issubclass(Plain, Base))


class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, "quack"):
            return True
        if hasattr(C, "bad"):
            return 42
        return NotImplemented


class Duck:
    quack = 1


class Bad:
    bad = 1


print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))
try:
    issubclass(Bad, Hooked)
except AssertionError as e:
    print("AssertionError:", e)
try:
    issubclass(3, Hooked)
except TypeError as e:
    print(e)


# Matching kinds: __flags__ bits 1<<5 (sequence) and 1<<6 (mapping), inherited and registered.
SEQ, MAP = 1 << 5, 1 << 6


def kind(t):
    return ("seq" if t.__flags__ & SEQ else "") + ("map" if t.__flags__ & MAP else "") or "-"


class MySeq(cabc.Sequence):
    def __getitem__(self, i):
        raise IndexError

    def __len__(self):
        return 0


class Reg:
    pass


class RegChild(Reg):
    pass


cabc.Mapping.register(Reg)
for t in (list, tuple, range, memoryview, dict, type({}.keys()), str, bytes, bytearray, cabc.Sequence, cabc.Mapping,
          MySeq, Reg, RegChild, Plain):
    print(t.__name__, kind(t))


def what(x):
    match x:
        case [*_]:
            return "sequence"
        case {}:
            return "mapping"
        case _:
            return "other"


print(what(MySeq()), what(Reg()), what(RegChild()), what(Plain()))
try:
    class Both(cabc.Collection):
        __abc_tpflags__ = cabc.Sequence.__flags__ | cabc.Mapping.__flags__
except TypeError as e:
    print(e)
