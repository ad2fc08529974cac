# bytearray mutation: item/slice assignment, deletion, append/extend/insert/pop/remove, +=, *=
b = bytearray(b'hello')
b[0] = 72
b[-1] = ord('O')
print(b, len(b), b[1], b[1:3])
b[1:3] = b'EY'
print(b)
b[1:1] = b'__'
print(b)
del b[0]
del b[1:3]
print(b)
b.append(33)
b.extend(b'??')
b.extend([65, 66])
b.insert(0, 60)
b.insert(100, 62)
print(b, b.pop(), b.pop(0), b)
b.remove(ord('?'))
print(b)
b += b'++'
b *= 2
print(b)
b[::2] = bytes(len(b[::2]))
print(b)
del b[::3]
print(b)
c = b.copy()
c.reverse()
print(c, b == c, bytearray(b'a') == b'a', bytearray(b'ab') + b'cd', b'x' + bytearray(b'y'))
c.clear()
print(c, len(c), bytearray(3), bytearray([1, 2]), bytearray('é', 'utf-8'), bytearray.fromhex('41 42'))
print(bytearray(b'a b c').split(), bytearray(b'xyz').upper(), bytearray(b'abc').hex(), bytearray(b'ab').decode())


class BA(bytearray):
    pass


x = BA(b'sub')
x.append(33)
print(x, len(x), type(x).__name__, x.upper(), type(x.upper()).__name__)
for bad in [lambda: b.pop(100), lambda: bytearray().pop(), lambda: b.remove(255), lambda: b.__setitem__(0, 256),
            lambda: b.__setitem__(0, 'a'), lambda: b.__setitem__(100, 1), lambda: hash(b), lambda: b.extend(5),
            lambda: b.extend('ab')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
