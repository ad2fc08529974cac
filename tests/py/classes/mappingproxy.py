# Class.__dict__ and types.MappingProxyType: a read-only view (so class namespaces change only
# through setattr, which moves version tags), forwarding reads to the mapping.
import types
class C:
    x = 1
    def m(self): return "m"
d = C.__dict__
print(type(d).__name__, d["x"], "m" in d, d.get("x"), d.get("zz", 0), sorted(k for k in d if not k.startswith("__")))
try: hash(d)
except TypeError as e: print(e)
try: d['y'] = 1
except TypeError as e: print(e)
try: del d['x']
except TypeError as e: print(e)
try: types.MappingProxyType([1])
except TypeError as e: print(e)
m = types.MappingProxyType({'a': 1})
print(m, str(m), repr(m))
print(m == {'a': 1}, m != {'a': 2}, m | {'b': 2}, {'c': 3} | m, len(m), list(m), list(reversed(m)), m.get('a'), m.get('z', 0), 'a' in m, m.copy(), m.keys(), m.values(), m.items())
try:
    m |= {}
except TypeError as e: print(e)
print([n for n in dir(m) if not n.startswith('_')])
print(vars(C)["x"], type(vars(C)).__name__, isinstance(C.__dict__, types.MappingProxyType))
print(sorted(n for n in dir(C) if not n.startswith("__")))
src = {'k': 1}
view = types.MappingProxyType(src)
src['k2'] = 2
print(view)
