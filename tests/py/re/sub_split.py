# re: sub/subn with templates, group references and callables; split with groups and maxsplit.
import re

print(re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'joe@example.com, ann@site.com'))
print(re.sub(r'(?P<word>\w+)', r'<\g<word>>', 'a bc'), re.sub(r'(\w)', r'\g<1>\g<0>', 'ab'))
print(re.sub(r'x', r'\n', 'axb') == 'a\nb', re.sub(r'x', '\\\\', 'axb'), re.sub('x', r'\0', 'axb'))
print(re.sub(r'(a)(b)?', r'[\2]', 'a ab'), re.sub(r'(\d+)', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.subn(r'\s+', ' ', 'a  b   c    d'), re.subn('a', 'b', 'aaa', count=2), re.subn('z', 'y', 'abc'))
print(re.sub('a', lambda m: None, 'banana'), re.sub('', '-', ''), re.sub('$', '!', 'end'))
print(re.sub(r'(?i)HELLO', 'bye', 'Hello hello HELLO'), re.sub('(?m)^', '> ', 'l1\nl2'))
print(re.sub(r'\d', lambda m: '<%s>' % m.start(), '1a2b3'))
counter = [0]
def repl(m):
    counter[0] += 1
    return m.group(0).upper() * counter[0]
print(re.sub(r'[a-z]', repl, 'a.b.c'), counter)
print(re.compile(r'o').sub('0', 'foo boo', 1), re.compile(r'(o)').subn(r'\1\1', 'foo'))
print(re.split(r'[,;]\s*', 'a, b;c,  d'), re.split(r'([,;])\s*', 'a, b;c'))
print(re.split(r'(a)|(b)', 'xaybz'), re.split(r'\d', 'a1b2c3', maxsplit=2), re.split('x', 'axbxc', -1))
print(re.split('', 'ab'), re.split(r'\b', 'hi there'), re.split(r'(\W)', '...words, words...'))
print(re.split('(?:x)+', 'axxbxc'), re.split('(x)+', 'axxbxc'), re.split(r'$', 'a\nb'))
m = re.search(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.expand(r'\g<last>, \g<first>'), m.expand(r'\2-\1-\g<0>'), m.expand('plain'))
print(re.sub(b'(a+)', rb'<\1>', b'baaac'), re.sub(b'x', lambda m: b'yy', b'axbx'), re.subn(rb'\d', b'#', b'a1b22'))
print(re.split(rb'\s+', b'a b\tc'), re.split(rb'(,)', bytearray(b'a,b')))
print(re.sub('a', 'b', 'a' * 10), re.sub('(a)', r'\1\1', 'a' * 5))
print(re.sub(r'(?P<n>\d)', r'\g<n>\g<n>', 'x1y2'), re.sub(r'(\d)(\d)?', r'\2\1', '12 3'))
