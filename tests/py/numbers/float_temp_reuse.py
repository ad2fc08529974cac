# Float results of nested operations (a*b + c*d, s += x*y) may reuse the box of a temporary;
# nothing that can be seen from Python may change: stored floats stay as they were.
kept = []

class Keeper:
    def __radd__(self, other):
        kept.append(other)  # keeps the temporary float it was given...
        return other        # ...and returns it as the result of the nested operation

    def __mul__(self, other):
        kept.append(other)
        return other

def dot(xs, ys):
    s = 0.0
    for x, y in zip(xs, ys):
        s += x * y
    return s

xs = [i / 7 for i in range(50)]
ys = [1.5 - i / 11 for i in range(50)]
print(dot(xs, ys), sum(x * y for x, y in zip(xs, ys)))

a, b, c, d = 1.25, 2.5, -3.75, 0.5
print(a * b + c * d, (a + b) * (c - d) / (a * d), a * b * c * d, a - b - c - d)

k = Keeper()
r = (a * b + k) * 2.0      # the nested result is the kept float: it must not be overwritten
print(r, kept)
r = k * (a * b) + 1.0
print(r, kept)
r = (a * b) * k
print(r, kept)

t = a * b                  # a variable, not a temporary
u = t + 1.0
print(t, u, t is u)

vals = []
for i in range(5):
    x = i * 0.5
    vals.append(x * x + x)
print(vals)

try:
    print(a * b / (c - c))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print((a * b) ** 2 + (c * d) % 2.0 + (a * c) // 1.0)
print(3 * a + 2 * b, (1 + 2) * a, (2 ** 60) * a + a * b)

class P:
    def __init__(self):
        self.v = 1.0
p = P()
lst = [2.0, 4.0]
for i in range(3):
    p.v += a * b
    lst[i % 2] -= c * d
print(p.v, lst)

def gen(n):
    acc = 0.0
    for i in range(n):
        acc += (i * 0.25) * (i * 0.5)
        yield acc
print(list(gen(6)))

ones = [1.0] * 3
total = 0.0
for o in ones:
    total = total + o * 2.0
print(total, ones)
