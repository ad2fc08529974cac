# Zero-argument and explicit super() in methods, classmethods, __init_subclass__, MRO chains.
class A:
    def hello(self):
        return "A.hello"
    @classmethod
    def make(cls):
        return "A.make(" + cls.__name__ + ")"
    def __init__(self, x):
        self.x = x

class B(A):
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def make(cls):
        return "B>" + super().make()
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

class C(A):
    def hello(self):
        return "C>" + super().hello()

class D(B, C):
    def hello(self):
        return "D>" + super().hello()

d = D(1, 2)
print(d.hello(), d.x, d.y)
print(D.make(), B.make())
print([k.__name__ for k in D.__mro__])
print(super(B, d).hello(), super(C, d).hello())
print(super(D, D).make())

class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry += [(cls.__name__, tag)]

class X(Base, tag="x"):
    pass

class Y(X):
    pass

print(Base.registry)

# super() inside a comprehension has no first argument of its own (3.11)
class E(A):
    def names(self):
        return [super().hello() for _ in range(2)]
try:
    E(0).names()
except TypeError as e:
    print("TypeError:", e)

# super with a deleted first argument
class F(A):
    def m(self):
        del self
        try:
            super().hello()
        except RuntimeError as e:
            print("RuntimeError:", e)
F(0).m()

def outside():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()

try:
    super(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    super(B, A(1))
except TypeError as e:
    print("TypeError:", e)

# __class__ cell
class G:
    def cls(self):
        return __class__
print(G().cls() is G)

# super().__setattr__ and super() attributes of object
class H:
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2)
h = H()
h.v = 21
print(h.v)

class I(dict):
    pass
class J:
    def __repr__(self):
        return "J+" + super().__repr__()[:10]
print(J())
