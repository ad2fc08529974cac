# Match statements: sequence, mapping, class, or, guard and capture patterns.
match {"k": 1, "z": 2}:
    case {"k": v, **rest}:
        print("mapping", v, rest)
match (1, 2, 3):
    case (1, *r):
        print("seq", r)
match 5:
    case 1 | 2:
        print("no")
    case n if n > 3:
        print("big", n)
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
for p in [P(0, 5), P(5, 0), P(1, 1), [1, 2], "str", None, {"k": 3}]:
    match p:
        case P(x=0, y=yy) | P(x=yy, y=0):
            print("axis", yy)
        case P(a, b) if a == b:
            print("diag", a)
        case [first, *_]:
            print("list", first)
        case str() as s:
            print("str", s)
        case None:
            print("none")
        case {"k": int(v)}:
            print("k", v)
