# sys.settrace line/call/return/exception events for class bodies, closures, decorators, augmented assignment, pass, docstrings, imports, f-strings, calls with */** (PEP 626 lines, as CPython 3.11).
import sys
_events = []
def _tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == 'exception':
        a = arg[0].__name__
    elif event == 'return':
        a = repr(arg) if isinstance(arg, (int, str, type(None), list, tuple)) else type(arg).__name__
    else:
        a = ''
    print(event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, a)
    return _tracer
def run(fn, *args):
    print('==', fn.__name__)
    sys.settrace(_tracer)
    try:
        fn(*args)
    except Exception as e:
        sys.settrace(None)
        print('raised', type(e).__name__)
    sys.settrace(None)
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
