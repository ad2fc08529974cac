# Class objects: names, bases, MRO, attribute changes seen by instances and subclasses,
# isinstance/issubclass, object(), type() forms.
class A:
    "A's doc"
    x = 1
class B(A):
    pass
class C(A):
    x = 3
class D(B, C):
    pass

print(A.__name__, A.__qualname__, A.__module__, A.__doc__, B.__doc__)
print(D.__bases__ == (B, C), [k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
print(D.x, B.x, A.__base__ is object, D.__base__ is B)
print(sorted(k.__name__ for k in A.__subclasses__()))

b = B()
print(b.x)
A.x = 10
print(b.x, B.x, D.x)
B.x = 20
print(b.x, D.x)
del B.x
print(b.x, D.x)
A.new_method = lambda self: "added later"
print(b.new_method(), D().new_method())
try:
    del A.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    A.missing
except AttributeError as e:
    print("AttributeError", e)

class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__, repr(Outer.Inner)[-20:])
Outer.Inner.__name__ = "Renamed"
print(Outer.Inner.__name__)

print(isinstance(b, A), isinstance(b, (int, A)), isinstance(b, C), isinstance(3, (str, (int,))))
print(issubclass(D, A), issubclass(D, (C,)), issubclass(A, D), issubclass(bool, int), issubclass(A, object))
for bad in [lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: issubclass(int, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    object(1)
except TypeError as e:
    print("TypeError", e)
try:
    A(1)
except TypeError as e:
    print("TypeError", e)

class Init:
    def __init__(self, a):
        super().__init__()
        self.a = a
try:
    Init()
except TypeError as e:
    print("TypeError", e)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError", e)
class PassUp:
    def __init__(self, v):
        super().__init__(v)
try:
    PassUp(1)
except TypeError as e:
    print("TypeError", e)
class NewOnly:
    def __new__(cls, v):
        obj = super().__new__(cls)
        obj.v = v
        return obj
print(NewOnly(5).v)
class NewPassesArgs:
    def __new__(cls, v):
        return super().__new__(cls, v)
try:
    NewPassesArgs(1)
except TypeError as e:
    print("TypeError", e)

print(type(1) is int, type("s") is str, type(None).__name__, type(type).__name__, type(A) is type)
T = type("T", (B,), {"y": 2, "__doc__": "made"})
print(T.__name__, T.y, T.x, T.__doc__, T.__mro__[1] is B, T().x)
try:
    class BadMro(A, B):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class FromBool(bool):
        pass
except TypeError as e:
    print("TypeError", e)

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
for _ in range(5):
    Counter()
print(Counter.instances)

class Shadow:
    def method(self):
        return "class"
s = Shadow()
s.method = lambda: "instance"
print(s.method(), Shadow().method())
