# re: errors raised by the native side (types, group lookups, arguments) and by the compiler.
import re, _sre

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

p = re.compile(r'(?P<a>x)(y)?')
m = p.match('xz')
show(lambda: p.match(1)); show(lambda: p.search(None)); show(lambda: p.match(b'x')); show(lambda: re.compile(b'x').search('x'))
show(lambda: re.findall(b'x', 'x')); show(lambda: re.sub('x', 'y', b'x')); show(lambda: p.match('x', 'y')); show(lambda: p.match())
show(lambda: p.match('x', pos=0, foo=1)); show(lambda: p.match('x', 10**30)); show(lambda: p.split('x', 'y'))
show(lambda: m.group(3)); show(lambda: m.group('b')); show(lambda: m.group(-1)); show(lambda: m[10**30]); show(lambda: m.start(9))
show(lambda: m.group(1.0)); show(lambda: m.group(True)); show(lambda: m.group(2)); show(lambda: m.span(2)); show(lambda: m['a'])
show(lambda: re.sub('(a)', r'\2', 'a')); show(lambda: re.sub('a', r'\q', 'a')); show(lambda: re.sub('(?P<n>a)', r'\g<m>', 'a'))
show(lambda: re.sub('a', lambda m: 5, 'a')); show(lambda: re.sub(b'a', lambda m: 'x', b'a')); show(lambda: re.sub('a', b'x', 'a'))
show(lambda: re.compile('(')); show(lambda: re.compile('a{2,1}')); show(lambda: re.compile('(?<=a+)b')); show(lambda: re.compile('[z-a]'))
show(lambda: re.compile(r'\1(a)')); show(lambda: re.compile('(?P<1>a)')); show(lambda: re.compile('*')); show(lambda: re.compile('a', re.A | re.U))
show(lambda: re.compile(b'a', re.U)); show(lambda: re.compile('a', re.L)); show(lambda: re.compile(5)); show(lambda: re.compile(re.compile('a'), re.I))
show(lambda: _sre.compile('a', 0, [1, 2, 3], 0, {}, ())); show(lambda: _sre.compile('a', 0, [99], 0, {}, ())); show(lambda: _sre.compile('a', 0, [-1], 0, {}, ()))
show(lambda: _sre.compile('a', 0, [2**40], 0, {}, ())); show(lambda: _sre.compile('a', 0, (1,), 0, {}, ())); show(lambda: _sre.compile('a', 0, [17, 5, 1], 0, {}, ()))
show(lambda: _sre.ascii_tolower('a')); show(lambda: _sre.unicode_iscased(2**40))
show(lambda: re.Pattern()); show(lambda: re.Match()); show(lambda: type(p.scanner('')).__name__)
show(lambda: re.error('msg', 'pat\nx', 4).args); show(lambda: (re.error('m', 'ab\ncd', 4).lineno, re.error('m', 'ab\ncd', 4).colno))
try:
    re.compile('a(b')
except re.error as e:
    print(e.msg, e.pos, e.pattern, e.lineno, e.colno)
