# End of input inside a call after a generator argument and a comma: the tokenizer's
# end-of-input error (the open bracket) wins over "Generator expression must be parenthesized".
for s in ['f(a for a in b,\n', 'f(a for a in b,\\\n', 'f(a for a in b,\\', '"\\\n"(1 for c in I,\\\n\\', '(1 for c in I,\\\n\\',
          'x = (1 +\\\n\\', 'f(a for a in b, c', 'f(a for a in b, c\n', 'f(a for a in b, c)', 'f(a for a in b, (c)',
          'f(a for a in b, [c)']:
    try:
        compile(s, '<t>', 'exec')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
