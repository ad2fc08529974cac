# type(name, bases, ns): __module__ from the caller, name and doc checks, __slots__ checks,
# the namespace order of an OrderedDict, __set_name__ failures (RuntimeError in 3.11); plus
# ord() of bytes, len() of a huge negative __len__, compile() of a memoryview, breakpoint().
import collections
import os
import sys
import warnings

A = type("A", (), {})
print(A.__module__, A.__name__, A.__qualname__)
for bad in ("A\x00B", "A\udcdcB", b"A"):
    try:
        type(bad, (), {})
    except Exception as e:
        print(type(e).__name__, e)
    try:
        A.__name__ = bad
    except Exception as e:
        print(type(e).__name__, e)
print(A.__name__)
try:
    type("D", (), {"__doc__": "x\udcdcy"})
except UnicodeEncodeError as e:
    print("doc:", e.reason)

class B:
    pass

for ns, bases in [({"__slots__": ""}, ()), ({"__slots__": "42"}, ()), ({"__slots__": "x\x00y"}, ()),
                  ({"__slots__": ("__weakref__", "__weakref__")}, ()), ({"__slots__": "__weakref__"}, (B,)),
                  ({"__slots__": ("a", "__weakref__")}, ())]:
    try:
        print(type("S", bases, ns).__slots__)
    except TypeError as e:
        print(type(e).__name__, e)

od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print(list(type("C", (), od).__dict__.items())[:2])

class Named:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)

try:
    class Holder:
        attr = Named()
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)

print(ord(b"a"), ord(bytearray(b"\xff")))
try:
    ord(b"ab")
except TypeError as e:
    print(e)

class HugeNegativeLen:
    def __len__(self):
        return -sys.maxsize - 10

try:
    len(HugeNegativeLen())
except ValueError as e:
    print(e)

ns = {}
exec(compile(memoryview(b"x = 40 + 2"), "mem", "exec"), ns)
print(ns["x"])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented), w[0].category.__name__, w[0].message)

calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k))
breakpoint(1, two=2)
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint(), calls)
os.environ["PYTHONBREAKPOINT"] = "nosuchmodule.hook"
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(breakpoint(), w[0].category.__name__, w[0].message)
os.environ["PYTHONBREAKPOINT"] = "builtins.len"
print(breakpoint("four"))
