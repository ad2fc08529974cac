# _string: formatter_parser and formatter_field_name_split, results and errors.
import _string

for s in ['a{0}b', 'x{a.b[c]!r:>{w}}y', '{{}}', 'a}}b{{', '{a[:]}', '{a[}]}', '{!r}', '{:}', '{a!}',
          '{a!rr}', '{', '}', 'a{b', '{a:{b:{c}}}', '', 'abc', '{0!s:x}z', '{a[!]}', '{a:x', '{a!r',
          '{a!', '{a{b}', '{a]}', '{a[b]c}', '{0[}', '{a!r}}', '{:{}}x', '{a:}}', '{a:{}', 'é{0}ü']:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for s in ['a.b[0].c', '0[x]', '', 'a[', 'a.', 'a[0]b', '1.x', '[0]', 'a[]', 'a..b', '12[3][x].y']:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), list(rest))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
try:
    _string.formatter_parser(1)
except TypeError as e:
    print(e)
