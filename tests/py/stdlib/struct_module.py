# _struct: every format code in every byte order, range and type errors, buffers, Struct objects, iter_unpack.
import struct
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(struct.error.__module__, struct.error.__mro__)
for c in 'bBhHiIlLqQnN':
  for o in '@<>=!':
    if o not in '@' and c in 'nN': continue
    for v in (200, -200, 40000, -40000, 2**40, -2**40, 2**63, -1, 5, 2**70):
       try: r = struct.pack(o+c, v); print(o+c, v, r, struct.unpack(o+c, r))
       except Exception as e: print(o+c, v, type(e).__name__, e)
t(lambda: struct.pack('i', 1.5)); t(lambda: struct.pack('f', 'x')); t(lambda: struct.pack('c', b'ab')); t(lambda: struct.pack('s', 'x'))
t(lambda: struct.pack('ii', 1)); t(lambda: struct.pack('i', 1, 2)); t(lambda: struct.unpack('i', b'abc'))
t(lambda: struct.unpack_from('i', b'abc', 1)); t(lambda: struct.unpack_from('i', b'abcdef', -10)); t(lambda: struct.unpack_from('i', b'abcdef', -2))
t(lambda: struct.pack_into('i', bytearray(5), 2, 1)); t(lambda: struct.pack_into('i', bytearray(5), -10, 1)); t(lambda: struct.pack_into('i', bytearray(5), -2, 1))
t(lambda: struct.pack_into('i', b'12345', 0, 1))
t(lambda: struct.calcsize('z')); t(lambda: struct.calcsize('3')); t(lambda: struct.calcsize('<n')); t(lambda: struct.calcsize('999999999999999999999q'))
t(lambda: list(struct.iter_unpack('i', b'12345'))); t(lambda: struct.iter_unpack('', b''))
t(lambda: struct.pack('e', 1e10)); t(lambda: struct.pack('f', 1e300)); t(lambda: struct.pack('<f', 1e300))
t(lambda: struct.unpack('i', 'abcd')); t(lambda: struct.pack(1)); t(lambda: struct.Struct(1)); t(lambda: struct.pack('?', []))
t(lambda: struct.pack('p', b'abc')); t(lambda: struct.pack('5p', b'abc')); t(lambda: struct.pack('3s', b'abcdef'))
for f in ('@bi c h', 'b0i', 'ci', 'cq', 'ce', 'cP', 'cd', 'c3s i', '=bi', '<qh', '>?d', 'xxi', '3x', '0s', 'hhl'):
    t(lambda: struct.calcsize(f))
t(lambda: struct.pack('P', -1)); t(lambda: struct.pack('i', '1')); t(lambda: struct.pack('d', 1)); t(lambda: struct.pack('Q', 1.0))
class I:
  def __index__(self): return 7
t(lambda: struct.pack('i', I())); t(lambda: struct.pack('c', bytearray(b'a'))); t(lambda: struct.pack('s', bytearray(b'a')))
t(lambda: struct.Struct('i').unpack(b'1234')); s=struct.Struct('>hi'); t(lambda: (s.format, s.size)); t(lambda: struct.Struct(b'<h').format)
t(lambda: struct.pack('2x')); t(lambda: struct.unpack('?', b'\x05'))
t(lambda: struct.pack('>e', 1.5)); t(lambda: struct.unpack('<e', b'\x00\x7c')); t(lambda: struct.pack('e', float('nan')))
t(lambda: struct.unpack_from('i', buffer=b'1234')); t(lambda: struct.Struct(format='i').size)
t(lambda: struct.pack('<?', 2)); t(lambda: struct.pack('>d', 1.5)); t(lambda: struct.unpack('>q', b'\xff'*8))
t(lambda: struct.pack('0s', b'x')); t(lambda: struct.pack('s', b''))
t(lambda: struct.pack('1p', b'x')); t(lambda: struct.pack('300p', b'x'*300)[:2]); t(lambda: struct.unpack('3p', b'\x05ab'))
t(lambda: struct.pack('e', 65520.0)); t(lambda: struct.pack('e', 65519.0)); t(lambda: struct.unpack('e', struct.pack('e', 1e-8)))
for x in (0.1, 1/3, -2.5, 6e-5, 6.1e-8, 3e-8, 1e-9, 65504.0, -0.0, 1e-5, 0.00006103515625):
    t(lambda: (struct.pack('<e', x), struct.unpack('<e', struct.pack('<e', x))))
    t(lambda: struct.unpack('>f', struct.pack('>f', x)))
t(lambda: struct.pack('i', True)); t(lambda: struct.pack('?', 'x')); t(lambda: struct.unpack('2c', b'ab'))
t(lambda: struct.pack('<3hq2s?xc', 1, 2, 3, -5, b'zz', True, b'!')); t(lambda: struct.unpack('<3hq2s?xc', struct.pack('<3hq2s?xc', 1, 2, 3, -5, b'zz', True, b'!')))
b = bytearray(12); struct.pack_into('<ii', b, 4, 7, 8); print(b, struct.unpack_from('<i', b, 8), struct.unpack_from('<i', memoryview(b), -4))
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00'); print(it.__length_hint__(), list(it), it.__length_hint__())
print(struct.Struct('i').unpack(bytearray(b'\x01\x00\x00\x00')), struct.unpack('<d', memoryview(struct.pack('<d', 2.5))))
class S(struct.Struct):
    pass
print(S('<i').pack(3), isinstance(S('i'), struct.Struct))
t(lambda: struct.pack('<i', 2**31 - 1) + struct.pack('>Q', 2**64 - 1))
t(lambda: struct.Struct()); t(lambda: struct.pack_into('i')); t(lambda: struct.Struct('i').pack_into(bytearray(4)))
t(lambda: struct.unpack('i')); t(lambda: struct.calcsize())
