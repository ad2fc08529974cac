# array: arrays as bytes-like objects (bytes/bytearray/memoryview/join/struct/binascii) and memoryview.cast.
import array, struct, binascii
a = array.array('h', [1, -2, 300])
print(bytes(a), bytearray(a), b'-'.join([a, b'x']), binascii.hexlify(a), struct.unpack('<3h', a))
m = memoryview(a)
print(m.format, m.itemsize, len(m), m.tolist(), m[1], m.nbytes, m.tobytes(), m.cast('B').tolist()[:4])
d = array.array('d', [1.5, 2.5]); print(memoryview(d).tolist(), memoryview(d)[::-1].tolist(), bytes(d)[:2])
print(bytes(array.array('B', [65, 66])), binascii.crc32(array.array('i', [7])))
print(memoryview(b'abcd').cast('H').tolist(), memoryview(bytearray(8)).cast('d').tolist())
