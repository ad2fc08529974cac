# property: decorators, setter/deleter chains, docs, errors with names, subclasses.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "Degrees Celsius."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def kelvin(self):
        return self._c + 273

t = Temp()
t.celsius = 25
print(t.celsius, t.kelvin)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.kelvin = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del t.kelvin
except AttributeError as e:
    print("AttributeError", e)
print(Temp.celsius.__doc__)
print(type(Temp.celsius).__name__, Temp.kelvin.fset, Temp.kelvin.fdel)
print(Temp.celsius.fget.__name__, Temp.celsius.fset.__name__)

class NoGet:
    x = property(None, lambda self, v: None)
try:
    NoGet().x
except AttributeError as e:
    print("AttributeError", e)
p = property(None)
try:
    p.__get__(NoGet())
except AttributeError as e:
    print("AttributeError", e)

def getter(self):
    "getter doc"
    return 1
p = property(getter)
print(p.__doc__, property(getter, doc="explicit").__doc__)
p2 = p.setter(lambda self, v: None)
print(p2.__doc__, p2.fget is getter, p2 is p)

class MyProp(property):
    pass
class U:
    @MyProp
    def v(self):
        "my doc"
        return 42
print(U().v, type(U.__dict__["v"]).__name__, U.v.__doc__)

class Lazy:
    @property
    def value(self):
        print("computing")
        return 7
l = Lazy()
print(l.value + l.value)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError", e)
try:
    property(fget=1, x=2)
except TypeError as e:
    print("TypeError", e)
print(property().fget, property(fdel=len).fdel)
