# mandelbrot.py — benchmark: escape-time iteration counts of the Mandelbrot set on an n x n grid.
# Usage: mandelbrot.py [n] [iterations]. Self-check: members, total iterations and a row checksum.
import sys

DEFAULT_SIZE = 800
QUICK_SIZE = 200
EXPECTED = {
    200: (6932, 840265, 838645910),
    800: (110156, 13370883, 743365389),
}

MAX_ITER = 100


def escape_count(cr, ci):
    zr = zi = 0.0
    for k in range(MAX_ITER):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return k
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return MAX_ITER


def bench(n):
    members = 0
    total = 0
    checksum = 0
    scale = 3.0 / n
    for y in range(n):
        ci = y * scale - 1.5
        row = 0
        for x in range(n):
            k = escape_count(x * scale - 2.25, ci)
            total += k
            if k == MAX_ITER:
                members += 1
            row = (row * 31 + k) % 1000000007
        checksum ^= row
    return members, total, checksum


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("members, iterations, checksum:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
