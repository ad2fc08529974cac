# TextIOWrapper: decode errors at the end, read() decoding all that is left as final, and raw streams
# that return None (no data yet) between chunks.
import io
def attempt(fn):
    try: print("ok", ascii(fn()))
    except Exception as e: print(type(e).__name__, e)
attempt(lambda: io.TextIOWrapper(io.BytesIO(b'caf\xe9'), encoding='utf-8').read())
attempt(lambda: io.TextIOWrapper(io.BytesIO(b'x' * 10000 + b'caf\xe9 ok'), encoding='utf-8').read())
t = io.TextIOWrapper(io.BytesIO(b'ab\ncaf\xe9'), encoding='utf-8')
attempt(lambda: t.readline())
attempt(lambda: t.read())
class NB(io.RawIOBase):
    def __init__(self): self.parts = [b'ab', None, b'c\r', None, b'\nd', b'']
    def readable(self): return True
    def readinto(self, b):
        p = self.parts.pop(0) if self.parts else b''
        if p is None: return None
        b[:len(p)] = p
        return len(p)
t = io.TextIOWrapper(io.BufferedReader(NB()), encoding='ascii')
for i in range(6):
    attempt(lambda: t.read())
