# object.__reduce_ex__ / __reduce__ / __getstate__: what copy and pickle build on.
import copyreg
class P:
    def __init__(self, x):
        self.x = x
class S:
    __slots__ = ('a', 'b')
class N(list):
    pass
class D(dict):
    pass
class G:
    def __getnewargs__(self):
        return (1, 2)
    def __new__(cls, *args):
        o = object.__new__(cls)
        o.args = args
        return o
class GE:
    def __getnewargs_ex__(self):
        return ((1,), {'k': 2})
class R:
    def __reduce__(self):
        return (R, ())
p = P(5)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (P,), r[2], r[3:], p.__reduce_ex__(4)[2])
s = S(); s.a = 1
print(s.__reduce_ex__(2)[2], S().__reduce_ex__(3)[2], s.__getstate__())
n = N([1, 2]); n.extra = 3
r = n.__reduce_ex__(2)
print(r[1] == (N,), r[2], list(r[3]), r[4])
d = D(a=1)
r = d.__reduce_ex__(2)
print(r[2], r[3], list(r[4]))
print(G().__reduce_ex__(2)[1][1:], GE().__reduce_ex__(2)[0] is copyreg.__newobj_ex__, GE().__reduce_ex__(2)[1][1:])
print(R().__reduce_ex__(2), R().__reduce_ex__(0))
print(object().__reduce_ex__(2)[1][0] is object, P(1).__getstate__(), object().__getstate__())
print(p.__reduce__()[0] is copyreg._reconstructor, p.__reduce__()[1], p.__reduce__()[2])
try:
    (1).__reduce_ex__(0) if False else None
    object.__reduce_ex__(p)
except TypeError as e:
    print(e)
class Bad:
    def __getnewargs__(self): return [1]
try:
    Bad().__reduce_ex__(2)
except TypeError as e:
    print(e)
