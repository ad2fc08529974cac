# particles.py — benchmark: a 2-D particle simulation with many small short-lived objects: emitters,
# gravity, drag, wall bounces, a spatial hash for pairwise collisions, particles that age and die.
# Usage: particles.py [steps] [iterations]. Self-check: population statistics at the end.
import sys

DEFAULT_SIZE = 300
QUICK_SIZE = 60
EXPECTED = {
    60: (480, 3569, 10, 0, '5754.2604'),
    300: (1598, 324796, 14222, 802, '18054.8432'),
}

WIDTH = 100.0
HEIGHT = 60.0
CELL = 2.0
RADIUS = 0.5


class Rng:
    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.s >> 11) / 9007199254740992.0


class Particle:
    __slots__ = ("x", "y", "vx", "vy", "age", "life", "mass")

    def __init__(self, x, y, vx, vy, life, mass):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.age = 0
        self.life = life
        self.mass = mass

    def alive(self):
        return self.age < self.life


class Emitter:
    def __init__(self, x, y, spread, rate, rng):
        self.x = x
        self.y = y
        self.spread = spread
        self.rate = rate
        self.rng = rng

    def emit(self, out):
        r = self.rng
        for _ in range(self.rate):
            vx = (r.next() - 0.5) * self.spread
            vy = r.next() * self.spread
            out.append(Particle(self.x, self.y, vx, vy, 150 + int(r.next() * 100), 0.5 + r.next()))


class World:
    def __init__(self):
        rng = Rng(2024)
        self.emitters = [Emitter(20.0, 5.0, 6.0, 3, rng), Emitter(50.0, 10.0, 8.0, 2, rng),
                         Emitter(80.0, 5.0, 6.0, 3, rng)]
        self.particles = []
        self.collisions = 0
        self.bounces = 0
        self.deaths = 0

    def step(self, dt):
        for e in self.emitters:
            e.emit(self.particles)
        for p in self.particles:
            p.vy -= 9.81 * dt
            p.vx *= 0.999
            p.vy *= 0.999
            p.x += p.vx * dt
            p.y += p.vy * dt
            p.age += 1
            if p.x < 0.0:
                p.x = -p.x
                p.vx = -p.vx
                self.bounces += 1
            elif p.x > WIDTH:
                p.x = 2.0 * WIDTH - p.x
                p.vx = -p.vx
                self.bounces += 1
            if p.y < 0.0:
                p.y = -p.y
                p.vy = -p.vy * 0.8
                self.bounces += 1
            elif p.y > HEIGHT:
                p.y = 2.0 * HEIGHT - p.y
                p.vy = -p.vy
                self.bounces += 1
        self.collide()
        survivors = [p for p in self.particles if p.alive()]
        self.deaths += len(self.particles) - len(survivors)
        self.particles = survivors

    def collide(self):
        grid = {}
        for p in self.particles:
            key = (int(p.x / CELL), int(p.y / CELL))
            bucket = grid.get(key)
            if bucket is None:
                grid[key] = [p]
            else:
                bucket.append(p)
        limit = (2 * RADIUS) ** 2
        for (cx, cy), bucket in grid.items():
            for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1), (1, -1)):
                other = bucket if dx == 0 and dy == 0 else grid.get((cx + dx, cy + dy))
                if other is None:
                    continue
                same = other is bucket
                for i, a in enumerate(bucket):
                    for b in (other[i + 1:] if same else other):
                        ddx = b.x - a.x
                        ddy = b.y - a.y
                        d2 = ddx * ddx + ddy * ddy
                        if 0.0 < d2 < limit:
                            self.resolve(a, b, ddx, ddy, d2)

    def resolve(self, a, b, dx, dy, d2):
        # Elastic impulse along the line of centres, only when approaching.
        rvx = b.vx - a.vx
        rvy = b.vy - a.vy
        along = rvx * dx + rvy * dy
        if along >= 0.0:
            return
        self.collisions += 1
        k = 2.0 * along / ((a.mass + b.mass) * d2)
        a.vx += k * b.mass * dx
        a.vy += k * b.mass * dy
        b.vx -= k * a.mass * dx
        b.vy -= k * a.mass * dy


def bench(steps):
    w = World()
    for _ in range(steps):
        w.step(0.02)
    energy = 0.0
    for p in w.particles:
        energy += 0.5 * p.mass * (p.vx * p.vx + p.vy * p.vy)
    return len(w.particles), w.collisions, w.bounces, w.deaths, "%.4f" % energy


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("alive, collisions, bounces, deaths, energy:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
