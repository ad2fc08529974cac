# The calendar half of the time module: struct_time, gmtime, localtime, mktime, asctime,
# ctime, strftime, strptime, the timezone constants, get_clock_info.
import time
import pickle


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# struct_time: 9 visible fields, tm_zone / tm_gmtoff as attributes only.
g = time.gmtime(1234567890)
print(g)
print(tuple(g), len(g), g.tm_year, g[0], g[-1], g[2:5])
print(g.tm_zone, g.tm_gmtoff, type(g).__name__, time.struct_time.n_sequence_fields, time.struct_time.n_fields)
print(time.gmtime(0), time.gmtime(-1), time.gmtime(86399.9), time.gmtime(-0.5))
print(time.gmtime(253402300799))
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0, "XYZ", 3600))
print(s, s.tm_zone, s.tm_gmtoff)
print(pickle.loads(pickle.dumps(g)) == g, pickle.loads(pickle.dumps(g)).tm_zone)
attempt(lambda: time.struct_time((1, 2)))
attempt(lambda: time.struct_time(range(12)))

# asctime / strftime on fixed tuples.
print(time.asctime(g))
print(time.asctime((2000, 1, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime((12345, 12, 31, 23, 59, 61, 6, 365, 0)))
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B %j %U %w %y %%", "%d/%m/%Y %I %p", "", "%", "plain", "%z",
            "€ %Y ü", "%Y" * 300]:
    print(repr(time.strftime(fmt, g))[:80])
print(time.strftime("%Z", g))
print(time.strftime("%Y %m %d %j", (2001, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Y", (2001, 1, 1, 0, 0, 0, -8, 1, 5)))

# Errors and their messages.
attempt(lambda: time.gmtime(1e20))
attempt(lambda: time.gmtime(2 ** 70))
attempt(lambda: time.gmtime(float("nan")))
attempt(lambda: time.gmtime("x"))
attempt(lambda: time.gmtime(1.5, 2))
attempt(lambda: time.gmtime(secs=1))
attempt(lambda: time.gmtime(-1e18))
attempt(lambda: time.localtime(1e20))
attempt(lambda: time.ctime("x"))
attempt(lambda: time.strftime("%Y", 5))
attempt(lambda: time.strftime("%Y", (1, 2)))
attempt(lambda: time.strftime(5))
attempt(lambda: time.strftime())
attempt(lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 1, 0), 3))
attempt(lambda: time.strftime("a\0b", g))
attempt(lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 1, "a")))
attempt(lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 1.5, 0)))
attempt(lambda: time.strftime("%Y", (2 ** 40, 1, 1, 0, 0, 0, 0, 1, 0)))
attempt(lambda: time.strftime("%Y", (-2 ** 40, 1, 1, 0, 0, 0, 0, 1, 0)))
attempt(lambda: time.strftime("%Y", (2 ** 70, 1, 1, 0, 0, 0, 0, 1, 0)))
for bad in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, 0, 367, 0),
            (2000, -1, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 1, -1, 0, 0, 0, 1, 0)]:
    attempt(lambda: time.strftime("%Y", bad))
    attempt(lambda: time.asctime(bad))
attempt(lambda: time.asctime(5))
attempt(lambda: time.asctime((1, 2)))
attempt(lambda: time.mktime(5))
attempt(lambda: time.mktime((1, 2)))
attempt(lambda: time.mktime((2 ** 40, 1, 1, 0, 0, 0, 0, 1, 0)))
attempt(lambda: time.mktime((-2 ** 31, 1, 1, 0, 0, 0, 0, 1, 0)))
attempt(lambda: time.mktime((2000, 1, 1, 0, 0, 0, 0, 1, 0), 1))
attempt(lambda: time.get_clock_info("x"))
attempt(lambda: time.get_clock_info(1))
attempt(lambda: time.get_clock_info())
attempt(lambda: time.tzset(1))

# localtime / mktime / ctime: consistent whatever the zone.
for x in [0, 1234567890, 1700000000, 951782400]:
    lt = time.localtime(x)
    print(time.mktime(lt) == x, type(time.mktime(lt)).__name__, time.ctime(x) == time.asctime(lt),
          lt.tm_gmtoff == -(time.altzone if lt.tm_isdst > 0 else time.timezone),
          lt.tm_zone in time.tzname)
print(type(time.localtime()).__name__, len(time.asctime()), len(time.ctime()), len(time.ctime(None)))
print(time.localtime(None)[:3] == time.localtime()[:3] or "midnight")
print(isinstance(time.timezone, int), isinstance(time.altzone, int), time.daylight in (0, 1),
      type(time.tzname).__name__, len(time.tzname))
print(time.tzset())
print(time.strftime("%Y", time.localtime(1234567890)) == "2009", len(time.strftime("%H:%M")))

# strptime goes through _strptime.
print(time.strptime("2009-02-13 23:31:30", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Fri Feb 13 23:31:30 2009")[:6])
attempt(lambda: time.strptime(5))
attempt(lambda: time.strptime("x", "%Y"))

# get_clock_info.
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)

# Duplicate names in __slots__ (datetime builds its slots by concatenation) keep one slot.
class Twice:
    __slots__ = ("a", "b", "a")
t = Twice()
t.a = 1
t.b = 2
print(t.a, t.b)
