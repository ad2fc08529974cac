# sys.setprofile (call/return/c_call/c_return/c_exception), threading.settrace, f_trace_lines, f_locals write-back, errors in trace functions.
import sys, threading
def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    name = getattr(arg, '__name__', None) if event.startswith('c_') else None
    print('P', event, frame.f_code.co_name, frame.f_lineno, name)
def f(x):
    l = []
    l.append(x)
    n = len(l)
    try:
        int("z")
    except ValueError:
        pass
    s = sorted([3, 1, 2], key=lambda v: -v)
    d = dict(a=1)
    m = max(*[1, 2])
    return n
def g():
    yield 1
    yield 2
sys.setprofile(prof)
f(1)
list(g())
sys.setprofile(None)
print(sys.getprofile())

# threading.settrace: each new thread installs the trace function
seen = []
def tr(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        seen.append((event, frame.f_code.co_name))
    return tr
def work():
    x = 1
    return x
threading.settrace(tr)
t = threading.Thread(target=work)
t.start(); t.join()
threading.settrace(None)
print([e for e in seen if e[1] == 'work'])
print(sys.gettrace())

# f_trace_lines=False, opcode events counted only as "some", f_locals write-back
def tr2(frame, event, arg):
    if frame.f_code.co_name != 'h':
        return None
    if event == 'call':
        frame.f_trace_lines = False
    print('T2', event, frame.f_lineno)
    return tr2
def h():
    a = 1
    b = 2
    return a + b
sys.settrace(tr2)
h()
sys.settrace(None)

def tr3(frame, event, arg):
    if frame.f_code.co_name != 'k':
        return None
    if event == 'line' and frame.f_lineno == frame.f_code.co_firstlineno + 2:
        frame.f_locals['a'] = 100
    return tr3
def k():
    a = 1
    b = a
    return a + b
sys.settrace(tr3)
print(k())
sys.settrace(None)

# exception in the tracer: propagates and unsets tracing
def bad(frame, event, arg):
    if event == 'line':
        raise KeyError('boom')
    return bad
def victim():
    return 1
sys.settrace(bad)
try:
    victim()
except KeyError as e:
    print('caught', repr(e))
print(sys.gettrace())

# the trace function is not traced itself; settrace inside the trace function
calls = []
def tr4(frame, event, arg):
    calls.append(frame.f_code.co_name)
    helper()
    return None
def helper():
    return 2
def target():
    return helper()
sys.settrace(tr4)
target()
sys.settrace(None)
print(calls)
# gettrace returns the function
sys.settrace(tr4)
print(sys.gettrace() is tr4)
sys.settrace(None)
