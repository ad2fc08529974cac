import pkg
from pkg import mod, VALUE
from pkg.mod import helper as h
import pkg.mod
print(pkg.VALUE, VALUE, mod.helper(), h(), pkg.mod.helper is h)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from pkg import missing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
