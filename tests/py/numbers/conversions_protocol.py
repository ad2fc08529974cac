# int()/float() follow PyNumber_Long/PyNumber_Float: subclass dunders, strict-subclass results
# with DeprecationWarning, buffers; int.from_bytes with __bytes__.
import warnings, array
warnings.simplefilter('error', DeprecationWarning)
class MyInt(int):
    def __int__(self):
        return 42
print(int(MyInt(7)))
class IntSub(int): pass
class RetSub:
    def __int__(self):
        return IntSub(3)
class IdxSub:
    def __index__(self):
        return IntSub(4)
for o in (RetSub(), IdxSub()):
    try:
        int(o)
    except DeprecationWarning as e:
        print('DeprecationWarning', e)
class Foo2(float):
    def __float__(self):
        return 42.0
print(float(Foo2()))
class FloatSub(float): pass
class F:
    def __float__(self):
        return FloatSub(1.5)
try:
    float(F())
except DeprecationWarning as e:
    print('DeprecationWarning', e)
class FooStr(str):
    def __float__(self):
        return float(str(self)) + 1
print(float(FooStr('8')))
print(int(memoryview(b'123')[1:3]), float(memoryview(b'12.3')[1:4]), int(array.array('b', b'77')))
try:
    float(memoryview(b'x'))
except ValueError as e:
    print('ValueError', str(e)[:36])
class sub_init(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
u = sub_init(2.5, newarg=3)
print(float(u), u.newarg)
try:
    FloatSub(x=2)
except TypeError as e:
    print(e)
class ValidBytes:
    def __bytes__(self):
        return b'\x01'
print(int.from_bytes(ValidBytes(), 'big'), int.from_bytes(memoryview(b'\x01\x00'), 'little'))
