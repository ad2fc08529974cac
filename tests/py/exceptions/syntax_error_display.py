# How sys.__excepthook__ draws a SyntaxError's line and carets (offset ranges, clipping, blanks,
# multi-line text, subclasses) and SyntaxError's constructor checks of its details tuple.
import sys, io
def show(exc):
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, None)
    finally:
        text, sys.stderr = sys.stderr.getvalue(), saved
    print(text.replace(' ', '.'), end='')
for args in [("bad.py", 1, 2, "abcdefg", 1, 7), ("bad.py", 1, 2, "abcdefg", 1, 3), ("bad.py", 1, 2, "abcdefg", 1, -2),
             ("bad.py", 1, 4, "abcdefg", 1, 2), ("bad.py", 1, -4, "abcdefg", 1, -2), ("bad.py", 1, -4, "abcdefg", 1, -5),
             ("bad.py", 1, 0, "abcdefg", 1, 0), ("bad.py", 1, 0, "abcdefg", 1, 5), ("bad.py", 1, 2, "abcdefg", 1, 100),
             ("bad.py", 1, 2, "abcdefg\n", 2, 3), ("bad.py", 1, 2, "  abcdefg\n", 1, 6), ("bad.py", 1, 4, "  abcdefg\n", 1, 6),
             ("bad.py", 1, 2, "abc", None, None), ("bad.py", 1, 9, "abc", 1, 12), ("x", 1, 3, "\tab cd\n", 1, 5),
             ("x", 1, 5, "x = 'é' + 1\n", 1, 8), (None, 1, 2, "abc", 1, 3), ("f", None, 2, "abc", 1, 3)]:
    show(SyntaxError("bad bad", args))
    show(IndentationError("bad bad", args))
for a in [("f", 1, 2), ("f", 1, 2, 4, 5, 6, 7), ("f", 1, 2, "abc", 1), ("f",), (), ("f", 1, 2, "t"), ("f", 1, 2, "t", 1, 3),
          [1, 2, 3, 4], 5]:
    try:
        e = SyntaxError("m", a)
        print(a, e.args, e.filename, e.lineno, e.end_offset)
    except TypeError as x:
        print(a, type(x).__name__, x)
