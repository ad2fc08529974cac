# Names, constants, operators, containers, calls, f-strings, slices, unpacking.
import os.path as osp
from collections import OrderedDict as OD, deque
from . import sibling
x = 1
y: int = x + 2 * 3
a, *b, c = range(5)
d = {"k": x, **{}}
s = {1, 2, x}
t = (1, 2.5, -3, "s", b"b", None, ...)
print(f"{x!r:>{y}} and {d}", sep="", *b, **d)
del d["k"], x
l = [i for i in b]
z = l[1:2], l[::2], l[x]
x += 1
l[0] //= 2
w = not x is None or y in s and (q := 3)
obj.attr.sub = obj.m(1, key=2)
