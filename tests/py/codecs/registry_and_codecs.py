# The codec registry and the codecs the encodings package builds on _codecs.
import codecs
import io

def attempt(fn):
    try:
        print("ok", ascii(fn()))
    except Exception as e:
        print(type(e).__name__, e)

text = "h\xe9llo \u20ac \U0001f600"
for enc in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig",
            "latin-1", "cp1252", "iso8859-15", "mac-roman", "cp437", "koi8-r", "unicode_escape",
            "raw_unicode_escape", "ascii"):
    try:
        b = text.encode(enc)
        print(enc, b, b.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.start, e.end, e.reason)
        b = text.encode(enc, "replace")
        print(enc, "replace", b, ascii(b.decode(enc)))

for name in ("UTF8", "utf_8", "U8", "Latin_1", "cp65001", "mbcs-nope"):
    attempt(lambda: codecs.lookup(name).name)

info = codecs.lookup("utf-16")
print(type(info).__name__, info.name, len(info))
print(codecs.encode("abc", "utf-16-be"), codecs.decode(b"\x00a\x00b", "utf-16-be"))
attempt(lambda: codecs.encode("abc", "no-such-encoding"))
attempt(lambda: "abc".encode("rot13"))
print(codecs.encode("abc", "rot13"))
attempt(lambda: b"\xff\xfe\x00".decode("utf-16"))
attempt(lambda: b"\x00\xd8".decode("utf-16-le"))
attempt(lambda: b"\x00\xdc\x00\x00".decode("utf-16-le", "replace"))
attempt(lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
attempt(lambda: "\ud800".encode("utf-16"))
attempt(lambda: "\ud800x".encode("utf-16-le", "ignore"))
attempt(lambda: "\ud800x".encode("utf-32-be", "replace"))
attempt(lambda: b"\x81".decode("cp1252"))
attempt(lambda: b"a\x81b".decode("cp1252", "ignore"))
attempt(lambda: "a\u0100b".encode("cp1252"))
attempt(lambda: "a\u0100b".encode("cp1252", "xmlcharrefreplace"))
attempt(lambda: "a\u0100b".encode("latin-1", "backslashreplace"))

print(codecs.utf_16_ex_decode(b"\xfe\xff\x00a", "strict", 0, True))
print(codecs.utf_16_decode(b"a\x00b", "strict", False))
print(codecs.utf_8_decode(b"\xe2\x82", "strict", False), codecs.utf_8_decode(b"a\xe2\x82\xac", "strict", True))
print(codecs.escape_decode(b"a\\x41\\n\\101"), codecs.escape_encode(b"it's\t\x7f"))
print(codecs.unicode_escape_decode(b"\\u00e9\\N{EURO SIGN}\\t\xe9"))
print(codecs.raw_unicode_escape_decode(b"\\u20ac\\\\u20ac\\n"))
print(codecs.charmap_decode(b"\x00\x01", "strict", "ab"), codecs.charmap_encode("ba", "strict", {97: 1, 98: 2}))
attempt(lambda: codecs.escape_decode(b"\\x4"))
attempt(lambda: codecs.unicode_escape_decode(b"\\u12"))

# Incremental codecs.
dec = codecs.getincrementaldecoder("utf-8")()
print([dec.decode(bytes([b])) for b in "\u20ac!".encode()])
dec16 = codecs.getincrementaldecoder("utf-16")()
print([dec16.decode(bytes([b])) for b in "ab".encode("utf-16")], dec16.decode(b"", final=True))
enc16 = codecs.getincrementalencoder("utf-16")()
print(enc16.encode("a"), enc16.encode("b"), enc16.encode("", final=True))

# Error handlers.
print(codecs.lookup_error("strict").__name__, codecs.lookup_error("replace")(UnicodeEncodeError("ascii", "\xe9", 0, 1, "x")))
print(codecs.lookup_error("backslashreplace")(UnicodeDecodeError("ascii", b"\xe9\xff", 0, 2, "x")))
print(codecs.lookup_error("surrogateescape")(UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "x")))
attempt(lambda: codecs.lookup_error("nope"))
def custom(exc):
    return ("<%d:%d>" % (exc.start, exc.end), exc.end)
codecs.register_error("test.custom", custom)
print("a\u1234\u1235b".encode("ascii", "test.custom"), b"a\xffb".decode("utf-16-le", "test.custom"))
print("x\u0100".encode("cp1252", "test.custom"))
attempt(lambda: codecs.register_error("x", 3))

# A search function of our own.
def search(name):
    if name == "rot_thirteen":
        return codecs.CodecInfo(lambda s, e="strict": (s.translate(str.maketrans("abc", "nop")), len(s)),
                                lambda b, e="strict": (b, len(b)), name="rot-thirteen")
    return None
codecs.register(search)
print(codecs.encode("abc", "rot-thirteen"), codecs.lookup("Rot Thirteen").name)
codecs.unregister(search)

# Text files in other encodings through io.
raw = io.BytesIO()
w = io.TextIOWrapper(raw, encoding="utf-16", newline="")
w.write("x\u20ac\n")
w.flush()
print(raw.getvalue())
w.seek(0)
print(ascii(w.read()))
r = io.TextIOWrapper(io.BytesIO("\u00e9t\u00e9\n".encode("cp1252")), encoding="cp1252")
print(ascii(r.readline()), r.encoding)

# namereplace and the handler aliases codecs.py builds from lookup_error.
print(codecs.strict_errors.__name__, codecs.namereplace_errors.__name__)
print("a\xe9\u20ac\U0001f600\u4e00\uac00\udc80".encode("ascii", "namereplace"))
print("x\u1234y".encode("cp1252", "namereplace"))
