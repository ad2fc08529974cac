def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 3, "z": 0}))

def g(x, /, y, *, z):
    return x + y + z

print(g(1, 2, z=3), g(1, y=2, z=3))

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())
print((lambda x, y=10: x * y)(3), (lambda *a: a)(1, 2))

def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(30))
