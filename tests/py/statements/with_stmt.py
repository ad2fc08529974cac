class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow

with CM("a") as a, CM("b"):
    print("body", a.name)
with CM("c", swallow=True):
    raise ValueError("swallowed")
try:
    with CM("d"):
        raise KeyError("kept")
except KeyError as e:
    print("got", repr(e))
def f():
    with CM("e"):
        return "returned"
print(f())
for i in [1, 2, 3]:
    with CM(str(i)):
        if i == 2:
            break
