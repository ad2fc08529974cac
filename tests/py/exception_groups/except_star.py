# except*: matching parts of a group, naked exceptions wrapped, re-raise of the unhandled
# rest, raising inside a clause, the merged result, tracebacks of the parts, invalid types.
def leaf(cls, n):
    try:
        raise cls(n)
    except BaseException as x:
        return x

def show(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r}) notes={getattr(e, '__notes__', None)}")
        for sub in e.exceptions:
            show(sub, depth + 1)
    else:
        print(f"{pad}{type(e).__name__}({e}) ctx={type(e.__context__).__name__}")

def run(name, f):
    print("--", name)
    try:
        f()
        print("no exception")
    except BaseException as e:
        show(e)

def basic():
    try:
        raise ExceptionGroup("eg", [leaf(ValueError, 1), leaf(TypeError, 2), leaf(ValueError, 3)])
    except* ValueError as e:
        print("ValueError part:", repr(e))
    except* TypeError as e:
        print("TypeError part:", repr(e))
run("basic", basic)

def partial():
    try:
        raise ExceptionGroup("eg", [leaf(ValueError, 1), leaf(KeyError, 2)])
    except* ValueError:
        print("handled ValueError")
run("partial", partial)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print(type(e).__name__, repr(e.exceptions), e.message == "")
        print(e.__traceback__ is not None, e.__traceback__.tb_lineno)
run("naked", naked)

def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
run("naked unmatched", naked_unmatched)

def raise_in_clause():
    try:
        raise ExceptionGroup("eg", [leaf(ValueError, 1), leaf(TypeError, 2)])
    except* ValueError:
        raise RuntimeError("from clause")
    except* TypeError as e:
        raise
run("raise in clause", raise_in_clause)

def reraise_all():
    try:
        raise ExceptionGroup("eg", [leaf(ValueError, 1), leaf(TypeError, 2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
run("reraise all", reraise_all)

def nested():
    inner = ExceptionGroup("inner", [leaf(ValueError, 2), leaf(KeyError, 3)])
    try:
        raise ExceptionGroup("outer", [leaf(ValueError, 1), inner, leaf(OSError, 4)])
    except* (ValueError, OSError) as e:
        show(e)
run("nested", nested)

def with_notes():
    eg = ExceptionGroup("eg", [leaf(ValueError, 1), leaf(TypeError, 2)])
    eg.add_note("note 1")
    try:
        raise eg
    except* ValueError as e:
        print("notes of the part:", e.__notes__)
run("notes", with_notes)

def sys_exc_info_inside():
    import sys
    try:
        raise ExceptionGroup("eg", [leaf(ValueError, 1)])
    except* ValueError as e:
        print(sys.exc_info()[1] is e, sys.exception() is e)
    print(sys.exception())
run("exc_info", sys_exc_info_inside)

def bad_types():
    for t in (ExceptionGroup, (ValueError, BaseExceptionGroup), int):
        try:
            try:
                raise ValueError(1)
            except* t:
                pass
        except TypeError as e:
            print("TypeError:", e)
run("bad types", bad_types)

def in_loop():
    for i in range(3):
        try:
            raise ExceptionGroup("g", [leaf(ValueError, i), leaf(TypeError, i)])
        except* ValueError:
            pass
        except* TypeError:
            print("TypeError", i)
    return "loop done"
run("loop", in_loop)

def base_group():
    try:
        raise BaseExceptionGroup("b", [leaf(KeyboardInterrupt, 1), leaf(ValueError, 2)])
    except* KeyboardInterrupt as e:
        print("KI part:", repr(e))
run("base group", base_group)

def finally_and_else():
    try:
        try:
            pass
        except* ValueError:
            print("no")
        else:
            print("else ran")
        finally:
            print("finally ran")
        raise ExceptionGroup("x", [leaf(ValueError, 1)])
    except* ValueError:
        print("caught after")
run("else/finally", finally_and_else)
