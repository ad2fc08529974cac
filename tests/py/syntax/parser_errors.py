# Syntax errors of the parser and tokenizer: message, line, offsets and text as CPython 3.11.
import sys
srcs = [
 "with (blech as something)\n  pass\n",
 "with (blech, block as something)\n  pass\n",
 "with (blech, block as something, bluch)\n  pass\n",
 "with (blech, block as something, bluch,)\n  pass\n",
 "with (a, b)\n  pass\n",
 "with (a as b, c as d),\n  pass\n",
 "try:\n  pass\nexcept\n  pass\n",
 "try:\n  pass\nexcept ValueError\n  pass\n",
 "try:\n  pass\nexcept* ValueError\n  pass\n",
 "try:\n  pass\nexcept ValueError as e\n  pass\n",
 "match ...:\n  case 42 as 1+2+4:\n    ...\n",
 "match ...:\n  case 42 as 1:\n    ...\n",
 "match ...:\n  case 42 as a.b:\n    ...\n",
 "match ...:\n  case 42 as (a):\n    ...\n",
 "match ...:\n  case 42 as _:\n    ...\n",
 "match ...:\n  case 42 as -1:\n    ...\n",
 "try: pass\nexcept ValueError: pass\nexcept* TypeError: pass",
 "try: pass\nexcept* ValueError: pass\nexcept TypeError: pass",
 'print\x17("Hello")',
 'x = 1\x7f',
 '\u200b',
 'x\u200b = 1',
]
for s in srcs:
    try:
        compile(s, "<t>", "exec")
        print("OK", repr(s))
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for s in ['x = 1\ry', 'x = 1\r\ny', 'x = \v1', 'x = "\x01"', '# \x01\nx=1', 'x = (1,\x02 2)', '\x03', 'if 1:\n\x04pass', 'x = 1 \\\n\x05']:
  try: compile(s,'','exec'); print('ok', repr(s))
  except SyntaxError as e: print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
