# aiter() and anext() driven without an event loop: coroutines are stepped with send().
class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10

def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("coroutine suspended")

async def main():
    t = aiter(Ticker(2))
    print(await anext(t), await anext(t), await anext(t, "default"))
    try:
        await anext(t)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    total = 0
    async for v in Ticker(3):
        total += v
    print("total", total)
    return "done"

print(run(main()))
pending = anext(Ticker(1), 0)
print(type(pending).__name__)
pending.close()
for bad in [lambda: aiter(1), lambda: anext(1), lambda: aiter(), lambda: anext(Ticker(1), 1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

class BadAiter:
    def __aiter__(self):
        return 5
try:
    aiter(BadAiter())
except TypeError as e:
    print("TypeError", e)
