# str formatting and conversions checked by test_unicode.
import enum
class S(str):
    def __str__(self):
        return '__str__ overridden'
s = S('xxx')
print("%s" % s, "{}".format(s), f"{s}", str(s))
class Int(enum.IntEnum):
    IDES = 15
print('...%(foo)s...' % {'foo': Int.IDES}, '%s' % Int.IDES, str(Int.IDES), '{}'.format(Int.IDES))
class M:
    def __index__(self):
        return 109
print('%c' % M(), '%c' % 109)
class SS(str):
    def __new__(cls, c=""):
        return str.__new__(cls, 2 * c)
    def __str__(self):
        return self
x = str(SS("foo")); print(type(x).__name__, x)
print(str(memoryview(b'abc'), 'ascii'))
for expr in ("'abc' * ''", "'abc'.__mul__('')", "'abc'['x']", "'{}'.format_map({'a': 2})", "type(iter('abc'))()",
             "type(iter([]))()"):
    try:
        eval(expr)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
