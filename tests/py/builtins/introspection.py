# dir() and vars(): instance dicts, class MROs, modules, no-argument forms.
class Base:
    base_attr = 1
    def base_method(self):
        pass

class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3

def public(names):
    return [n for n in names if n[0] != "_"]

c = Child()
print(public(dir(c)))
print(public(dir(Child)))
print(public(dir(Base)))
print("__init__" in dir(c), "__class__" in dir(c), "__dict__" in dir(Child))
print(dir(c) == sorted(dir(c)))

class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(Custom()))

def f():
    a = 1
    b = 2
    return dir()
print(f())

import sys
print("path" in dir(sys), "argv" in dir(sys), "version_info" in dir(sys))

print(vars(c), sorted(vars(Child).keys()) if False else public(vars(Child)))
def g():
    x = 10
    return vars()
print(g())
try:
    vars(1)
except TypeError as e:
    print("TypeError", e)
try:
    vars(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    dir(1, 2)
except TypeError as e:
    print("TypeError", e)
print(vars(sys) is sys.__dict__)
