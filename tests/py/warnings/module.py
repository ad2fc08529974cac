# The pure-Python warnings module on top of the native _warnings: catch_warnings, filters,
# simplefilter, the registry, "once"/"module"/"always"/"error" actions, showwarning hooks.
import warnings
import sys

print(warnings.filters is not None, warnings.defaultaction, type(warnings.onceregistry).__name__)
print([f[0] for f in warnings.filters])

def emit(msg, cat=UserWarning, level=1):
    warnings.warn(msg, cat, stacklevel=level + 1)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    emit("a")
    emit("a")
    emit("b", DeprecationWarning)
    emit("c", RuntimeWarning, level=2)
    print([(str(x.message), x.category.__name__, x.lineno > 0) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        emit("same")
    emit("other")
    print(len(w), [str(x.message) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3):
        emit("loop default")
    print(len(w))

with warnings.catch_warnings():
    warnings.simplefilter("error", RuntimeWarning)
    try:
        emit("err", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", repr(e))
    emit("not an error", UserWarning) if False else None

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", category=FutureWarning)
    emit("ignored")
    emit("future", FutureWarning)
    print([x.category.__name__ for x in w])

shown = []
def hook(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, lineno))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = hook
    warnings.warn("via hook")
    warnings.warn_explicit("explicit", UserWarning, "fake.py", 7)
print(shown)

print(warnings.formatwarning("msg", UserWarning, "f.py", 3, line="  code()  "), end="")
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
class MyWarning(UserWarning):
    pass
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn(MyWarning("instance"))
    print(w[0].category.__name__, str(w[0].message))
print(sys.modules["warnings"].filters == warnings.filters)
