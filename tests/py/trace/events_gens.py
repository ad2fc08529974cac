# sys.settrace line/call/return/exception events for generators, yield from, generator expressions, comprehensions, send, lambdas, recursion, close (PEP 626 lines, as CPython 3.11).
from support.trace_harness import run
def gen(n):
    for i in range(n):
        yield i
    return 'done'

def use_gen():
    for v in gen(2):
        pass
    return list(gen(1))

def delegating():
    r = yield from gen(2)
    yield r

def use_deleg():
    return list(delegating())

def genexp():
    return sum(x for x in range(3))

def comps():
    a = [x for x in range(2)]
    b = {x: x for x in range(2)}
    c = {x for x in range(2) if x}
    d = [(x, y) for x in range(2)
         for y in range(2)]
    return a, b, c, d

def send_gen():
    def g():
        x = yield 1
        y = yield x
        return y
    it = g()
    next(it)
    it.send(5)
    try:
        it.send(6)
    except StopIteration as e:
        return e.value

def lambdas():
    f = lambda x: x + 1
    g = lambda: (
        2)
    return f(1) + g()

def recursion(n):
    if n <= 0:
        return 0
    return recursion(n - 1) + 1

def close_gen():
    def g():
        try:
            yield 1
        finally:
            x = 2
    it = g()
    next(it)
    it.close()

run(use_gen)
run(use_deleg)
run(genexp)
run(comps)
run(send_gen)
run(lambdas)
run(recursion, 2)
run(close_gen)
