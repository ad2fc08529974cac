# sys.displayhook: what interactive mode and doctest call to echo expression values.
import builtins
import io
import sys

print(sys.displayhook is sys.__displayhook__)
builtins._ = "unset"
sys.displayhook(None)
print(builtins._)
sys.displayhook(42)
print(builtins._)
sys.displayhook("text")
print(repr(builtins._))
try:
    sys.displayhook()
except TypeError as e:
    print(e)


class BadRepr:
    def __repr__(self):
        raise ValueError("no repr")


try:
    sys.displayhook(BadRepr())
except ValueError as e:
    print("ValueError", e, builtins._)
saved = sys.stdout
buf = io.StringIO()
sys.stdout = buf
sys.displayhook([1, 2])
sys.stdout = saved
print(repr(buf.getvalue()))
del sys.stdout
try:
    sys.displayhook(1)
except RuntimeError as e:
    err = e
finally:
    sys.stdout = saved
print("RuntimeError", err)
calls = []
sys.displayhook = calls.append
exec(compile("1 + 2", "<s>", "single"))
exec(compile("None", "<s>", "single"))
sys.displayhook = sys.__displayhook__
exec(compile("'echoed'", "<s>", "single"))
print(calls, builtins._)
