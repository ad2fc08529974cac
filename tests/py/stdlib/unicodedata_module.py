# unicodedata: properties, names/aliases/named sequences, the four forms, ucd_3_2_0, errors, range checks.
import unicodedata as u
chars = "aA1\u00e9\u0301\u0663\u00b2\u2153\u4e00\uac00\U0001F600\u200f\u0028\u00bd\u2160\uff21\u3000\U00012432\U000F0000\ud800\u0378\u05d0\u0627\U00020000\uFB01"
for c in chars:
    print(repr(c), u.category(c), repr(u.bidirectional(c)), u.combining(c), u.east_asian_width(c), u.mirrored(c),
          u.decimal(c, None), u.digit(c, None), u.numeric(c, None), repr(u.decomposition(c)), u.name(c, None))
    r = u.ucd_3_2_0
    print("  3.2", r.category(c), repr(r.bidirectional(c)), r.east_asian_width(c), r.numeric(c, None), repr(r.decomposition(c)), r.name(c, None))
for name in ["LATIN SMALL LETTER A", "latin small letter e with acute", "HANGUL SYLLABLE GAG", "CJK UNIFIED IDEOGRAPH-4E00",
             "LATIN CAPITAL LETTER GHA", "KEYCAP NUMBER SIGN", "LATIN SMALL LETTER A WITH MACRON AND GRAVE", "BYTE ORDER MARK", "NUL", "LF"]:
    print(name, repr(u.lookup(name)))
samples = ["caf\u00e9", "cafe\u0301", "\ufb01ance", "\u1e9b\u0323", "\uac00\u11a8", "\u1100\u1161\u11a8", "A\u030a\u0327",
           "\u0041\u0301\u0316\u0300", "\u2126 \u212b \u00c5", "x\u0301\u0301\u0327", "\u0301a", "\u00bd \u2460 \uff21",
           "\u0958\u09dc", "\U0001D15E\U0001D160", "\u0f73\u0f75\u0f81", "ḍ̇", "\u3131\u314f"]
for s in samples:
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        n = u.normalize(f, s)
        print(f, ascii(n), u.is_normalized(f, s), u.is_normalized(f, n), ascii(u.ucd_3_2_0.normalize(f, s)))
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD.__name__)
for f in [lambda: u.category("ab"), lambda: u.category(5), lambda: u.name("ab"), lambda: u.decimal("a"), lambda: u.digit("a"),
          lambda: u.numeric("a"), lambda: u.name("\x00"), lambda: u.lookup("nope"), lambda: u.lookup("a"*300), lambda: u.normalize("X","a"),
          lambda: u.normalize(1,"a"), lambda: u.normalize("NFC",1), lambda: u.is_normalized("NFX", "a"), lambda: u.lookup(b"LATIN SMALL LETTER A"),
          lambda: u.ucd_3_2_0.name("\U0001F600"), lambda: u.ucd_3_2_0.lookup("GRINNING FACE"), lambda: u.ucd_3_2_0.lookup("KEYCAP NUMBER SIGN"),
          lambda: u.ucd_3_2_0.lookup("LATIN CAPITAL LETTER GHA"), lambda: u.lookup(5), lambda: u.category(), lambda: u.UCD(),
          lambda: u.lookup("hangul syllable ga")]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
# Whole-range consistency checks (printed as counts, compared with CPython's).
import sys
cats = {}
for cp in range(0, 0x110000, 97):
    c = chr(cp)
    k = (u.category(c), u.bidirectional(c), u.east_asian_width(c), u.combining(c), u.mirrored(c))
    cats[k] = cats.get(k, 0) + 1
print(len(cats), sum(v * (i + 1) for i, v in enumerate(sorted(cats.values()))))
tot = 0
for cp in range(0, 0x30000, 41):
    c = chr(cp)
    if 0xd800 <= cp < 0xe000: continue
    tot += len(u.normalize("NFKD", c)) * 3 + len(u.normalize("NFC", c + "\u0301")) + sum(map(ord, u.name(c, ""))) % 7
print(tot)
print(ascii("\N{LINE FEED}\N{byte order mark}\N{LATIN CAPITAL LETTER GHA}\N{NULL}\N{EM DASH}"))
