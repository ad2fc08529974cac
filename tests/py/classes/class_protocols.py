# __class_getitem__ (implicit classmethod), __mro_entries__, __prepare__ ordering of the
# namespace, __qualname__ in the body, __module__, and class bodies as scopes.
class A:
    def __class_getitem__(cls, item):
        return ("cgi", cls.__name__, item)
class A2(A):
    pass
print(A[int], A2["x"], A[1, 2])

class Entry:
    def __mro_entries__(self, bases):
        return (A,)
class B(Entry()):
    pass
print(B.__bases__, B.__orig_bases__[0].__class__.__name__, B["y"])

class Body:
    x = 1
    y = x + 1
    names = [n for n in ("a", "b")]
    print("in body", __qualname__, __module__)
    def method(self):
        return __class__.__name__
print(Body.y, Body.names, Body().method())

class NotMapping(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class X(metaclass=NotMapping):
        pass
except TypeError as e:
    print("TypeError", e)

class WithQualname:
    __qualname__ = "Custom.Name"
print(WithQualname.__qualname__, WithQualname.__name__)

def make_class(n):
    class Local:
        value = n
        def get(self):
            return self.value + n
    return Local
L = make_class(5)
print(L().get(), L.__qualname__)

class Cell:
    def check(self):
        return __class__ is Cell
print(Cell().check())
