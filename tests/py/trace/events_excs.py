# sys.settrace line/call/return/exception events for try/except/else/finally, re-raise, exceptions crossing frames, break/continue through handlers (PEP 626 lines, as CPython 3.11).
from support.trace_harness import run
def try_except():
    try:
        1/0
    except ZeroDivisionError:
        pass
    return 1

def try_except_as():
    try:
        raise ValueError("x")
    except TypeError:
        a = 1
    except ValueError as e:
        a = 2
    return a

def try_finally():
    try:
        x = 1
    finally:
        x = 2
    return x

def try_finally_raise():
    try:
        raise KeyError
    finally:
        x = 2

def try_else():
    try:
        x = 1
    except Exception:
        x = 2
    else:
        x = 3
    finally:
        x = 4
    return x

def return_in_finally():
    try:
        return 1
    finally:
        print("fin")

def nested_try():
    try:
        try:
            raise KeyError
        except KeyError:
            raise ValueError
    except ValueError:
        pass

def inner():
    raise IndexError

def middle():
    inner()

def crossing():
    try:
        middle()
    except IndexError:
        return 'ok'

def reraise():
    try:
        raise KeyError
    except KeyError:
        raise

def uncaught():
    x = 1
    raise RuntimeError

def break_in_try():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            pass
    return i

def continue_in_except():
    for i in range(2):
        try:
            raise ValueError
        except ValueError:
            continue
    return i

run(try_except)
run(try_except_as)
run(try_finally)
run(try_finally_raise)
run(try_else)
run(return_in_finally)
run(nested_try)
run(crossing)
run(reraise)
run(uncaught)
run(break_in_try)
run(continue_in_except)
