# _weakref: ref sharing, hash/equality, callbacks, proxies, counts, errors.
import _weakref
import gc


class Foo:
    pass


def func():
    pass


f = Foo()
r = _weakref.ref(f)
print(r() is f, r is _weakref.ref(f), _weakref.getweakrefcount(f))
print(hash(r) == hash(f), r == _weakref.ref(f), r != _weakref.ref(f))
r2 = _weakref.ref(f, lambda w: None)
print(r2 is r, r2 == r, _weakref.getweakrefcount(f), _weakref.getweakrefs(f)[0] is r)
print(r.__callback__, callable(r2.__callback__))
print(type(r).__name__, _weakref.ReferenceType is _weakref.ref, type(r))
print(repr(r).startswith("<weakref at 0x"), "; to 'Foo' at 0x" in repr(r))
print("; to 'type' at 0x" in repr(_weakref.ref(Foo)), repr(_weakref.ref(Foo)).endswith(" (Foo)>"))

p = _weakref.proxy(f)
f.x = 5
print(p.x, type(p), _weakref.getweakrefcount(f), p is _weakref.proxy(f))
cp = _weakref.proxy(func)
print(type(cp), cp() is None)
print(repr(p).startswith("<weakproxy at 0x"))
lp = _weakref.proxy(set([1, 2]))

for bad in [1, "a", (), [], {}, 1.5, b"", None]:
    try:
        _weakref.ref(bad)
    except TypeError as e:
        print(e)
for call in [lambda: _weakref.ref(), lambda: _weakref.ref(f, None, 3), lambda: hash(cp), lambda: r(1)]:
    try:
        call()
    except TypeError as e:
        print(e)


class Sub(_weakref.ref):
    def __init__(self, ob, callback=None, extra=0):
        super().__init__(ob, callback)
        self.extra = extra

    def __new__(cls, ob, callback=None, extra=0):
        return super().__new__(cls, ob, callback)


s = Sub(f, None, 7)
print(s() is f, s.extra, isinstance(s, _weakref.ref), s is r, s == r)

# Death: referents created and dropped inside a function, then collected.
log = []


def make():
    o = Foo()
    refs = [_weakref.ref(o, lambda w: log.append("cb")), _weakref.ref(o)]
    return refs, _weakref.proxy(o)


def kill():
    refs, prox = make()
    for _ in [1, 2, 3]:
        gc.collect()
    return refs, prox


refs, prox = kill()
print(refs[0]() is None, refs[1]() is None, log)
print(repr(refs[1]).endswith("; dead>"))
try:
    prox.x
except ReferenceError as e:
    print(e)
try:
    hash(refs[1])
except TypeError as e:
    print(e)
print(refs[0] == refs[0], refs[0] == refs[1])
