# re: IGNORECASE across ASCII/Unicode/LOCALE modes, case-insensitive backreferences and sets, big charsets.
import re
print(re.findall(rb'(?Li)k', b'kK'), re.findall(rb'(?Li)[a-c]', b'ABCabcd'), re.findall(rb'(?Li)[^a]', b'aAb'))
print(re.findall(rb'(?L)\w+', b'ab_1 \xe9'), re.findall(rb'(?L)\bx', b'x yx'), re.findall(rb'(?Li)(a)\1', b'aA Aa'))
print(re.findall(r'(?i)(\w)\1', 'aA ÀÀ àÀ ßẞ'), re.findall(rb'(?i)(a)\1', b'aA'), re.findall(r'(?ia)(\w)\1', 'aA àÀ'))
print(re.match(r'(?i)[\u212a]', 'k'), re.match(r'(?i)[\u0100-\u017f]+', 'ĀāĂ'), re.match(r'(?i)[\U00010400-\U0001044f]+', '\U00010400\U00010428'))
print(re.findall(r'(?i)[^\u212a]', 'kK\u212a'), re.findall(r'(?i)\u017f', 'sS\u017f'), re.findall(r'(?i)[st]', 'sS\u017ftT'))
print(re.findall(r'[^\d\s]+', 'ab 12 cd'), re.findall(r'[\d\s]+', 'ab 12 cd'))
print(re.findall(r'(?i)[ǅ-ǆ]', 'Ǆǅǆ'), re.findall(r'(?i)[Ա-Ֆ]+', 'աբգ ԱԲԳ'))
print(re.findall(r'[\x00-\x7f]+|[^\x00-\x7f]+', 'abc日本def'), re.findall(r'[\u3040-\u30ff\u4e00-\u9fff]+', 'xx日本語とカタカナyy'))
print(re.sub(r'(?i)é', 'E', 'éÉ'), re.split(r'(?i)[éè]', 'aÉbèc'), re.findall(r'\W+', 'a, é; b'))
