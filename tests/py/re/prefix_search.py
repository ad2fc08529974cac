# re: searches that use the INFO literal prefix (str and bytes), with pos/endpos windows.
import re
subjects = ['', 'a', 'ab', 'aab', 'abab', 'xxabcxxabd', 'aaab', 'abcabcab', 'zzz', 'ab' * 50 + 'c', 'xaby' * 3]
for p in ['ab', 'abc|abd', 'a(b)', '(a)(b)c', 'aab', 'ab+c?', 'ab(?=c)', 'ab\\b', 'b', 'abab', '(?:ab)+c', 'xab(y)']:
    c = re.compile(p)
    for s in subjects:
        print(p, s[:12], c.findall(s), [m.span() for m in c.finditer(s, 1)], c.sub('#', s), c.search(s, 2, 7), c.split(s))
    for s in subjects:
        b = s.encode()
        cb = re.compile(p.encode())
        print(cb.findall(b), cb.sub(b'#', b))
