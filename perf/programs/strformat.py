# strformat.py — benchmark: building and formatting strings (f-strings, %-format, str.format with
# alignment, join, replace, split) into a text report, then parsing the report back.
# Usage: strformat.py [rows] [iterations]. Self-check: the parsed totals equal the generated ones.
import sys

DEFAULT_SIZE = 400000
QUICK_SIZE = 40000
EXPECTED = {
    40000: (2760137, 2332137, 10022520, 80006, 'doohickey=67627508338, gadget=70360602744, gizmo=69044713414'),
    400000: (27600137, 23314267, 100070698, 800006, 'doohickey=690345889236, gadget=687942019651, gizmo=692055123'),
}

PRODUCTS = ["widget", "gadget", "doohickey", "sprocket", "gizmo", "thingamajig", "whatsit"]
REGIONS = ["north", "south", "east", "west"]


def make_rows(n):
    state = 2718
    rows = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        product = PRODUCTS[state % len(PRODUCTS)]
        region = REGIONS[(state >> 4) % len(REGIONS)]
        qty = 1 + (state >> 8) % 500
        price = ((state >> 12) % 100000) / 100.0
        rows.append((i, product, region, qty, price))
    return rows


def render(rows):
    lines = ["{:>7} | {:<12} | {:^7} | {:>5} | {:>10} | {:>12}".format(
        "id", "product", "region", "qty", "price", "total")]
    lines.append("-" * len(lines[0]))
    for ident, product, region, qty, price in rows:
        total = qty * price
        if ident % 3 == 0:
            line = f"{ident:>7} | {product:<12} | {region:^7} | {qty:>5} | {price:>10.2f} | {total:>12.2f}"
        elif ident % 3 == 1:
            line = "%7d | %-12s | %s | %5d | %10.2f | %12.2f" % (
                ident, product, region.center(7), qty, price, total)
        else:
            line = "{0:>7} | {1:<12} | {2:^7} | {3:>5} | {4:>10.2f} | {5:>12.2f}".format(
                ident, product, region, qty, price, total)
        lines.append(line)
    return "\n".join(lines)


def parse(report):
    totals = {}
    count = 0
    qty_sum = 0
    for line in report.split("\n")[2:]:
        fields = [f.strip() for f in line.split("|")]
        product = fields[1]
        qty_sum += int(fields[3])
        cents = int(fields[5].replace(".", ""))
        totals[product] = totals.get(product, 0) + cents
        count += 1
    return count, qty_sum, totals


def bench(n):
    rows = make_rows(n)
    report = render(rows)
    count, qty_sum, totals = parse(report)
    # Cross-check against the numbers before formatting (rounded to cents the same way).
    expect = {}
    for _, product, _, qty, price in rows:
        expect[product] = expect.get(product, 0) + int(("%.2f" % (qty * price)).replace(".", ""))
    if totals != expect or count != n:
        raise AssertionError("report does not parse back to its data")
    upper = report.upper().replace("WIDGET", "W").replace(" | ", ",")
    words = sum(1 for w in report.split() if w.isalpha())
    summary = ", ".join("%s=%d" % (k, totals[k]) for k in sorted(totals))
    return len(report), len(upper), qty_sum, words, summary[:60]


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("report length, upper length, quantity, words, summary:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
