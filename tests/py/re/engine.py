# re: the engine's explicit backtracking stack (long and deeply nested matches), anchors,
# empty-match rules of finditer/sub/split, and possessive/atomic forms.
import re

print(re.match('(a*)*b', 'a' * 10000 + 'b').span())
print(re.match('(?:a|b)*c', 'ab' * 50000))
print(re.match('(a)*c', 'a' * 100000))
print(re.match('(?:(a)|b)*?c', 'ab' * 50000 + 'c').span())
print(re.match(r'(?:x\d)+y', 'x1' * 30000 + 'y').span())
p = '(' * 200 + 'a' + ')' * 200
m = re.match(p, 'a')
print(m.span(), len(m.groups()), m.lastindex)
print(re.search(r'(\w+)\s+\1', 'the cat cat sat' * 100).span())
print(len(re.findall(r'[aeiou]', 'hello world ' * 500)))
print(len(re.sub(r'(\w)(\w)', r'\2\1', 'abcdefgh ' * 500)))
print(re.fullmatch(r'(?:a+)+', 'a' * 5000) is not None)
print(re.match(r'(?:(?:a{1,3}){1,3}){1,3}b', 'aaaaab').span())
# lazy repeats over long input
print(re.match(r'.*?x', 'y' * 20000 + 'x').end())
print(re.match(r'(.*?)(\d+)$', 'abc' * 1000 + '123').group(2))
# empty matches
print([m.span() for m in re.finditer(r'\b', 'ab cd')])
print([m.span() for m in re.finditer(r'a*', 'baaac')])
print(re.sub(r'a*', '-', 'baaac'), re.sub('', '.', 'abc'), re.sub(r'(?=b)', '^', 'abab'))
print(re.split(r'a*', 'baaac'), re.split(r'(?=b)', 'abab'), re.split(r'\s*', ' a b '))
print(re.findall(r'a|', 'abac'), re.findall(r'(a)|', 'abac'))
# anchors, multiline and the string's real beginning
p = re.compile(r'^\w', re.M)
print(p.findall('ab\ncd\n\nef'), p.search('xy', 1), re.compile(r'\Aa').search('ba', 1))
print(re.findall(r'$', 'a\nb\n'), re.findall(r'(?m)$', 'a\nb\n'), re.findall(r'\Z', 'a\n'))
print(re.compile(r'(?<=a)b').search('ab', 1), re.compile(r'(?<!a)b').search('ab', 1))
print(re.compile(r'\bb').search('ab', 1), re.compile(r'b\b').search('abc', 0, 2))
# possessive and atomic
print(re.match(r'a*+a', 'aaaa'), re.match(r'a*+b', 'aaab').span(), re.match(r'(?>a|ab)c', 'abc'))
print(re.match(r'(?:ab)++', 'ababx').span(), re.match(r'(a|b)*+c', 'abbac').groups())
print(re.match(r'(?>(a+))b', 'aaab').groups(), re.match(r'x(?>y*)y', 'xyyy'))
print(re.match(r'(a{2,3}+)a', 'aaaa').groups(), re.match(r'(?:a|b)?+b', 'b'))
# conditionals and backreferences inside repeats
print(re.match(r'(?:(a)|b)(?(1)c|d)', 'bd').groups(), re.match(r'(?:(a)|b)(?(1)c|d)', 'ac').groups())
print(re.match(r'((a)|b)+', 'ab').groups(), re.match(r'(a|b)*?c', 'abac').groups())
print(re.match(r'(?:(\w)\1)+', 'aabbccd').group(0, 1))
print(re.match(r'(?P<x>a)(?P=x)+', 'aaaa').span())
print(re.match(r'(a)(?:(b)|c)*', 'abcb').groups(), re.match(r'(?:(a)|(b))*', 'ab').groups())
print(re.match(r'(a*)+', 'aa').groups(), re.match(r'(a*)*', 'aa').groups(), re.match(r'(a|)*', 'aa').groups())
print(re.match(r'(?:a|(b))+', 'ba').groups(), re.match(r'(?:(a)|b)+', 'ab').groups())
# possessive repeats open no repeat context in 3.11: marks inside keep what a failed branch set
print(re.search(r'(((a)|))*+', 'abab').groups(), re.findall(r'(((a)|))*+', 'abab'), re.split(r'(((a)|))*+', 'abab'))
print(re.match(r'(?:(a)|b)++c', 'abac'), re.match(r'(?:(a)|(b))*+', 'ab').groups())
