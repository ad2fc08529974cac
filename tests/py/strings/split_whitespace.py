# str.split()/rsplit() on whitespace runs: Unicode spaces, maxsplit, leading/trailing runs, both directions.
cases = ['', ' ', 'a', ' a ', 'a b  c', '\t\na\x1cb\x85c\xa0d\u3000e\u2028 ', 'é日 本\U0001F600 x', '  lead and trail  ', 'x' * 20]
for c in cases:
    for m in (-1, 0, 1, 2, 5):
        print(repr(c), m, c.split(None, m), c.rsplit(None, m), c.split(maxsplit=m) == c.split(None, m))
print(len(('ab cd ' * 500).split()), ('ab\u2003cd ' * 3).rsplit(maxsplit=2))
