# pqueue.py — benchmark: a binary-heap priority queue written in Python (with decrease-key through a
# position map) driving a discrete-event simulation of a bank of servers, plus heapsort.
# Usage: pqueue.py [customers] [iterations]. Self-check: simulation statistics; heapsort == sorted.
import sys

DEFAULT_SIZE = 160000
QUICK_SIZE = 16000
EXPECTED = {
    16000: (16000, 11106, 7, 513907),
    160000: (160000, 121030, 13, 500072),
}


class Heap:
    """Min-heap of (priority, seq, item) entries; `seq` keeps equal priorities in FIFO order."""

    def __init__(self):
        self.items = []
        self.seq = 0

    def __len__(self):
        return len(self.items)

    def push(self, priority, item):
        self.seq += 1
        entry = (priority, self.seq, item)
        items = self.items
        items.append(entry)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) >> 1
            if items[parent] <= entry:
                break
            items[i] = items[parent]
            i = parent
        items[i] = entry

    def pop(self):
        items = self.items
        top = items[0]
        last = items.pop()
        if items:
            n = len(items)
            i = 0
            while True:
                child = 2 * i + 1
                if child >= n:
                    break
                if child + 1 < n and items[child + 1] < items[child]:
                    child += 1
                if last <= items[child]:
                    break
                items[i] = items[child]
                i = child
            items[i] = last
        return top[0], top[2]


class Rng:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 25214903917 + 11) & 0xFFFFFFFFFFFF
        return (self.s >> 16) % n


def simulate(customers, servers):
    rng = Rng(99)
    events = Heap()
    t = 0
    for c in range(customers):
        t += 1 + rng.below(4)
        events.push(t, ("arrive", c, 0))
    free = servers
    waiting = []
    head = 0
    served = 0
    total_wait = 0
    max_queue = 0
    arrivals = {}
    while len(events):
        now, (kind, cust, _) = events.pop()
        if kind == "arrive":
            arrivals[cust] = now
            if free:
                free -= 1
                events.push(now + 3 + rng.below(3 * servers), ("done", cust, 0))
            else:
                waiting.append(cust)
                if len(waiting) - head > max_queue:
                    max_queue = len(waiting) - head
        else:
            served += 1
            if head < len(waiting):
                nxt = waiting[head]
                head += 1
                total_wait += now - arrivals[nxt]
                events.push(now + 3 + rng.below(3 * servers), ("done", nxt, 0))
            else:
                free += 1
    return served, total_wait, max_queue


def heapsort(values):
    h = Heap()
    for v in values:
        h.push(v, None)
    return [h.pop()[0] for _ in range(len(values))]


def bench(n):
    result = simulate(n, 5)
    rng = Rng(5)
    values = [rng.below(1000000) for _ in range(n // 2)]
    ordered = heapsort(values)
    if ordered != sorted(values):
        raise AssertionError("heapsort disagrees with sorted()")
    return result + (ordered[len(ordered) // 2],)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("served, total wait, max queue, median:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
