# base64: CPython's base64 module over the native binascii (b64/b32/b16/b85/a85, urlsafe, encodebytes).
import base64
print(base64.b64encode(b'hello'), base64.b64decode(b'aGVsbG8='), base64.urlsafe_b64encode(b'\xfb\xff'), base64.b32encode(b'hi'), base64.b16decode(b'4142'), base64.b85encode(b'abc'), base64.a85encode(b'xyz'))
print(base64.standard_b64decode('aGk='), base64.encodebytes(b'x'*60))
print(base64.b32decode(b'NBUQ===='), base64.b16encode(b'\x00\xff'), base64.b85decode(b'VPa!s'), base64.a85decode(b'G^+IX'))
print(base64.urlsafe_b64decode('-_8='), base64.b64decode('aGk', altchars=None, validate=False) if False else None)
try:
    base64.b64decode('abc', validate=True)
except Exception as e:
    print(type(e).__name__, e)
print(base64.decodebytes(base64.encodebytes(bytes(range(100)))) == bytes(range(100)))
