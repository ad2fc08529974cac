# StringIO and BytesIO: reading, writing, seeking, newline modes and errors.
import io

def attempt(fn):
    try:
        print("ok", repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)

s = io.StringIO("one\ntwo\nthree")
print(s.readline(), s.tell(), s.read(2), s.readlines())
print(s.seek(0), list(s), s.getvalue())
s.seek(0, 2)
s.write("\nfour")
print(repr(s.getvalue()), s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10)
s.write("x")
print(repr(s.getvalue()))
attempt(lambda: s.seek(-1))
attempt(lambda: s.seek(1, 1))
attempt(lambda: s.seek(0, 5))
attempt(lambda: s.write(b"x"))
attempt(lambda: io.StringIO(b"x"))
attempt(lambda: io.StringIO(newline="x"))
print(s.readable(), s.writable(), s.seekable(), s.line_buffering, s.encoding, s.errors)
s.close()
attempt(lambda: s.read())
print(s.closed)

for nl in (None, "", "\n", "\r", "\r\n"):
    t = io.StringIO("a\r\nb\rc\nd", newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines(), t.newlines)
w = io.StringIO(newline="\r\n")
w.write("x\ny\n")
print(repr(w.getvalue()))

with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)

b = io.BytesIO(b"hello\nworld\n")
print(b.read(3), b.read1(2), b.readline(), b.tell(), b.readlines())
b.seek(0)
buf = bytearray(4)
print(b.readinto(buf), buf, b.getvalue())
b.seek(20)
b.write(b"!")
print(b.getvalue(), len(b.getvalue()))
print(b.seek(-5, 1), b.seek(0, 2), b.truncate(3), b.getvalue())
attempt(lambda: b.seek(-1))
attempt(lambda: b.seek(0, 3))
attempt(lambda: b.write("str"))
attempt(lambda: b.truncate(-1))
print(bytes(b.getbuffer()), b.readable(), b.writable(), b.seekable(), b.isatty())
b.close()
attempt(lambda: b.getvalue())
attempt(lambda: b.read())

# TextIOWrapper over BytesIO.
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8", newline="\r\n", line_buffering=True)
t.write("a\nb")
print(raw.getvalue(), t.line_buffering, t.write_through)
t.flush()
print(raw.getvalue())
t.reconfigure(newline=None)
t.write("\n")
t.flush()
print(raw.getvalue())
t.seek(0)
print(repr(t.read()), t.tell())
print(t.detach() is raw)
attempt(lambda: t.write("x"))

t = io.TextIOWrapper(io.BytesIO("x\u00e9y\n\u20ac\n".encode()), encoding="utf-8")
t._CHUNK_SIZE = 2
print(repr(t.readline()), t.tell(), repr(t.read(1)), t.tell(), repr(t.read()))

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines, d.getstate())
