# sys.settrace line/call/return/exception events for match statements: literal, sequence, mapping, class and guard patterns (PEP 626 lines, as CPython 3.11).
from support.trace_harness import run
def m1(command):
    match command.split():
        case ["go", direction] if direction in "nesw":
            return f"go {direction}"
        case ["go", _]:
            return "no go"
        case _:
            return "default"

def m2(x):
    match x:
        case 1 | 2:
            return 'small'
        case {'k': v, **rest}:
            return v
        case (a, *b):
            return a
        case str() as s:
            return s
        case int(real=r):
            return r
    return None

class P:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

def m3(p):
    match p:
        case P(0, 0):
            return 'origin'
        case P(x=0, y=y):
            return y
        case P(x, y) if x == y:
            return 'diag'
        case P():
            return 'other'

def m4(x):
    match x:
        case None:
            pass
        case True:
            pass
        case [1, [2, 3]]:
            pass
        case _ if x:
            pass

for cmd in ("go n", "go x", "spam"):
    run(m1, cmd)
for v in (1, {'k': 3, 'j': 4}, (5, 6), 'str', 7, 8.0):
    run(m2, v)
for p in (P(0, 0), P(0, 5), P(2, 2), P(1, 2), 3):
    run(m3, p)
for v in (None, True, [1, [2, 3]], 5, 0):
    run(m4, v)
