# str.encode / bytes.decode / str(bytes, ...) with utf-8, ascii, latin-1 and error handlers
text = 'a\xe9\u20ac\U0001f600\udcff'
data = b'a\xe9\xe2\x82\xac\xff\xed\xb2\x80\xf0\x9f'
for enc in ['utf-8', 'ascii', 'latin-1', 'UTF8', 'Latin1', 'us-ascii']:
    for err in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace', 'xmlcharrefreplace', 'surrogatepass']:
        try:
            print(enc, err, 'enc', repr(text.encode(enc, err)))
        except Exception as e:
            print(enc, err, 'enc', type(e).__name__, e)
        try:
            print(enc, err, 'dec', repr(data.decode(enc, err)))
        except Exception as e:
            print(enc, err, 'dec', type(e).__name__, e)
print('é'.encode(), 'é'.encode(encoding='latin-1'), b'\xc3\xa9'.decode(), str(b'\xe9', 'latin-1'), str(b'abc', encoding='ascii'))
for bad in [b'\xc3', b'\xc3(', b'\xe2\x82', b'\xe2\x28\xa1', b'\xf0\x9f\x98', b'\xf8', b'\xc0\x80', b'\xed\xa0\x80', b'ok\xff\xfe']:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(repr(bad), e.encoding, e.start, e.end, e.reason, '|', e)
    print(repr(bad.decode('utf-8', 'replace')), repr(bad.decode('utf-8', 'surrogateescape')))
try:
    'ab\u20ac\u20acc'.encode('ascii')
except UnicodeEncodeError as e:
    print(e, e.start, e.end, repr(e.object))
try:
    b'x'.decode('utf-8', 'nosuch') and b'\xff'.decode('utf-8', 'nosuch')
except LookupError as e:
    print('LookupError', e)
for bad in [lambda: 'a'.encode('nope'), lambda: str(b'a', 'nope'), lambda: str('a', 'utf-8'), lambda: str(1, 'utf-8')]:
    try:
        bad()
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)
e = UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad')
print(e, repr(e.object), e.start)
print(str(UnicodeEncodeError('ascii', 'ab', 0, 2, 'bad')))
s = b'\xff\xfe'.decode('utf-8', 'surrogateescape')
print(repr(s), s.encode('utf-8', 'surrogateescape'))
