# __class__ cells, __classcell__ handling and super() forms.
class Outer:
    def method(self):
        class X:
            x = __class__          # the enclosing method's __class__, not X's own cell
            def f(self):
                return __class__
        return X.x, X().f() is X
print(Outer().method()[0].__name__, Outer().method()[1])

try:
    exec("class X:\n    __class__\n    def f():\n        __class__", {}, {})
except NameError as e:
    print(type(e).__name__, e)

class Meta(type):
    def __new__(mcls, name, bases, ns):
        Meta.saved = ns
        return None
class A(metaclass=Meta):
    def f(self):
        return __class__
print(A)
B = type("B", (), Meta.saved)
print(B().f() is B)

class MroMeta(type):
    def mro(cls):
        cls.__dict__["g"]()
        return super().mro()
seen = []
class C(metaclass=MroMeta):
    def g():
        seen.append(__class__)
print(seen[0] is C)

for bad in [42, "cell"]:
    try:
        type("D", (), {"__classcell__": bad})
    except TypeError as e:
        print("TypeError", e)
try:
    type("Q", (), {"__qualname__": object()})
except TypeError as e:
    print("TypeError", e)

# __slots__ may name __classcell__ and __qualname__
class S1(metaclass=type):
    __slots__ = ["__classcell__", "__qualname__"]
    def f(self):
        return __class__
s = S1()
print(type(S1.__dict__["__classcell__"]).__name__, S1.__qualname__, hasattr(s, "__classcell__"))
s.__classcell__ = 5
print(s.__classcell__, s.f() is S1)

# super(): argument checks, unbound super through __get__, proxies, subclasses
for args in [(int, int, int), (1, int)]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError", e)

class Base:
    def meth(self):
        return "Base"
class Derived(Base):
    def meth(self):
        return "Derived+" + self.__sup.meth()
Derived._Derived__sup = super(Derived)
print(Derived().meth())

class mysuper(super):
    def __init__(self, *args):
        super().__init__(*args)
class E(Base):
    def meth(self):
        s = mysuper(E, self)
        return type(s).__name__ + ":" + s.meth()
print(E().meth())

class Proxy:
    def __init__(self, obj):
        self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        return getattr(self.__obj, name)
class F(Base):
    def meth(self):
        return "F"
p = Proxy(F())
print(super(F, p).meth(), isinstance(p, F), isinstance(p, Proxy))

# __set_name__ errors are wrapped in 3.11
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class G:
        attr = Bad()
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
