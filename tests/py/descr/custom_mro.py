# A metaclass's mro() is used (and checked); __bases__ assignment recomputes subclasses and
# survives mro() methods that assign __bases__ themselves.
class PMeta(type):
    def mro(cls):
        L = type.mro(cls)
        L.reverse()
        return L

class A: pass
class B(A): pass
class X(B, metaclass=PMeta): pass
print([c.__name__ for c in X.__mro__])

for bad in [lambda cls: [1], lambda cls: [cls, int]]:
    class M(type):
        mro = bad
    try:
        class Y(metaclass=M): pass
    except TypeError as e:
        print("TypeError", e)

class Watch(type):
    def mro(cls):
        print("mro of", cls.__name__, "current", cls.__mro__ is not None)
        return type.mro(cls)

class P(metaclass=Watch): pass
class Q(P): pass
class R(metaclass=Watch): pass
Q.__bases__ = (R,)
print([c.__name__ for c in Q.__mro__], P.__subclasses__() == [], [c.__name__ for c in R.__subclasses__()])

class Fail(type):
    armed = False
    def mro(cls):
        if Fail.armed:
            raise RuntimeError("bozo")
        return type.mro(cls)
class C0: pass
class Cx: pass
class C1(C0): pass
class C2(C1, metaclass=Fail): pass
before = C2.__mro__
Fail.armed = True
try:
    C1.__bases__ = (Cx,)
except RuntimeError as e:
    print("RuntimeError", e, C2.__mro__ == before, C1.__bases__)

for target, bases in [(A, (B,)), (B, (object,)), (Cx, (A,))]:
    try:
        target.__bases__ = bases
    except TypeError as e:
        print("TypeError", e)

# incomplete types: __mro__ is None inside mro(); extending or super() then fails cleanly
class Probe(type):
    def mro(cls):
        print("inside", cls.__name__, cls.__mro__)
        if cls.__name__ == "Sub":
            return type.mro(cls)
        try:
            class Sub(cls): pass
        except TypeError as e:
            print("TypeError", e)
        try:
            super(cls, cls).xxx
        except AttributeError as e:
            print("AttributeError")
        return type.mro(cls)
class Z(metaclass=Probe): pass
print(Z.__mro__[0].__name__)

# a custom mro that leaves the class out of its own MRO: super() in type creation fails
class D0: pass
class Odd(type):
    def mro(cls):
        return (D0,)
try:
    class W(metaclass=Odd): pass
except TypeError as e:
    print("TypeError", e)
