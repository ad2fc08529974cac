# compile() of source bytes: coding cookies (iso8859-7 included), unknown encodings and BOM conflicts
# (CPython's unplaced errors: lineno 0, offset -1, no text).
for s in [b'# coding: foo\nx', b'\xef\xbb\xbf#coding: utf8\nx', b'\xef\xbb\xbf#coding: latin-1\nx', b'#coding: iso8859-7\nx = 0xI',
          b'# coding: ascii\nx = "\xe2\x80\x9c"', b'# -*- coding: iso8859-7 -*-\n\xe1 = 0xI', b'# coding: latin-1\nx = "\xe9"\nprint(x)']:
    for mode in ('exec', 'eval'):
        try:
            compile(s, '<t>', mode)
            print('ok')
        except SyntaxError as e:
            print(repr(s), e.msg, e.args, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
