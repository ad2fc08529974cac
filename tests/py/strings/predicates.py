# str.is*() predicates over ASCII and Unicode samples
samples = ['', 'abc', 'ABC', 'Abc', 'Abc Def', 'abc1', '123', '١٢٣', '²', '½', '一二', 'Ⅻ', ' \t\n', '\u3000', '\x1c',
           'a b', '_id', '1id', 'idé', 'ª', 'ǅ', 'ǅa', 'ΑΣ', '\x7f', 'é', '\u200b', '😀', 'A_B', 'a\u0301']
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
