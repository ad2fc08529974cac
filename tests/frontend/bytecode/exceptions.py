# try/except/else/finally, except*, raise from, with, return and break through finally.
def f(path):
    try:
        fh = open(path)
    except (OSError, ValueError) as e:
        raise RuntimeError("bad") from e
    except KeyError:
        pass
    else:
        return 1
    finally:
        print("done")

def g(items):
    for it in items:
        with it as x, lock:
            try:
                return x
            finally:
                if x:
                    break
    try:
        pass
    except* TypeError as eg:
        raise
