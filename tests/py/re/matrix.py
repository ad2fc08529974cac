# re: every pattern x subject through match/search/fullmatch/findall/sub/split/subn, compared with CPython.
import re
pats = [r'a*', r'a+?', r'(a|b)*c', r'(a|b)*?c', r'(ab|a)(bc|c)', r'(?:a|ab)(?:c|bcd)(d*)', r'^abc$', r'(?m)^\w+$',
 r'(?s).+', r'.+', r'\d{2,3}', r'\d{2,3}?', r'(\w)\1', r'(?i)(\w)\1', r'(?P<x>a)(?P=x)', r'(a)(b)?c', r'(a)?(?(1)b|c)',
 r'(?=a)\w+', r'(?!a)\w+', r'\w+(?<=c)', r'(?<!a)b', r'(a*)+b', r'(a*)*b', r'(a|)+b', r'(?:(a)|b)*', r'((a)|b)+',
 r'(a+)+$', r'x*y*z*', r'[^abc]+', r'[a-c]+', r'[\w.]+@[\w.]+', r'\bword\b', r'\Bor\B', r'\s+', r'\S+', r'\D+',
 r'(?i)[A-Z]+', r'(?i)straße', r'(?i)ǅ', r'[\u0400-\u04ff]+', r'(?a)\w+', r'(?u)\w+', r'a{3}', r'a{,2}', r'(a{2})*',
 r'(?>a*)b', r'a*+b', r'(?:ab)*+', r'(?:ab){1,2}+c', r'(a)(?:(b)|c)*', r'(a)|(b)', r'$', r'\Z', r'\A', r'(?m)$',
 r'((a)|(b))*', r'(?:(\d+)\.)*(\d+)', r'[-+]?\d*\.?\d+', r'(?x) a b # comment\n c', r'(?i)k', r'(?i)[k-l]', r'[^\W\d]+',
 r'(.)(?!\1)', r'(?:x|y|z){2,}?q', r'(?:(a)|(b)|(c))+', r'a|b|c|d|e', r'(foo|foobar)baz', r'[ab-]', r'[\]]', r'\\']
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
