# Instance attributes and obj.__dict__ / vars(obj) see each other's changes, whatever the
# attribute storage does inside (shapes, dict mode): set, delete, replace, update, non-str
# keys, many attributes, __slots__ with __dict__, built-in subclasses, exceptions, functions.


class A:
    def __init__(self, x=1):
        self.x = x
        self.y = 2


a = A()
d = a.__dict__
print(d, vars(a) is d)
d["z"] = 3
print(a.z)
a.w = 4
print(d)
del d["x"]
print(hasattr(a, "x"), getattr(a, "x", "gone"))
del a.y
print(d)
a.__dict__ = {"p": 1}
print(a.p, hasattr(a, "z"), vars(a))
vars(a).update(q=2, r=3)
print(a.q, a.r, sorted(vars(a)))
a.__dict__[5] = "int key"
print(sorted(k for k in vars(a) if isinstance(k, str)), vars(a)[5])
del a.__dict__
print(vars(a))
try:
    a.__dict__ = [1]
except TypeError as e:
    print(e)


class MyDict(dict):
    pass


a.__dict__ = MyDict(k=1)
print(a.k, type(a.__dict__).__name__)

# Deleting in different positions, then re-adding: order follows dict semantics.
b = A()
b.c = 3
del b.c
b.c = 4
print(vars(b))
del b.x
b.x = 5
print(vars(b), b.x, b.y, b.c)
try:
    del b.nothere
except AttributeError as e:
    print(e)

# Many attributes and many distinct shapes.
m = A()
for i in range(300):
    setattr(m, "attr%d" % i, i)
print(len(vars(m)), m.attr0, m.attr299)
objs = []
for i in range(50):
    o = A()
    setattr(o, "k%d" % i, i)
    objs.append(o)
print(sum(getattr(o, "k%d" % i) for i, o in enumerate(objs)))

# dir(), copying state through __dict__, __class__ assignment.
c = A(7)
c.extra = [1]
print([n for n in dir(c) if not n.startswith("__")])
c2 = A.__new__(A)
c2.__dict__.update(c.__dict__)
print(vars(c2), c2.extra is c.extra)


class B(A):
    pass


c.__class__ = B
print(type(c).__name__, vars(c), c.x)
c.more = 1
print(vars(c))


# __slots__ with __dict__ and plain slots side by side.
class S:
    __slots__ = ("a", "__dict__")


s = S()
s.a = 1
s.b = 2
print(s.a, s.b, vars(s))
s.__dict__["c"] = 3
print(s.c)


# Built-in subclasses keep attributes too.
class I(int):
    pass


class T(tuple):
    pass


class Str(str):
    pass


class Lst(list):
    pass


i = I(5)
i.tag = "int"
t = T((1, 2, 3))
t.tag = "tuple"
st = Str("s")
st.tag = "str"
lst = Lst([1])
lst.tag = "list"
print(i + 1, i.tag, vars(i), t[2], t.tag, vars(t), st.tag, lst.tag, vars(lst))


# Exceptions, functions and modules keep a plain dict.
class E(Exception):
    pass


e = E("msg")
e.code = 5
print(e.code, vars(e), e.args)


def f():
    pass


f.attr = 1
print(f.__dict__, vars(f))
import types

mod = types.ModuleType("m")
mod.v = 1
print(mod.v, sorted(k for k in vars(mod) if not k.startswith("__")))


# Attribute names that are not identifiers, and setattr with computed strings.
n = A()
setattr(n, "not an identifier", 1)
name = "".join(["dyn", "amic"])
setattr(n, name, 2)
print(getattr(n, "not an identifier"), n.dynamic, getattr(n, name), sorted(vars(n)))
delattr(n, name)
print(hasattr(n, "dynamic"))


# AttributeError suggestions read the instance attributes.
class Sug:
    def __init__(self):
        self.colour = 1


try:
    Sug().color
except AttributeError as e:
    print(e)
