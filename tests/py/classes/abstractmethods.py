# type.__abstractmethods__: setting it marks a class abstract; object.__new__ names the methods.
import abc
try: type.__abstractmethods__
except AttributeError as e: print("AE", e)
class C: pass
try: C.__abstractmethods__
except AttributeError as e: print("AE", e)
C.__abstractmethods__ = frozenset(["b", "a"])
try: C()
except TypeError as e: print(e)
C.__abstractmethods__ = []
print(type(C()).__name__)
del C.__abstractmethods__
try: del C.__abstractmethods__
except AttributeError as e: print("AE", e)
try: int.__abstractmethods__ = frozenset()
except TypeError as e: print(e)
class D(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
try: D()
except TypeError as e: print(e)
class E(D):
    def f(self): pass
    def g(self): pass
print(type(E()).__name__)
