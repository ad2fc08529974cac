# generators.py — benchmark: generator pipelines, closures and exceptions in hot loops: chained
# generators, generator send(), closures with nonlocal state, try/except/finally on most iterations.
# Usage: generators.py [n] [iterations]. Self-check: results of each stage against direct formulas.
import sys

DEFAULT_SIZE = 1500000
QUICK_SIZE = 150000
EXPECTED = {
    150000: (22499100008, 996037507, '49.500', 1582200000, 449550, 50100, 150000, 3600000),
    1500000: (2249991000008, 62250028, '49.500', 158204812500, 4495500, 501000, 1500000, 36000000),
}


class ParseFailure(Exception):
    def __init__(self, position):
        Exception.__init__(self, position)
        self.position = position


def numbers(n):
    for i in range(n):
        yield i


def squares(source):
    for x in source:
        yield x * x


def only_odd(source):
    for x in source:
        if x & 1:
            yield x


def windows(source, size):
    window = []
    for x in source:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            del window[0]


def running_average():
    # A coroutine: send values, receive the running mean.
    total = 0
    count = 0
    mean = None
    while True:
        value = yield mean
        total += value
        count += 1
        mean = total / count


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count
    return bump


def make_accumulators(k):
    return [make_counter(i + 1) for i in range(k)]


def parse_digit(text, position):
    ch = text[position]
    if "0" <= ch <= "9":
        return ord(ch) - 48
    raise ParseFailure(position)


def bench(n):
    # Pipeline of generators.
    pipeline_sum = 0
    for w in windows(only_odd(squares(numbers(n))), 3):
        pipeline_sum += w[1] - w[0]
    odd_squares = sum(x * x for x in range(n) if x & 1)
    # Coroutine.
    avg = running_average()
    next(avg)
    mean = 0.0
    for i in range(n // 2):
        mean = avg.send(i % 100)
    avg.close()
    # Closures.
    counters = make_accumulators(8)
    total = 0
    for i in range(n // 2):
        total += counters[i & 7]()
    # Exceptions on a third of the iterations, with finally blocks.
    text = "".join("x" if i % 3 == 0 else str(i % 10) for i in range(1000))
    digits = failures = cleanups = 0
    for i in range(n):
        try:
            digits += parse_digit(text, i % 1000)
        except ParseFailure as e:
            failures += 1 + (e.position & 0)
        finally:
            cleanups += 1
    lookups = 0
    table = {i: i for i in range(0, 100, 2)}
    for i in range(n):
        try:
            lookups += table[i % 100]
        except KeyError:
            lookups -= 1
    return pipeline_sum, odd_squares % 1000000007, "%.3f" % mean, total, digits, failures, cleanups, lookups


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("pipeline, odd squares, mean, closures, digits, failures, cleanups, lookups:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
