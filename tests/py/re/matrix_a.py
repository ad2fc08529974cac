# re: every pattern x subject (part a) through match/search/fullmatch/findall/sub/split/subn, compared with CPython.
import re
pats = ['a*', 'a+?', '(a|b)*c', '(a|b)*?c', '(ab|a)(bc|c)', '(?:a|ab)(?:c|bcd)(d*)', '^abc$', '(?m)^\\w+$', '(?s).+', '.+', '\\d{2,3}', '\\d{2,3}?', '(\\w)\\1', '(?i)(\\w)\\1', '(?P<x>a)(?P=x)', '(a)(b)?c', '(a)?(?(1)b|c)', '(?=a)\\w+', '(?!a)\\w+', '\\w+(?<=c)', '(?<!a)b', '(a*)+b', '(a*)*b', '(a|)+b', '(?:(a)|b)*', '((a)|b)+', '(a+)+$', 'x*y*z*', '[^abc]+', '[a-c]+', '[\\w.]+@[\\w.]+', '\\bword\\b', '\\Bor\\B', '\\s+', '\\S+']
subjects = ['', 'a', 'aaa', 'abc', 'aabbc', 'abcd', 'ababc', 'hello world', 'Word word sword words', 'aa bb cc',
 'foo@bar.com x', '12 345 6789', 'STRASSE straße', 'ǆ ǅ Ǆ', 'привет мир', 'KkK', 'x\nyz\n', '-3.14 +2 .5', 'ab\\cd',
 'foobarbaz foobaz', 'xyzzyq', 'a-b]c', 'abacab']
for p in pats:
    try:
        c = re.compile(p)
    except re.error as e:
        print('ERR', p, e); continue
    for s in subjects:
        m = c.match(s); se = c.search(s); f = c.fullmatch(s)
        print(repr(p), repr(s), m and (m.span(), m.groups(), m.lastindex), se and (se.span(), se.regs, se.lastgroup), f and f.span(),
              c.findall(s), c.sub('<\\g<0>>', s), c.split(s), c.subn(lambda m: m.group().upper(), s, 2))
