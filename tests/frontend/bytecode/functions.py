# Functions: defaults, kw-only defaults, annotations, closures, nonlocal, decorators, lambdas,
# classes with __class__ cells, generators and comprehensions.
@decorator
def outer(a, /, b=1, *args, c, d=2, **kw) -> int:
    "docstring"
    count = 0
    def inner(x: int):
        nonlocal count
        count += x
        return count + a
    return inner

class C(Base, metaclass=Meta):
    attr: int = 3
    def method(self):
        return super().method(), __class__

def gen(n):
    x = yield n
    yield from range(x)
    return [y * 2 for y in range(n) if y], {k: v for k, v in x}, (i for i in n)

square = lambda v, *, p=2: v ** p
