# sys.settrace line/call/return/exception events for loops: for/while/else, break/continue, nested and one-line loops (PEP 626 lines, as CPython 3.11).
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
def for_loop(n):
    total = 0
    for i in range(n):
        total += i
    return total

def for_else(n):
    for i in range(n):
        if i == 5:
            break
    else:
        n = 1
    return n

def while_loop(n):
    i = 0
    while i < n:
        i += 1
        if i == 2:
            continue
        i += 0
    else:
        pass
    return i

def while_true():
    i = 0
    while True:
        i += 1
        if i > 2:
            break
    return i

def nested(n):
    s = 0
    for i in range(n):
        for j in range(i):
            s += j
    return s

def one_line_loop():
    for i in range(3): pass
    x = [i for i in range(2)]
    while x: x.pop()

def for_unpack():
    d = {'a': 1, 'b': 2}
    for k, v in d.items():
        print(k,
              v)
    for i, (a, b) in enumerate([(1, 2)]):
        pass

run(for_loop, 3)
run(for_else, 3)
run(for_else, 7)
run(while_loop, 4)
run(while_true)
run(nested, 3)
run(one_line_loop)
run(for_unpack)
