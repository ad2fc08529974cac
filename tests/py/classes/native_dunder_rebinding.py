# A subclass that rebinds __str__/__format__ to another built-in method (as enum's ReprEnum does)
# gets that method, and str/format/% honour a subclass's own __str__.
import enum


class I(int):
    def __repr__(self):
        return "R"


class J(int):
    def __repr__(self):
        return "R"
    __str__ = int.__repr__


I.__str__ = int.__repr__
print(str(I(3)), str(J(4)), format(J(4)), f"{J(4)}", f"{J(4):>3}")


class S(str):
    def __str__(self):
        return "STR"

    def __repr__(self):
        return "REPR"


s = S("abc")
print(format(s), format(s, ""), format(s, "5"), str.__format__(s, ""), f"{s}", f"{s:>5}", "{}".format(s))
print("%s" % s, "%s" % (s,), "%r" % s, "%(a)s" % {"a": s}, str.__rmod__(s, "[%s]"), str.__mod__("<%s>", s))


class O(str):
    def __repr__(self):
        return "orepr"
    __str__ = object.__str__


print(str(O("x")), format(O("x")), "%s" % O("x"))


class F(float):
    def __str__(self):
        return "FS"


print(format(F(2)), format(F(2), "5"), f"{F(2)}")


class E(enum.IntEnum):
    a = 3
    b = 4


class Fl(enum.IntFlag):
    x = 1
    y = 2


class St(enum.StrEnum):
    p = "pp"


class Flt(float, enum.ReprEnum):
    h = 0.5


print(str(E.a), format(E.b), f"{E.a:>4}", repr(E.a), "%s %d" % (E.a, E.b))
print(str(Fl.x | Fl.y), format(Fl.y), repr(Fl.x | Fl.y))
print(str(St.p), format(St.p), f"{St.p:^6}|", repr(St.p))
print(str(Flt.h), format(Flt.h), f"{Flt.h:.3f}", repr(Flt.h))


class Ex(Exception):
    pass


print(str(Ex(1, 2)), str(Ex("m")), str(KeyError("k")))
