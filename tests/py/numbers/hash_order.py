# Numeric hashes equal CPython's (ints modulo 2**61-1, floats, complex), so sets of numbers
# iterate in CPython's order
print({1.5, 2.5, -0.5, 1e100, 3j, 2**70, -7, 0.1, 1 + 1j, -2**64, 10**20, 7.25})
print({2**61 - 1, 2**61 + 7, 2**62 + 1, -(2**61) - 5, 2.0**61, 1e-300, 2**100})
xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
print({x * 0.37 for x in xs})
print({x ** 3 - 2**40 for x in xs})
print({complex(a, b) for a in xs[:3] for b in xs[:3]})
for v in [0, -1, -2, 2**61 - 2, 2**61 - 1, 2**64 + 5, -(2**100), 0.5, -0.25, 1e308, 5e-324, 2.0**-30,
          float("inf"), -float("inf"), 1j, -1j, 2 - 3.5j, complex(1e300, 1e-300), True, 12345678901234567890]:
    print(repr(v), hash(v))
d = {}
for k in [3.5, 1, 2**80, -4, 0.1, 7j, 2]:
    d[k] = hash(k) % 7
print(d, 1 in {1.0}, 1.0 in {1}, 2**80 in {float(2**80)}, (1 + 0j) in {1})
