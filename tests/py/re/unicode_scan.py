# re: a tokenizer loop of pattern.match(text, pos) over long non-ASCII text (decoded once and
# cached), with str subclasses and several subjects alternating.
import re

text = 'привет мир "строка" 123 ё ' * 400
p = re.compile(r'\w+|\d+|"[^"]*"|\s+')
pos = n = 0
kinds = {}
while pos < len(text):
    m = p.match(text, pos)
    tok = m.group()
    kind = 'space' if tok.isspace() else 'str' if tok.startswith('"') else 'word'
    kinds[kind] = kinds.get(kind, 0) + 1
    pos = m.end()
    n += 1
print(n, pos == len(text), sorted(kinds.items()))
others = ['ünï ' * 300 + 'end', 'ascii only ' * 30, 'ß' * 500]
for round_ in range(3):
    for s in others + [text]:
        m = re.compile(r'(\w+)$').search(s)
        print(round_, len(s), m and m.group(1)[:10], len(re.findall(r'\w+', s)))
class S(str):
    pass
print(re.findall(r'\w+', S('дом ' * 100))[:3], re.sub(r'\s', '_', S('а б ' * 80))[:9])
