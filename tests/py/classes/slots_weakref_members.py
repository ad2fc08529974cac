# weakref.ref needs a weakref slot: classes whose __slots__ leave out '__weakref__' (all along the MRO) have none.
import weakref
class A:
    __slots__ = ('x',)
class B:
    __slots__ = ('x', '__weakref__')
class C(A): pass
class D(B):
    __slots__ = ()
class E(A):
    __slots__ = ['y']
class F(set):
    __slots__ = ()
class G:
    __slots__ = '__weakref__'
class H:
    pass
class I(H):
    __slots__ = ()
for cls in (A, B, C, D, E, F, G, H, I):
    try:
        weakref.ref(cls())
        print(cls.__name__, "ok")
    except TypeError as e:
        print(cls.__name__, e)
import types


def f():
    pass


# function.__globals__ is a read-only member descriptor (types.MemberDescriptorType), as in CPython.
print(types.MemberDescriptorType.__name__, types.GetSetDescriptorType.__name__, f.__globals__ is globals())
try:
    f.__globals__ = {}
except AttributeError as e:
    print(e)
print(repr(types.FunctionType.__dict__["__globals__"]), isinstance(A.__dict__["x"], types.MemberDescriptorType))


# __hash__ results that fit a hash are kept as they are.
class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v


print(hash(K(hash((4,)))) == hash((4,)), hash(K(-1)), hash(K(2 ** 70)), hash(K(True)), hash(K(2 ** 63 - 1)))
