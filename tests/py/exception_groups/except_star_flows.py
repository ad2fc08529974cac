# except* in depth: return through try/finally, nested except* inside a clause, raise in a
# clause merged with the rest, await and yield inside clauses, loops, re-raise of a naked one.
import sys
def f1():
    try:
        return "from try"
    except* ValueError:
        pass
    finally:
        print("finally f1")
print(f1())
def f2():
    try:
        try:
            raise ExceptionGroup("a", [ValueError(1), TypeError(2), KeyError(3)])
        except* ValueError as e:
            try:
                raise ExceptionGroup("inner", [OSError(4)])
            except* OSError as inner:
                print("inner caught", repr(inner))
            print("outer clause done", repr(e))
        except* TypeError:
            raise ValueError("replaced")
    except* (ValueError, KeyError) as z:
        print("outer handler got", repr(z))
        print([type(x).__name__ for x in z.exceptions])
        print(type(z.exceptions[0].__context__).__name__ if z.exceptions else None)
f2()
async def coro():
    class T:
        def __await__(self):
            yield "t"
            return 1
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        x = await T()
        print("awaited in clause", x)
    return "coro done"
c = coro()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
def gen():
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        yield "in clause"
    except* KeyError:
        yield "second clause"
print(list(gen()))
def f3():
    for i in range(2):
        try:
            if i:
                raise ExceptionGroup("x", [ValueError(i)])
        except* ValueError:
            print("caught", i, sys.exc_info()[0].__name__)
    print("exc_info after", sys.exc_info())
f3()
def f4():
    try:
        raise TypeError("naked")
    except* TypeError as e:
        raise
try:
    f4()
except ExceptionGroup as g:
    print(repr(g), g.__traceback__ is not None)
