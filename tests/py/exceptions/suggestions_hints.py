# "Did you mean" hints of the traceback printer (sys.__excepthook__): NameError from the
# innermost frame's varnames/globals/builtins, AttributeError from dir(obj), and the name/obj
# that an AttributeError raised by __getattr__ receives.
import io
import sys


def show(f):
    try:
        f()
    except Exception as e:
        saved, sys.stderr = sys.stderr, io.StringIO()
        try:
            sys.__excepthook__(type(e), e, e.__traceback__)
        finally:
            text, sys.stderr = sys.stderr.getvalue(), saved
        print(text.splitlines()[-1])

def Substitution():
    noise = more_noise = a = bc = None
    blech = None
    print(bluch)
def EliminationOverAddition():
    blucha = None
    bluc = None
    print(bluch)
def glob():
    print(global_for_suggestio)
global_for_suggestions = 1
def builtin():
    print(ZeroDivisionErrrrr)
def unbound():
    bluch
    blech = 1
def cell():
    blech = 1
    def inner():
        return blech
    print(bluch)
class A:
    blech = None
    def __init__(self): self.wibble = 1
def attr():
    A().bluch
def attr2():
    A().wible
def attr3():
    import os; os.pathh
def attr4():
    raise AttributeError(name="blich", obj=A())
def too_many():
    d = {f"v{i}": i for i in range(800)}
    class X: pass
    x = X(); x.__dict__.update(d); x.v1x
for f in [Substitution, EliminationOverAddition, glob, builtin, unbound, cell, attr, attr2, attr3, attr4, too_many]:
    show(f)


class NonStringifyClass:
    __str__ = None
    __repr__ = None


class G:
    blech = None

    def __getattr__(self, attr):
        raise self.error


for err in [AttributeError(NonStringifyClass()), AttributeError("Error", 23), AttributeError(23), AttributeError]:
    G.error = err
    show(lambda: G().bluch)
    try:
        getattr(G(), "bluch")
    except AttributeError as e:
        print(e.name, type(e.obj).__name__)
show(lambda: exec("raise AttributeError(name=12, obj=23)"))
for cls in (AttributeError, NameError, ImportError, ValueError):
    for kw in [dict(name="x"), dict(obj=1), dict(path=2), dict(foo=1), dict(name=1, obj=2, path=3)]:
        try:
            e = cls("m", **kw)
            print(cls.__name__, kw, getattr(e, "name", "-"), getattr(e, "obj", "-"), e.args)
        except TypeError as x:
            print(cls.__name__, kw, x)
print(AttributeError.__new__(AttributeError, 1, name="q").name)
