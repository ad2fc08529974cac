# UTF-7 encoding and decoding (errors, incremental decoding) as CPython does it.
import codecs
tests = ["Hi Mom -\u263a-!", "A\u2262\u0391.", "\u65e5\u672c\u8a9e", "a+b", "x\U0001f600y", "~\\", "\x00", "plain text, (ok)?", "\u00e9-", "\u00e9a", "tab\there", ""]
for t in tests:
    b = t.encode("utf-7")
    print(ascii(t), b, ascii(b.decode("utf-7")))
for b in (b"+AGEAYgBj-", b"+AGE", b"a+", b"+2D3eAA-", b"\xe9", b"+!", b"+AGEx-", b"+ZeVnLIqe"):
    for errs in ("strict", "replace"):
        try:
            print(b, errs, ascii(b.decode("utf-7", errs)))
        except UnicodeDecodeError as e:
            print(b, errs, "UnicodeDecodeError", e)
d = codecs.getincrementaldecoder("utf-7")()
print([ascii(d.decode(bytes([x]))) for x in b"a+AGEAYg-b"], ascii(d.decode(b"", final=True)))
print(codecs.utf_7_decode(b"a+AGE", "strict", False), codecs.utf_7_decode(b"a+AGE", "replace", True))
