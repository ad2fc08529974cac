# Frame objects while code runs and after: identity, live f_lineno/f_locals/f_back, tb_frame's last line (PEP 626), gi_frame, clear().
import sys

def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
    lines = []
    while t:
        fr = t.tb_frame
        lines.append(None if fr.f_lineno is None else fr.f_lineno - fr.f_code.co_firstlineno)
        t = t.tb_next
    return tuple(lines)

def simple():
    1/0
    pass

def in_except():
    try:
        1/0
    except:
        1/0
        pass

def other_except():
    try:
        1/0
    except TypeError as ex:
        pass

def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass

def in_try():
    try:
        1/0
    finally:
        pass

def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass

class Noop:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        pass

def after_with():
    with Noop():
        1/0
        pass

class ExitFails:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise ValueError

def after_with_exit_fails():
    with ExitFails():
        1/0

for fn in (simple, in_except, other_except, in_named_except, in_try, in_finally_except, after_with,
           after_with_exit_fails):
    print(fn.__name__, lineno_after_raise(fn))

# the same frame object every time; f_lineno follows the running frame
def live():
    f1 = sys._getframe()
    a = f1.f_lineno
    f2 = sys._getframe()
    b = f2.f_lineno
    return f1 is f2, b - a

print(live())

def caller():
    return callee()

def callee():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno, f.f_back.f_code.co_name

print(caller())

# f_locals is refreshed on every read (and is the same dict)
def locals_view():
    x = 1
    f = sys._getframe()
    d1 = f.f_locals
    y = 2
    d2 = f.f_locals
    return d1 is d2, sorted(k for k in d2 if k != 'd1')

print(locals_view())

# a finished frame keeps its last locals and line
def finished():
    z = 42
    return sys._getframe()

fr = finished()
print(fr.f_locals['z'], fr.f_lineno - fr.f_code.co_firstlineno, fr.f_back.f_code.co_name)

# generator frames: f_back only while running; gi_frame is None when done
def gen():
    yield sys._getframe().f_back is not None
    yield 2

g = gen()
print(next(g), g.gi_frame.f_back, g.gi_frame.f_lineno - g.gi_frame.f_code.co_firstlineno)
list(g)
print(g.gi_frame)

# clear(): refused while running, closes a suspended generator
try:
    sys._getframe().clear()
except RuntimeError as e:
    print('RuntimeError', e)

def gen2():
    try:
        yield 1
    finally:
        print('closed')

g2 = gen2()
next(g2)
g2.gi_frame.clear()
print(g2.gi_frame)

# f_trace and its relatives
fr = sys._getframe()
print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
try:
    fr.f_trace_lines = 1
except TypeError as e:
    print('TypeError', e)
try:
    del fr.f_trace_opcodes
except TypeError as e:
    print('TypeError', e)
fr.f_trace = print
print(fr.f_trace is print)
fr.f_trace = None
print(fr.f_trace)

# opcode events arrive when asked for (their number is the interpreter's own)
ops = []
def optrace(frame, event, arg):
    if frame.f_code.co_name == 'opcodes':
        frame.f_trace_opcodes = True
        ops.append(event)
    return optrace
def opcodes():
    a = 1
    return a
sys.settrace(optrace)
opcodes()
sys.settrace(None)
print(ops[0], ops[-1], 'opcode' in ops, ops.count('line'))
