# Unicode case mapping: full mappings, final sigma, title/capitalize/swapcase/casefold
words = ['ß', 'straße', 'ﬁ', 'İstanbul', 'ΑΣ', 'ΑΣ Σ ΣΑ', 'ὈΔΥΣΣΕΎΣ', 'ǆemal', 'ǅ', 'hello wORLD', "they're bill's",
         'ŉ', 'ΐ', 'Ǉ', 'ﬃ', 'ẞ', 'σς', '', 'a1b2', 'ÉCOLE', 'Ａｂｃ', '𐐀𐐨', 'ΑΣ.', 'Α.Σ', 'ΑΣ\u0345']
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), repr(w.casefold()))
print('hello'.upper() is not None, 'abc'.lower() == 'abc')
