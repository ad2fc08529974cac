# _random directly (random.py needs os/warnings/re/enum): seeds, bits, state, subclassing, errors.
import _random
r = _random.Random(42)
print(r.random(), r.random(), r.getrandbits(5), r.getrandbits(32), r.getrandbits(100), r.getrandbits(0))
for s in [0, 1, -1, 2**32, 2**64 + 5, 10**40, -10**40, 3.5, "x" if False else 7]:
    r.seed(s); print(s, r.random(), r.getrandbits(64))
st = r.getstate(); print(len(st), st[-1], st[:3])
a = [r.random() for _ in range(3)]; r.setstate(st); print(a == [r.random() for _ in range(3)])
class R(_random.Random):
    def __init__(self, x): super().__init__(x); self.extra = 1
q = R(5); print(q.random(), q.extra)
for f in [lambda: r.setstate(5), lambda: r.setstate((1,)*3), lambda: r.setstate((0,)*624 + (625,)), lambda: r.getrandbits(-1), lambda: r.getrandbits(1.5), lambda: _random.Random(1, 2), lambda: _random.Random(x=1), lambda: r.seed([1])]:
    try: f(); print("ok")
    except Exception as e: print(type(e).__name__, e)
r.setstate((1,)*624 + (624,)); print(r.random())
r.seed(None); print(0 <= r.random() < 1)
r2 = _random.Random(); print(0 <= r2.random() < 1)
# random.seed("hello") (version 2) in random.py's own steps: str -> bytes + sha512 -> int.
import _sha512
a = "hello".encode()
a = int.from_bytes(a + _sha512.sha512(a).digest(), "big")
r.seed(a); print(r.random(), r.getrandbits(40))
