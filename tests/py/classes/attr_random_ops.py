# Random sequences of attribute operations (set, delete, get, hasattr, __dict__ edits, vars,
# __class__ assignment, dir) on instances of a few classes, through fixed call sites so the
# caches see many shapes; the final states and every failed access are printed.
state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state % n


class A:
    cls_attr = "A.cls"

    def meth(self):
        return "A.meth"


class B(A):
    pass


class C:
    __slots__ = ("s", "__dict__")

    def meth(self):
        return "C.meth"


NAMES = ["a", "b", "c", "d", "e", "meth", "cls_attr", "s"]


def get_site(o, n):
    return getattr(o, n)


def load_a(o):
    return o.a


def load_b(o):
    return o.b


def store_a(o, v):
    o.a = v


def store_b(o, v):
    o.b = v


def call_meth(o):
    return o.meth()


def step(objs, log, shaped_only):
    o = objs[rnd(len(objs))]
    n = NAMES[rnd(len(NAMES))]
    op = rnd(12)
    if shaped_only and op in (4, 5, 11):
        op = 0  # rounds that never take __dict__ keep instances on shapes
    try:
        if op == 0:
            setattr(o, n, rnd(100))
        elif op == 1:
            delattr(o, n)
        elif op == 2:
            v = get_site(o, n)
            log.append(v if isinstance(v, (int, str)) else type(v).__name__)
        elif op == 3:
            log.append(hasattr(o, n))
        elif op == 4:
            o.__dict__[n] = rnd(100)
        elif op == 5:
            o.__dict__.pop(n, None)
        elif op == 6:
            store_a(o, rnd(100)) if rnd(2) else store_b(o, rnd(100))
        elif op == 7:
            log.append(load_a(o) if rnd(2) else load_b(o))
        elif op == 8:
            log.append(call_meth(o))
        elif op == 9:
            if type(o) is not C:
                o.__class__ = A if type(o) is B else B
        elif op == 10:
            log.append(sorted(k for k in dir(o) if not k.startswith("__")))
        else:
            log.append(sorted(vars(o).items()))
    except (AttributeError, TypeError, KeyError) as e:
        log.append(type(e).__name__)


def main():
    for round_ in range(8):
        objs = [A(), B(), C(), A(), B()]
        log = []
        for _ in range(400):
            step(objs, log, round_ % 2 == 1)
        text = repr(log)
        checksum = 0
        for ch in text:
            checksum = (checksum * 31 + ord(ch)) % 1000000007
        print(round_, len(log), checksum, log[-5:])
        for o in objs:
            print(" ", type(o).__name__, sorted(vars(o).items()), getattr(o, "s", None))


main()
