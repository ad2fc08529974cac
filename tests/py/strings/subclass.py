# str subclasses: construction, inherited methods, operators, attributes, overrides


class S(str):
    def shout(self):
        return self.upper() + '!'


class Tagged(str):
    def __new__(cls, value, tag):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj

    def __repr__(self):
        return 'Tagged(%s, %r)' % (str.__repr__(self), self.tag)


s = S('héllo')
print(s, repr(s), type(s).__name__, len(s), s.shout(), s[1], s[1:3], s + '!', '>' + s, s * 2)
print(s == 'héllo', s != 'x', s < 'z', hash(s) == hash('héllo'), 'é' in s, s.split('l'), type(s.upper()).__name__)
print(isinstance(s, str), str(s), type(str(s)).__name__, '%s|%r' % (s, s), '{}'.format(s), f'{s:>8}')
s.extra = 5
print(s.extra, s.__dict__ if hasattr(s, '__dict__') else None)
t = Tagged('v', 'k')
print(t, repr(t), t.tag, t.upper(), t + 'w', [t])
d = {S('a'): 1}
print(d['a'], d[S('a')], 'a' in d)
print(S(), repr(S(b'x', 'ascii')), S(42), S(3.5), type(S('q') + S('r')).__name__)
print(str.__new__(S, 'z'), type(str.__new__(S, 'z')).__name__)
for bad in (lambda: str.__new__(int), lambda: str.__new__(1), lambda: object.__new__(S)):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
