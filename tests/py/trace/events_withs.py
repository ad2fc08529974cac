# sys.settrace line/call/return/exception events for with statements: one and several managers, suppressed exceptions, return inside (PEP 626 lines, as CPython 3.11).
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
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True

def with_simple():
    with CM() as c:
        x = 1
    return x

def with_raise():
    with Suppress():
        raise KeyError
    return 2

def with_multi():
    with CM() as a, CM() as b:
        pass
    with (CM() as a,
          CM() as b):
        y = 1
    return 3

def with_return():
    with CM():
        return 4

run(with_simple)
run(with_raise)
run(with_multi)
run(with_return)
