# compile()/exec()/eval() inherit the caller's __future__ features (unless dont_inherit).
from __future__ import annotations
import sys
print(hex(sys._getframe().f_code.co_flags))
c = compile("def f(x: int): pass", "a", "exec")
ns = {}
exec(c, ns)
print(ns["f"].__annotations__)
c = compile("def f(x: int): pass", "a", "exec", dont_inherit=True)
exec(c, ns)
print(ns["f"].__annotations__)
exec("def g(x: int): pass", ns)
print(ns["g"].__annotations__)
print(eval("(lambda: 1)()"))
