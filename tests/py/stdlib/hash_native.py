# _md5/_sha1/_sha256/_sha512/_sha3/_blake2 directly: digests at block boundaries, incremental, copy, params, errors.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2
datas = [b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 64, b"a" * 111, b"a" * 112, b"a" * 128, b"a" * 200, bytes(range(256)) * 5,
         b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"]
ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512, _sha3.sha3_224, _sha3.sha3_256,
         _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
for c in ctors:
    h = c()
    print(h.name, h.digest_size, h.block_size, type(h).__name__, type(h).__module__)
    for d in datas:
        print(" ", c(d).hexdigest())
    h = c()
    for d in datas:
        h.update(d)
    g = h.copy(); g.update(b"x")
    print(" inc", h.hexdigest(), g.hexdigest(), h.digest()[:4])
for c in [_sha3.shake_128, _sha3.shake_256]:
    for d in datas[:4]:
        print(c(d).hexdigest(10), c(d).digest(300)[-8:].hex())
    print(c().name, c().digest_size, c().block_size)
print(_blake2.blake2b(b"abc", digest_size=20, key=b"k" * 64, salt=b"s" * 16, person=b"p" * 16).hexdigest())
print(_blake2.blake2s(b"abc", digest_size=5, key=b"key", salt=b"salt", person=b"me").hexdigest())
print(_blake2.blake2b(b"x", fanout=2, depth=3, leaf_size=7, node_offset=9, node_depth=1, inner_size=10, last_node=True).hexdigest())
print(_blake2.blake2s(b"x" * 100, fanout=0, depth=255, leaf_size=2**32-1, node_offset=2**48-1, node_depth=255, inner_size=32, last_node=True).hexdigest())
print(_blake2.blake2b(key=b"k").hexdigest(), _blake2.blake2b(b"a" * 128, key=b"k").hexdigest())
print(_blake2.blake2b.SALT_SIZE, _blake2.blake2s.MAX_KEY_SIZE, _blake2.BLAKE2S_PERSON_SIZE)
print(_md5.md5(string=b"abc").hexdigest(), _sha1.sha1(b"abc", usedforsecurity=False).hexdigest())
print(_md5.md5(bytearray(b"abc")).hexdigest())
for f in [lambda: _md5.md5("abc"), lambda: _md5.md5(5), lambda: _sha3.sha3_256().update("x"), lambda: _blake2.blake2b(digest_size=65),
          lambda: _blake2.blake2b(key=b"k" * 65), lambda: _blake2.blake2s(salt=b"s" * 9), lambda: _blake2.blake2s(person=b"s" * 9),
          lambda: _blake2.blake2b(fanout=256), lambda: _blake2.blake2b(depth=0), lambda: _sha3.shake_128().digest(-1), lambda: _sha3.shake_128().digest(),
          lambda: _sha1.sha1().digest(1)]:
    try: f(); print("ok")
    except Exception as e: print(type(e).__name__, e)
for m in (_md5, _sha1, _sha256, _sha512, _sha3, _blake2):
    print(m.__name__, [x for x in dir(m) if not x.startswith("__") and x not in ("implementation",)])
h = _sha3.sha3_256()
print(h._capacity_bits, h._rate_bits, h._suffix, _sha3.shake_128()._suffix, type(_md5.md5()), _md5.MD5Type, _sha3.keccakopt)
for t in (_md5.MD5Type, _sha256.SHA224Type):
    try:
        t()
    except TypeError as e:
        print(e)
import _operator
for a, b in [("a", "a"), ("a", "b"), (b"ab", b"ab"), (b"ab", bytearray(b"ab")), ("\xe9", "\xe9"), ("a", b"a"), (1, 2), (b"abc", b"ab"), (b"", b"")]:
    try:
        print(_operator._compare_digest(a, b))
    except TypeError as e:
        print(type(e).__name__, e)
