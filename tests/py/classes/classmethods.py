# classmethod and staticmethod: binding, __func__, __wrapped__, copied attributes, calls.
class A:
    count = 0
    @classmethod
    def create(cls, n):
        "Create some."
        return cls.__name__ + repr(n)
    @staticmethod
    def add(a, b):
        "Add two."
        return a + b

class B(A):
    pass

print(A.create(1), B.create(2), A().create(3), B().create(4))
print(A.add(1, 2), A().add(3, 4), B.add(5, 6))
cm = A.__dict__["create"]
sm = A.__dict__["add"]
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, sm.__func__.__name__, cm.__wrapped__ is cm.__func__)
print(cm.__name__, cm.__qualname__, cm.__doc__, sm.__doc__)
print(sm(10, 20))
print(cm.__get__(None, B)(7), cm.__get__(B())(8))
print(sm.__get__(None, A)(1, 1))
m = A.create
print(m.__self__ is A, m.__func__ is cm.__func__, m.__name__)

def f(cls):
    return cls
c = classmethod(f)
print(c.__func__ is f, c.__isabstractmethod__)
try:
    classmethod()
except TypeError as e:
    print("TypeError", e)
try:
    staticmethod(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    classmethod(f=1)
except TypeError as e:
    print("TypeError", e)

class C:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, *args):
        print("init", args)
C(1, 2)

class D:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__)
class E(D):
    pass

c = classmethod(len)
c.extra = 5
print(c.extra, c.__dict__["extra"])
