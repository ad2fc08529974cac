# FileIO/Buffered/TextIOWrapper odds and ends: subclasses, fds, openers, codecs, errors.
import io, sys

# A private temporary file: tempfile when os is available, else an exclusively created name
# (mode 'x') so parallel runs never share a file. Paths are masked in the output.
def temp_path():
    try:
        import os, tempfile
        d = tempfile.mkdtemp(prefix="coil-io-")
        p = os.path.join(d, "data.txt")
        def cleanup():
            for name in os.listdir(d):
                os.remove(os.path.join(d, name))
            os.rmdir(d)
        return p, cleanup
    except Exception:
        pass
    n = 0
    while True:
        p = "/tmp/coil-io-test-%d.txt" % n
        try:
            open(p, "x").close()
            return p, lambda: open(p, "w").close()
        except FileExistsError:
            n += 1

p, cleanup = temp_path()
def attempt(fn):
    try: print("ok", repr(fn()))
    except Exception as e: print(type(e).__name__, e)
with open(p, 'w') as f:
    f.write('0123456789' * 1000)
class F(io.FileIO):
    pass
r = F(p)
print(type(r).__name__, len(r.read()), r.name == p, r.mode)
r.close()
b = open(p, 'rb')
print(b.mode, b.name == p, b.raw.name == p)
mv = memoryview(bytearray(5))
print(b.readinto(mv), bytes(mv))
attempt(lambda: b.readinto(b'abc'))
b.close()
print(repr(b).startswith('<_io.BufferedReader name='), b.closed)
keep = open(p, 'rb')
fd = keep.fileno()
g = open(fd, 'rb', closefd=False)
print(g.name == fd, g.read(3))
attempt(lambda: open(p, closefd=False))
held = []
def opener(path, flags):
    print('opener flags ok', flags & 3)
    held.append(io.FileIO(path, 'r'))
    return held[-1].fileno()
h = open(p, opener=opener)
print(h.read(4))
t = open(p, 'r+')
print(repr(t)[:20], t.read(3), t.tell())
t.seek(0, 2)
t.write('END')
t.seek(0)
print(t.read()[-6:])
t.close()
print(repr(t)[:28])
s = io.StringIO()
s.foo = 1
print(s.foo, vars(s))
class MyS(io.StringIO):
    def write(self, x):
        return super().write(x.upper())
m = MyS()
print('hi', 'there', file=m)
print(repr(m.getvalue()))
w = io.TextIOWrapper(io.BytesIO(), encoding='ascii', errors='strict')
attempt(lambda: w.write('\xe9'))
w2 = io.TextIOWrapper(io.BytesIO(b'\xe9abc'), encoding='ascii')
attempt(lambda: w2.read())
w3 = io.TextIOWrapper(io.BytesIO(), encoding='utf-8-sig')
w3.write('x'); w3.flush(); print(w3.buffer.getvalue())
w4 = io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbfabc'), encoding='utf-8-sig')
print(repr(w4.read()))

attempt(lambda: io.TextIOWrapper(io.BytesIO(), encoding=5))
print(io.TextIOWrapper(io.BytesIO(), encoding='UTF8').encoding)
attempt(lambda: io.BufferedReader(io.BytesIO(), buffer_size=0))
ff = io.FileIO(p, 'r')
attempt(lambda: ff.write(b'x'))
attempt(lambda: ff.truncate())
print(ff.seekable(), ff.readable(), ff.writable(), ff.isatty())
ff.close()
attempt(lambda: ff.read())
attempt(lambda: ff.fileno())
print(sys.stdin.readable(), sys.stdout.writable(), sys.stderr.line_buffering)
e = io.UnsupportedOperation('x')
print(type(e).__module__, type(e).__qualname__)
keep.close()
h.close()
cleanup()
