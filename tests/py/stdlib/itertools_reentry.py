# Re-entrant use of itertools objects ends in CPython's result, never a crash.
from itertools import groupby, tee

class K:
    def __init__(self, v):
        pass
    def __eq__(self, other):
        global i
        i += 1
        if i == 1:
            next(g, None)
        return True
i = 0
g = next(groupby(range(10), K))[1]
for j in range(2):
    print(next(g, None))

class I:
    def __iter__(self):
        return self
    def __next__(self):
        return next(b)
a, b = tee(I())
try:
    next(a)
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(tee(range(100))[1])[-3:])
