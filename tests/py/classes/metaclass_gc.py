# Classes made by a heap metaclass survive collections (their dict slot lies past the TypeObject).
import gc


class Meta(type):
    pass


class A(metaclass=Meta):
    x = 1


class B(A):
    y = 2


gc.collect()
B.z = 3
gc.collect()
print(type(A).__name__, type(B).__name__, A.x, B.y, B.z, B.__mro__[1] is A)
