# sys.unraisablehook: the default report of an error in __del__ (no chain, no notes), a custom
# hook receiving UnraisableHookArgs, atexit callback errors through it.
import sys, gc
class A:
    def __del__(self):
        try:
            raise KeyError('inner')
        except KeyError:
            e = ValueError('outer')
            e.add_note('a note')
            raise e
def make():
    a = A()
make(); gc.collect()
def hook(args):
    print('hook:', args.exc_type.__name__, args.exc_value, args.err_msg, type(args.object).__name__, type(args).__name__, args.exc_traceback is not None)
sys.unraisablehook = hook
make(); gc.collect()
import atexit
atexit.register(lambda: 1/0)
def badhook(args):
    raise RuntimeError("hook failed")
print(sys.__unraisablehook__ is not hook)
try: sys.__unraisablehook__(1)
except Exception as e: print(type(e).__name__, e)
