# Edge cases of unicodedata, _random and the hash modules: surrogates, big bit counts, parameter errors.
import unicodedata as u, _random, _sha256, _blake2
print(ascii(u.normalize("NFC", "\ud800\u0301a\udfff")), u.name("\ud800", None), u.category("\udc00"), u.is_normalized("NFD", "\ud800"))
print(ascii(u.normalize("NFKD", "\ufdfa" * 3)), len(u.normalize("NFKC", "\u0301" * 1000)))
r = _random.Random(1)
print(r.getrandbits(1000) % 1000, r.getrandbits(100000).bit_length())
try: r.getrandbits(2**40)
except Exception as e: print(type(e).__name__, e)
h = _sha256.sha256(); h.update(b""); print(h.hexdigest()[:8])
for bad in [lambda: _blake2.blake2b(leaf_size=-1), lambda: _blake2.blake2b(node_offset=-1), lambda: _blake2.blake2b(digest_size=0), lambda: _blake2.blake2s(node_offset=2**48), lambda: _blake2.blake2b(inner_size=65), lambda: _blake2.blake2b(node_depth=256), lambda: _blake2.blake2b(b"x", key="k")]:
    try: bad(); print("ok")
    except Exception as e: print(type(e).__name__, e)
class S(str): pass
print(u.normalize("NFC", S("abc")), type(u.normalize("NFC", S("abc"))).__name__, type(u.normalize("NFC", S("\u00e9"))).__name__)
import _blake2
for kw in [dict(leaf_size=2**32), dict(node_offset=2**64), dict(leaf_size=2**70), dict(fanout=-1), dict(inner_size=-1), dict(node_depth=-1), dict(digest_size=2**70)]:
    try: _blake2.blake2b(**kw); print("ok")
    except Exception as e: print(type(e).__name__, e)
