# printf-style str % args: conversions, flags, widths, mappings and errors


def check(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '->', repr(r))


check("f", lambda: '%f' % 'a')
check("x float", lambda: '%x' % 1.5)
check("c ab", lambda: '%c' % 'ab')
check("c float", lambda: '%c' % 1.5)
check("key no mapping", lambda: '%(a)s' % 1)
check("incomplete key", lambda: '%(a' % {})
check("incomplete", lambda: '%' % ())
check("bad char", lambda: '%z' % 1)
check("star", lambda: '%*d' % ('a', 1))
check("d float", lambda: '%d' % 2.7)
check("nan", lambda: '%.2f' % (1e400 - 1e400))
check("mix", lambda: '%5.1f|%-6d|%+d|% d|%05d|%#x|%#o|%.3d|%X' % (2.25, 3, 4, 5, -6, 255, 8, 7, 255))
check("text", lambda: '%s %r %a' % ('é', 'é', 'é'))
check("floats", lambda: '%e|%g|%G|%.0e|%#.0f|%10.3e' % (12345.678, 0.00001234, 1e20, 5.5, 3.0, -1.5))
check("chars", lambda: '%c%c' % (97, 'b'))
check("mapping", lambda: '%(x)s-%(y)r' % {'x': 1, 'y': 'z'})
check("list", lambda: '%s' % [1])
check("dict", lambda: '%s' % {'a': 1})
check("not enough", lambda: '%d %d' % (1,))
check("too many", lambda: '%d' % (1, 2))
check("percent", lambda: '%i%%' % 5)
check("strs", lambda: '%.1s|%5s|%-5s|' % ('abc', 'ab', 'ab'))
check("stars", lambda: '%*.*f' % (8, 2, 3.14159))
check("c range", lambda: '%c' % 0x110000)
check("empty tuple", lambda: '%s' % ())
check("bool", lambda: '%d' % True)
check("neg hex", lambda: '%x' % -255)
check("octal", lambda: '%o %u' % (8, 3))
check("big", lambda: '%d' % 10**30)
check("inf", lambda: '%f %F %e' % (1e400, -1e400, 1e400))
check("width neg star", lambda: '[%*d]' % (-5, 3))
check("nonascii fmt", lambda: 'é%sü' % 'ß')
check("unicode bad", lambda: 'é%é' % 1)
check("no args", lambda: 'plain' % ())
check("no args extra", lambda: 'plain' % 5)
check("plain dict", lambda: 'plain' % {'a': 1})
check("rounding", lambda: '%.2f %.0f %.0f %.3g' % (2.675, 0.5, 1.5, 1234.5))
