# Instance attributes on less common layouts and paths: tuple subclasses, weakrefs, super().__init__
# adding names in different orders, __getattr__ fallbacks, __slots__ errors, dict/namespace
# subclasses, many distinct shapes, class counters shadowed by instance attributes.
class TD(tuple):
    __slots__ = ()
class TD2(TD): pass
t2 = TD2(range(10)); t2.w = 1; t2.v = 2; print(t2.w, t2.v, vars(t2))
import weakref
class W: pass
w = W(); w.a = 1; r = weakref.ref(w); print(r().a)
class A:
    def __init__(self): self.a = 1
class B(A):
    def __init__(self): self.b = 2; super().__init__()
class C(A):
    def __init__(self): super().__init__(); self.b = 2
objs = [B(), C(), B(), C()]
print([vars(o) for o in objs], [o.a + o.b for o in objs])
d = A(); d.__dict__; d.__class__ = B; print(type(d).__name__, vars(d))
class E(Exception): pass
e = E(); e.x = 1; e.__dict__["y"] = 2; print(e.x, e.y)
def f(): pass
f.x = 1; del f.x; print(hasattr(f, "x"))
class Sl:
    __slots__ = ("a",)
s = Sl()
try: s.b = 1
except AttributeError as ex: print(ex)
try: print(s.a)
except AttributeError as ex: print(ex)
s.a = 5; print(s.a); del s.a
try: print(s.a)
except AttributeError as ex: print(ex)
class G:
    def __getattr__(self, name): return "dyn " + name
g = G(); g.x = 1
for _ in range(3): print(g.x, g.y)
del g.x
print(g.x)
class Prop:
    @property
    def p(self): return 42
pp = Prop()
try: pp.p = 1
except AttributeError as ex: print(ex)
pp.__dict__["p"] = 7; print(pp.p)
class DictSub(dict):
    pass
ds = DictSub(a=1); ds.attr = 2; print(ds, ds.attr, vars(ds))
import types
ns = types.SimpleNamespace(a=1); ns.b = 2; print(ns, vars(ns))
class Many: pass
objs = []
for i in range(5000):
    o = Many(); setattr(o, "f%d" % (i % 3000), i); objs.append(o)
print(sum(getattr(o, "f%d" % (i % 3000)) for i, o in enumerate(objs)))
print(sorted(vars(objs[-1])))
class Cnt:
    count = 0
    def inc(self): self.count += 1; return self.count
c = Cnt()
print([c.inc() for _ in range(4)], Cnt.count)
for s in [("__weakref__",), ("__dict__",), ()]:
    try:
        class T(tuple):
            __slots__ = s
        print(s, "ok")
    except TypeError as e:
        print(s, e)
