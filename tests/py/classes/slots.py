# __slots__, __dict__ and instance attribute storage.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__)
p.x = 5
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(p, "__dict__"))
try:
    P.__new__(P).x
except AttributeError as e:
    print("AttributeError", e)
q = P(1, 2)
del q.x
try:
    del q.x
except AttributeError as e:
    print("AttributeError", e)
print(P.x, type(P.x).__name__, P.x.__name__, P.x.__objclass__.__name__)
print(P.x.__get__(p), P.x.__get__(None, P) is P.x)

class WithDict(P):
    pass
w = WithDict(1, 2)
w.z = 3
print(w.x, w.z, w.__dict__)

class Both:
    __slots__ = ("a", "__dict__")
b = Both()
b.a = 1
b.other = 2
print(b.a, b.__dict__)

class Str:
    __slots__ = "one"
print(Str.__slots__, Str.one)

class Priv:
    __slots__ = ("__hidden",)
    def __init__(self):
        self.__hidden = 5
    def get(self):
        return self.__hidden
print(Priv().get(), "_Priv__hidden" in Priv.__dict__)

for bad in ["class R:\n    __slots__ = ('a',)\n    a = 1", "class S(int):\n    __slots__ = ('a',)",
            "class V:\n    __slots__ = (1,)", "class X:\n    __slots__ = ('__dict__',)\nclass Y(X):\n    __slots__ = ('__dict__',)"]:
    try:
        exec(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class Empty:
    __slots__ = ()
try:
    Empty().anything = 1
except AttributeError as e:
    print("AttributeError", e)

class Chain(P):
    __slots__ = ("z",)
    def __init__(self):
        super().__init__(1, 2)
        self.z = 3
c = Chain()
print(c.x, c.y, c.z, hasattr(c, "__dict__"))
many = [P(i, i * i) for i in range(200)]
print(sum(o.y for o in many))
