# match: which classes are sequences and mappings (CPython's type flags: inherited along the MRO, collections.abc, registration), and complex-literal / duplicate-key SyntaxErrors.
import array
import collections
import collections.abc

def kind(x):
    match x:
        case [*_]:
            return "seq"
        case {}:
            return "map"
    return "neither"

class C:
    pass

class M1(collections.UserDict, collections.abc.Sequence):
    pass
class M2(C, collections.UserDict, collections.abc.Sequence):
    pass
class M3(collections.UserDict, C, list):
    pass
class M4(dict, collections.abc.Sequence, C):
    pass
class S1(collections.UserList, collections.abc.Mapping):
    pass
class S2(C, collections.UserList, collections.abc.Mapping):
    pass
class S3(list, C, collections.abc.Mapping):
    pass
class S4(collections.UserList, dict, C):
    pass
class MyStr(str):
    pass

for cls in (M1, M2, M3, M4, S1, S2, S3, S4, MyStr, C):
    print(cls.__name__, kind(cls()))

for obj in (array.array("b", b"abc"), collections.deque([1]), collections.defaultdict(int),
            collections.OrderedDict(), range(3), memoryview(b"ab"), "str", b"bytes",
            bytearray(b"x"), {1: 2}.keys(), type.__dict__):
    print(type(obj).__name__, kind(obj))

class Parent:
    pass
class ChildPre(Parent):
    pass
collections.abc.Sequence.register(Parent)
class ChildPost(Parent):
    pass
print(kind(Parent()), kind(ChildPre()), kind(ChildPost()))
print('__abc_tpflags__' in collections.abc.Sequence.__dict__)

match array.array("b", b"abc"):
    case [x, y, z]:
        print(x, y, z)

for src in ("case 0j+0j: pass", "case {0j+0j: _}: pass", "case -0j+0j: pass", "case 1+1: pass",
            "case {0: _, 0j: _}: pass", "case {0: _, False: _}: pass", "case {0: _, -0: _}: pass",
            "case -1-1j: pass", "case {0: _, 1j: _}: pass"):
    try:
        compile("match x:\n    " + src + "\n", "<m>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, "SyntaxError:", e.msg, e.lineno, e.offset, e.end_offset)
