# coroutine.__await__() gives a coroutine_wrapper: an iterator that custom __await__ methods
# delegate to with `yield from`; send/throw/close reach the coroutine.
class Tick:
    def __await__(self):
        got = yield "tick"
        return got

async def inner(x):
    got = await Tick()
    return x * 10 + (got or 0)

class Wrapper:
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        return (yield from self.coro.__await__())

async def outer():
    a = await Wrapper(inner(1))
    b = await Wrapper(inner(2))
    return a, b

c = outer()
print(c.send(None))
print(c.send(3))
try:
    c.send(4)
except StopIteration as e:
    print("result", e.value)

co = inner(5)
w = co.__await__()
print(type(w).__name__, iter(w) is w, next(w))
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("thrown through:", repr(e), co.cr_frame)
co2 = inner(6)
w2 = co2.__await__()
next(w2)
w2.close()
print(co2.cr_frame)
try:
    w2.send(1)
except RuntimeError as e:
    print("RuntimeError:", e)
