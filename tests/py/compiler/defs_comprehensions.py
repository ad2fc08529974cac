# Decorators, super()/__class__, comprehensions and their scopes, closures, mangling, calls.
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return (tag, fn(*a, **k))
        return inner
    return wrap
@deco("t1")
@deco("t2")
def add(a, b=10, *, c=100):
    return a + b + c
print(add(1), add(1, 2, c=3), add(*[1, 2], **{"c": 0}))
class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super().hello()
    def s(self):
        return __class__.__name__
print(Child().hello(), Child().s())
xs = [1, 2, 3]
print([x * y for x in xs for y in xs if x != y])
print({x: x * x for x in xs})
print(sum(x for x in xs) if False else [y for y in (x + 1 for x in xs)])
fs = [lambda: i for i in xs]
print([f() for f in fs])
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter(); c(); c(5); print(c())
class K:
    y = 3
    vals = [y2 for y2 in [1, 2]]
    def m(self, __p=1):
        self.__x = __p
        return self.__x, self._K__x
print(K.vals, K().m(7))
def kw(**k):
    return k
print(kw(a=1, **{"b": 2}, c=3))
a = b = 5
a += b * 2
print(a, b)
lst = [0, 1, 2, 3]
lst[1:3] = [9]
print(lst, lst[::-1], lst[-1])
del lst[0]
print(lst)
(p := 4)
print(p, [q := 2, q * 3])
def ann(x: int) -> str:
    return str
print(ann.__annotations__ if False else "ann")
print(1 if not [] else 2, 3 and 4, 0 or 5, None or [] or "z")
