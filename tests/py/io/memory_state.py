# StringIO/BytesIO __getstate__/__setstate__ (what copy and pickle use).
import io
s = io.StringIO('abc\r\ndef', newline=None); s.read(2); s.x = 5
st = s.__getstate__(); print(st)
c = io.StringIO(); c.__setstate__(st); print(repr(c.getvalue()), c.tell(), c.x, c.read())
b = io.BytesIO(b'xyz'); b.seek(1); b.y = 1
st = b.__getstate__(); print(st)
c = io.BytesIO(); c.__setstate__(st); print(c.getvalue(), c.tell(), c.y, c.read())
for o, a in ((io.BytesIO(), (1,)), (io.StringIO(), (1,)), (io.BytesIO(), (b'', -1, None)), (io.StringIO(), ('', None, 'x', None))):
    try: o.__setstate__(a)
    except Exception as e: print(type(e).__name__, e)
