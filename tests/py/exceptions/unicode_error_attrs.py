# UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError: constructor checks, str() from
# attributes changed after construction, and instances made by __new__ alone.
for args in [(1,'x',1,2,'r'), ('e',1,1,2,'r'), ('e','x','a',2,'r'), ('e','x',1,2,3), ('e','x',1,2), ()]:
  try: UnicodeEncodeError(*args)
  except Exception as x: print(type(x).__name__, x)
for args in [('e','x',1,2,'r'), ('e',bytearray(b'ab'),1,2,'r'), ('e',memoryview(b'ab'),1,2,'r')]:
  try: u=UnicodeDecodeError(*args); print(repr(u.object))
  except Exception as x: print(type(x).__name__, x)
for args in [('x',1,2,'r'), (1,1,2,'r'), ('x',1,2), ()]:
  try: u=UnicodeTranslateError(*args); print(u.encoding, u)
  except Exception as x: print(type(x).__name__, x)
u = UnicodeEncodeError('e', 'x\u1234\U00012345', 1, 2, 'r'); print(u); u.start=2; u.end=3; print(u)
u = UnicodeTranslateError('x\u1234', 1, 2, 'r'); print(u)
for k in UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError:
    print(repr(str(k.__new__(k))), k.__new__(k).args)
u = UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo')
print(u); u.end = 2; print(u); u.end = 5; u.reason = 0x345345345345345345; print(u); u.encoding = 4000; print(u); u.start = 1000; print(u)
u = UnicodeDecodeError('baz', b'xxxxx', 1, 5, 'foo')
print(u); u.end = 2; print(u); u.end = 5; u.reason = 0x345345345345345345; print(u); u.encoding = 4000; print(u); u.start = 1000; print(u)
u = UnicodeTranslateError('xxxx', 1, 5, 'foo')
print(u); u.end = 2; print(u); u.end = 5; u.reason = 0x345345345345345345; print(u); u.start = 1000; print(u)
try: 'é'.encode('ascii')
except UnicodeEncodeError as e: print(e, e.args)
try: b'\xff'.decode('utf-8')
except UnicodeDecodeError as e: print(e, e.args)
