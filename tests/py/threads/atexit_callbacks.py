# atexit: LIFO order at exit, arguments, unregister, errors printed and ignored.
import atexit

def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))

def fail():
    raise ValueError("bad callback")

def also():
    print("also")

atexit.register(show, 1, 2, k=3)
atexit.register(fail)
print(atexit.register(also) is also)
atexit.register(also)
atexit.unregister(also)
try:
    atexit.register(1)
except TypeError as e:
    print(e)
try:
    atexit.register()
except TypeError as e:
    print(e)
print(sorted(x for x in dir(atexit) if not x.startswith("__")))

ran = []
atexit.register(ran.append, "x")
atexit._run_exitfuncs()
print("ran", ran)

atexit.register(show, "last registered, first run")
atexit.register(show, "first")
atexit.register(fail)
print("end of program")
