# __class__ assignment between compatible classes, type.__prepare__ through super(), object.__subclasshook__.
print(type.__prepare__('x', (), a=1))
print(object.__subclasshook__(int))
class A: pass
class B: pass
class S: __slots__=('x',)
a=A(); a.__class__=B; print(type(a).__name__, isinstance(a, B))
try: a.__class__ = S
except TypeError as e: print(e)
try: a.__class__ = int
except TypeError as e: print(e)
try: (1).__class__ = bool
except TypeError as e: print(e)
try: a.__class__ = 5
except TypeError as e: print(e)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = super().__prepare__(name, bases, **kw)
        ns["added"] = True
        return ns
class C(metaclass=Meta): pass
print(C.added)
