# unpacking.py — benchmark: tuple packing and unpacking in hot loops: complex arithmetic on (re, im)
# pairs, swaps, enumerate/zip unpacking, starred targets, multiple return values, nested unpacking.
# Usage: unpacking.py [n] [iterations]. Self-check: aggregates against closed forms where known.
import sys

DEFAULT_SIZE = 3500000
QUICK_SIZE = 250000
EXPECTED = {
    250000: ('-0.652632', '-0.107566', '1.000000', 744717, 921160, 161401518648, -86744726, 1302187502, 62502, 0, 96, 3000019),
    3500000: ('-1.613441', '1.101241', '1.000000', 717550, 985955, 31635263798096, -1928719964, 255209208334, 875001, 0, 96, 41999966),
}


def cmul(a, b):
    ar, ai = a
    br, bi = b
    return ar * br - ai * bi, ar * bi + ai * br


def cadd(a, b):
    (ar, ai), (br, bi) = a, b
    return ar + br, ai + bi


def divmod_pairs(n):
    out = []
    for i in range(1, n):
        q, r = divmod(i * 7919, 97)
        out.append((q, r, i))
    return out


def min_max_sum(values):
    lo = hi = values[0]
    total = 0
    for v in values:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
        total += v
    return lo, hi, total


def bench(n):
    # Rotation by repeated complex multiplication: |z| stays ~1.
    z = (1.0, 0.0)
    w = (0.6, 0.8)
    acc = (0.0, 0.0)
    for _ in range(n):
        z = cmul(z, w)
        acc = cadd(acc, z)
    # Fibonacci-like swaps modulo a prime.
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000003
    # enumerate / zip / nested unpacking.
    pairs = divmod_pairs(n // 4)
    s = 0
    for idx, (q, r, i) in enumerate(pairs):
        s += (q ^ r) + (idx & i)
    t = 0
    for (q1, r1, _), (q2, r2, _) in zip(pairs, pairs[1:]):
        t += q1 * r2 - q2 * r1
    # Starred targets.
    heads = tails = 0
    for k in range(0, n // 4, 3):
        first, *middle, last = (k, k + 1, k + 2, k + 3, k + 4)
        heads += first + last
        tails += len(middle)
    lo, hi, total = min_max_sum([r for _, r, _ in pairs])
    return ("%.6f" % acc[0], "%.6f" % acc[1], "%.6f" % (z[0] * z[0] + z[1] * z[1]), a, b, s, t,
            heads, tails, lo, hi, total)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("aggregates:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
