a, *b, c = "hello"
print(a, b, c)
first, *_ = [1, 2, 3]
print(first)
print(*[1, 2], *"ab", sep="-")
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d)
print([*"ab", *[1, 2]], (*"xy",))
def f(*args, **kwargs):
    return args, kwargs
print(f(*(1, 2), 3, **{"k": 4}, z=5))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
x = y = z = 7
print(x, y, z)
t = 1, 2
print(t)
