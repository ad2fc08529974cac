# re: every pattern x subject (part b) through match/search/fullmatch/findall/sub/split/subn, compared with CPython.
import re
pats = ['\\D+', '(?i)[A-Z]+', '(?i)straße', '(?i)ǅ', '[\\u0400-\\u04ff]+', '(?a)\\w+', '(?u)\\w+', 'a{3}', 'a{,2}', '(a{2})*', '(?>a*)b', 'a*+b', '(?:ab)*+', '(?:ab){1,2}+c', '(a)(?:(b)|c)*', '(a)|(b)', '$', '\\Z', '\\A', '(?m)$', '((a)|(b))*', '(?:(\\d+)\\.)*(\\d+)', '[-+]?\\d*\\.?\\d+', '(?x) a b # comment\\n c', '(?i)k', '(?i)[k-l]', '[^\\W\\d]+', '(.)(?!\\1)', '(?:x|y|z){2,}?q', '(?:(a)|(b)|(c))+', 'a|b|c|d|e', '(foo|foobar)baz', '[ab-]', '[\\]]', '\\\\']
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
