# memoryview over bytes/bytearray/array: slices share memory, writes, casts, release, and
# bytearray resizes refused (BufferError) while a view holds the buffer.
def main():
    global b
    b = bytearray(b'hello world')
    m = memoryview(b)
    print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), len(m[::3]))
    m[0] = 72
    m[6:11] = b'WORLD'
    print(b)
    try:
        b.append(1)
    except BufferError as e: print('BufferError', e)
    b[0:2] = b'hh'
    print(b)
    m.release()
    b.append(33); print(b)
    print(int(memoryview(b'123')[1:3]), float(memoryview(b'12.3')[1:4]))
    import array
    a = array.array('i', [1,2,3])
    ma = memoryview(a); print(ma.format, ma.itemsize, ma.tolist(), ma[1], ma.nbytes)
    print(memoryview(b'abc') == b'abc', memoryview(b'abc') == memoryview(bytearray(b'abc')), hash(memoryview(b'abc')) == hash(b'abc'))
    def f():
        for i in range(3):
            memoryview(b).tobytes()
            b.append(i)
    f(); print(len(b))
    with memoryview(b) as v: print(v[0])
    try: v[0]
    except ValueError as e: print(e)
    print(memoryview(b'ab').toreadonly().readonly, m.__class__)
    try:
        memoryview(b'ab')[0] = 1
    except TypeError as e: print(e)
    x = memoryview(bytearray(4)).cast('I'); x[0] = 2**32-1; print(x.tobytes(), x.shape, x.strides)
    try: x[0] = 2**32
    except ValueError as e: print(e)
    print(bytes(memoryview(b'abcdef')[1:5]), bytearray(memoryview(b'xy')), b''.join([memoryview(b'a'), b'b']))
    
main()def exports():
    b = bytearray(b'0123456789')
    v = memoryview(b)
    def resize(n):
        b[1:-1] = range(n + 1, 2 * n - 1)
    resize(10)
    for op in (lambda: resize(11), lambda: b.pop(0), lambda: b.remove(b[1]), b.clear,
               lambda: b.extend(b'x'), lambda: b.__init__(b'ab')):
        try:
            op()
            print('no error')
        except BufferError as e:
            print('BufferError', e, bytes(b))
    v.release()
    b.append(1)
    print(len(b))
    import re
    b2 = bytearray(b'x')
    it = re.finditer(b'a', b2)
    try:
        b2.extend(b'x' * 10)
    except BufferError:
        print('scanner holds the buffer')
exports()
