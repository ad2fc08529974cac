# compare: stderr
# An uncaught exception sets sys.last_type / last_value / last_traceback before atexit runs.
import atexit, sys
atexit.register(lambda: print(sys.last_type.__name__, sys.last_value))
raise KeyError("k")
