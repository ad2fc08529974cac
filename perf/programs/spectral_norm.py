# spectral_norm.py — benchmark: largest singular value of an implicit infinite matrix by power iteration.
# Usage: spectral_norm.py [n] [iterations]. Self-check: the norm to 9 decimals.
import sys

DEFAULT_SIZE = 600
QUICK_SIZE = 120
EXPECTED = {
    120: '1.274221700',
    600: '1.274224131',
}


def entry(i, j):
    # A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1), the matrix whose norm converges to 1.2742241...
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def times_a(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(i, j) * v[j]
        out.append(total)
    return out


def times_at(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(j, i) * v[j]
        out.append(total)
    return out


def times_ata(v, n):
    return times_at(times_a(v, n), n)


def bench(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u, n)
        u = times_ata(v, n)
    vbv = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        vbv += a * b
        vv += b * b
    return "%.9f" % ((vbv / vv) ** 0.5)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("spectral norm", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
