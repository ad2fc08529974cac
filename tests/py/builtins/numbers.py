# divmod, pow (two and three arguments), round (ints, floats, __round__), bin/oct/hex.
def check(f):
    try:
        print(f())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)

print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.5), divmod(1, 0.3), divmod(-0.0, 1))
print(divmod(2**70, 3), divmod(-2**70, 7), divmod(True, 2))
check(lambda: divmod(1, 0))
check(lambda: divmod(1.0, 0))
check(lambda: divmod(1, 0.0))
check(lambda: divmod("a", 1))
check(lambda: divmod(1))

print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1 / 3) if False else 0, pow(10, 20))
print(pow(2, 10, 1000), pow(3, 200, 7), pow(-3, 3, 5), pow(3, 3, -5), pow(5, 0, 1), pow(7, -1, 13), pow(2, -2, 5))
print(pow(base=2, exp=5), pow(2, exp=3, mod=5), pow(123456789, 987654321, 10**9 + 7))
check(lambda: pow(2, 3, 0))
check(lambda: pow(2.0, 3, 5))
check(lambda: pow(2, -1, 4))
check(lambda: pow(0, -1))
check(lambda: pow(2))
check(lambda: pow(2, 3, 5, 6))
check(lambda: pow("a", 2, 3))

print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.4))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(1234.5678, 1))
print(round(1234.5, -1), round(1250.0, -2), round(-1250.0, -2), round(1.5e300, -299), round(5.0, -1))
print(round(15, -1), round(25, -1), round(-25, -1), round(12345, -2), round(7, 0), round(7, 3), round(2**80 + 5, -1))
print(round(1.23456, None), round(True), round(3.14159, 3), round(-0.0), round(0.1 + 0.2, 10))
print(round(1e20), round(123.456, -5), round(-4.0, -1))
check(lambda: round("a"))
INF = 1e400
check(lambda: round(INF - INF))
check(lambda: round(INF))
print(round(INF, 2), round(-INF, -2))
check(lambda: round(x=1))
check(lambda: round(1, "a"))
check(lambda: round(1.5, 2.0))
check(lambda: round())

class R:
    def __round__(self, n=None):
        return ("R", n)
print(round(R()), round(R(), 3), round(R(), None))

print(bin(0), bin(10), bin(-10), bin(2**70), oct(0), oct(8), oct(-64), hex(0), hex(255), hex(-255), hex(2**64))
print(bin(True), hex(False))
class I:
    def __index__(self):
        return 42
print(bin(I()), oct(I()), hex(I()))
check(lambda: bin(3.0))
check(lambda: hex("a"))
check(lambda: oct())

print(abs(-5), abs(2.5), format(42), format(42, ""), format("x"), format(None))
check(lambda: format(1, 2))
