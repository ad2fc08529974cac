# compare: stderr
# An uncaught exception group: nested groups, chained causes inside, notes, many members.
def fail(cls, msg):
    raise cls(msg)

def collect():
    errors = []
    for i, cls in enumerate([ValueError, TypeError, KeyError]):
        try:
            fail(cls, f"problem {i}")
        except Exception as e:
            errors.append(e)
    try:
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise RuntimeError("wrapped") from z
    except RuntimeError as r:
        errors.append(r)
    inner = ExceptionGroup("inner", errors[:2])
    inner.add_note("inner note")
    return ExceptionGroup("outer", [inner, *errors[2:], OSError("never raised")])

def main():
    eg = collect()
    eg.add_note("first note\nsecond line")
    raise eg

main()
