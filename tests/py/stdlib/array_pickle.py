# array: __reduce_ex__ for old and new pickle protocols and _array_reconstructor over machine formats.
import array
r = array._array_reconstructor
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for c in array.typecodes:
    a = array.array(c, [1, 2] if c != 'u' else 'hé')
    red = a.__reduce_ex__(3)
    print(c, red[0] is r, red[1][1:3], red[1][3] == a.tobytes(), red[0](*red[1]) == a, a.__reduce_ex__(2)[0])
t(lambda: r(array.array, 'i', 9, b'\x01\x00\x00\x00\x00\x00\x00\x80'))
t(lambda: r(array.array, 'd', 15, b'?\xf0\x00\x00'))
t(lambda: r(array.array, 'b', 3, b'\x01\x00'))
t(lambda: r(array.array, 'q', 11, b'\xff'*8))
t(lambda: r(int, 'i', 0, b'')); t(lambda: r(1, 'i', 0, b'')); t(lambda: r(array.array, 'z', 0, b'')); t(lambda: r(array.array, 'i', 99, b''))
t(lambda: r(array.array, 'i', 8, 'x')); t(lambda: r(array.array, 'i', 3, b'\x01'))
class A(array.array): pass
x = A('i', [5]); x.tag = 'hi'; red = x.__reduce_ex__(4); print(red[1][0] is A, red[2]); y = red[0](*red[1]); print(type(y).__name__, y)
import weakref
w = weakref.ref(a); print(w() is a)
