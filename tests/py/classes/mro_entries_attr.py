# gcstress: 50
# __mro_entries__ is looked up as an ordinary attribute, so a function can carry one (what
# typing.TypedDict does); generic aliases substitute their origin; __orig_bases__ is kept.
from typing import TypedDict, Generic, TypeVar

def Marker(name):
    return name

class Base:
    pass

Marker.__mro_entries__ = lambda bases: (Base,)

class Derived(Marker):
    pass

print(Derived.__bases__, [b.__name__ for b in Derived.__orig_bases__])

class Point(TypedDict):
    x: int
    y: int

print(Point.__annotations__, Point(x=1, y=2))

T = TypeVar("T")

class Box(Generic[T]):
    pass

class IntBox(Box[int], list[int]):
    pass

print(IntBox.__bases__, IntBox.__orig_bases__)

class Bad:
    def __mro_entries__(self, bases):
        return [object]

try:
    class C(Bad()):
        pass
except TypeError as e:
    print(e)

# __call__ found on the type is bound only when it is a descriptor (typing's `__call__ = dict`).
class Plain:
    __call__ = dict

class Static:
    __call__ = staticmethod(lambda *a, **k: ("static", a, k))

class Klass:
    @classmethod
    def __call__(cls, *a):
        return ("class", cls.__name__, a)

class Meta(type):
    __call__ = list

class WithMeta(metaclass=Meta):
    pass

for obj in (Plain(), Static(), Klass()):
    print(obj(x=1) if isinstance(obj, Plain) else obj(1, 2))
print(WithMeta("ab"))
