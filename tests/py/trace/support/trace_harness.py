# trace_harness.py — the tracer the events_* tests share: runs fn under sys.settrace and prints
# each event of frames from fn's own file (line offsets relative to the function's first line).
import sys


def run(fn, *args):
    filename = fn.__code__.co_filename

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != filename:
            return None
        if event == 'exception':
            a = arg[0].__name__
        elif event == 'return':
            a = repr(arg) if isinstance(arg, (int, str, type(None), list, tuple)) else type(arg).__name__
        else:
            a = ''
        print(event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, a)
        return tracer

    print('==', fn.__name__)
    sys.settrace(tracer)
    try:
        fn(*args)
    except Exception as e:
        sys.settrace(None)
        print('raised', type(e).__name__)
    sys.settrace(None)
