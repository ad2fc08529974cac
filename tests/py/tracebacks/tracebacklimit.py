# compare: stderr
# sys.tracebacklimit: only the innermost N entries; 0 or negative prints no traceback; huge
# values mean no limit; a non-int is ignored.
import sys
def r(n):
    if n == 0:
        raise ValueError("deep")
    return r(n - 1)
for limit in (2, 0, -5, 10**30, -10**30, "x", 1):
    sys.tracebacklimit = limit
    try:
        r(3)
    except ValueError as e:
        print("limit", repr(limit), file=sys.stderr)
        sys.excepthook(type(e), e, e.__traceback__)
sys.tracebacklimit = 1
r(2)
