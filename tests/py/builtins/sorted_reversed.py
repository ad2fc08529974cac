# sorted() (stable, key=, reverse=) and reversed() over every kind of sequence.
print(sorted([5, 2, 8, 1, 9]), sorted("banana"), sorted((3, 1, 2)), sorted([]))
print(sorted([5, 2, 8], reverse=True), sorted(["b", "A", "c"]), sorted(range(5, 0, -1)))
words = ["pear", "fig", "apple", "kiwi", "plum", "date"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
recs = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted([3, 1.5, 2, -1, 0.0]), sorted([[2, 1], [1, 2], [1]]))
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(999)))
print(sorted(big, reverse=True)[:5])
print(sorted(sorted(big)) == s, sorted([1] * 5), sorted([2, 1] * 3))

def check(f):
    try:
        print(f())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
check(lambda: sorted())
check(lambda: sorted([3, 1], 1))
check(lambda: sorted([3, 1], cmp=1))
check(lambda: sorted([3, 1], reverse=None))
check(lambda: sorted([3, "a"]))
check(lambda: sorted([1, 2], key=lambda x: 1 / 0))
check(lambda: sorted(5))

class Rec:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return self.tag
print(sorted([Rec(2, "x"), Rec(1, "y"), Rec(2, "z"), Rec(1, "w")]))

print([*reversed([1, 2, 3])], [*reversed((1, 2))], [*reversed("abc")], [*reversed(range(5))])
print([*reversed(range(1, 20, 3))], [*reversed(range(0))], [*reversed(range(10, 0, -2))])
print(type(reversed([])).__name__, type(reversed(())).__name__, type(reversed("ab")).__name__,
      type(reversed(range(3))).__name__)
r = reversed([1, 2, 3])
print(next(r), r.__length_hint__(), [*r], r.__length_hint__())

class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item" + repr(i)
print([*reversed(Seq())])

class Rev:
    def __reversed__(self):
        return iter([3, 2, 1])
print([*reversed(Rev())])

class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
check(lambda: reversed(NoRev()))
check(lambda: reversed(1))
check(lambda: reversed())
check(lambda: reversed([], []))
check(lambda: reversed(x=[]))

class MyReversed(reversed):
    pass
print([*MyReversed("xyz")], type(MyReversed("ab")).__name__)
