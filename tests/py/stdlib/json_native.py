# The native _json accelerator: scanstring, the Scanner and Encoder types, the quoting
# functions, with CPython's results, error messages and positions.
import _json
import json
import json.decoder
import json.encoder
import sys
from collections import OrderedDict
from decimal import Decimal

print(json.decoder.scanstring.__module__, json.scanner.make_scanner.__module__, json.encoder.c_make_encoder.__module__)
print(_json.make_scanner, _json.make_encoder)


def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e.msg, e.pos, e.lineno, e.colno)
    except StopIteration as e:
        print("StopIteration", e.value)
    except Exception as e:
        print(type(e).__name__, e)


# scanstring
for s, end in [('"abc"', 1), ('"a\\u00e9b"', 1), ('"\\ud834\\udd1e"', 1), ('"\\ud834x"', 1), ('"\\ud834\\u0041"', 1),
               ('"é\\n\\"x"', 1), ('"\\q"', 1), ('"abc', 1), ('"a\x01"', 1), ('"\\u12"', 1), ('"\\u12z4"', 1),
               ('"\\ud834\\udzd2"', 1), ('"\\ud834\\udd1e', 1), ('"éé\\x"', 1), ('xx"ab"', 3), ('"a"', 5),
               ('"a"', -1), ('"\\', 1), ('"\\u1234"', 1)]:
    attempt(_json.scanstring, s, end)
attempt(_json.scanstring, '"a\x01b"', 1, False)
attempt(_json.scanstring, b'"abc"', 1)
attempt(_json.scanstring, '"abc"', sys.maxsize + 1)
attempt(_json.scanstring, '"abc"')

# decoding through the scanner
for doc in ['{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}', '[1, 2', '{"a" 1}', '{"a": 1,}', '{1: 2}',
            '[1,]', '', '  ', '-', '-x', '01', '1.', '1e', '1e+', '1.5E-3', '[NaN, Infinity, -Infinity]', '"é" x',
            '{"é": "ü", "x": ["ö", {"y": "\\u00ff"}]}', '[' * 5 + ']' * 5, '123456789012345678901234567890',
            '-0', '-0.0', '{"a": 1, "a": 2}', '[1 2]', '{"a": 1 "b": 2}', 'tru', 'nul', '[-]', '"\\ud800"']:
    attempt(json.loads, doc)
attempt(json.loads, '{"a": 1, "b": [2]}', object_pairs_hook=lambda p: ("pairs", p))
attempt(json.loads, '{"a": 1}', object_hook=lambda d: ("hook", d))
attempt(json.loads, '[1.5, 2, NaN]', parse_float=Decimal, parse_int=lambda s: "int:" + s,
        parse_constant=lambda s: "const:" + s)
d = json.loads('[{"key": 1}, {"key": 2}]')
print(d[0].popitem()[0] is d[1].popitem()[0])  # memoized keys
scanner = _json.make_scanner(json.decoder.JSONDecoder())
print(scanner.strict, scanner.object_hook, scanner.parse_float is float)
attempt(scanner, '[1]', 0)
attempt(scanner, '[1]', 3)
attempt(scanner, '[1]', 7)
attempt(scanner, '[1]', -1)
attempt(scanner, b'[1]', 0)
attempt(scanner, 'ab "é" [1]', 3)
attempt(scanner, 'ab "é" [1]', 7)
attempt(_json.make_scanner, 1)


class BadBool:
    def __bool__(self):
        1 / 0


attempt(json.decoder.JSONDecoder, strict=BadBool())

# encoding
for obj in [{"a": [1, 2.5, None, True, False, "x\n\"é\U0001d11e\x7f"]}, [], {}, (1, 2), {1: 2, 2.5: 3, True: 4, None: 5},
            [float("inf"), float("-inf"), float("nan")], 2 ** 80, -0.0, 1e300, "\ud800", [[[]]]]:
    print(json.dumps(obj), ascii(json.dumps(obj, ensure_ascii=False)))
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True, separators=(",", ":")))
print(json.dumps(OrderedDict([("z", 1), ("y", 2)])))
attempt(json.dumps, {"a": 1, 1: "a"}, sort_keys=True)
attempt(json.dumps, {(1,): 2})
print(json.dumps({(1,): 2, "k": 3}, skipkeys=True))
attempt(json.dumps, [float("nan")], allow_nan=False)
attempt(json.dumps, {1.5: float("inf")}, allow_nan=False)
a = []
a.append(a)
attempt(json.dumps, a)
d = {}
d["self"] = d
attempt(json.dumps, d)
print(json.dumps([1, 2], check_circular=False))
print(json.dumps({"x": {1, 2} and sorted({1, 2}), "d": Decimal("1.5")}, default=str))
attempt(json.dumps, object())


class Deep:
    pass


attempt(json.dumps, Deep(), default=lambda o: [o])

enc = _json.make_encoder(None, str, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True)
print(enc.key_separator, enc.item_separator, enc.markers, enc.sort_keys, enc.skipkeys, enc.indent)
print(enc({"a": [1, "é"]}, 0))
attempt(_json.make_encoder, 1, None, None, None, ": ", ", ", False, False, False)
attempt(_json.make_encoder, None, None, None, None, b": ", ", ", False, False, False)
attempt(_json.make_encoder, None, None, None, None, ": ", ", ", False, False)
bad = _json.make_encoder(None, str, lambda s: None, None, ": ", ", ", False, False, False)
attempt(bad, "spam", 0)
attempt(bad, {"spam": 1}, 0)
custom = _json.make_encoder(None, str, lambda s: "<" + s + ">", None, "=", ";", False, False, False)
print(custom({"a": ["b", 1]}, 0))
for name in ["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys"]:
    attempt(lambda: json.encoder.JSONEncoder(**{name: BadBool()}).encode({"a": 1}))
print(_json.encode_basestring_ascii("a\u1234\U0001d11e\ud800\x7f\x00\"\\"))
print(ascii(_json.encode_basestring("a\u1234\x7f\x00\x1f\"\\")))
attempt(_json.encode_basestring_ascii, b"x")
attempt(_json.encode_basestring, 1)
