# Coroutines driven by hand: await, async with, async for, async comprehensions.
class Aw:
    def __await__(self):
        v = yield "suspended"
        return v
async def co():
    r = await Aw()
    return r * 2
c = co()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("result", e.value)
class ACM:
    async def __aenter__(self):
        print("aenter")
        return 1
    async def __aexit__(self, *a):
        print("aexit", a[0] is None)
class AIt:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return self.i
async def main():
    async with ACM() as v:
        print("in", v)
    out = []
    async for x in AIt():
        out = out + [x]
    print(out, [y async for y in AIt()])
    return "ok"
m = main()
try:
    m.send(None)
except StopIteration as e:
    print(e.value)
