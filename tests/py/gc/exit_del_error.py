# An exception in __del__ at exit and in an atexit callback: reported as ignored, the rest
# still runs, the exit code stays 0.
import atexit

class Bad:
    def __del__(self):
        raise ValueError("in __del__")

def failing():
    raise KeyError("in atexit")

bad = Bad()
atexit.register(print, "after the failing callback")
atexit.register(failing)
print("main done")
