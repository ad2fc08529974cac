def f(x):
    try:
        if x == 0:
            return "zero"
        if x == 1:
            raise ValueError("one")
        return "other"
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("finally", x)

print(f(0), f(1), f(2))

def g():
    for i in [1, 2, 3, 4]:
        try:
            if i == 2:
                continue
            if i == 4:
                break
            print("body", i)
        finally:
            print("fin", i)
    return "done"
print(g())

def h():
    try:
        return 1
    finally:
        return 2
print(h())

def nested():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise TypeError("b")
    except TypeError as e:
        print(type(e.__context__).__name__, e.__context__)
nested()
try:
    raise ValueError
except ValueError as e:
    print("bare class raise", repr(e))
try:
    try:
        raise ValueError("x")
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)
