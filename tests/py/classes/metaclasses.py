# Metaclasses: __prepare__, __new__, __init__, __call__, keywords, inheritance, conflicts.
log = []

class OrderedNS(dict):
    def __setitem__(self, key, value):
        log.append(key) if False else None
        dict.__setitem__(self, key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, len(bases), kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", mcls.__name__, name, sorted(k for k in ns if k[0] != "_"), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw["tag"] if "tag" in kw else "none"
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args)
        obj = super().__call__(*args, **kwargs)
        obj.made_by_meta = True
        return obj

class A(metaclass=Meta, tag="a"):
    def __init__(self, v):
        self.v = v
    def method(self):
        return self.v

a = A(5)
print(a.v, a.made_by_meta, A.tag, A.injected, type(A).__name__, isinstance(A, Meta))

class B(A):
    pass
print(B.tag, type(B) is Meta)
b = B(6)
print(b.method())

# A metaclass attribute is visible on the class, not on instances
class M2(type):
    greeting = "hi"
    def shout(cls):
        return cls.__name__ + "!"
class C(metaclass=M2):
    pass
print(C.greeting, C.shout())
try:
    C().greeting
except AttributeError as e:
    print("AttributeError", e)

# type() with three arguments
D = type("D", (A,), {"x": 1, "meth": lambda self: self.x + 1})
print(type(D).__name__, D.__name__, D.x, D.__bases__[0].__name__)
d = D(3)
print(d.meth(), d.v)
E = type("E", (), {})
print(E.__name__, E.__bases__, type(E()).__name__)

# type(x) and errors
print(type(1).__name__, type(type).__name__, type(A).__name__)
try:
    type("X", 1, {})
except TypeError as e:
    print("TypeError", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError", e)

# metaclass conflict
class M3(type):
    pass
class F(metaclass=M3):
    pass
try:
    class G(A, F):
        pass
except TypeError as e:
    print("TypeError", e)

# a plain function as metaclass
def fmeta(name, bases, ns):
    return name + "-made"
class H(metaclass=fmeta):
    pass
print(H)

# metaclass __new__ returning something else skips __init__
class M4(type):
    def __new__(mcls, name, bases, ns):
        return 42
    def __init__(cls, *a):
        print("never")
class I(metaclass=M4):
    pass
print(I)

# __instancecheck__ / __subclasscheck__ on a metaclass
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Quacker(metaclass=Duck):
    pass
class Q:
    def quack(self):
        pass
print(isinstance(Q(), Quacker), isinstance(1, Quacker), issubclass(Q, Quacker), issubclass(int, Quacker))
