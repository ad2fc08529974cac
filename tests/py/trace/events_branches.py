# sys.settrace line/call/return/exception events for if/elif/else, conditional expressions, multi-line calls and displays, assert, boolean operators (PEP 626 lines, as CPython 3.11).
from support.trace_harness import run
def if_else(x):
    if x > 0:
        y = 1
    elif x < 0:
        y = -1
    else:
        y = 0
    return y

def cond_expr(x):
    y = (1 if x
         else 2)
    z = x and y or 3
    if x and \
       y:
        pass
    return y

def multi_line_call(a):
    r = max(a,
            2,
            3)
    s = [
        1,
        a,
    ]
    t = {
        'k': a,
    }
    return (r, s,
            t)

def early_return(x):
    if x:
        return 1
    return 2

def assert_stmt(x):
    assert x, "no"
    return x

def bool_ops(a, b):
    if not a:
        pass
    if a or b:
        c = 1
    if a and b:
        c = 2
    return None

run(if_else, 1)
run(if_else, -1)
run(if_else, 0)
run(cond_expr, 0)
run(cond_expr, 1)
run(multi_line_call, 1)
run(early_return, 0)
run(early_return, 1)
run(assert_stmt, 1)
run(assert_stmt, 0)
run(bool_ops, 0, 1)
run(bool_ops, 1, 1)
