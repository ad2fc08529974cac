# sorting.py — benchmark: sorting records with key functions (lambdas, tuples, methods), stable
# multi-pass sorts, reverse sorts, a merge sort and an insertion sort written in Python, and grouping.
# Usage: sorting.py [records] [iterations]. Self-check: every ordering is verified, plus checksums.
import sys

DEFAULT_SIZE = 150000
QUICK_SIZE = 15000
EXPECTED = {
    15000: (651640465, 141558105, 50411981, 600293641, 'Oslo', 'Kyiv', 'ZzzAaa'),
    150000: (825452372, 251641825, 898367442, 912514819, 'Cork', 'Kyiv', 'ZzzAaa'),
}

CITIES = ["Oslo", "Lima", "Kyiv", "Pune", "Baku", "Riga", "Doha", "Nice", "Kobe", "Bern", "Cork"]


class Employee:
    __slots__ = ("ident", "name", "city", "age", "salary")

    def __init__(self, ident, name, city, age, salary):
        self.ident = ident
        self.name = name
        self.city = city
        self.age = age
        self.salary = salary

    def sort_key(self):
        return (self.city, -self.salary, self.name)


def make_people(n):
    state = 12345
    people = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        name = chr(65 + state % 26) + chr(97 + (state >> 5) % 26) + chr(97 + (state >> 10) % 26)
        city = CITIES[(state >> 15) % len(CITIES)]
        age = 20 + (state >> 8) % 45
        salary = 1000 * (30 + (state >> 3) % 90)
        people.append(Employee(i, name, city, age, salary))
    return people


def merge_sort(items, key):
    if len(items) <= 16:
        return insertion_sort(items, key)
    mid = len(items) // 2
    left = merge_sort(items[:mid], key)
    right = merge_sort(items[mid:], key)
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def insertion_sort(items, key):
    out = list(items)
    for i in range(1, len(out)):
        x = out[i]
        kx = key(x)
        j = i - 1
        while j >= 0 and kx < key(out[j]):
            out[j + 1] = out[j]
            j -= 1
        out[j + 1] = x
    return out


def is_sorted(items, key):
    for a, b in zip(items, items[1:]):
        if key(b) < key(a):
            return False
    return True


def checksum(people):
    c = 0
    for p in people:
        c = (c * 31 + p.ident) % 1000000007
    return c


def bench(n):
    people = make_people(n)
    results = []
    by_age = sorted(people, key=lambda p: p.age)
    results.append(checksum(by_age))
    by_key = sorted(people, key=Employee.sort_key)
    if not is_sorted(by_key, Employee.sort_key):
        raise AssertionError("method-key sort")
    results.append(checksum(by_key))
    # Stable two-pass sort equals a single tuple-key sort.
    two_pass = sorted(people, key=lambda p: p.name)
    two_pass.sort(key=lambda p: p.salary, reverse=True)
    one_pass = sorted(people, key=lambda p: (-p.salary, p.name))
    if [p.ident for p in two_pass] != [p.ident for p in one_pass]:
        raise AssertionError("stable sort")
    results.append(checksum(one_pass))
    merged = merge_sort(people, lambda p: (p.age, p.name))
    if [p.ident for p in merged] != [p.ident for p in sorted(people, key=lambda p: (p.age, p.name))]:
        raise AssertionError("merge sort")
    results.append(checksum(merged))
    groups = {}
    for p in by_key:
        groups.setdefault(p.city, []).append(p.salary)
    summary = sorted(((city, max(s), min(s), len(s)) for city, s in groups.items()), key=lambda g: g[3])
    results.append(summary[0][0])
    results.append(summary[-1][0])
    words = sorted((p.name for p in people), key=str.lower, reverse=True)
    results.append(words[0] + words[-1])
    return tuple(results)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("checksums and groups:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
