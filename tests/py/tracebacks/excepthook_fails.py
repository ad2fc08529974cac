# compare: stderr
# A failing sys.excepthook: "Error in sys.excepthook:", its traceback, then the original.
import sys
def hook(*a):
    raise RuntimeError("hook failed")
sys.excepthook = hook
1/0
