# co_positions() indexed by tb_lasti // 2 gives the failing expression's range (what the
# traceback module reads to draw carets); co_lines() covers the code's lines.
def f(a, b):
    return a[0] + b / 0

def where(e):
    out = []
    tb = e.__traceback__
    while tb:
        pos = list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2]
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, pos))
        tb = tb.tb_next
    return out

try:
    f([1], 2)
except ZeroDivisionError as e:
    print(where(e))
try:
    f([], 2)
except IndexError as e:
    print(where(e))
lines = {line for start, end, line in f.__code__.co_lines() if line is not None}
print(4 in lines)
print(all(len(p) == 4 for p in f.__code__.co_positions()))
