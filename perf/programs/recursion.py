# recursion.py — benchmark: deep and wide recursion: naive Fibonacci, Ackermann A(2, n), Takeuchi's
# tak, and a recursive integer partition count. Usage: recursion.py [n] [iterations].
# Self-check: closed forms (A(2, n) = 2n + 3) and known values.
import sys

DEFAULT_SIZE = 30
QUICK_SIZE = 22
EXPECTED = {
    22: (17711, 17688, 4, 75175),
    30: (832040, 32760, 12, 966467),
}


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def partitions(n, largest):
    # Number of ways to write n as a sum of parts no larger than `largest`.
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def bench(n):
    f = fib(n)
    if f != fib_iter(n):
        raise AssertionError("fib(%d) = %d" % (n, f))
    acks = 0
    for k in range(n * 6):
        a = ackermann(2, k)
        if a != 2 * k + 3:
            raise AssertionError("ackermann(2, %d) = %d" % (k, a))
        acks += a
    t = tak(n // 2 + 4, n // 3 + 2, n // 6)
    p = partitions(n * 2, n * 2)
    return f, acks, t, p


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("fib, ackermann sum, tak, partitions:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
