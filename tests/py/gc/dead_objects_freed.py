# Objects that become unreachable are freed by gc.collect(): nothing stale (dead call operands,
# an exception handler's cut-off stack, a dead frame's slots, a with-exit's arguments) keeps
# them alive.
import gc
import weakref


def collect():
    gc.collect()
    gc.collect()


class Foo:
    count = 0

    def __init__(self):
        Foo.count += 1

    def __del__(self):
        Foo.count -= 1


def closure_leak():
    def f1():
        x = Foo()

        def f2():
            return x
        f2()
    for i in range(100):
        f1()
    collect()
    print("Foo alive:", Foo.count)


class A:
    pass


def call_operands():
    def consume(a, b=None):
        a = weakref.ref(a)
        b = weakref.ref(b)
        collect()
        return a() is None, b() is None
    print("arguments freed:", consume(A(), b=A()))


class MyExc(Exception):
    def __init__(self, obj):
        self.obj = obj


def raising(obj):
    local_ref = obj
    raise MyExc(obj)


def handlers():
    obj = A()
    wr = weakref.ref(obj)
    try:
        raising(obj)
    except MyExc as e:
        pass
    obj = None
    collect()
    print("except as:", wr() is None)

    obj = A()
    wr = weakref.ref(obj)
    for i in [0]:
        try:
            raising(obj)
        except:
            break
    obj = None
    collect()
    print("break out of except:", wr() is None)

    class Silence:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            return True
    obj = A()
    wr = weakref.ref(obj)
    with Silence():
        raising(obj)
    obj = None
    collect()
    print("with swallowing:", wr() is None)


def generator_exc_state():
    def gen(obj):
        try:
            raise MyExc(obj)
        except MyExc:
            yield
    obj = A()
    wr = weakref.ref(obj)
    g = gen(obj)
    obj = None
    next(g)
    collect()
    print("suspended generator keeps its exception:", wr() is not None)
    g.close()
    collect()
    print("closed generator drops it:", wr() is None)


closure_leak()
call_operands()
handlers()
generator_exc_state()
