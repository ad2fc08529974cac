# Big-int +, -, *, //, % and comparisons around limb boundaries, signs, zero and the small-int
# range edges (the limb-level fast path must agree with the general one everywhere).
SMALL_MAX = 2 ** 62 - 1
SMALL_MIN = -(2 ** 62)
edges = [0, 1, -1, SMALL_MAX, SMALL_MAX + 1, SMALL_MIN, SMALL_MIN - 1, 2 ** 63 - 1, 2 ** 63, -(2 ** 63),
         2 ** 64 - 1, 2 ** 64, -(2 ** 64), 2 ** 64 + 1, 2 ** 128 - 1, -(2 ** 128) + 5, 3 ** 100, -(7 ** 90)]
state = 987654321


def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state


values = list(edges)
for _ in range(30):
    bits = rnd() % 400
    v = rnd() << bits | rnd()
    values.append(-v if rnd() & 1 else v)

digest = 0
count = 0
for x in values:
    for y in values:
        results = [x + y, x - y, x * y, x < y, x <= y, x == y, x != y, x > y, x >= y]
        if y:
            results += [x // y, x % y]
        for r in results:
            digest = (digest * 1000003 + hash(r)) % (2 ** 61 - 1)
            count += 1
print(count, digest)
print(SMALL_MAX + 1 - 1, type(SMALL_MAX + 1 - 1).__name__, (SMALL_MIN - 1) + 1, 2 ** 64 - 2 ** 64, (2 ** 64) * 0)
print(2 ** 70 // 2 ** 10, 2 ** 70 % 3, (2 ** 100 + 5) % 2 ** 100, 10 ** 30 // 10 ** 31, 10 ** 30 % 10 ** 31)
print(-(2 ** 70) // 3, -(2 ** 70) % 3, 2 ** 70 // -3, 2 ** 70 % -3, (2 ** 64) * (2 ** 64) == 2 ** 128)
print(sorted(values[:12]), max(values), min(values))
acc = 1
for i in range(1, 60):
    acc = acc * i - (acc // 7) + i * (2 ** 65)
print(acc % 1000000007, acc.bit_length())
