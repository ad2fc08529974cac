# compare: stderr
# What leaves a try/except* uncaught: the unhandled rest plus what a clause raised, with the
# "During handling" context drawn inside the group box.
def work():
    try:
        raise ExceptionGroup("jobs", [ValueError("v1"), TypeError("t1"), ValueError("v2"), OSError("o1")])
    except* ValueError as e:
        raise RuntimeError(f"could not handle {len(e.exceptions)} ValueErrors")
    except* TypeError:
        pass

work()
