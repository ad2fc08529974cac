# Loops and subscripts on the interpreter's fast paths: range and list iteration (also
# while the list changes), indexing with small ints, unpacking, cached globals.
big = 2 ** 62
print(list(range(big - 3, big + 2)), list(range(-big - 1, -big + 2)))
print(list(range(10, 0, -3)), list(range(0)), sum(range(100000)))

items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    if x < 5:
        items.append(x + 3)
print(seen)
items = [1, 2, 3, 4, 5]
seen = []
for x in items:
    seen.append(x)
    del items[0]
print(seen, items)

lst = [10, 20, 30]
tup = (1, 2, 3)
print(lst[0], lst[-1], lst[-3], tup[1], tup[-1])
lst[-1] = 99
lst[0] += 1
print(lst)
for bad in (lambda: lst[3], lambda: lst[-4], lambda: tup[5], lambda: lst.__setitem__(5, 0), lambda: lst["a"]):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


def set_at(seq, i, v):
    seq[i] = v


for bad in (lambda: set_at(lst, 3, 0), lambda: set_at(lst, -4, 0), lambda: set_at(tup, 0, 0)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


class MyList(list):
    def __getitem__(self, i):
        return ("MyList", i)

    def __setitem__(self, i, v):
        print("MyList set", i, v)


ml = MyList([1, 2])
print(ml[0], ml[-1])
ml[0] = 5
print(list(ml))

# Unpacking tuples and lists of the right and wrong sizes.
a, b = 1, 2
a, b = b, a
print(a, b)
for k, v in [(1, "a"), (2, "b")]:
    print(k, v)
for bad in ((1, 2, 3), (1,), [1, 2, 3], "abc"):
    try:
        p, q = bad
    except ValueError as e:
        print("ValueError", e)
p, q = [7, 8]
r, s = "xy"
print(p, q, r, s)

# Globals read through the cache while the module's dict changes.
counter = 0


def bump():
    return counter + 1


print(bump())
counter = 41
print(bump())
for i in range(200):
    globals()["filler_%d" % i] = i  # resizes the globals dict
counter = 99
print(bump())
del counter
try:
    bump()
except NameError as e:
    print("NameError", e)
len = lambda x: "shadowed"
print(len([1, 2]))
del len
print(len([1, 2]))

# Tuple comparisons (sort keys) and equality of mixed contents.
nan = float("nan")
t1 = (1, nan)
print(t1 == t1, (1, nan) == (1, nan), (1, 2) < (1, 2, 0), (1, "b") > (1, "a"), (2,) > (1, 9), () == ())
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: (-p[1], p[0])), max(pairs), min(pairs))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError", e)

# Pack-then-unpack of the same count is a swap (no tuple).
x, y, z = 1, 2, 3
x, y, z = z, x, y
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
(single,) = (5,)
print(x, y, z, lst, single)

# zip / enumerate feeding an unpacking target directly.
xs, ys, zs = [1, 2, 3], ["a", "b"], [0.5, 1.5, 2.5, 3.5]
print([(x, y) for x, y in zip(xs, ys)], [a + c for a, _, c in zip(xs, ys, zs)])
for i, x in enumerate(xs):
    if i == 0:
        xs.append(9)
    print(i, x, end="; ")
print()
for i, x in enumerate(["p", "q"], 2 ** 62 - 2):
    print(i, x, type(i).__name__)
for i, (a, b) in enumerate(zip("xy", (7, 8))):
    print(i, a, b)
try:
    for a, b in zip(xs, ys, zs):
        pass
except ValueError as e:
    print("ValueError", e)
try:
    for a, b in zip(xs, ys, strict=True):
        pass
except ValueError as e:
    print("ValueError", e)
it = zip(xs, ys)
for a, b in it:
    if a == 1:
        ys.append("c")
print(list(it), ys)
pairs = zip(iter(xs), [10, 20])
print([a * b for a, b in pairs])

# dict.items() feeding an unpacking target, and the errors of changing the dict meanwhile.
d = {"a": 1, "b": 2, "c": 3}
print([(k, v) for k, v in d.items()], sum(v for _, v in d.items()))
try:
    for k, v in d.items():
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
d = {"a": 1, "b": 2}
try:
    for k, v in d.items():
        d.pop("b", None)
        d["z"] = 9
except RuntimeError as e:
    print("RuntimeError", e)
for k, v in reversed(d.items()):
    print(k, v)
for kv in d.items():
    print(kv)
try:
    for a, b, c in {"x": 1}.items():
        pass
except ValueError as e:
    print("ValueError", e)
