# sys.settrace line/call/return/exception events for with statements: one and several managers, suppressed exceptions, return inside (PEP 626 lines, as CPython 3.11).
from support.trace_harness import run
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
