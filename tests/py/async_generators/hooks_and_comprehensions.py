# sys.set_asyncgen_hooks / get_asyncgen_hooks, async comprehensions and genexps, aiter/anext,
# async generators as methods and with await in many places.
import sys

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Tick:
    def __await__(self):
        yield
        return 1

print(sys.get_asyncgen_hooks())
seen = []
def firstiter(g):
    seen.append(("first", g.__name__))
def finalizer(g):
    seen.append(("final", g.__name__))
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer is finalizer, h[0] is firstiter, len(h))
for bad in [(1,), (None, 2)]:
    try:
        sys.set_asyncgen_hooks(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.set_asyncgen_hooks(foo=1)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.set_asyncgen_hooks(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

async def squares(n):
    for i in range(n):
        await Tick()
        yield i * i

async def main():
    print([x async for x in squares(4)])
    print({x % 3 async for x in squares(5)} == {0, 1})
    print({x: x + 1 async for x in squares(3)})
    g = (x + 1 async for x in squares(3))
    print(type(g).__name__, [y async for y in g])
    print([x async for x in squares(6) if x % 2])
    print([await Tick() for _ in range(2)])
    it = aiter(squares(3))
    print(await anext(it), await anext(it), await anext(it), await anext(it, "end"))
    class Counter:
        def __init__(self, n):
            self.n = n
        async def values(self):
            for i in range(self.n):
                yield i
    print([v async for v in Counter(3).values()])
    return len(seen)

print(run(main()))
print(seen[:3])
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

# firstiter failing: the error comes from the first __anext__().
def bad_first(g):
    raise ValueError("no first")
sys.set_asyncgen_hooks(firstiter=bad_first)
g = squares(2)
try:
    g.__anext__()
except ValueError as e:
    print("ValueError:", e)
print(type(g.__anext__()).__name__)  # hooks ran once only
sys.set_asyncgen_hooks(firstiter=None)

for bad in (lambda: aiter(1), lambda: anext(1), lambda: squares(1).athrow().send(None), lambda: squares(1).asend(),
            lambda: squares(1).aclose(1), lambda: squares(1).__anext__(1), lambda: squares(1).asend(None).send(),
            lambda: squares(1).athrow(1, 2, 3, 4).send(None), lambda: squares(1).athrow(1).send(None),
            lambda: squares(1).asend(None).throw()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
