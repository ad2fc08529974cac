# hashlib and hmac on the builtin hash modules (no _hashlib).
import hashlib
print(sorted(hashlib.algorithms_guaranteed))  # algorithms_available also lists OpenSSL's extras on CPython
for n in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(n, b"The quick brown fox")
    print(n, h.hexdigest(20) if n.startswith("shake") else h.hexdigest(), h.name)
print(hashlib.sha256(b"abc").hexdigest(), hashlib.md5(b"x", usedforsecurity=False).hexdigest())
print(hashlib.blake2b(b"abc", digest_size=16, person=b"me").hexdigest())
import hmac
print(hmac.new(b"key", b"msg", "sha256").hexdigest(), hmac.digest(b"key", b"msg", "md5").hex())
print(hmac.compare_digest(b"a", b"a"))
