# compare: stderr
# The parser's DeprecationWarnings for invalid escape sequences (ignored by default outside
# __main__, shown with an "always" filter), and -W error turning one into a SyntaxError.
import _warnings
compile(r'x = "\d"', '<default>', 'exec')   # ignored by the default filters
_warnings.filters.insert(0, ("always", None, DeprecationWarning, None, 0))
_warnings._filters_mutated()
compile(r'x = "\d" + "\777" + b"\q" + b"\u" + "\N{DIGIT ONE}\8"', '<f>', 'exec')
compile(r'x = f"\w{1}\e"', '<g>', 'exec')
compile('x = """a\nb\\d"""', '<h>', 'exec')
compile(r'x = "ok\n\t\x41" + r"\d" + "\\d"', '<i>', 'exec')
compile(r'x = ("\d"' + '\n' + r'     "\s")', '<j>', 'exec')
_warnings.filters.insert(0, ("error", None, DeprecationWarning, None, 0))
_warnings._filters_mutated()
for src in [r'"abc\z"', '\n\n  x = 1 + "\\q"', r'b"\777"']:
    try:
        compile(src, '<k>', 'exec')
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset, e.end_offset, repr(e.text))
