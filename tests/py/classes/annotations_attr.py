# type.__annotations__ and module.__annotations__: own entries only, created empty on first read.
import sys
class A: x: int
class B(A): pass
print(B.__annotations__, '__annotations__' in B.__dict__)
print(A.__annotations__)
try: int.__annotations__
except AttributeError as e: print(e)
B.__annotations__ = 5; print(B.__annotations__)
del B.__annotations__
try: del B.__annotations__
except AttributeError as e: print(e)
try: int.__annotations__ = {}
except TypeError as e: print(e)
m = type(sys)('m'); print(m.__annotations__, m.__dict__)
del m.__annotations__
try: del m.__annotations__
except AttributeError as e: print(e)
m.__annotations__=3; print(m.__annotations__)
import json; print(json.__annotations__)
class C:
    y: str
    def f(self): return C.__annotations__
print(C().f(), C.__annotations__ is C.__dict__['__annotations__'])
class M(type): pass
class D(metaclass=M): z: int
class E(D): pass
print(D.__annotations__, E.__annotations__)
print(type(m).__annotations__ if hasattr(type(m), '__annotations__') else 'no')
