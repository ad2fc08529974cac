# array: construction and conversion errors per typecode, sequence API, slices, bytes/unicode/list/file conversions.
import array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for c in 'bBhHiIlLqQ':
    for v in (2**70, 2**63, 2**40, 70000, 300, -1, -300, -70000, -2**40, -2**70):
        t(lambda: array.array(c, [v]))
t(lambda: array.array('z')); t(lambda: array.array(1)); t(lambda: array.array('bb')); t(lambda: array.array('i', [1.5])); t(lambda: array.array('f', ['x'])); t(lambda: array.array('u', [1]))
t(lambda: array.array('i', 'abc')); t(lambda: array.array('u', 'abc')); t(lambda: array.array('i', b'\x01\x00\x00\x00')); t(lambda: array.array('i', b'\x01'))
t(lambda: array.array('u', array.array('i', [1]))); t(lambda: array.array('i', array.array('u', 'a'))); t(lambda: array.array('d', array.array('i', [1, 2])))
a = array.array('i', [1,2,3])
t(lambda: a[5]); t(lambda: a.__setitem__(5, 1)); t(lambda: a.__setitem__(slice(0,1), [1])); t(lambda: a + [1]); t(lambda: a + array.array('d'))
t(lambda: a.extend(array.array('d'))); t(lambda: a.tounicode()); t(lambda: a.fromunicode('x')); t(lambda: a.index(9)); t(lambda: a.remove(9)); t(lambda: array.array('i').pop()); t(lambda: a.pop(10))
t(lambda: a.frombytes(b'123')); t(lambda: hash(a)); t(lambda: a.index(2, 2)); t(lambda: a.insert(100, 9) or a); t(lambda: a.insert(-100, 8) or a)
t(lambda: array.array('u', 'ab') ); t(lambda: array.array('u', 'ab').tounicode()); t(lambda: array.array('f', [1.5, 2])); t(lambda: array.array('d')); t(lambda: array.array('b', [1]) == array.array('d', [1.0]))
t(lambda: array.array('i', [1, 2]) < array.array('i', [1, 3])); t(lambda: array.array('i', [1,2])*2); t(lambda: 2*array.array('i', [1,2])); t(lambda: array.array('i', range(5))[1:4]); t(lambda: array.array('i', range(5))[::-2])
a = array.array('i', range(6)); a[1:3] = array.array('i', [9,9,9]); t(lambda: a); del a[::2]; t(lambda: a); a[::2] = array.array('i', [7, 7]); t(lambda: a)
t(lambda: a.__setitem__(slice(None, None, 2), array.array('i', [1])))
t(lambda: array.typecodes); t(lambda: array.array('i').itemsize); t(lambda: [array.array(c).itemsize for c in array.typecodes])
t(lambda: array.array('H', [1, 258]).tobytes()); b=array.array('H', [1, 258]); b.byteswap(); t(lambda: b); t(lambda: array.array('d', [1.0]).__reduce_ex__(2))
t(lambda: a.count(7)); t(lambda: 7 in a); t(lambda: list(reversed(a))); t(lambda: a.tolist()); t(lambda: array.array('u', 'x').typecode)
t(lambda: array.array('b', [1]).fromlist([1, 'x'])); t(lambda: array.array('i').fromlist((1,))); t(lambda: array.array('b', [1, 2]).__iadd__(array.array('b', [3])))
t(lambda: array.array('i', [1])[0.5]); t(lambda: array.array('i', [3]).__imul__(2)); t(lambda: array.array('i', [3]) * -1)
t(lambda: array.array()); t(lambda: array.array('i', [], 1)); t(lambda: array.array('i', x=1)); t(lambda: array.array('u', [1]))
t(lambda: array.array('i', iter([1,2]))); t(lambda: array.array('b', bytearray(b'\x01\x02'))); t(lambda: array.array('i', 5))
class A(array.array): pass
t(lambda: A('i', [1])); t(lambda: type(iter(array.array('i')))); t(lambda: array.array('i').fromunicode(1)); t(lambda: array.array('u', 'a').fromunicode(1))
t(lambda: array.array('i', [1]).__reduce_ex__(2))
t(lambda: array.array('f', [0.1])[0]); t(lambda: array.array('i', [1]) + array.array('i', [2])); t(lambda: array.array('i', [1,2,3]).index(3, -1)); t(lambda: array.array('i', [1,2,3]).index(1, 1))
t(lambda: array.array('u', 'ab') == array.array('u', 'ab')); t(lambda: array.array('i', [1]) == [1]); t(lambda: array.array('i', [1]) < array.array('b', [2]))
t(lambda: array.array('i', [1,2]).__delitem__(slice(0, 5)) )
t(lambda: array.array('d', [float('nan')]) == array.array('d', [float('nan')]))
t(lambda: array.array('i', range(10))[2:8:3]); t(lambda: array.array('i', [True, False]))
t(lambda: array.array('B', b'abc').tobytes()); t(lambda: array.array('u', 'h\u00e9\U0001F600').tobytes().hex()); t(lambda: len(array.array('u', '\U0001F600')))
t(lambda: array.array('i', [1,2]).pop(-3)); t(lambda: array.array('i', [5]).index(5.0)); t(lambda: array.array('i', [5]).count('x'))
t(lambda: array.array('i',[1])[True]); t(lambda: array.array('i',[1]).__setitem__(0, 'x')); t(lambda: array.array('i',[1,2]).fromlist([3, 'x']))
a = array.array('i', [1,2,3]); a[0:2] = a; t(lambda: a); a.extend(a); t(lambda: a); a.extend([7, 8]); t(lambda: a)
a = array.array('i', [1,2,3]); t(lambda: a.insert(1, 'x')); t(lambda: a.extend([4, 'y'])); t(lambda: a)
import struct, copy
a = array.array('h', [1, 2, 3]); struct.pack_into('<h', a, 2, 99); print(a, struct.unpack_from('<hh', a), copy.copy(a), copy.deepcopy(a) == a)
class F:
    def __init__(self): self.data = b''; self.pos = 0
    def write(self, b): self.data += b
    def seek(self, p): self.pos = p
    def read(self, n):
        r = self.data[self.pos:self.pos + n]; self.pos += len(r); return r
f = F(); array.array('i', [1, 2, 3]).tofile(f); f.seek(0); b = array.array('i'); b.fromfile(f, 2); print(b); t(lambda: b.fromfile(f, 5)); print(b)
x = array.array('Q', [2**64-1]); print(x, x[0], array.array('q', [-2**63]))
d = array.array('d', [1.0, -0.0, float('inf')]); print(d, d.tolist(), d * 0, d[::-1], len(d * 3))
del d[:]; print(d, d.buffer_info()[1])
u = array.array('u', 'hello'); u[0] = 'j'; u.append('!'); print(u, u.tounicode(), u.pop(), u.count('l'))
t(lambda: array.array('i', [1]).__reduce_ex__(3)[0] is not None)
