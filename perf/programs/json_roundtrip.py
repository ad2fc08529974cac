# json_roundtrip.py — benchmark: json.dumps / json.loads round trips of nested documents (records with
# strings, numbers, lists, nested objects, escapes, indentation and sorted keys).
# Usage: json_roundtrip.py [documents] [iterations]. Self-check: loads(dumps(x)) == x; sizes.
import json
import sys

DEFAULT_SIZE = 20000
QUICK_SIZE = 2000
EXPECTED = {
    2000: (786769, 1580775, 887051),
    20000: (7979011, 15922197, 8982113),
}


def make_document(i):
    return {
        "id": i,
        "name": "record-%05d" % i,
        "active": i % 3 != 0,
        "score": (i * 37 % 1000) / 8.0,
        "tags": ["t%d" % (i % k) for k in range(2, 9)],
        "owner": {"user": "user\u00e9%d" % (i % 50), "email": "u%d@example.org" % i, "groups": [1, 2, i % 7]},
        "history": [{"t": i + k, "event": "edit" if k % 2 else "view", "delta": [k, -k, k * k]}
                    for k in range(i % 6)],
        "notes": "line one\nline \"two\"\ttabbed \\ backslash %d" % i,
        "nothing": None,
        "big": 2 ** 40 + i,
    }


def bench(n):
    docs = [make_document(i) for i in range(n)]
    compact_total = 0
    pretty_total = 0
    for start in range(0, n, 100):
        batch = docs[start:start + 100]
        text = json.dumps(batch, separators=(",", ":"))
        compact_total += len(text)
        back = json.loads(text)
        if back != batch:
            raise AssertionError("compact round trip differs")
        pretty = json.dumps(batch, indent=2, sort_keys=True, ensure_ascii=False)
        pretty_total += len(pretty)
        if json.loads(pretty) != batch:
            raise AssertionError("pretty round trip differs")
    single = 0
    for d in docs:
        s = json.dumps(d)
        single += len(s)
        if json.loads(s)["id"] != d["id"]:
            raise AssertionError("single round trip")
    return compact_total, pretty_total, single


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("compact, pretty, single lengths:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
