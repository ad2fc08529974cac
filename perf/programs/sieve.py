# sieve.py — benchmark: sieve of Eratosthenes with explicit loops, then prime statistics (twin
# primes, prime gaps, Goldbach partitions of even numbers).
# Usage: sieve.py [limit] [iterations]. Self-check: known prime counts and sums.
import sys

DEFAULT_SIZE = 10000000
QUICK_SIZE = 1000000
# pi(x), the number of primes below x (known values).
KNOWN_COUNTS = {10: 4, 100: 25, 1000: 168, 10000: 1229, 100000: 9592, 300000: 25997,
                1000000: 78498, 3000000: 216816, 10000000: 664579}
EXPECTED = {
    1000000: (78498, 550401764, 8169, 114, 2966),
    10000000: (664579, 324971935, 58980, 154, 2966),
}


def sieve(limit):
    is_prime = [True] * limit
    is_prime[0] = False
    if limit > 1:
        is_prime[1] = False
    i = 2
    while i * i < limit:
        if is_prime[i]:
            j = i * i
            while j < limit:
                is_prime[j] = False
                j += i
        i += 1
    return is_prime


def bench(limit):
    is_prime = sieve(limit)
    primes = [i for i in range(limit) if is_prime[i]]
    twins = 0
    max_gap = 0
    prev = 2
    for p in primes:
        if p - prev == 2:
            twins += 1
        if p - prev > max_gap:
            max_gap = p - prev
        prev = p
    # Goldbach: partitions of the even numbers in a window near 1000 into two primes.
    partitions = 0
    for even in range(1000, 1200, 2):
        for p in primes:
            if p > even // 2:
                break
            if is_prime[even - p]:
                partitions += 1
    return len(primes), sum(primes) % 1000000007, twins, max_gap, partitions


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("primes, sum, twins, max gap, partitions:", result)
    if size in KNOWN_COUNTS and result[0] != KNOWN_COUNTS[size]:
        print("WRONG ANSWER: %d primes, expected %d" % (result[0], KNOWN_COUNTS[size]), file=sys.stderr)
        sys.exit(1)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
