# User classes over the io ABCs, buffered layers over Python raw streams, and sys.std*.
import io
import sys

class Counter(io.RawIOBase):
    def __init__(self, n):
        self.left = n
    def readable(self):
        return True
    def readinto(self, b):
        if not self.left:
            return 0
        n = min(len(b), self.left, 3)
        for i in range(n):
            b[i] = 97 + (self.left - i) % 26
        self.left -= n
        return n

r = io.BufferedReader(Counter(10), buffer_size=4)
print(r.read(2), r.peek(1)[:1], r.read(), r.read())
print(Counter(5).read(), Counter(4).readall(), isinstance(Counter(1), io.IOBase))

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

sink = Sink()
w = io.BufferedWriter(sink, buffer_size=8)
w.write(b"abc")
w.write(b"defghij")
print(sink.chunks)
w.flush()
print(sink.chunks)
pair = io.BufferedRWPair(Counter(3), Sink())
print(pair.read(), pair.write(b"zz"), pair.readable(), pair.writable())

class Upper(io.TextIOBase):
    def __init__(self):
        self.out = []
    def write(self, s):
        self.out.append(s.upper())
        return len(s)

u = Upper()
print("to upper", 1, file=u)
u.writelines(["a", "b"])
print(u.out, u.encoding, u.newlines)

try:
    io.BufferedReader(Sink())
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print("fileno", e)

print(type(sys.stdout).__name__, sys.stdout.mode, sys.stdout.name, sys.stderr.name, sys.stdin.name)
print(sys.stdout.encoding, sys.stderr.errors, sys.stdout.fileno())
print(getattr(sys.stdout.buffer, "raw", sys.stdout.buffer).closefd, sys.__stdout__ is sys.stdout)
sys.stdout.write("direct\n")
sys.stdout.buffer.write(b"bytes\n")
sys.stdout.flush()
print("flushed", flush=True)
print(io.text_encoding(None), io.text_encoding("ascii"), io.DEFAULT_BUFFER_SIZE)
print(io.open is open, io.open_code.__name__)
