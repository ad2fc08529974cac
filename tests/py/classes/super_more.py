# super(): cooperative __init__ chains, properties and class attributes through super,
# super in __new__ and metaclass methods, unbound super, attribute errors.
class Root:
    def __init__(self, **kw):
        print("Root", sorted(kw))
class Left(Root):
    def __init__(self, left=0, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Root):
    def __init__(self, right=0, **kw):
        print("Right", right)
        super().__init__(**kw)
class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom")
        super().__init__(**kw)
Bottom(left=1, right=2, extra=3)

class P:
    label = "P-label"
    @property
    def value(self):
        return "P.value of " + type(self).__name__
    @staticmethod
    def st(x):
        return x * 2
    @classmethod
    def cm(cls):
        return cls.__name__
class Q(P):
    label = "Q-label"
    @property
    def value(self):
        return "Q wraps " + super().value
    def show(self):
        return (super().label, self.label, super().st(4), super().cm())
q = Q()
print(q.value)
print(q.show())
try:
    super(Q, q).missing
except AttributeError as e:
    print("AttributeError", e)

class Single:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst
class SubSingle(Single):
    def __new__(cls, *args):
        return super().__new__(cls, *args)
print(SubSingle(1, 2).args, type(SubSingle()).__name__)

class Meta(type):
    def __call__(cls, *args):
        inst = super().__call__(*args)
        inst.via_meta = True
        return inst
    def describe(cls):
        return "class " + cls.__name__
class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v
m = M(3)
print(m.v, m.via_meta, M.describe())

s = super(Q)
print(type(s).__name__, repr(super(Q, q))[:28])
print(super(Q, Q).cm(), super(Q, Q).label)

class WithClassMethod(P):
    @classmethod
    def cm(cls):
        return "child:" + super().cm()
print(WithClassMethod.cm(), WithClassMethod().cm())


# super's own attributes
class SA:
    def m(self):
        s = super()
        return s.__thisclass__.__name__, s.__self__ is self, s.__self_class__.__name__
class SB(SA): pass
print(SB().m())
u = super(SA)
print(u.__thisclass__.__name__, u.__self__, u.__self_class__)
print(super(SA, SB).__self__.__name__)
