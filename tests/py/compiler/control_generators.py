# Loops, closures, calls, finally/except paths, generators and unpacking as the compiler emits them.
def f(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        total += i
    return total
print(f(10))
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
h = outer(); h(); print(h())
def g(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(g(1), g(1, 2, 3, c=4, z=5))
def tf():
    try:
        return "try"
    finally:
        print("finally runs")
print(tf())
def brk():
    out = []
    for x in [1, 2, 3, 4]:
        try:
            if x == 3:
                break
            out = out + [x]
        finally:
            out = out + [-x]
    return out
print(brk())
def exc():
    try:
        raise ValueError("bad")
    except TypeError:
        return "type"
    except ValueError as e:
        return f"value {e}"
print(exc())
def gen():
    x = yield 1
    yield (x or 1) * 2
g2 = gen()
print(next(g2), g2.send(21))
def deleg():
    r = yield from gen()
    return r
print([v for v in deleg()])
class A:
    cls_attr = 5
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + A.cls_attr
print(A(1).get())
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
t = (1, 2)
x, y = t
print(x + y, t * 2, -x, not y, x < y < 3, x if y else 0)
d = {"a": 1, **{"b": 2}}
print(d, [*t, *t])
print(f"{x!r}|{y}|{'s'}")
