# A number glued to a keyword: the tokenizer's SyntaxWarning ("invalid decimal literal"),
# its SyntaxError when warnings are errors, and its order among the parser's warnings.
import warnings


def record(src, mode="exec"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<t>", mode)
        except SyntaxError as e:
            print(repr(src), "SyntaxError", e.msg, e.lineno, e.offset, e.end_offset)
    print(repr(src), [(str(x.message), x.category.__name__, x.lineno) for x in w])


for num in "0xf", "0o7", "0b1", "9", "0", "1.", "1e3", "1j":
    for tail in ["and x", "or x", "in x", "not in x", "if x else y", "is x", "spam"]:
        record(num + tail, "eval")
record("[0x1ffor x in ()]")
record("x = '\\d'\n1is x\ny = '\\d'\n")

warnings.simplefilter("error")
for src in ["0xfor x", "1if x else y", "x = '\\d'\n1is x", "x = [\n  1, 0xfor x in y]\n", "é = 1is x", "1is x\n(",
            "x = '\\d'\n"]:
    try:
        compile(src, "<t>", "exec")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
