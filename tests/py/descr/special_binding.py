# Special methods found on the type are bound like CPython's slots: functions take self,
# other descriptors go through __get__, plain callables get no self.
class Wrap:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner):
        print("get", type(obj).__name__, owner.__name__)
        return lambda *a: self.f(obj, *a)

class Err:
    def __get__(self, obj, owner):
        raise KeyError("from __get__")

def booh(self):
    raise AttributeError("booh")

class A:
    __len__ = Wrap(lambda self: 3)
    __getitem__ = Wrap(lambda self, k: k * 2)
    __call__ = Wrap(lambda self, x: ("called", x))
    __eq__ = Wrap(lambda self, o: "eq")
    __neg__ = Wrap(lambda self: "neg")
    __iter__ = Wrap(lambda self: iter([1, 2]))

a = A()
print(len(a), a[4], a(7), a == 1, -a, list(a))

class B:
    __call__ = len          # a builtin: no self
    __getitem__ = len
print(B()([1, 2, 3]), B()["abcd"])

class E:
    __eq__ = property(booh)  # __get__ fails: comparison falls back to identity
e = E()
print(e == e, e == E(), e != E())

class I:
    __init__ = property(booh)
try:
    I()
except AttributeError as exc:
    print("AttributeError", exc)

for name in ["__len__", "__neg__", "__getitem__", "__call__", "__enter__", "__format__", "__round__"]:
    cls = type("X", (), {name: Err(), "__exit__": lambda *a: None})
    ops = {"__len__": len, "__iter__": iter, "__neg__": lambda x: -x, "__getitem__": lambda x: x[0],
           "__call__": lambda x: x(), "__format__": format, "__round__": round}
    def enter(x):
        with x:
            pass
    op = ops.get(name, enter)
    try:
        op(cls())
    except KeyError as exc:
        print(name, "KeyError", exc)

# __new__ as a classmethod gets the class twice; __init_subclass__ / __getattr__ via descriptors
class C:
    @classmethod
    def __new__(cls, *args):
        return (cls.__name__,) + args
print(C(1, 2))

class Getter:
    def __get__(self, obj, owner):
        return lambda name: "dyn-" + name
class G:
    __getattr__ = Getter()
print(G().spam)

# __length_hint__ is consulted by list() for class instances
class Hinted:
    def __iter__(self):
        return iter([1, 2, 3])
    def __length_hint__(self):
        print("hint asked")
        return 3
print(list(Hinted()))

# a wrong-class slot wrapper is called (and refuses the instance)
class W(int):
    __eq__ = str.__eq__
    __add__ = str.__add__
for f in (lambda w: w == w, lambda w: w + w):
    try:
        f(W(1))
    except TypeError as exc:
        print("TypeError", exc)

class D(dict):
    __setattr__ = dict.__setitem__
d = D()
d.y = 42
print(d["y"])
