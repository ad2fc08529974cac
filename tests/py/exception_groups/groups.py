# BaseExceptionGroup / ExceptionGroup: construction checks, str/repr, split, subgroup,
# derive, metadata copied onto the parts, notes.
def t(f):
    try:
        r = f()
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: BaseExceptionGroup('m'))
t(lambda: BaseExceptionGroup(1, []))
t(lambda: BaseExceptionGroup('m', 1))
t(lambda: BaseExceptionGroup('m', []))
t(lambda: BaseExceptionGroup('m', [1]))
t(lambda: BaseExceptionGroup('m', [ValueError()]))
t(lambda: BaseExceptionGroup('m', (KeyboardInterrupt(),)))
t(lambda: ExceptionGroup('m', [KeyboardInterrupt()]))
class MyEG(ExceptionGroup): pass
t(lambda: MyEG('m', [KeyboardInterrupt()]))
class MyBEG(BaseExceptionGroup): pass
t(lambda: MyBEG('m', [ValueError()]))
t(lambda: ExceptionGroup('m', [ValueError()], x=1))
t(lambda: ExceptionGroup('m', 'ab'))
t(lambda: ExceptionGroup('m', {ValueError()}))
e = ExceptionGroup('m', [ValueError(1)])
print(e.args, e.exceptions, str(e), e.message, e.__dict__)
t(lambda: e.split(1))
t(lambda: e.split((ValueError, 1)))
t(lambda: ExceptionGroup[int])
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), ExceptionGroup.__mro__)

def leaf(cls, n):
    try:
        raise cls(n)
    except Exception as x:
        return x

inner = ExceptionGroup("inner", [leaf(TypeError, 2), leaf(ValueError, 3)])
eg = ExceptionGroup("outer", [leaf(ValueError, 1), inner, leaf(KeyError, 4)])
eg.add_note("a note")
try:
    raise eg from OSError("cause")
except ExceptionGroup as caught:
    eg = caught
print(repr(eg), str(eg))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(match.__cause__, match.__suppress_context__, match.__notes__, match.__notes__ is eg.__notes__)
print(match.__traceback__ is eg.__traceback__, rest.__traceback__ is eg.__traceback__)
print(eg.subgroup(lambda x: isinstance(x, (KeyError, TypeError))))
print(eg.subgroup(lambda x: True) is eg, eg.split(BaseException)[0] is eg, eg.split(OSError))
print(eg.subgroup(ExceptionGroup) is eg)
print(eg.split(lambda x: isinstance(x, ExceptionGroup) and x.message == "inner"))
print(eg.derive([leaf(OSError, 5)]), type(eg.derive([KeyboardInterrupt()])).__name__)

class Derived(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self
    def __init__(self, message, excs, extra):
        super().__init__(message, excs)
    def derive(self, excs):
        return Derived(self.message, excs, self.extra)
d = Derived("d", [ValueError(1), TypeError(2)], 42)
m, r = d.split(TypeError)
print(type(m).__name__, m.extra, m.args, r.exceptions)
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 1
t(lambda: BadDerive("b", [ValueError(1), TypeError(2)]).split(TypeError))
class Boom(Exception):
    pass
def pred(x):
    if isinstance(x, KeyError):
        raise Boom("in predicate")
    return False
t(lambda: eg.split(pred))
