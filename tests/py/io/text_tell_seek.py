# tell()/seek() cookies in the universal newline modes, as CPython computes them (a '\r' the
# newline decoder still holds makes a big cookie), over small chunks and chunk boundaries.
import io

def walk(data, nl, step, chunk=None, encoding="utf-8"):
    t = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline=nl)
    if chunk:
        t._CHUNK_SIZE = chunk
    marks = []
    while True:
        pos = t.tell()
        s = t.read(step) if step else t.readline()
        if not s:
            break
        marks.append((pos, s))
    end = t.tell()
    bad = 0
    for pos, s in marks:
        t.seek(pos)
        got = t.read(len(s)) if step else t.readline()
        bad += got != s
    return marks, end, bad

data = "ab\r\ncd\rx\u00e9\r\u20acz\r".encode("utf-8")
for nl in (None, ""):
    for step in (0, 1, 2, 3):
        print(repr(nl), step, walk(data, nl, step))
    for chunk in (1, 2, 3, 5):
        print(repr(nl), "chunk", chunk, walk(data, nl, 2, chunk))

big = ("line one\r\n" * 400 + "lone\rcr\r" * 300 + "\u00e9\u20ac\r\n" * 500).encode("utf-8")
for nl in (None, ""):
    for step in (0, 7, 100):
        marks, end, bad = walk(big, nl, step)
        print(repr(nl), step, len(marks), end, bad, sum(p for p, _ in marks) % 1000003, marks[-3:])
latin = "caf\xe9\r\rx\r\n".encode("latin-1")
print(walk(latin, None, 1, encoding="latin-1"))
print(walk(latin, "", 2, encoding="latin-1"))
