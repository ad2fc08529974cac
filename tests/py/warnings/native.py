# compare: stderr
# The native _warnings module: default filters, registries and 'default' dedupe, stacklevel,
# Warning instances, errors, warn_explicit, and the compiler's SyntaxWarnings through it.
import _warnings, sys
print(_warnings.filters)
_warnings.warn("plain")
_warnings.warn("dep in main", DeprecationWarning)
def f():
    _warnings.warn("level 2", RuntimeWarning, stacklevel=2)
f()
f()
for i in range(3):
    _warnings.warn("loop")
_warnings.warn(UserWarning("instance"))
try:
    _warnings.warn("x", int)
except TypeError as e:
    print(e)
_warnings.warn("deep", stacklevel=10)
print(sorted(k for k in sys.__dict__ if k == "__warningregistry__"))
_warnings.filters.insert(0, ("error", None, UserWarning, None, 0))
_warnings._filters_mutated()
try:
    _warnings.warn("boom")
except UserWarning as e:
    print("error:", e)
_warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 12)
x = 5
if x is 1:
    print("one")
code = compile("y = 2\nassert (y, 'msg')\n", "snippet.py", "exec")
exec(code)
compile("z is 'a'", "<s>", "eval")

_warnings.filters.insert(0, ("error", None, SyntaxWarning, None, 0))
_warnings._filters_mutated()
try:
    compile("\n\nq is ()", "file.py", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.filename)
