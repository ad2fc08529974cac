# vectors.py — benchmark: float-heavy 3-D vector objects with operator overloading (a point-cloud pass:
# centroid, covariance, rotation, nearest pairs within cells, Bezier samples).
# Usage: vectors.py [points] [iterations]. Self-check: rounded aggregates.
import sys

DEFAULT_SIZE = 150000
QUICK_SIZE = 15000
EXPECTED = {
    15000: ('8.355141', '1.341769', '0.332077', '0.045853', 181, '4412.4212', '3.299507'),
    150000: ('8.346003', '1.338052', '0.333270', '0.000826', 198, '43343.7001', '3.299507'),
}


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        n = self.length()
        return self * (1.0 / n) if n > 0.0 else self


class Rng:
    """Linear congruential generator: the same stream on every interpreter."""

    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 2147483648.0


def rotate(points, axis, cos_a, sin_a):
    # Rodrigues' rotation formula around a unit axis.
    out = []
    for p in points:
        out.append(p * cos_a + axis.cross(p) * sin_a + axis * (axis.dot(p) * (1.0 - cos_a)))
    return out


def bezier(p0, p1, p2, p3, t):
    u = 1.0 - t
    return p0 * (u * u * u) + p1 * (3.0 * u * u * t) + p2 * (3.0 * u * t * t) + p3 * (t * t * t)


def bench(n):
    rng = Rng(42)
    points = [Vec(rng.uniform() * 10.0 - 5.0, rng.uniform() * 4.0 - 2.0, rng.uniform() * 2.0 - 1.0)
              for _ in range(n)]
    centroid = Vec(0.0, 0.0, 0.0)
    for p in points:
        centroid = centroid + p
    centroid = centroid * (1.0 / n)
    centered = [p - centroid for p in points]
    cxx = cyy = czz = cxy = 0.0
    for d in centered:
        cxx += d.x * d.x
        cyy += d.y * d.y
        czz += d.z * d.z
        cxy += d.x * d.y
    axis = Vec(1.0, 2.0, 2.0).normalized()
    rotated = rotate(centered, axis, 0.8, 0.6)
    # Nearest neighbour inside a 1-unit grid cell: many short-lived vectors.
    cells = {}
    for p in rotated:
        key = (int(p.x // 1.0), int(p.y // 1.0), int(p.z // 1.0))
        cells.setdefault(key, []).append(p)
    nearest_total = 0.0
    for bucket in cells.values():
        for i in range(1, len(bucket)):
            a = bucket[i]
            best = 1e300
            for j in range(max(0, i - 8), i):
                d = (a - bucket[j]).length()
                if d < best:
                    best = d
            nearest_total += best
    curve = 0.0
    p0, p1, p2, p3 = rotated[0], rotated[1], rotated[2], rotated[3]
    prev = p0
    steps = n // 4
    for k in range(1, steps + 1):
        q = bezier(p0, p1, p2, p3, k / steps)
        curve += (q - prev).length()
        prev = q
    return ("%.6f" % (cxx / n), "%.6f" % (cyy / n), "%.6f" % (czz / n), "%.6f" % (cxy / n),
            len(cells), "%.4f" % nearest_total, "%.6f" % curve)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("aggregates:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
