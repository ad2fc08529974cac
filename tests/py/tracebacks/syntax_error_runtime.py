# compare: stderr
# SyntaxErrors raised at run time (compile(), eval()) and printed by the default hook.
import sys
for src in ["a = (1,\n", "x = 1 +", "def f(:\n  pass", "  indented = 1", "'abc"]:
    try:
        compile(src, "<snippet>", "exec")
    except SyntaxError as e:
        sys.excepthook(type(e), e, None)
e = SyntaxError("custom", ("file.py", 3, 5, "    some text here\n", 3, 9))
sys.excepthook(SyntaxError, e, None)
sys.excepthook(SyntaxError, SyntaxError("no location"), None)
eval("1 +* 2")
