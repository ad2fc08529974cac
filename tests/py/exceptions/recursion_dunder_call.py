# A class whose __call__ is an instance of itself recurses through native calls only: RecursionError, not a crash.
class A:
    pass
A.__call__ = A()
a = A()
try:
    a()
except RecursionError as e:
    print("RecursionError:", e)

class B:
    def __getattr__(self, name):
        return B()
    __call__ = None
try:
    B()()
except TypeError as e:
    print("TypeError:", e)
print("done")
