# dataclasses_records.py — benchmark: dataclasses-heavy code: frozen and ordered dataclasses, default
# factories, __post_init__, replace(), asdict(), generated __eq__/__lt__/__hash__ in sorts and sets.
# Usage: dataclasses_records.py [records] [iterations]. Self-check: aggregates and round trips.
import dataclasses
import sys
from dataclasses import dataclass, field

DEFAULT_SIZE = 120000
QUICK_SIZE = 12000
EXPECTED = {
    12000: (0, 2, 10316, (-100, -93), (-99, -100), 3462, 77915617),
    120000: (0, 2, 37410, (-100, -100), (-100, -100), 113130, 781298562),
}


@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int

    def manhattan(self):
        return abs(self.x) + abs(self.y)


@dataclass
class Item:
    sku: str
    price_cents: int
    qty: int = 1

    @property
    def total(self):
        return self.price_cents * self.qty


@dataclass(order=True)
class Order:
    priority: int
    ident: int
    where: Point = field(compare=False)
    items: list = field(default_factory=list, compare=False)
    total: int = field(init=False, default=0, compare=False)

    def __post_init__(self):
        self.total = sum(item.total for item in self.items)


def make_orders(n):
    state = 4242
    orders = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        items = [Item("sku%d" % ((state >> k) % 50), 100 + (state >> (k + 3)) % 5000, 1 + k % 3)
                 for k in range(state % 4)]
        where = Point((state >> 4) % 200 - 100, (state >> 12) % 200 - 100)
        orders.append(Order(state % 5, i, where, items))
    return orders


def bench(n):
    orders = make_orders(n)
    ordered = sorted(orders)
    first = ordered[0]
    points = {o.where for o in orders}
    closest = min(points)
    far = max(points, key=Point.manhattan)
    moved = [dataclasses.replace(o.where, x=o.where.x + 1) for o in orders]
    moved_hits = sum(1 for p in moved if p in points)
    dicts = [dataclasses.asdict(o) for o in orders[: n // 10]]
    rebuilt = [Order(d["priority"], d["ident"], Point(**d["where"]), [Item(**it) for it in d["items"]])
               for d in dicts]
    if rebuilt != orders[: n // 10]:
        raise AssertionError("asdict round trip")
    if any(r.total != o.total for r, o in zip(rebuilt, orders)):
        raise AssertionError("__post_init__ totals")
    revenue = sum(o.total for o in orders)
    return (first.priority, first.ident, len(points), (closest.x, closest.y), (far.x, far.y),
            moved_hits, revenue)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("first, points, closest, farthest, moved, revenue:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
