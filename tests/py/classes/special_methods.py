# Special-method edge cases: __hash__ with __eq__, bad __repr__/__len__, __iter__ = None,
# metaclass properties, late class changes, __getattr__/__getattribute__ errors, singletons.
class A:
    def __eq__(self, o): return True
try: hash(A())
except TypeError as e: print(e)
class B(A):
    __hash__ = object.__hash__
print(type(hash(B())).__name__)
class C:
    def __hash__(self): return 5
class D(C):
    def __eq__(self, o): return False
try: hash(D())
except TypeError as e: print(e)
class R:
    def __repr__(self): return 5
try: repr(R())
except TypeError as e: print(e)
class S:
    def __repr__(self): return "S-repr"
print(str(S()), f"{S()}", "%s" % S() if False else "")
class L:
    def __len__(self): return -1
try: len(L())
except ValueError as e: print(e)
class I:
    __iter__ = None
try: iter(I())
except TypeError as e: print(e)
class It:
    def __iter__(self): return iter([1,2,3])
print(2 in It(), 5 in It(), [*It()])
class Meta(type):
    @property
    def cls_prop(cls): return "meta prop of " + cls.__name__
class WithMeta(metaclass=Meta): pass
print(WithMeta.cls_prop)
try: WithMeta().cls_prop
except AttributeError as e: print(e)
class Base: pass
class Sub(Base): pass
s = Sub()
Base.late = "late"
print(s.late, Sub.late)
def m(self): return "m"
Base.m = m
print(s.m())
del Base.m
try: s.m()
except AttributeError as e: print(e)
class Rec:
    def __getattr__(self, name):
        if name == "boom": raise KeyError(name)
        return 1
try: Rec().boom
except KeyError as e: print("KeyError", e)
class GA:
    def __getattribute__(self, n):
        raise ValueError("no " + n)
try: GA().x
except ValueError as e: print(e)
class F:
    def __format__(self, spec): return "F<" + spec + ">"
print(format(F(), "abc"), f"{F():xyz}")
class N:
    def __neg__(self): return "neg"
print(-N())
try: ~N()
except TypeError as e: print(e)
try: N() + 1
except TypeError as e: print(e)
try: 1 < N()
except TypeError as e: print(e)
class Iadd:
    def __add__(self, o): return "add"
x = Iadd(); x += 1; print(x)
print(type(None)(), type(NotImplemented).__name__, type(...).__name__)
class Cls:
    attr = 1
print(vars(Cls)["attr"], Cls.__dict__["attr"], "attr" in Cls.__dict__)
class WithDoc:
    """Docstring."""
print(WithDoc.__doc__, WithDoc().__doc__)
class Deleter:
    def __delattr__(self, name): print("del", name)
d = Deleter(); del d.foo
print(getattr(Cls, "attr"), getattr(Cls(), "attr"))
