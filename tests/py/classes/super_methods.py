# super().m(...) through LoadMethod: functions pushed unbound with the instance; classmethods,
# staticmethods, class values and missing names through the generic super lookup.
class A:
    def __init__(self, v): self.v = v
    def m(self, k): return ("A.m", self.v, k)
    @classmethod
    def c(cls): return ("A.c", cls.__name__)
    @staticmethod
    def s(): return "A.s"
    x = 5
class B(A):
    def __init__(self, v):
        super().__init__(v * 2)
    def m(self, k): return ("B.m",) + super().m(k)
    def c2(self): return super().c(), super().s(), super().x, super().__class__
    @classmethod
    def cm(cls): return super().c()
b = B(3)
for _ in range(3): print(b.m(1), b.c2(), B.cm(), b.v)
class C(B):
    def m(self, k): return super(B, self).m(k)
print(C(1).m(2))
try:
    super(B, b).nothing()
except AttributeError as e: print(e)
