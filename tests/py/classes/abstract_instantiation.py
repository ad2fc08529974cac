# abc: a class with abstract methods cannot be instantiated (CPython's message lists them
# sorted); __abstractmethods__ is a type attribute kept in the class dict; partial objects'
# __dict__ cannot be deleted and copies share their keywords; weak references to partials.
import abc
import copy
import functools
import weakref

class Base(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def b(self): pass
    @abc.abstractmethod
    def a(self): pass

for cls in (Base,):
    try:
        cls()
    except TypeError as e:
        print(e)

class Half(Base):
    def a(self): return 1

try:
    Half()
except TypeError as e:
    print(e)

class Full(Half):
    def b(self): return 2

print(Full().a(), Full().b(), sorted(Base.__abstractmethods__), Full.__abstractmethods__)

class Plain:
    pass

Plain.__abstractmethods__ = frozenset({"x"})
try:
    Plain()
except TypeError as e:
    print(e)
Plain.__abstractmethods__ = frozenset()
print(type(Plain()).__name__)
del Plain.__abstractmethods__
try:
    Plain.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
try:
    type.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)

class Dispatch(metaclass=abc.ABCMeta):
    @functools.singledispatchmethod
    @abc.abstractmethod
    def add(self, x, y):
        pass

try:
    Dispatch()
except TypeError as e:
    print(e)

p = functools.partial(hex)
try:
    del p.__dict__
except TypeError as e:
    print(e)
f = functools.partial(max, [1], key=len)
f.attr = []
c = copy.copy(f)
print(c.attr is f.attr, c.args is f.args, c.keywords is f.keywords)
r = weakref.ref(f)
print(r() is f)
print(list[int] | None, (list[int] | None).__args__)
