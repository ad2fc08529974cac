# nqueens.py — benchmark: counts N-queens solutions by backtracking over sets of attacked columns and
# diagonals, again with bit masks, and enumerates the solutions with a list-based generator.
# Usage: nqueens.py [n] [iterations]. Self-check: known solution counts.
import sys

DEFAULT_SIZE = 11
QUICK_SIZE = 8
# Solution counts are known for every n (OEIS A000170); the checksum is this program's own.
KNOWN_COUNTS = {1: 1, 4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352, 10: 724, 11: 2680, 12: 14200,
                13: 73712}
EXPECTED = {
    8: (92, 283019260, 352),
    11: (2680, 361671604, 14200),
}


def count_solutions(n):
    cols = set()
    diag1 = set()
    diag2 = set()

    def place(row):
        if row == n:
            return 1
        total = 0
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            total += place(row + 1)
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)
        return total

    return place(0)


def count_bitmask(n):
    # The same count with ints as bit sets: bit c of `cols` is column c, diagonals shift per row.
    full = (1 << n) - 1

    def place(cols, left, right):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return place(0, 0, 0)


def solutions(n):
    # Generator of solutions as tuples of column indexes, in lexicographic order.
    queens = []

    def safe(c):
        r = len(queens)
        for qr, qc in enumerate(queens):
            if qc == c or abs(qc - c) == r - qr:
                return False
        return True

    def extend():
        if len(queens) == n:
            yield tuple(queens)
            return
        for c in range(n):
            if safe(c):
                queens.append(c)
                yield from extend()
                queens.pop()

    return extend()


def bench(n):
    count = count_solutions(n)
    if count_bitmask(n) != count:
        raise AssertionError("bitmask solver disagrees")
    larger = count_bitmask(n + 1)
    if KNOWN_COUNTS.get(n + 1, larger) != larger:
        raise AssertionError("%d-queens: %d solutions" % (n + 1, larger))
    checksum = 0
    listed = 0
    for sol in solutions(n):
        listed += 1
        for q in sol:
            checksum = (checksum * 31 + q) % 1000000007
    if listed != count:
        raise AssertionError("solvers disagree: %d vs %d" % (listed, count))
    return count, checksum, larger


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("solutions, checksum, solutions for n + 1:", result)
    if size in KNOWN_COUNTS and result[0] != KNOWN_COUNTS[size]:
        print("WRONG ANSWER: %d solutions, expected %d" % (result[0], KNOWN_COUNTS[size]), file=sys.stderr)
        sys.exit(1)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
