# Inline caches of attribute loads, method loads and stores must notice every change that
# alters what an access means: class and base namespace changes, descriptors gaining
# __get__/__set__, __class__ and __bases__ assignment, __getattribute__/__setattr__ added
# later, instance attributes shadowing methods, and module globals rebound or deleted.


def load_x(o):
    return o.x


def call_m(o):
    return o.m()


def load_m(o):
    return o.m


def store_x(o, v):
    o.x = v


def run(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


class Base:
    def m(self):
        return "Base.m"


class Sub(Base):
    pass


s = Sub()
for _ in range(3):
    print(run(call_m, s))
Base.m = lambda self: "Base.m2"           # a base's namespace changes
print(run(call_m, s))
Sub.m = lambda self: "Sub.m"              # the class's own
print(run(call_m, s))
s.m = lambda: "instance m"                # the instance shadows the method
print(run(call_m, s))
del s.m
print(run(call_m, s))
del Sub.m
print(run(call_m, s), run(load_m, s)())

# Class attribute loads through instances.
class K:
    x = 1


k = K()
for _ in range(3):
    print(run(load_x, k))
K.x = 2
print(run(load_x, k))
k.x = 3                                   # instance shadows the class value
print(run(load_x, k))
del k.x
print(run(load_x, k))
del K.x
print(run(load_x, k))


# A descriptor whose class gains __get__ / __set__ after the cache saw it.
class D:
    pass


class HasD:
    x = D()


h = HasD()
h.__dict__["x"] = "instance"
for _ in range(3):
    print(run(load_x, h))
D.__get__ = lambda self, obj, owner: "D.__get__"
print(run(load_x, h))                     # still a non-data descriptor: the instance wins
D.__set__ = lambda self, obj, value: print("D.__set__", value)
print(run(load_x, h))                     # now a data descriptor: it wins
run(store_x, h, 5)
print(h.__dict__["x"])


# Instance attribute loads and stores, then the class grows a property of that name.
class P:
    def __init__(self):
        self.x = 10


p = P()
for i in range(3):
    store_x(p, i)
    print(run(load_x, p))
P.x = property(lambda self: "prop", lambda self, v: print("prop set", v))
print(run(load_x, p))
run(store_x, p, 99)
del P.x
print(run(load_x, p))


# __getattribute__ / __getattr__ / __setattr__ added to the class later.
class G:
    def __init__(self):
        self.x = 1


g = G()
for _ in range(3):
    print(run(load_x, g))
G.__getattribute__ = lambda self, name: "ga:" + name
print(run(load_x, g), run(call_m, g) if False else "")
del G.__getattribute__
print(run(load_x, g))
for i in range(3):
    store_x(g, i)
G.__setattr__ = lambda self, name, v: print("setattr", name, v)
store_x(g, 42)
print(g.x)
del G.__setattr__
store_x(g, 43)
print(g.x)
del g.x
G.__getattr__ = lambda self, name: "getattr:" + name
print(run(load_x, g))


# __class__ assignment between classes with different methods / attributes.
class A1:
    def m(self):
        return "A1.m"


class A2:
    def m(self):
        return "A2.m"

    x = "A2.x"


o = A1()
o.y = 1
for _ in range(3):
    print(run(call_m, o), run(load_x, o))
o.__class__ = A2
print(run(call_m, o), run(load_x, o), o.y, vars(o))
o.x = "own"
o.__class__ = A1
print(run(call_m, o), run(load_x, o), vars(o))


# __bases__ assignment.
class B1:
    def m(self):
        return "B1.m"


class B2:
    def m(self):
        return "B2.m"


class C(B1):
    pass


c = C()
for _ in range(3):
    print(run(call_m, c))
C.__bases__ = (B2,)
print(run(call_m, c))


# A metaclass __getattribute__ affects attributes of the class, not of its instances.
class Meta(type):
    def __getattribute__(cls, name):
        if name == "x":
            return "Meta.x"
        return super().__getattribute__(name)


class M(metaclass=Meta):
    x = "M.x"


mi = M()
for _ in range(3):
    print(run(load_x, M), run(load_x, mi))


# Same call site, many types and shapes (polymorphic site, cache thrash).
class S1:
    def __init__(self):
        self.x = "S1"


class S2:
    def __init__(self):
        self.a = 0
        self.x = "S2"


class S3:
    x = "S3 class"


objs = [S1(), S2(), S3(), S1(), S2(), S3()]
print([run(load_x, ob) for ob in objs])
s2 = S2()
del s2.a                                   # not the last attribute: storage changes kind
print(run(load_x, s2), vars(s2))


# Stores that add attributes along different orders share nothing wrongly.
class R:
    pass


def fill(o, first, second):
    setattr(o, first, 1)
    setattr(o, second, 2)
    o.z = 3
    return vars(o)


print(fill(R(), "a", "b"), fill(R(), "b", "a"), fill(R(), "a", "b"))


# Module attributes: rebound, deleted, added.
import types

mod = types.ModuleType("mod")
mod.f = lambda: "f1"


def call_f(m):
    return m.f()


def load_f(m):
    return m.f


for _ in range(3):
    print(run(call_f, mod))
mod.f = lambda: "f2"
print(run(call_f, mod))
del mod.f
print(run(call_f, mod), run(load_f, mod))
mod.__getattr__ = lambda name: (lambda: "module __getattr__ " + name)
print(run(call_f, mod))


# Builtin methods through LoadMethod, then on subclasses that override them.
class L(list):
    def append(self, v):
        list.append(self, v * 10)


for seq in [[], L(), [], L()]:
    seq.append(1)
    print(seq)


# Attributes of class objects: the class, a base and the metaclass may all change.
class CA:
    v = 1

    @staticmethod
    def s():
        return "s1"


class CSub(CA):
    pass


def load_v(o):
    return o.v


def call_s(o):
    return o.s()


for _ in range(3):
    print(load_v(CA), call_s(CA), load_v(CSub), call_s(CSub))
CA.v = 2
CA.s = staticmethod(lambda: "s2")
print(load_v(CA), call_s(CA), load_v(CSub), call_s(CSub))
CSub.v = "own"
print(load_v(CA), load_v(CSub))


class MetaV(type):
    pass


class CB(metaclass=MetaV):
    v = "CB"


for _ in range(3):
    print(load_v(CB))
MetaV.v = property(lambda cls: "meta property")
print(load_v(CB))
del MetaV.v
print(load_v(CB))
del CB.v
MetaV.v = "meta value"
print(load_v(CB))


# Properties: the getter is called on every load; a getter raising AttributeError falls
# back to __getattr__; re-initialising the property object changes the getter.
class Pr:
    @property
    def x(self):
        return "getter"


pr = Pr()
for _ in range(3):
    print(run(load_x, pr))
Pr.x.__init__(lambda self: "new getter")
print(run(load_x, pr))
Pr.__getattr__ = lambda self, name: "fallback " + name
Pr.x = property(lambda self: self.missing_thing)
for _ in range(2):
    print(run(load_x, pr))
del Pr.__getattr__
print(run(load_x, pr))


# A staticmethod object re-initialised in place (its class's version does not move).
class St:
    @staticmethod
    def s():
        return "s one"


def call_st(o):
    return o.s()


st = St()
for _ in range(3):
    print(call_st(st), call_st(St))
St.__dict__["s"].__init__(lambda: "s two")
print(call_st(st), call_st(St))


# Exception subclasses keep a plain dict: loads and stores of their own attributes, then the
# class gains a property of that name.
class Failure(Exception):
    def __init__(self, position):
        Exception.__init__(self, position)
        self.position = position


def load_position(o):
    return o.position


for i in range(3):
    f = Failure(i)
    print(load_position(f), f.args)
f.__dict__["position"] = "via dict"
print(load_position(f))
Failure.position = property(lambda self: "property")
print(run(load_position, f))
f2 = Failure.__new__(Failure)
print(run(load_position, f2))
