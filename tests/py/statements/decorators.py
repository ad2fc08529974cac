def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__ if hasattr(fn, "__name__") else "?", a)
        return fn(*a, **k)
    return wrapper

def tag(label):
    def deco(fn):
        fn.label = label
        return fn
    return deco

@trace
@tag("t")
def add(a, b):
    return a + b

print(add(2, 3))

class Box:
    @staticmethod
    def make():
        return "made"
    @classmethod
    def kind(cls):
        return cls.__name__
    @property
    def value(self):
        return 42

print(Box.make(), Box.kind(), Box().value)
