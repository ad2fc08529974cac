# Async generators driven by a tiny event loop (coroutine.send): asend/athrow/aclose,
# try/finally with aclose, the RuntimeError rules and the attributes.
import sys, types

class Tick:
    def __await__(self):
        v = yield "tick"
        return v

def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

async def counter(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print("  got", got)
            await Tick()
    finally:
        print("  counter finally")

async def basics():
    g = counter(4)
    print(repr(g).startswith("<async_generator object counter at 0x"))
    print(g.__qualname__, g.ag_running, g.ag_await, g.ag_frame is not None, g.ag_code.co_name)
    print(await g.asend(None))
    print(await g.asend("hello"))
    print(await g.__anext__())
    r = await g.aclose()
    print("aclose ->", r, g.ag_frame)
    try:
        await g.asend(None)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    print(isinstance(g, types.AsyncGeneratorType), type(g.__anext__()).__name__, type(g.aclose()).__name__)

async def throwing():
    g = counter(3)
    await anext(g)
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow raised", e)
    async def catcher():
        while True:
            try:
                yield 1
            except KeyError as e:
                print("  caught", e)
                yield "recovered"
    c = catcher()
    await anext(c)
    print(await c.athrow(KeyError, "k"))
    print(await anext(c))
    print(await c.athrow(KeyError("k2")))
    await c.aclose()
    try:
        await c.athrow(KeyError)
    except StopAsyncIteration:
        print("athrow on closed: StopAsyncIteration")

async def ignoring():
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await anext(s)
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async def await_in_finally():
        try:
            yield 1
        finally:
            await Tick()
            print("  cleanup awaited")
    a = await_in_finally()
    await anext(a)
    await a.aclose()
    print("closed after await in finally")

async def reuse():
    g = counter(5)
    aw = g.asend(None)
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = g.aclose()
    await t
    try:
        await t
    except RuntimeError as e:
        print("RuntimeError:", e)

async def running():
    async def slow():
        await Tick()
        yield 1
    g = slow()
    first = g.__anext__()
    first.send(None)  # suspended in the await
    print("ag_running", g.ag_running, type(g.ag_await).__name__)
    try:
        g.__anext__().send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        g.aclose().send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        g.athrow(ValueError).send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)

async def stop_rules():
    async def raises_stop():
        yield 1
        raise StopAsyncIteration
    g = raises_stop()
    await anext(g)
    try:
        await anext(g)
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)
    async def raises_stopiter():
        yield 1
        raise StopIteration(5)
    g = raises_stopiter()
    await anext(g)
    try:
        await anext(g)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async def nothing():
        return
        yield
    print(await anext(nothing(), "default"))
    try:
        await nothing().asend(1)
    except TypeError as e:
        print("TypeError:", e)

for fn in (basics, throwing, ignoring, reuse, running, stop_rules):
    print(fn.__name__, "->", run(fn()))
