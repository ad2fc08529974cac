# __reduce__ of deque/defaultdict/partial, partial.__setstate__, attribute writes through a weakref proxy.
from _collections import deque, defaultdict
import _functools, _weakref
d = deque([1, 2], 3); r = d.__reduce__(); print(r[0], r[1], r[2], list(r[3]))
dd = defaultdict(list, {1: 2}); r = dd.__reduce__(); print(r[:4], list(r[4]))
p = _functools.partial(len, 1, a=2); r = p.__reduce__(); print(r)
q = _functools.partial.__new__(_functools.partial, print); q.__setstate__((len, (1,), {}, None)); print(q.func, q.args, q.keywords)
class O: pass
o = O(); px = _weakref.proxy(o); px.y = 3; print(o.y); del px.y; print(hasattr(o, 'y'))
