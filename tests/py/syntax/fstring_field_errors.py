# Syntax errors inside f-string fields (file line numbers, CPython's column shift on every line,
# text of lines already left), numbers followed by non-ASCII, and null bytes in compile().
for s in ['a = 3\xa0', '1é', '1€', 'x=1\u200b', '0x1é', '1.5é','1jé','(1,\xa0 2)', 'x = 1\ny = 2\nf\'{a b}\'', 'x=1\nf\'\'\'\n{\n(123_a)}\'\'\'', 'x=1\nf\'\'\'{\n\n6\n0=}\'\'\'',
          "f'''\n            {\n            (123_a)\n            }'''", 'f\'\'\'\n            {\n            f"""\n            {\n            (123_a)\n            }\n            """\n            }\'\'\'',
          'f"""\n\n\n            {\n            6\n            0="""', 'x = 1\nf"{a!x}"', 'x = 1\nf"{}"', 'x=1\ny=2\nf"{a b}" f"{c d}"', 'x\nf"{a:{b c}}"',
          'x\nf"""{a\n+\n}"""', 'x\nf"{lambda x:1}"', 'x\nf"{a=!z}"', 'x\nf"""\n{\n1 +\n}"""']:
    for src in (s, s.encode()):
        try:
            compile(src, '<t>', 'exec')
            print('ok')
        except SyntaxError as e:
            print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for f in (lambda: compile('x\x00','','exec'), lambda: compile(b'x\x00','','exec'), lambda: exec('x\x00'), lambda: eval('x\x00')):
    try: f()
    except Exception as e: print(type(e).__name__, e)
