# Async generators with await in async with / try/finally, athrow and aclose through them,
# nested async for, types.coroutine generators as awaitables (code.replace).
import types
@types.coroutine
def sleep0():
    x = yield "tick"
    return x

def run(coro):
    out = []
    try:
        v = None
        while True:
            out.append(coro.send(v))
            v = len(out)
    except StopIteration as e:
        return e.value, out

class ACM:
    async def __aenter__(self):
        print("enter"); await sleep0(); return self
    async def __aexit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None); await sleep0(); return False

async def ag():
    async with ACM():
        try:
            got = await sleep0()
            print("got", got)
            yield got
            yield 2
        finally:
            print("finally, awaiting")
            await sleep0()
            print("finally done")

async def main():
    g = ag()
    print(await g.__anext__())
    try:
        await g.athrow(ValueError("x"))
    except ValueError as e:
        print("propagated", e)
    g2 = ag()
    print(await g2.asend(None))
    await g2.aclose()
    print(g2.ag_frame, g2.ag_running)
    async def nested():
        async for v in ag():
            yield v * 10
    print([v async for v in nested()])
    async def gen_return():
        yield 1
        return
    print([v async for v in gen_return()])
    async def await_in_comp():
        return [await sleep0() for _ in range(2)]
    print(await await_in_comp())
    return "ok"

print(run(main()))
async def bad():
    yield 1
try:
    compile("async def f():\n    yield 1\n    return 2\n", "x", "exec")
except SyntaxError as e:
    print(e.msg)
g = bad()
print(type(g.asend(None)).__name__, g.ag_await)
