# File I/O through open(): text and binary modes, buffering, seek/tell, errors.
import io
import sys

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

path, cleanup = temp_path()

def masked(text):
    return str(text).replace(path, "<path>")

def attempt(fn):
    try:
        r = fn()
        print("ok", masked(repr(r)))
    except Exception as e:
        print(type(e).__name__, masked(e))

with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.name == path, f.encoding, f.errors, f.line_buffering)
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode)
    print(f.write("alpha\nbeta\r\ngamma\rdelta"), f.writable(), f.readable(), f.seekable())
    f.writelines(["\nx", "y\n"])
print(f.closed)
attempt(lambda: f.write("late"))
attempt(lambda: f.read())

with open(path) as f:
    print(repr(f.read()), f.newlines)
with open(path, newline="") as f:
    print(f.readlines())
with open(path, newline="\r") as f:
    print(f.readlines())
with open(path) as f:
    print(repr(f.readline()), f.tell())
    print(repr(f.read(3)), f.tell())
    pos = f.tell()
    print(repr(f.readline()))
    f.seek(pos)
    print(repr(f.readline()))
    f.seek(0)
    print([line for line in f])
    attempt(lambda: f.seek(1, 1))
    attempt(lambda: f.seek(-1))
    attempt(lambda: f.write("x"))

with open(path, "rb") as f:
    print(f.read(5), f.tell(), f.peek(2)[:2], f.read1(3), f.readline(), f.seek(-3, 2), f.read())
    b = bytearray(4)
    f.seek(0)
    print(f.readinto(b), b)
    print(masked(repr(f)), f.raw.closefd)

with open(path, "r+b") as f:
    print(type(f).__name__, f.read(2))
    f.write(b"ZZ")
    f.seek(0)
    print(f.read(6))
    print(f.truncate(3), f.seek(0, 2))

with open(path, "a") as f:
    f.write("appended")
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.readall())

with open(path, "w", encoding="latin-1") as f:
    f.write("caf\xe9 ok")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-8", errors="replace") as f:
    print(ascii(f.read()))
with open(path, encoding="utf-8", errors="surrogateescape") as f:
    print(ascii(f.read()))
attempt(lambda: open(path, encoding="utf-8").read())

with open(path, "w", encoding="utf-16") as f:
    f.write("hi\u20ac")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-16") as f:
    print(repr(f.read()))

attempt(lambda: open(path + ".missing"))
attempt(lambda: open(path, "rw"))
attempt(lambda: open(path, "rbt"))
attempt(lambda: open(path, "b", encoding="x"))
attempt(lambda: open(path, "wb", newline=""))
attempt(lambda: open(path, "w", buffering=0))
attempt(lambda: open(path, 3.5))
attempt(lambda: open(1.5))
attempt(lambda: open(path, "x"))
attempt(lambda: open("/tmp", "r"))
attempt(lambda: open(path, encoding="no-such-codec"))
attempt(lambda: open(path, newline="x"))

r = io.FileIO(path, "w")
print(repr(r) == "<_io.FileIO name=%r mode='wb' closefd=True>" % path, r.write(b"raw"), r.tell())
r.close()
print(repr(r))
attempt(lambda: r.write(b"x"))
attempt(lambda: io.FileIO(path, "q"))
attempt(lambda: io.FileIO(-1))

cleanup()
