# fannkuch.py — benchmark: pancake flips over all permutations of 1..n (max flips and a signed checksum).
# Usage: fannkuch.py [count] [iterations]: the first `count` permutations of 1..10 (all of them:
# 3628800). Self-check: (checksum, max flips).
import sys

DEFAULT_SIZE = 800000
QUICK_SIZE = 80000
EXPECTED = {
    80000: (3243, 23),
    800000: (15073, 31),
}

N = 10


def count_flips(perm):
    # Reverses the prefix whose length is the first element until a 1 comes first.
    p = perm[:]
    flips = 0
    first = p[0]
    while first != 1:
        i = 0
        j = first - 1
        while i < j:
            p[i], p[j] = p[j], p[i]
            i += 1
            j -= 1
        flips += 1
        first = p[0]
    return flips


def bench(count, n=N):
    # Permutations in the order produced by rotating prefixes with a counter per level,
    # so the checksum's alternating sign is well defined.
    perm = list(range(1, n + 1))
    counters = [0] * n
    checksum = 0
    max_flips = 0
    index = 0
    while True:
        if perm[0] != 1:
            f = count_flips(perm)
            if f > max_flips:
                max_flips = f
            checksum += f if index % 2 == 0 else -f
        index += 1
        if index == count:
            return checksum, max_flips
        level = 1
        while level < n:
            head = perm[0]
            for k in range(level):
                perm[k] = perm[k + 1]
            perm[level] = head
            counters[level] += 1
            if counters[level] <= level:
                break
            counters[level] = 0
            level += 1
        else:
            return checksum, max_flips


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("checksum, max flips:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
