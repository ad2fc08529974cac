# __dict__ / __weakref__ descriptors, slots validation, __class__ and __dict__ assignment rules,
# getset/member descriptor objects, type attribute setters.
import types, weakref

class C:
    def meth(self): pass
class D(C): pass
print(sorted(C.__dict__), sorted(D.__dict__))
print(C.__dict__["__dict__"], C.__dict__["__weakref__"])
print(C.__dict__["__weakref__"].__doc__, "|", C.__dict__["__dict__"].__doc__)
c = C()
print(c.__weakref__)
r = weakref.ref(c)
print(c.__weakref__ is r)

class S:
    __slots__ = ["b", "a", "__weakref__"]
print(list(S.__dict__))
class T(S): pass
print(list(T.__dict__))
class NoWeak:
    __slots__ = ["x"]
for obj in (S(), NoWeak()):
    try:
        weakref.ref(obj)
        print("weakref ok", type(obj).__name__)
    except TypeError as e:
        print("TypeError", e)
print(hasattr(NoWeak(), "__weakref__"), hasattr(S(), "__dict__"))

for slots in (["foo bar"], ["1"], [""], ["a", "__weakref__", "__weakref__"]):
    try:
        type("Bad", (), {"__slots__": slots})
    except TypeError as e:
        print("TypeError", e)
class Base: pass
try:
    class W(Base):
        __slots__ = ["__weakref__"]
except TypeError as e:
    print("TypeError", e)

class A1: __slots__ = ()
class B1: pass
class C1(A1, B1): __slots__ = ()
c1 = C1()
c1.x = 2
print(c1.x, hasattr(C1, "__weakref__"), hasattr(C1, "__dict__"))

# __class__ assignment: same named slots in any order; different names or weakref support refuse
class G: __slots__ = ["a", "b"]
class H: __slots__ = ["b", "a"]
class J: __slots__ = ["c", "b"]
class N(J): __slots__ = ["__weakref__"]
g = G()
g.a = 1
g.__class__ = H
print(type(g).__name__, g.a)
for obj, cls in ((G(), J), (J(), N), (1, bool)):
    try:
        obj.__class__ = cls
    except TypeError as e:
        print("TypeError", e)
class SubMod(types.ModuleType):
    a = 1
m = types.ModuleType("m")
m.__class__ = SubMod
print(type(m).__name__, m.a)

# __dict__ of classes and modules cannot be replaced
for target in (C, m):
    try:
        target.__dict__ = {}
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)

# getset and member descriptor objects
d = type.__dict__["__doc__"]
print(type(d).__name__, d.__name__, d.__qualname__, d.__objclass__.__name__)
try:
    d.__set__(list, "x")
except TypeError as e:
    print("TypeError", e)
class X:
    "elephant"
X.__doc__ = "banana"
X.__module__ = "mod"
print(X.__doc__, X.__module__)
try:
    int.__module__ = "x"
except TypeError as e:
    print("TypeError", e)
p = property(lambda self: 1)
for attr in ("fget", "fset", "fdel"):
    try:
        setattr(p, attr, 1)
    except AttributeError as e:
        print("AttributeError", e)
print(type(types.FunctionType.__dict__["__globals__"]).__name__, types.MemberDescriptorType.__name__)

class DocDescr:
    def __get__(self, obj, owner):
        return "doc for %s on %s" % (obj, owner.__name__)
class Y:
    __doc__ = DocDescr()
print(Y.__doc__, Y().__doc__ is not None)

# object.__setattr__ may not skip type.__setattr__
class MetaA(type):
    def __setattr__(cls, key, value):
        object.__setattr__(cls, key, value)
class MetaB(type):
    def __setattr__(cls, key, value):
        type.__setattr__(cls, key, value)
for meta in (MetaA, MetaB):
    K = meta("K", (), {})
    try:
        K.test = True
        print("set", K.test)
    except TypeError as e:
        print("TypeError", e)
