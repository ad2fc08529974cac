# sys.settrace line/call/return/exception events for loops: for/while/else, break/continue, nested and one-line loops (PEP 626 lines, as CPython 3.11).
from support.trace_harness import run
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
