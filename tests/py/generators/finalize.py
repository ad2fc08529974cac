# Generators that die suspended inside try/finally are closed (their finally runs); a
# coroutine that dies never awaited warns; an async generator that dies goes to the
# finalizer hook of sys.set_asyncgen_hooks; suspended generators __main__ holds are closed
# at exit.
import gc
import sys
import warnings

def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)

def plain():
    yield 1

def make():
    g = gen("local")
    print(next(g))
    p = plain()
    next(p)
    done = gen("finished")
    list(done)

make()
gc.collect()
gc.collect()
print("after collect")

async def coro():
    pass

def make_coro():
    c = coro()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    make_coro()
    gc.collect()
    gc.collect()
print([(w.category.__name__, str(w.message)) for w in caught])

finalized = []
def finalizer(agen):
    finalized.append(agen.__name__)
sys.set_asyncgen_hooks(finalizer=finalizer)

async def agen():
    try:
        yield 1
    finally:
        print("agen finally (not reached through the hook)")

def run_agen():
    a = agen()
    try:
        a.__anext__().send(None)
    except StopIteration as e:
        print("first value", e.value)

run_agen()
gc.collect()
gc.collect()
print("finalizer saw", finalized)
sys.set_asyncgen_hooks(finalizer=None)

kept = gen("kept by main")
next(kept)
print("end of main")
