try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e, type(e).__name__, e.args)

def f():
    try:
        raise ValueError("inner")
    finally:
        print("finally runs")

try:
    f()
except ValueError as e:
    print("outer", e)

try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)

class MyError(Exception):
    pass

try:
    raise MyError("custom", 42)
except Exception as e:
    print(type(e).__name__, e.args, str(e))

for exc in (IndexError, KeyError("x"), AttributeError):
    try:
        raise exc
    except (IndexError, KeyError) as e:
        print("tuple caught", repr(e))
    except Exception as e:
        print("generic", type(e).__name__)
print([1][5] if False else "done")
