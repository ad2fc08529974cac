# The host random module on _random: CPython's exact sequences for the same seed.
import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2))
x = list(range(20)); random.shuffle(x); print(x)
print(random.sample(range(100), 5), random.gauss(0, 1), random.gauss(0, 1))
print(random.randrange(0, 1000, 7), random.getrandbits(70), random.choices("abc", k=5))
print(random.choices("abc", weights=[1, 2, 3], k=4), random.triangular(0, 1), random.betavariate(2, 3))
print(random.expovariate(1.5), random.normalvariate(5, 2), random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 2), random.gammavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.randbytes(8))
for seed in ["hello", b"bytes", bytearray(b"ba"), 3.25, -7, 2**100]:
    random.seed(seed); print(repr(seed), random.random())
random.seed("hello", version=1); print(random.random())
r = random.Random(123); s = r.getstate(); a = [r.random() for _ in range(5)]
r.setstate(s); print(a == [r.random() for _ in range(5)], r.randint(0, 10**30))
class MyRandom(random.Random):
    def random(self): return 0.5
print(MyRandom(1).randrange(10), MyRandom(1).choice([1, 2, 3]))
try:
    random.seed([1, 2])
except TypeError as e:
    print(e)
