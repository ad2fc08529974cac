l = [1, 2, 3]
l.append(4) if hasattr(l, "append") else None
t = (1, "a", None, True, 2.5)
d = {"a": 1, "b": [1, 2], 3: (4,)}
print(l, t, d, len(d), d["b"], d[3])
print([], (), {}, (1,), [[1, [2]], (3,)])
print(l[1:], l[:-1], t[::2], 2 in l, 5 in l, "a" in d)
a, b, *rest = [1, 2, 3, 4, 5]
print(a, b, rest)
(x, y), z = (1, 2), 3
print(x, y, z)
d["c"] = 5
del d["a"]
print(d)
for k in d:
    print(k, d[k])
