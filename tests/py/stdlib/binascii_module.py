# binascii: hex/base64/uu/qp conversions both ways, strict base64 errors, crc32/crc_hqx, base64 itself is base64_module.py.
import binascii
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(binascii.Error.__mro__, binascii.Incomplete.__mro__, binascii.Error.__module__)
data = [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256)), b'hello world\n', b'x'*45]
for d in data:
    t(lambda: binascii.hexlify(d)[:40]); t(lambda: binascii.b2a_base64(d)[:60]); t(lambda: binascii.b2a_base64(d, newline=False)[:60])
    t(lambda: binascii.b2a_uu(d)); t(lambda: binascii.b2a_uu(d, backtick=True)); t(lambda: binascii.crc32(d)); t(lambda: binascii.crc_hqx(d, 0))
    t(lambda: binascii.a2b_base64(binascii.b2a_base64(d)) == d); t(lambda: binascii.a2b_uu(binascii.b2a_uu(d)) == d)
    t(lambda: binascii.b2a_qp(d)); t(lambda: binascii.a2b_qp(binascii.b2a_qp(d)) == d)
t(lambda: binascii.hexlify(b'\x01\x02\x03\x04\x05', '-')); t(lambda: binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2)); t(lambda: binascii.hexlify(b'\x01\x02\x03\x04\x05', '-', -2))
t(lambda: binascii.hexlify(b'ab', '--')); t(lambda: binascii.hexlify('ab')); t(lambda: binascii.unhexlify('616263')); t(lambda: binascii.unhexlify(b'6162x3'))
t(lambda: binascii.unhexlify('abc')); t(lambda: binascii.unhexlify('ä0')); t(lambda: binascii.unhexlify(5)); t(lambda: binascii.a2b_hex(bytearray(b'ff')))
for s in (b'YWJj', b'YWJ', b'YW', b'Y', b'YWJjZA==', b'YWJjZA', b'YWJjZA=', b'YW=Jj', b'=YWJj', b'YWJj\nZGVm', b'YW Jj!!', b'YWJjZA==ZGVm', b'YQ===', b'YWJjZ'):
    t(lambda: binascii.a2b_base64(s)); t(lambda: binascii.a2b_base64(s, strict_mode=True))
t(lambda: binascii.a2b_base64('YWJj')); t(lambda: binascii.b2a_base64('x'))
for s in (b'', b'\n', b'#86)C\n', b'!80``\n', b'#86)C   \n', b'#86)Cxx\n', b'%86)C', b'&\x01'):
    t(lambda: binascii.a2b_uu(s))
t(lambda: binascii.b2a_uu(b'x'*46))
for s in (b'a=3Db', b'a=\nb', b'a=\r\nb', b'a==b', b'a=4', b'a=zz', b'a_b', b'=41=4a=4A', b'soft=\rx\n'):
    t(lambda: binascii.a2b_qp(s)); t(lambda: binascii.a2b_qp(s, header=True))
for s in (b'hello = world', b'tab\tend\t', b'space end \nnext', b'a_b c', b'.\nx', b'x'*100, b'\xe9t\xe9', b'line\r\nnext\r\n', b'a\nb\r\nc', b' '*80 + b'\n'):
    t(lambda: binascii.b2a_qp(s)); t(lambda: binascii.b2a_qp(s, quotetabs=True)); t(lambda: binascii.b2a_qp(s, istext=False)); t(lambda: binascii.b2a_qp(s, header=True))
t(lambda: binascii.crc32(b'hello', 12345)); t(lambda: binascii.crc32(b'hello', -1)); t(lambda: binascii.crc32(b'hello', 2**40)); t(lambda: binascii.crc_hqx(b'hello', 0xffff)); t(lambda: binascii.crc_hqx(b'hello', -1))
t(lambda: binascii.crc32('x')); t(lambda: binascii.crc32()); t(lambda: binascii.crc_hqx(b'x'))
