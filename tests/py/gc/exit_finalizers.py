# At exit: atexit callbacks first (last registered first), then the __del__ of what
# __main__'s namespace still holds, with the namespace intact, values in namespace order and
# list items from the end; cycles and shared objects included.
import atexit
import sys

class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "sys is", type(sys).__name__)

a = R("a")
_private = R("_private")
lst = [R("in list 1"), R("in list 2")]
pair = (R("in tuple 1"), R("in tuple 2"))
table = {"k": R("in dict")}
shared = R("shared")
alias = shared
cyc = R("cycle")
cyc.me = cyc
def goodbye(who, punct="!"):
    print("atexit:", who + punct)
atexit.register(goodbye, "first")
atexit.register(goodbye, "second", punct="?")
atexit.register(print, "unregistered")
atexit.unregister(print)
print(atexit._ncallbacks())
print("end of main")
