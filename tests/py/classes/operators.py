# Operator overloading: reflected operands, NotImplemented, subclass priority, in-place,
# comparisons and their reflection, unary operators, __bool__/__len__, __contains__.
class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Num(" + repr(self.v) + ")"
    def __add__(self, other):
        if isinstance(other, Num):
            return Num(self.v + other.v)
        if isinstance(other, int):
            return Num(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd", other)
        return Num(other + self.v)
    def __sub__(self, other):
        return Num(self.v - (other.v if isinstance(other, Num) else other))
    def __rsub__(self, other):
        return Num(other - self.v)
    def __mul__(self, other):
        return Num(self.v * other)
    __rmul__ = __mul__
    def __neg__(self):
        return Num(-self.v)
    def __pos__(self):
        return self
    def __invert__(self):
        return Num(~self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __eq__(self, other):
        return isinstance(other, Num) and self.v == other.v
    def __lt__(self, other):
        return self.v < other.v
    def __hash__(self):
        return hash(self.v)

print(Num(1) + Num(2), Num(1) + 5, 5 + Num(1), 10 - Num(3), Num(10) - 3, 3 * Num(4), Num(4) * 3)
print(-Num(3), +Num(3), ~Num(3), abs(Num(-3)))
print(Num(1) == Num(1), Num(1) != Num(2), Num(1) < Num(2), Num(2) > Num(1))
try:
    Num(1) + "x"
except TypeError as e:
    print("TypeError", e)
try:
    Num(1) <= Num(2)
except TypeError as e:
    print("TypeError", e)

class Sub(Num):
    def __radd__(self, other):
        print("Sub.radd first")
        return Sub(other.v * 100 + self.v)
    def __repr__(self):
        return "Sub(" + repr(self.v) + ")"
print(Num(1) + Sub(2))

# in-place falls back to the binary operator
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items = self.items + [other]
        return self
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
n = Num(1)
n += 4
print(n)

class Both:
    def __eq__(self, other):
        print("Both.eq")
        return NotImplemented
class Other:
    def __eq__(self, other):
        print("Other.eq")
        return NotImplemented
print(Both() == Other())
print(Both() != Other())

class Truthy:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Flag:
    def __bool__(self):
        return False
print(bool(Truthy(0)), bool(Truthy(2)), bool(Flag()), not Flag())
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)

class Box:
    def __contains__(self, item):
        return item == 3
print(3 in Box(), 4 in Box(), 4 not in Box())

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print([x for x in Seq()], 20 in Seq(), 25 in Seq())

class Callable:
    def __call__(self, *args, **kw):
        return ("called", args, kw)
print(Callable()(1, k=2), callable(Callable()), callable(1))

class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], bin(Idx()), hex(Idx()), range(Idx()))

class Pow:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
    def __rpow__(self, other):
        return ("rpow", other)
print(Pow() ** 2, 2 ** Pow(), pow(Pow(), 3, 5))

class Div:
    def __divmod__(self, other):
        return ("divmod", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
    def __round__(self, n=None):
        return ("round", n)
print(divmod(Div(), 1), divmod(1, Div()), round(Div()), round(Div(), 2))

class Matrix:
    def __matmul__(self, o):
        return "matmul"
    def __rmatmul__(self, o):
        return "rmatmul"
print(Matrix() @ 1, 1 @ Matrix())
