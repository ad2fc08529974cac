# sys.settrace line/call/return/exception events for class bodies, closures, decorators, augmented assignment, pass, docstrings, imports, f-strings, calls with */** (PEP 626 lines, as CPython 3.11).
from support.trace_harness import run
class K:
    a = 1
    def method(self):
        return self.a

def classes():
    class Local:
        b = 2
        def f(self):
            pass
    return K().method()

def closures():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner()

def decorated():
    def deco(f):
        return f
    @deco
    def g():
        return 1
    return g()

def augassign():
    a = [1]
    a[0] += 1
    a[0] \
        += 2
    return a

def pass_stmt():
    pass

def docstring():
    "doc"
    x = 1

def global_stmt():
    global GG
    GG = 1
    del GG

def imports():
    import os
    from os import path
    return 1

def fstrings(x):
    return f"{x!r:>{3}}"

def star_args(*a, **k):
    return len(a) + len(k)

def call_star():
    return star_args(*[1, 2], **{'z': 3})

def chained(a):
    return (a
            .upper()
            .lower())

run(classes)
run(closures)
run(decorated)
run(augassign)
run(pass_stmt)
run(docstring)
run(global_stmt)
run(imports)
run(fstrings, 1)
run(call_star)
run(chained, "Ab")
