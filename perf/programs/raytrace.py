# raytrace.py — benchmark: a recursive ray tracer (spheres and a checkered plane, point lights,
# shadows, reflections) rendering an n x n image. Usage: raytrace.py [n] [iterations].
# Self-check: a checksum of the 8-bit RGB pixels.
import sys

DEFAULT_SIZE = 240
QUICK_SIZE = 50
EXPECTED = {
    50: (2001, 1699570665),
    240: (46099, 912856335),
}

EPSILON = 1e-6
MAX_DEPTH = 3


class V3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return V3(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return V3(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return V3(self.x * k, self.y * k, self.z * k)

    def mul(self, o):
        return V3(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        k = 1.0 / (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5
        return V3(self.x * k, self.y * k, self.z * k)


BLACK = V3(0.0, 0.0, 0.0)


class Ray:
    __slots__ = ("origin", "dir")

    def __init__(self, origin, direction):
        self.origin = origin
        self.dir = direction


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def color_at(self, point):
        if (int(point.x // 1.0) + int(point.z // 1.0)) & 1:
            return V3(0.9, 0.9, 0.9)
        return V3(0.1, 0.1, 0.1)


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.r2 = radius * radius
        self.material = material

    def intersect(self, ray):
        oc = self.center.sub(ray.origin)
        b = oc.dot(ray.dir)
        disc = b * b - oc.dot(oc) + self.r2
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = b - root
        if t > EPSILON:
            return t
        t = b + root
        return t if t > EPSILON else None

    def normal(self, point):
        return point.sub(self.center).norm()


class Plane:
    def __init__(self, normal, offset, material):
        self.n = normal.norm()
        self.offset = offset
        self.material = material

    def intersect(self, ray):
        denom = self.n.dot(ray.dir)
        if -EPSILON < denom < EPSILON:
            return None
        t = (self.offset - self.n.dot(ray.origin)) / denom
        return t if t > EPSILON else None

    def normal(self, point):
        return self.n


class Light:
    def __init__(self, pos, color):
        self.pos = pos
        self.color = color


class Scene:
    def __init__(self):
        self.things = [
            Plane(V3(0.0, 1.0, 0.0), 0.0, Checker(BLACK, 0.8, 0.2, 20.0, 0.3)),
            Sphere(V3(0.0, 1.0, -0.25), 1.0, Material(V3(0.8, 0.3, 0.3), 0.7, 0.5, 50.0, 0.3)),
            Sphere(V3(-1.5, 0.6, 1.2), 0.6, Material(V3(0.2, 0.7, 0.3), 0.9, 0.2, 10.0, 0.1)),
            Sphere(V3(1.6, 0.5, 1.0), 0.5, Material(V3(0.3, 0.4, 0.9), 0.6, 0.8, 80.0, 0.5)),
        ]
        self.lights = [
            Light(V3(-2.0, 2.5, 0.0), V3(0.49, 0.07, 0.07)),
            Light(V3(1.5, 2.5, 1.5), V3(0.07, 0.07, 0.49)),
            Light(V3(1.5, 2.5, -1.5), V3(0.07, 0.49, 0.071)),
            Light(V3(0.0, 3.5, 0.0), V3(0.21, 0.21, 0.35)),
        ]
        self.eye = V3(3.0, 2.0, 4.0)
        look_at = V3(-1.0, 0.5, 0.0)
        self.forward = look_at.sub(self.eye).norm()
        down = V3(0.0, -1.0, 0.0)
        self.right = V3(self.forward.z * down.y - self.forward.y * down.z,
                        self.forward.x * down.z - self.forward.z * down.x,
                        self.forward.y * down.x - self.forward.x * down.y).norm().scale(1.5)
        f, r = self.forward, self.right
        self.up = V3(f.z * r.y - f.y * r.z, f.x * r.z - f.z * r.x, f.y * r.x - f.x * r.y).norm().scale(1.5)

    def closest(self, ray):
        best_t = None
        best = None
        for thing in self.things:
            t = thing.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = thing
        return best, best_t

    def trace(self, ray, depth):
        thing, t = self.closest(ray)
        if thing is None:
            return BLACK
        point = ray.origin.add(ray.dir.scale(t))
        normal = thing.normal(point)
        reflect_dir = ray.dir.sub(normal.scale(2.0 * normal.dot(ray.dir)))
        color = self.shade(thing, point, normal, reflect_dir)
        mat = thing.material
        if depth < MAX_DEPTH and mat.reflect > 0.0:
            bounce = self.trace(Ray(point, reflect_dir), depth + 1)
            color = color.add(bounce.scale(mat.reflect))
        return color

    def shade(self, thing, point, normal, reflect_dir):
        mat = thing.material
        base = mat.color_at(point)
        total = V3(0.0, 0.0, 0.0)
        for light in self.lights:
            to_light = light.pos.sub(point)
            dist2 = to_light.dot(to_light)
            ldir = to_light.norm()
            blocker, bt = self.closest(Ray(point, ldir))
            if blocker is not None and bt * bt < dist2:
                continue
            illum = ldir.dot(normal)
            if illum > 0.0:
                total = total.add(light.color.mul(base).scale(illum * mat.diffuse))
            spec = ldir.dot(reflect_dir)
            if spec > 0.0:
                total = total.add(light.color.scale(mat.specular * spec ** mat.shininess))
        return total

    def camera_ray(self, x, y, n):
        half = n / 2.0
        px = (x - half) / (2.0 * n)
        py = -(y - half) / (2.0 * n)
        d = self.forward.add(self.right.scale(px)).add(self.up.scale(py)).norm()
        return Ray(self.eye, d)


def to_byte(c):
    v = int(c * 255.0)
    return 0 if v < 0 else 255 if v > 255 else v


def bench(n):
    scene = Scene()
    checksum = 0
    lit = 0
    for y in range(n):
        for x in range(n):
            c = scene.trace(scene.camera_ray(x, y, n), 0)
            r, g, b = to_byte(c.x), to_byte(c.y), to_byte(c.z)
            if r or g or b:
                lit += 1
            checksum = (checksum * 257 + r * 65536 + g * 256 + b) % 2147483647
    return lit, checksum


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for i in range(iterations):
        result = bench(size)
        if iterations > 1:
            print("iteration", i + 1, flush=True)
    print("lit pixels, checksum:", result)
    want = EXPECTED.get(size)
    if want is None:
        print("note: no reference result for size %d: %r" % (size, result), file=sys.stderr)
    elif result != want:
        print("WRONG ANSWER: got %r, expected %r" % (result, want), file=sys.stderr)
        sys.exit(1)


main()
