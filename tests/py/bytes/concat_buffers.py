# bytes + any bytes-like object (memoryview, array), the errors; multiprocessing's connection does header + memoryview.
import array
m = memoryview(b'abc')
print(b'x' + m, bytearray(b'y') + m, b'x' + bytearray(b'z'), b'' + array.array('B', [65, 66]), b'q' + m[1:])
for bad in ['s', 1, None]:
    try: b'x' + bad
    except TypeError as e: print(e)
r = memoryview(b'zz'); r.release()
try: b'x' + r
except ValueError as e: print('ValueError', e)
