# _heapq and _bisect: results, errors and messages as CPython's C versions (heap layouts, list resized during a comparison, key functions, overridden insert).
import _heapq, _bisect
for f in [lambda: _heapq.heappush(1, 2), lambda: _heapq.heappop(1), lambda: _heapq.heappop([]), lambda: _heapq.heapify((1,)), lambda: _heapq.heappush([]), lambda: _heapq.heapreplace([], 1), lambda: _heapq.heappushpop([], 1),
  lambda: _heapq._heappop_max([]), lambda: _heapq._heapreplace_max(1, 2), lambda: _heapq.heappush(heap=[], item=1),
  lambda: _bisect.bisect_right(), lambda: _bisect.bisect_right([1], 2, -1), lambda: _bisect.bisect_right([1], 2, 'x'), lambda: _bisect.bisect_right([1], 2, 0, 'x'), lambda: _bisect.bisect_right([1],2,0,None,None),
  lambda: _bisect.bisect_left(5, 1), lambda: _bisect.bisect_right([1,2,3], 2, hi=-1), lambda: _bisect.bisect_right([1,2,3], 2, hi=-5), lambda: _bisect.bisect_right([1,2,3], 2, hi=10),
  lambda: _bisect.bisect_right([1,2,3],2, 2**70), lambda: _bisect.bisect_right([1,2,3],2, bogus=1), lambda: _bisect.bisect_left([1,2,3],2, hi=2**70), lambda: _bisect.bisect_left('abcdef', 'c'), lambda: _bisect.bisect_left(range(100), 37.5)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
import random
r = random.Random(5)
data = [r.randrange(1000) for _ in range(3000)]
h = []
for x in data: _heapq.heappush(h, x)
print(h[:20], h[-5:])
h2 = list(data); _heapq.heapify(h2); print(h2[:20])
print([_heapq.heappop(h) for _ in range(10)], _heapq.heappushpop(h, 5), _heapq.heapreplace(h, 999), h[:8])
m = list(data); _heapq._heapify_max(m); print(m[:10], _heapq._heappop_max(m), _heapq._heapreplace_max(m, -1), m[:5])
class Evil:
    def __init__(s, v, h): s.v, s.h = v, h
    def __lt__(s, o):
        s.h.clear(); return s.v < o.v
h = []
h.append(Evil(1, h)); h.append(Evil(0, h))
try: _heapq.heapify(h)
except Exception as e: print(type(e).__name__, e)
h = [Evil(2, None), Evil(1, None)]
h[0].h = h
try: _heapq.heappush(h, Evil(0, h))
except Exception as e: print(type(e).__name__, e)
class Bad:
    def __lt__(s, o): raise ValueError('cmp')
try: _heapq.heappush([Bad()], Bad())
except Exception as e: print(type(e).__name__, e)
import heapq
print(heapq.nlargest(3, data), heapq.nsmallest(3, data, key=lambda x: -x), list(heapq.merge([1,4,7],[2,5,8],[3,6,9])))
a = sorted(data)
print([_bisect.bisect_left(a, v) for v in (0, 500, 999, 1000)], [_bisect.bisect_right(a, v, 10, 2000) for v in (0, 500, 999)])
_bisect.insort_left(a, 500); _bisect.insort_right(a, 500.0, key=None); print(a.count(500))
recs = [(i, str(i)) for i in range(0, 100, 10)]
print(_bisect.bisect_left(recs, 35, key=lambda r: r[0]), _bisect.bisect_right(recs, 40, key=lambda r: r[0]))
_bisect.insort(recs, (35, 'x'), key=lambda r: r[0]) if hasattr(_bisect, 'insort') else _bisect.insort_right(recs, (35, 'x'), key=lambda r: r[0]); print(recs[3:6])
class L(list):
    def insert(self, i, x): print('insert', i, x); super().insert(i, x)
l = L([1, 3]); _bisect.insort_left(l, 2); print(l)
import bisect; print(bisect.bisect([1,2,3], 2), bisect.insort is bisect.insort_right)
