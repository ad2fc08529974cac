# matmul.py — benchmark: dense matrix multiply in lists of lists (floats), plus integer matrix
# powers modulo a prime (repeated squaring of a Fibonacci-like recurrence matrix).
# Usage: matmul.py [n] [iterations]. Self-check: trace and checksum of the products.
import sys

DEFAULT_SIZE = 220
QUICK_SIZE = 60
EXPECTED = {
    60: ('-2049.184580', '-993.656240', 570586617, 612601479),
    220: ('-9174.003188', '1581.258368', 11711506, 710416755),
}

MOD = 1000000007


def make_matrix(n, seed):
    m = []
    state = seed
    for i in range(n):
        row = []
        for j in range(n):
            state = (state * 48271) % 2147483647
            row.append((state % 1000) / 250.0 - 2.0)
        m.append(row)
    return m


def transpose(m):
    return [list(col) for col in zip(*m)]


def matmul(a, b):
    bt = transpose(b)
    out = []
    for row in a:
        out_row = []
        for col in bt:
            s = 0.0
            for x, y in zip(row, col):
                s += x * y
            out_row.append(s)
        out.append(out_row)
    return out


def matmul_mod(a, b):
    n = len(a)
    out = [[0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        oi = out[i]
        for k in range(n):
            aik = ai[k]
            if aik:
                bk = b[k]
                for j in range(n):
                    oi[j] = (oi[j] + aik * bk[j]) % MOD
    return out


def matpow_mod(m, e):
    n = len(m)
    result = [[int(i == j) for j in range(n)] for i in range(n)]
    while e:
        if e & 1:
            result = matmul_mod(result, m)
        m = matmul_mod(m, m)
        e >>= 1
    return result


def bench(n):
    a = make_matrix(n, 1)
    b = make_matrix(n, 2)
    c = matmul(a, b)
    d = matmul(c, a)
    trace = 0.0
    for i in range(n):
        trace += d[i][i]
    total = 0.0
    for row in c:
        for x in row:
            total += x
    # Companion matrix of x_k = x_{k-1} + x_{k-2} + ... + x_{k-8}: its power gives terms fast.
    k = 8
    comp = [[1] * k] + [[int(j == i) for j in range(k)] for i in range(k - 1)]
    p = matpow_mod(comp, n * 1000 + 7)
    return "%.6f" % trace, "%.6f" % total, p[0][0], p[k - 1][k - 1]


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("trace, sum, recurrence:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
