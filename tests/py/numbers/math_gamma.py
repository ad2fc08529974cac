# math.gamma / math.lgamma agree with CPython's Lanczos approximation to the last bit
import math


def show(v):
    for name, f in (("gamma", math.gamma), ("lgamma", math.lgamma)):
        try:
            r = repr(f(v))
        except Exception as e:
            r = type(e).__name__ + ": " + repr(e.args)
        print(name, repr(v), r)


x = 0.001
while x < 180:
    show(x)
    show(-x if abs(x - round(x)) > 1e-9 else -x - 0.5)
    x = x * 1.0371 + 0.0137
for v in [0.5, 1.5, 2.5, 1e-21, -1e-21, 171.5, 171.7, 199.9, 200.5, -199.5, -200.5, -170.5, 1e-300, 140.5,
          139.9, -140.1, 3.0, 23.0, 24.0, 5.00001, 4.99999, 1e300, -1e300, -0.5, -1.5, -2.5, 0.0, -0.0, -1.0, 1.0, 2.0,
          -2.0, 1e-320, float("inf"), float("-inf"), float("nan"), 10, 2**1000]:
    show(v)
