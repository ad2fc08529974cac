# Pickling and copying of built-in objects reduced by a call: set/frozenset (with subclass
# state and slots), slice, range, bytearray, native functions and method descriptors,
# exceptions (args, attributes, OSError filenames, ImportError name/path), subclasses of
# int/tuple/set reduced through copyreg at every protocol, and type.__flags__.
import collections
import copy


# Rebuilt from __reduce_ex__ at protocols 0 (copyreg's reduction) and 2 (__newobj__) the way
# copy does it, and copied (the pickle module itself is exercised by pickle_roundtrip.py).
def roundtrips(obj):
    out = []
    for proto in (0, 2):
        rv = obj.__reduce_ex__(proto)
        out.append(copy._reconstruct(obj, None, *rv))
    out.append(copy.copy(obj))
    out.append(copy.deepcopy(obj))
    return out


class SetSub(set):
    pass


class FrozenSub(frozenset):
    def __repr__(self):
        return "FrozenSub(%s)" % sorted(self)


class SlotSet(set):
    __slots__ = ("x", "__dict__")


print({1, 2}.__reduce__(), frozenset().__reduce__())
s = SetSub([3, 1])
s.attr = "a"
print(sorted(s.__reduce__()[1][0]), s.__reduce__()[2])
for r in roundtrips(s):
    print(type(r).__name__, sorted(r), r.attr)
for r in roundtrips(FrozenSub("ab")):
    print(r)
ss = SlotSet([1])
ss.x = 5
ss.y = 6
print(ss.__reduce__()[2])
for r in roundtrips(ss):
    print(sorted(r), r.x, r.y)

print(slice(1, 2, 3).__reduce__(), slice(None).__reduce__(), range(1, 10, 2).__reduce__())
for r in roundtrips(slice([1], "a", None)):
    print(r)
d = copy.deepcopy(slice([1, 2], [3], [4]))
print(d, d.start is not None)
for r in roundtrips(range(2**70, 2**71, 3)):
    print(r)

print(bytearray(b"a\xffb").__reduce_ex__(2), bytearray(b"ab").__reduce_ex__(3), bytearray().__reduce__())
print(roundtrips(bytearray(b"xy\x80")))

# native functions: by name when module-level, getattr(self, name) when bound
print(len.__reduce__(), [].append.__reduce__(), list.append.__reduce__(), dict.fromkeys.__reduce__())
print((5).__add__.__reduce__())
for fn in (len, [1, 2].copy, str.upper, dict.fromkeys):
    rv = fn.__reduce__()
    print(rv if isinstance(rv, str) else rv[0](*rv[1]) == fn)

# exceptions
print(ValueError(1, 2).__reduce__(), BaseException().__reduce__())
e = KeyError("k")
e.note = 1
print(e.__reduce__())
print(ImportError("msg", name="n", path="p").__reduce__(), ImportError("m").__reduce__())
print(OSError(2, "No such file", "a.txt").__reduce__())
print(OSError(2, "x", "a", None, "b").__reduce__())
print(SyntaxError("bad", ("f.py", 1, 2, "x = (", 1, 3)).__reduce__())
print(UnicodeDecodeError("ascii", bytearray(b"\xff"), 0, 1, "bad").__reduce__())
print(UnicodeTranslateError("\u3042", 0, 1, "ouch"))
for exc in (ValueError("v"), ImportError("m", name="n"), OSError(2, "No such file", "a.txt"), StopIteration(5),
            SystemExit(3), SyntaxError("bad", ("f.py", 1, 2, "x = (", 1, 3)), UnicodeEncodeError("ascii", "é", 0, 1, "r"),
            e):
    for r in roundtrips(exc):
        print(type(r).__name__, r.args, str(r), getattr(r, "note", None))
v = ValueError()
v.__setstate__({"a": 1})
v.__setstate__(None)
print(v.a)
for bad in (3, {1: 2}):
    try:
        v.__setstate__(bad)
    except TypeError as err:
        print(err)

# subclasses of built-ins reduced through copyreg at every protocol
class MyInt(int):
    pass


class MyTuple(tuple):
    pass


Point = collections.namedtuple("Point", "x y")
mi = MyInt(7)
mi.tag = "t"
for r in roundtrips(mi):
    print(type(r).__name__, r, r.tag)
for r in roundtrips(MyTuple((1, 2))):
    print(type(r).__name__, r)
for r in roundtrips(Point(1, 2)):
    print(r)
print(MyInt(3).__reduce_ex__(1)[1], MyTuple((1,)).__reduce_ex__(0)[1])


class Slotted:
    __slots__ = ("a",)


for proto in (0, 1):
    try:
        Slotted().__reduce_ex__(proto)
    except TypeError as err:
        print(err)

def gen():
    yield 1


for proto in (0, 2):
    try:
        gen().__reduce_ex__(proto)
    except TypeError as err:
        print(proto, err)

heap = 1 << 9
print(bool(MyInt.__flags__ & heap), bool(int.__flags__ & heap), bool(int.__flags__ & (1 << 24)),
      bool(MyInt.__flags__ & (1 << 24)), bool(list.__flags__ & (1 << 10)), bool(type(len).__flags__ & (1 << 10)))

# keywords to constructors of list/tuple/set/frozenset subclasses
for base in (list, tuple, set, frozenset):
    class Plain(base):
        pass

    try:
        Plain(sequence=())
    except TypeError as err:
        print(err)

    class WithInit(base):
        def __init__(self, arg, newarg=None):
            self.newarg = newarg

    print(base.__name__, WithInit([1], newarg=3).newarg)


class SetWithNew(set):
    def __new__(cls, arg, newarg=None):
        return super().__new__(cls, arg)


try:
    SetWithNew([1], newarg=3)
except TypeError as err:
    print(err)
