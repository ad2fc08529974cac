# bytes methods: search, split/join, strip, case, padding, hex/fromhex, translate, subclasses
b = b'Hello, World! hello'
print(b.find(b'llo'), b.rfind(b'llo'), b.find(108), b.count(b'l'), b.index(b'W'), b.rindex(b'o'), b.find(b'x'))
print(b.startswith(b'He'), b.endswith((b'lo', b'x')), b.startswith(b'World', 7), b'.' in b, 72 in b)
print(b.split(), b.split(b', '), b.rsplit(b'l', 1), b'a\nb\r\nc'.splitlines(), b'a\nb'.splitlines(True))
print(b'-'.join([b'a', b'b']), b' x '.strip(), b'xxaxx'.strip(b'x'), b' a '.lstrip(), b' a '.rstrip())
print(b.upper(), b.lower(), b.swapcase(), b'hello world'.title(), b'hELLO'.capitalize())
print(b'abc'.isalpha(), b'ab1'.isalnum(), b'12'.isdigit(), b' \t'.isspace(), b'abc'.islower(), b'ABC'.isupper(), b'Ab Cd'.istitle())
print(b'ab'.center(6, b'*'), b'ab'.ljust(4), b'ab'.rjust(4, b'0'), b'-5'.zfill(4), b'a\tb'.expandtabs(4))
print(b'\x00\xff\x10'.hex(), b'abcdef'.hex(' ', 2), b'abcdef'.hex(b':', -4), bytes.fromhex('de ad BE EF'))
print(b'abcabc'.replace(b'b', b'XX'), b'abc'.replace(b'', b'.'), b'abc'.partition(b'b'), b'abcb'.rpartition(b'b'))
print(b'prefix'.removeprefix(b'pre'), b'suffix'.removesuffix(b'fix'), b'abc'.translate(None, b'ac'))
t = bytes.maketrans(b'abc', b'ABC')
print(len(t), b'aabbcc'.translate(t), b'abc'[1], b'abc'[-1], b'abc'[::-1], b'abcdef'[1:5:2])
print(bytes(3), bytes([65, 66]), bytes('é', 'utf-8'), bytes(b'x'), bytes(bytearray(b'y')), b'a' * 3, 2 * b'b')
print(b'a' < b'b', b'ab' > b'a', b'a' == b'a', b'' == b'', b'ab' > b'a' > b'', hash(b'abc') == hash(b'abc'))


class B(bytes):
    def twice(self):
        return self * 2


x = B(b'ab')
print(x, repr(x), x.twice(), len(x), x[0], x == b'ab', type(x.upper()).__name__, B([1, 2]))


class WithBytes:
    def __bytes__(self):
        return b'custom'


print(bytes(WithBytes()), repr(b'\t\n\r\x00\\\'"'), repr(b'"'), repr(b"'"), repr(b'\'"'))
