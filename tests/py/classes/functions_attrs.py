# Function objects: __name__, __qualname__, __doc__, __module__, __defaults__,
# __kwdefaults__, __code__, __globals__, __closure__, __dict__, __annotations__.
def outer(a, b=2, *args, c, d=4, **kw):
    "Outer's doc."
    x = 1
    def inner(y):
        return x + y + a
    return inner

print(outer.__name__, outer.__qualname__, outer.__doc__, outer.__module__)
print(outer.__defaults__, outer.__kwdefaults__)
co = outer.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames[:6], co.co_cellvars, co.co_firstlineno)
print(co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0)
inner = outer(10, c=3)
print(inner.__name__, inner.__qualname__, inner.__code__.co_freevars)
print([type(c).__name__ for c in inner.__closure__], [c.cell_contents for c in inner.__closure__])
print(outer.__closure__, inner.__doc__, inner(5))
print(outer.__globals__ is globals(), type(outer.__code__).__name__)

def annotated(a: int, b: "str" = "x") -> bool:
    pass
print(annotated.__annotations__)
def plain():
    pass
print(plain.__annotations__, plain.__defaults__, plain.__kwdefaults__, plain.__doc__)

plain.attr = 42
print(plain.attr, plain.__dict__)
plain.__name__ = "renamed"
plain.__qualname__ = "Q.renamed"
plain.__doc__ = "new doc"
print(plain.__name__, plain.__qualname__, plain.__doc__)
try:
    plain.__name__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    plain.__defaults__ = [1]
except TypeError as e:
    print("TypeError", e)

def defaults(a, b=1):
    return (a, b)
defaults.__defaults__ = (99,)
print(defaults(0))
defaults.__defaults__ = None
try:
    defaults(0)
except TypeError as e:
    print("TypeError", e)

def kwonly(*, k=1):
    return k
kwonly.__kwdefaults__ = {"k": 7}
print(kwonly())

def swap_a():
    return "a"
def swap_b():
    return "b"
swap_a.__code__ = swap_b.__code__
print(swap_a())

lam = lambda: 0
print(lam.__name__, lam.__qualname__)

class K:
    def method(self):
        pass
    class Nested:
        def deep(self):
            pass
print(K.method.__qualname__, K.Nested.deep.__qualname__, K.Nested.__qualname__)

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c()
c()
print(c.__closure__[0].cell_contents)
c.__closure__[0].cell_contents = 10
print(c())

def gen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0)
