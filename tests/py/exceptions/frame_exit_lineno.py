# f_lineno of a frame left by an exception: the last instruction it ran (a handler's re-raise, the
# end of a finally body), with a re-raise restoring the instruction that first raised (PEP 626).
def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append(None if frame.f_lineno is None else frame.f_lineno - frame.f_code.co_firstlineno)
        lines.append(t.tb_lineno - frame.f_code.co_firstlineno)
        t = t.tb_next
    print(f.__name__, lines)

def other_except():
    try:
        1/0
    except TypeError as ex:
        pass
def other_except2():
    try:
        1/0
    except TypeError:
        pass
    except KeyError:
        pass
def in_try():
    try:
        1/0
    finally:
        pass
def in_try2():
    try:
        1/0
    finally:
        x = 1
        y = 2
def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass
def in_with():
    class C:
        def __enter__(self): return self
        def __exit__(self, *a): return False
    with C():
        1/0
        pass
def in_with_star():
    try:
        1/0
    except* TypeError:
        pass
for f in [other_except, other_except2, in_try, in_try2, in_named_except, in_with]:
    lineno_after_raise(f)
