#!/usr/bin/python3.11
# gen_number_cases.py — writes tests/unit/data/number_cases.tsv: CPython 3.11's answers for
# int arithmetic, int/float formatting and parsing, and hashing, read by the unit tests
# (test_bigint.cpp, test_float_format.cpp, test_hashing.cpp). Deterministic: rerun to regenerate.
#
# One case per line, tab-separated: op, arguments..., expected. Floats are passed as the
# 16-hex-digit bits of the double; an expected value starting with '!' names the exception.
import math
import os
import random
import struct
import subprocess
import sys

assert sys.version_info[:2] == (3, 11), "run with python3.11"
rng = random.Random(int(os.environ.get("COIL_GEN_SEED", "20240611")))
out = []


def escape(s):
    # Backslash and control characters (C0, DEL, C1) become \\ and \xHH (a code point).
    return ''.join('\\\\' if c == '\\' else '\\x%02x' % ord(c) if ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0
                   else c for c in s)


def emit(*fields):
    # Ints too long for str() (the 4300-digit limit) are written in hex (read with base 0).
    out.append('\t'.join(escape(hex(f) if isinstance(f, int) and f.bit_length() > 10000 else str(f))
                         for f in fields))


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def exc_name(e):
    return '!' + type(e).__name__


def attempt(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - the exception kind is the expected value
        return exc_name(e)


def attempt_msg(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001
        return exc_name(e) + ': ' + str(e)


# --- ints -----------------------------------------------------------------------------------
def interesting_ints():
    vals = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 256, -256]
    for k in (31, 32, 52, 53, 54, 61, 62, 63, 64, 65, 127, 128, 129, 191, 192, 256, 1000):
        for d in (-1, 0, 1):
            vals += [2**k + d, -(2**k + d)]
    for n in (8, 30, 60, 70, 100, 200, 400, 2000):
        for _ in range(2 if n == 2000 else 4):
            v = rng.getrandbits(n)
            vals.append(v if rng.random() < 0.5 else -v)
    vals += [10**18, -10**18, 10**19, 10**50, -(10**50) + 1, 3**200]
    return vals


INTS = interesting_ints()


def pick():
    return rng.choice(INTS)


for _ in range(400):
    a, b = pick(), pick()
    emit('add', a, b, a + b)
    emit('sub', a, b, a - b)
    emit('mul', a, b, a * b)
    emit('floordiv', a, b, attempt(lambda: a // b))
    emit('mod', a, b, attempt(lambda: a % b))
    emit('truediv', a, b, attempt(lambda: bits(a / b)))
    emit('and', a, b, a & b)
    emit('or', a, b, a | b)
    emit('xor', a, b, a ^ b)
    emit('cmp', a, b, (a > b) - (a < b))
    emit('gcd', a, b, math.gcd(a, b))
# Division near the float limits and with huge operands (correct rounding).
for _ in range(300):
    a = rng.getrandbits(rng.randint(1, 1100)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randint(1, 1100)) or 1
    emit('truediv', a, b, attempt(lambda: bits(a / b)))
for _ in range(200):
    q = rng.getrandbits(60) | 1
    sh = rng.randint(-1130, -1000)
    a, b = q, 2**(-sh) * 3
    emit('truediv', a, b, attempt(lambda: bits(a / b)))
    emit('truediv', 2**1024 - rng.getrandbits(970), 1, attempt(lambda: bits((2**1024 - 1) / 1)))
for a in INTS:
    emit('neg', a, -a)
    emit('invert', a, ~a)
    emit('bit_length', a, a.bit_length())
    emit('bit_count', a, a.bit_count())
    emit('hash', a, hash(a))
    emit('to_double', a, attempt(lambda: bits(float(a))))
    for base in (2, 8, 10, 16, 36):
        digits = '0123456789abcdefghijklmnopqrstuvwxyz'
        n, s = abs(a), ''
        while True:
            s = digits[n % base] + s
            n //= base
            if n == 0:
                break
        emit('str', a, base, ('-' if a < 0 else '') + s)
    if a >= 0:
        emit('isqrt', a, math.isqrt(a))
    for sh in (0, 1, 31, 63, 64, 200):
        emit('lshift', a, sh, a << sh)
        emit('rshift', a, sh, a >> sh)
    for length in (0, 1, 8, 9, 40):
        for order in ('big', 'little'):
            for signed in (False, True):
                r = attempt(lambda: a.to_bytes(length, order, signed=signed).hex())
                emit('to_bytes', a, length, order, int(signed), r if r != '' else '-')
for _ in range(300):
    n = rng.randint(1, 20)
    data = bytes(rng.getrandbits(8) for _ in range(n))
    for order in ('big', 'little'):
        for signed in (False, True):
            emit('from_bytes', data.hex(), order, int(signed), int.from_bytes(data, order, signed=signed))
for a in INTS[:60]:
    for e in (0, 1, 2, 3, 5, 17, 64, 100):
        emit('pow', a, e, a**e)
for _ in range(400):
    a, e, m = pick(), rng.choice([0, 1, 2, 5, 65537, -1, -3, 2**70 + 1, rng.getrandbits(200)]), pick()
    if m == 0:
        continue
    emit('powmod', a, e, m, attempt(lambda: pow(a, e, m)))

# int() parsing
INT_TEXTS = ['0', '-0', '+17', '  42  ', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101',
             '0x_1f', '0_0', '00', '010', '0_7', '12a', 'z', 'Z', '-  1', '- 1', '', ' ', '+', '0x',
             '\u0661\u0662', ' \u2003 12\u3000 ', '\x851', '\x1c1', '1\x00', '9' * 30, '-' + '7' * 40,
             '1' + '0' * 100, 'ffffffffffffffffff', '0b1', '0o8', '1e5', '1.0', '١٢٣']
for t in INT_TEXTS:
    for base in (0, 2, 8, 10, 16, 36):
        emit('parse_int', t, base, attempt(lambda: int(t, base)))
emit('parse_int', '1' * 5000, 10, attempt(lambda: int('1' * 5000)))
emit('parse_int', '1' * 4300, 10, int('1' * 4300))

# --- floats ---------------------------------------------------------------------------------
def random_doubles(n):
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-4,
            1e-5, 0.0001234, 123456789.0, 1e300, 1e-300, 5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, math.pi, math.e, 1 / 3, 2 / 3, 100.0, 1234.5, 0.125, 0.375,
            2.675, 1e22, 1e23, float('inf'), float('-inf'), float('nan'), 12345.678, 0.000999]
    for _ in range(n):
        r = rng.random()
        if r < 0.3:
            v = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
            if math.isnan(v):
                continue
        elif r < 0.6:
            v = rng.uniform(-1e6, 1e6)
        elif r < 0.8:
            v = round(rng.uniform(-1000, 1000), rng.randint(0, 4))
        else:
            v = float(rng.randint(-10**6, 10**6)) * 10.0 ** rng.randint(-20, 20)
        vals.append(v)
    return vals


FLOATS = random_doubles(400)
for x in FLOATS:
    emit('repr', bits(x), repr(x))
    emit('float_hash', bits(x), hash(x) if not math.isnan(x) else 'nan')
    emit('hex', bits(x), x.hex())
    if math.isfinite(x):
        n, d = x.as_integer_ratio()
        emit('ratio', bits(x), n, d)
        emit('round0', bits(x), attempt(lambda: round(x)))
        for nd in (-400, -308, -20, -1, 0, 1, 3, 17, 330):
            emit('round', bits(x), nd, attempt(lambda: bits(round(x, nd))))
        emit('fromhex', x.hex(), bits(x))

FLOAT_SPECS = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.0', '.1', '.3', '.17', '.0e', '.0f', '.0g',
               '#.0e', '#.0f', '#g', '#.3g', '#', '+', ' ', '-', 'z', 'z.2f', '+.3e', '10', '<10', '^11',
               '*>12.2f', '=+12.1f', '012', '012,.1f', ',', '_', ',.2f', '_.3f', '015,e', '0=15,g',
               '.20', '.25e', '.40f', '#20.10G', 'x^+#20,.5%', ' 08.3', '\u4e00^9.2f', '08,', '010,',
               '.2147483648f', 'd', 'x', 'abc', ',,', '_,', '.', '.3\u4e00', 'z.0f', '-z08.1f', '.100e']
for x in FLOATS[:60] + [-0.0, -0.001, -1e-9, float('inf'), float('-inf'), float('nan')]:
    for spec in FLOAT_SPECS:
        emit('format_float', bits(x), spec, attempt_msg(lambda: format(x, spec)))
for x in FLOATS[:30]:
    for conv in 'eEfFgG':
        for flags in ('', '#', '+', ' ', '-', '0'):
            for wp in ('', '12', '.3', '15.0'):
                spec = '%' + flags + wp + conv
                emit('percent_float', bits(x), spec, spec % x)

INT_SPECS = ['', 'd', 'b', 'o', 'x', 'X', 'c', 'n', '#b', '#o', '#x', '#X', '+d', ' d', ',', '_', '_b',
             '#_x', ',d', '010', '010,', '08,', '#010x', '0=+12,d', '*^+20,', '<8', '^8', '>8', '=8',
             'e', '.2f', '%', 'g', '.3', 'z', '+c', '#c', '=10c', '^5c', 'q', '\u00e9', ',x', ',c',
             '_c', '\u4e00^7', ',n', '_n', 'x<#10x', '-#_o', ' #_b']
for a in INTS[:50] + [65, 0x10ffff, 0x110000, 233]:
    for spec in INT_SPECS:
        emit('format_int', a, spec, attempt_msg(lambda: format(a, spec)))
for a in INTS[:25]:
    for conv in 'diouxX':
        for flags in ('', '#', '+', ' ', '-', '0', '#0'):
            for wp in ('', '12', '.3', '15.20'):
                spec = '%' + flags + wp + conv
                emit('percent_int', a, spec, spec % a)
emit('format_int', 10**5000, 'd', attempt_msg(lambda: format(10**5000, 'd')))
emit('format_int', 10**400, 'e', attempt_msg(lambda: format(10**400, 'e')))

STR_SPECS = ['', 's', '10', '<10', '>10', '^10', '*^9', '.2', '10.3', '05', '+', ' ', '#', 'z', '=10',
             'd', ',', '\u4e00^7.2', '.0']
for s in ['', 'abc', 'héllo', '一二三']:
    for spec in STR_SPECS:
        emit('format_str', s, spec, attempt_msg(lambda: format(s, spec)))

FLOAT_TEXTS = ['1', ' 1.5 ', '-2.5e-3', '+.5', '5.', '.', '1e', '1e+', '1_000.0_1', '1._0', '1e_5', '1__0',
               '_1', '1_', 'inf', '-iNfInity', '+nan', '-nan', 'infinit', 'nan(1)', '0x1p3', '1e500',
               '-1e500', '1e-400', '2.4703282292062328e-324', '2.4703282292062327e-324',
               '\u0661\u0662\u0663', ' \u2003 1.5\u3000', '\x851', '\x1c1', '', ' ', '1 2',
               '123456789012345678901234567890', '0.1e-310', '1.7976931348623158e308',
               '1.7976931348623159e308', '4.9e-324', '00001.5000', '1E5']
for t in FLOAT_TEXTS:
    emit('parse_float', t, attempt(lambda: bits(float(t))))
COMPLEX_TEXTS = ['1+2j', ' ( 1+2j ) ', '(1+2j', 'j', '-j', '+j', '1e5j', '1 + 2j', 'inf-infj', '1_0+2_0J',
                 '()', '1+2', '+1', 'nanj', '\u0661+2j', '1-j', '(j)', '2.5e-3-4.5e+2j', '1e', 'jj', '']
for t in COMPLEX_TEXTS:
    def cparse():
        z = complex(t)
        return bits(z.real) + ',' + bits(z.imag)
    emit('parse_complex', t, attempt(cparse))
HEX_TEXTS = ['0x1p-1075', '0x1p-1074', '0x3p-1076', '0x1p1024', '0x1.fffffffffffff8p1023',
             '0x1.fffffffffffff7p1023', 'zz', '0x', '1', '-0x0p0', '  0X1.8P+1  ', 'inf', '-Infinity',
             'nan', '0x.8', '0x8.', '.', '0x1p', '0x1p+', '1.0p5', '0x1.00000000000008p0',
             '0x1.00000000000018p0', '0x1.000000000000080000001p0', '0x0.0000000000001p-1022',
             '0x1p-2000', '0x1p99999999999999999999', '0x123456789abcdef123p-10']
for t in HEX_TEXTS:
    emit('parse_hex', t, attempt(lambda: bits(float.fromhex(t))))
for re_ in [0.0, -0.0, 1.0, -1.5, 1e16, float('inf'), float('nan'), 2.5e-7]:
    for im in [0.0, -0.0, 1.0, -2.0, 1e-5, float('inf'), float('-inf'), float('nan')]:
        z = complex(re_, im)
        emit('complex_repr', bits(re_), bits(im), repr(z))
        if not (math.isnan(re_) or math.isnan(im)):
            emit('complex_hash', bits(re_), bits(im), hash(z))

COMPLEX_SPECS = ['', '.2', 'e', '.3f', '+g', ' ', '-', '>20', '*^30.2e', ',.2f', '_', '#g', 'z.1f', 'n', '%',
                 'd', '010', '0<10', '=10', '+', 'G', '.0', '.17']
for re_ in [0.0, -0.0, 1.0, -1.5, 1e16, 12345.678, float('inf'), float('nan')]:
    for im in [0.0, -0.0, 1.0, -2.0, 1e-5, 1234567.25, float('-inf'), float('nan')]:
        for spec in COMPLEX_SPECS:
            emit('format_complex', bits(re_), bits(im), spec, attempt_msg(lambda: format(complex(re_, im), spec)))

FLOAT_OPS = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 7.5, -7.5, 1e308, -1e308, 1e-308, 5e-324, 0.1,
             1e16, -3.0, float('inf'), float('-inf'), float('nan'), 1 / 3, 10.0, -0.3, 2.5]
for a in FLOAT_OPS:
    for b in FLOAT_OPS:
        def dm():
            q, r = divmod(a, b)
            return bits(q) + ',' + bits(r)
        emit('float_divmod', bits(a), bits(b), attempt(dm))
        emit('float_mod', bits(a), bits(b), attempt(lambda: bits(a % b)))
        # A negative base with a fractional exponent goes to complex power (which may overflow).
        if a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b):
            emit('float_pow', bits(a), bits(b), 'complex')
        else:
            emit('float_pow', bits(a), bits(b), attempt(lambda: bits(a ** b)))
for _ in range(500):
    a = rng.uniform(-1e3, 1e3) * 10.0 ** rng.randint(-10, 10)
    b = rng.uniform(-50, 50) * 10.0 ** rng.randint(-5, 5)
    def dm():
        q, r = divmod(a, b)
        return bits(q) + ',' + bits(r)
    emit('float_divmod', bits(a), bits(b), attempt(dm))
    e = rng.uniform(-30, 30)
    emit('float_pow', bits(abs(a)), bits(e), attempt(lambda: bits(abs(a) ** e)))

for a in INTS[:60]:
    for nd in (-30, -5, -2, -1, 0, 3):
        emit('int_round', a, nd, round(a, nd))

# --- tuples and str/bytes hashes ------------------------------------------------------------
for _ in range(200):
    n = rng.randint(0, 6)
    items = [pick() for _ in range(n)]
    emit('tuple_hash', ','.join(str(hash(i)) for i in items) or '-', hash(tuple(items)))

HASH_STRS = ['', 'a', 'ab', 'abc', 'abcdefg', 'abcdefgh', 'abcdefghi', 'hello world, this is long',
             'é', 'héllo', 'ÿþ', 'Ā', '一', '一二三四五六七八九', '😀', 'a😀b', 'ab\x00c', '\u20ac' * 9,
             'x' * 100, '\U0010ffff']
SEEDS = [0, 1, 123, 4294967295]
probe = 'import sys\nfor s in sys.stdin.read().split("\\x1e"):\n    print(hash(s), hash(s.encode()))\n'
for seed in SEEDS:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    res = subprocess.run([sys.executable, '-c', probe], input='\x1e'.join(HASH_STRS), env=env,
                         capture_output=True, text=True, encoding='utf-8', check=True).stdout.split('\n')
    for s, line in zip(HASH_STRS, res):
        hs, hb = line.split()
        emit('str_hash', seed, s or '-', hs)
        emit('bytes_hash', seed, s.encode().hex() or '-', hb)

# --- optional random stress cases (not checked in): --random N --out PATH ------------------
# Run the unit tests on them with COIL_NUMBER_CASES=PATH.
def random_spec(numeric_types):
    s = ''
    if rng.random() < 0.3:
        if rng.random() < 0.5:
            s += rng.choice('*x0 一')
        s += rng.choice('<>^=')
    if rng.random() < 0.4:
        s += rng.choice('+- ')
    if rng.random() < 0.15:
        s += 'z'
    if rng.random() < 0.3:
        s += '#'
    if rng.random() < 0.3:
        s += '0'
    if rng.random() < 0.5:
        s += str(rng.randint(0, 30))
    if rng.random() < 0.3:
        s += rng.choice(',_')
    if rng.random() < 0.5:
        s += '.' + str(rng.choice([0, 1, 2, 3, 5, 10, 16, 17, 18, 25, 60]))
    if rng.random() < 0.85:
        s += rng.choice(numeric_types)
    return s


if '--random' in sys.argv:
    n = int(sys.argv[sys.argv.index('--random') + 1])
    out = []
    pool = random_doubles(n)
    for x in pool:
        for _ in range(6):
            spec = random_spec('eEfFgGn%')
            emit('format_float', bits(x), spec, attempt_msg(lambda: format(x, spec)))
        emit('repr', bits(x), repr(x))
        if math.isfinite(x):
            nd = rng.randint(-30, 30)
            emit('round', bits(x), nd, attempt(lambda: bits(round(x, nd))))
            emit('parse_float', repr(x), bits(x))
            emit('parse_float', '%.25e' % x, bits(float('%.25e' % x)))
            emit('parse_float', '%.17g' % x, bits(float('%.17g' % x)))
        for conv in 'eEfFgG':
            spec = '%' + ''.join(rng.sample('-+ #0', rng.randint(0, 3))) + rng.choice(['', '8', '20']) + \
                rng.choice(['', '.0', '.4', '.17', '.30']) + conv
            emit('percent_float', bits(x), spec, spec % x)
    for _ in range(n):
        a = rng.getrandbits(rng.choice([3, 30, 63, 64, 65, 100, 500])) * rng.choice([1, -1])
        b = rng.getrandbits(rng.choice([3, 30, 63, 64, 65, 100, 500])) * rng.choice([1, -1])
        for _ in range(3):
            spec = random_spec('bcdoxXn')
            emit('format_int', a, spec, attempt_msg(lambda: format(a, spec)))
        emit('truediv', a, b, attempt(lambda: bits(a / b)))
        emit('floordiv', a, b, attempt(lambda: a // b))
        emit('mod', a, b, attempt(lambda: a % b))
        emit('mul', a, b, a * b)
        emit('and', a, b, a & b)
        emit('xor', a, b, a ^ b)
        emit('to_double', a, attempt(lambda: bits(float(a))))
        emit('hash', a, hash(a))
    for _ in range(n):
        t = ''.join(rng.choice('0001123456789abfxXoObBeE_ +-.jJ()\u0663\u2003nifINF') for _ in range(rng.randint(0, 9)))
        base = rng.choice([0, 2, 8, 10, 16, 36])
        emit('parse_int', t, base, attempt(lambda: int(t, base)))
        emit('parse_float', t, attempt(lambda: bits(float(t))))
        def cparse():
            z = complex(t)
            return bits(z.real) + ',' + bits(z.imag)
        emit('parse_complex', t, attempt(cparse))
        h = ''.join(rng.choice('0123456789abcdefxXpP+-. _') for _ in range(rng.randint(0, 12)))
        emit('parse_hex', h, attempt(lambda: bits(float.fromhex(h))))
    path = sys.argv[sys.argv.index('--out') + 1]
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(out) + '\n')
    print(len(out), 'random cases ->', path)
    sys.exit(0)

path = os.path.join(os.path.dirname(__file__), '..', 'tests', 'unit', 'data', 'number_cases.tsv')
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join(out) + '\n')
print(len(out), 'cases ->', os.path.normpath(path))
