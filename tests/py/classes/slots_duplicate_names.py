# A name listed twice in __slots__ is allowed (datetime does it); a class variable of the same name is not.
class Date:
    __slots__ = '_year', '_hashcode'
class Time:
    __slots__ = '_hour', '_hashcode'
class DateTime(Date):
    __slots__ = Date.__slots__ + Time.__slots__
d = DateTime()
d._year = 2020; d._hashcode = -1; d._hour = 3
print(DateTime.__slots__, d._year, d._hashcode, d._hour)
print(sorted(k for k in DateTime.__dict__ if not k.startswith('__')))
try:
    class Bad:
        a = 1
        __slots__ = ('a',)
except ValueError as e:
    print("ValueError:", e)
