# bytes % args (PEP 461) and other bytes/bytearray behaviours fixed for test_bytes.
print(b'%s %d %x %r %a %c %c %5b|%-4s|%.2s' % (b'ab', 5, 255, 'x', 'é', 65, b'z', b'q', bytearray(b'w'), memoryview(b'xyz')))
print(bytearray(b'%s!') % b'hi', b'%(a)s' % {b'a': b'1'})
b = bytearray(b'x%sy'); c = b; b %= b'Z'; print(b, c, b is c)
print(b'abc'.__rmod__('%r'), b'%s'.__mod__(b'1'))
for bad in ("b'%s' % 'str'", "b'%c' % 300", "b'%c' % 'x'", "b'%s %s' % (b'1',)", "b'%s' % (b'1', b'2')",
            "object() % b'a'", "b'%y' % 1"):
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
a = b'123abc1@'
print(a * 1 is a, 1 * a is a, a * 0 is a)
print(ord(b'a'), ord(bytearray(b'z')))
try:
    ord(b'ab')
except TypeError as e:
    print(e)
class Boom:
    def __index__(self):
        ba.clear()
        return 0
ba = bytearray(b'Now you see me')
try:
    ba[0] = Boom()
except IndexError as e:
    print('IndexError', e)
ba = bytearray(b'abcdefgh')
ba[1:-1:2] = b''
print(ba)
ba = bytearray()
def g():
    for i in range(1, 6):
        yield i
        print(list(ba))
ba.__init__(g())
print(ba, ba.__alloc__() > len(ba))
bx = bytearray(b'abc')
bx *= 3
print(bx)
import sys
try:
    bx *= sys.maxsize
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
class StrWithBytes(str):
    def __bytes__(self):
        return b'from __bytes__'
print(bytes(StrWithBytes('x')))
class Blocked(bytes):
    __bytes__ = None
try:
    bytes(Blocked(b'ab'))
except TypeError as e:
    print('TypeError', e)
print(b' a b '.strip(memoryview(b' ')), b'a,b'.split(memoryview(b',')), b'-'.join([memoryview(b'x'), b'y']))
print(bytes.__doc__.splitlines()[0], bytearray.__doc__.splitlines()[0])
