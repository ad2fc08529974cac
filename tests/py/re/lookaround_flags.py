# re: lookahead/lookbehind, named groups, flags (inline and arguments), verbose mode, unicode
# classes and case folding, bytes patterns.
import re

print(re.findall(r'\w+(?=,)', 'a, b, c'), re.findall(r'(?<=\$)\d+', 'cost $30 or $45'))
print(re.findall(r'\b(?!un)\w+', 'undo redo unzip zip'), re.findall(r'(?<!\d)\d{2}(?!\d)', '1 12 123 45'))
print(re.search(r'(?<=(a))b', 'ab').groups(), re.search(r'(?=(\w+))\w', 'hey').groups())
print(re.match(r'(?=a)(?!ab)a', 'ac'), re.match(r'(?=a)(?!ab)a', 'ab'))
print(re.findall(r'(?<=a|b)c', 'ac bc cc'), re.findall(r'(?<=ab|cd)x', 'abx cdx efx'))
m = re.match(r'(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?', '2024-05')
print(m.groupdict(), m.groupdict('?'), m.group('year', 'month'), m.lastgroup, m.lastindex, m.span('day'))
print(re.compile(r'(?P<a>x)(?P<b>y)').groupindex == {'a': 1, 'b': 2})
print(re.findall(r'(?i)straße', 'STRASSE Straße strasse'), re.findall(r'(?i)[ß]', 'ß ẞ'))
print(re.match(r'(?i)ΣΑΣ', 'σας'), re.match(r'(?i)[σ]+', 'Σσς').span(), re.match(r'(?i)µ', 'Μ'))
print(re.findall(r'(?i)k', 'k K \u212a'), re.findall(r'(?ia)k', 'k K \u212a'), re.findall(r'(?i)\u0130', 'i İ ı'))
print(re.findall(r'(?i)[^a-z]', 'aZ1\u212a'), re.findall(r'(?i)[a-zé]+', 'CAFÉ café'))
print(re.findall(r'\w+', 'naïve café 東京 ١٢'), re.findall(r'(?a)\w+', 'naïve café'), re.findall(r'\d', '٣7'))
print(re.findall(r'[^\W\d_]+', 'ab_12cd'), re.findall(r'\S+', 'a\u00a0b c'), re.findall(r'(?a)\S+', 'a\u00a0b'))
print(re.findall(r'(?s)a.b', 'a\nb a-b'), re.findall(r'a.b', 'a\nb a-b'), re.findall(r'(?m)^\w', 'ab\ncd'))
p = re.compile(r'''
    (?P<key>[a-z]+)   # the key
    \s* = \s*         # equals
    (?P<val>\d+)      # the value
''', re.VERBOSE)
print(p.findall('a = 1, bb=22'), p.flags & re.VERBOSE != 0)
print(re.compile('(?x)a b c # comment').match('abc'), re.compile(r'(?x)a\ b').match('a b'), re.compile('(?x)[ ]').match(' '))
print(re.findall('(?i:a)b', 'Ab AB ab'), re.findall('a(?-i:b)', 'aB ab', re.I), re.findall(r'(?m:^x)|y', 'x\nx y'))
print(re.findall(rb'\w+', b'abc d\xe9f'), re.findall(rb'(?i)\xc9', b'\xe9\xc9'), re.match(rb'\d+', b'123').group())
print(re.findall(rb'[\x00-\x1f]', b'a\x01b\x1f'), re.split(rb'\W+', b'a-b--c'), re.compile(rb'(?P<x>a)').match(b'a').groupdict())
print(re.search(rb'\bb', b'a b'), re.findall(rb'(?L)\w', b'a1'), re.findall(rb'.', b'a\nb'))
print(re.match('[\U0001F600-\U0001F64F]+', '😀😃x').group(), re.findall('.', 'a😀b'), re.sub('😀', ':)', 'hi😀'))
print(re.findall('[\u0400-\u04ff]+', 'hi привет мир'), re.findall(r'(?i)[а-я]+', 'ПРИВЕТ мир'))
print(re.findall(r'[а-яё]+', 'ёж еж'), re.findall(r'[a-zα-ω0-9]+', 'abc αβγ 123 ΑΒΓ'))
print(re.match(r'(?u)\w+', 'été').group(), re.fullmatch(r'\w+', 'a\u0301'), re.fullmatch(r'[\w\u0301]+', 'a\u0301').span())
