# gcstress: 50
# A tour of pure-Python library modules on Coil, each used the ordinary way: operator, dataclasses,
# string, pathlib, fractions, statistics, textwrap, pprint, inspect, argparse, unittest, queue,
# concurrent.futures, timeit, logging, difflib, keyword, tokenize.
import argparse, concurrent.futures, dataclasses, difflib, fractions, inspect, io, keyword, logging
import operator, pathlib, pprint, queue, statistics, string, sys, textwrap, timeit, tokenize, unittest

print(operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3), operator.methodcaller("upper")("x"),
      operator.add(2, 3), operator.index(7), list(map(operator.neg, [1, -2])))

@dataclasses.dataclass(order=True, frozen=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = dataclasses.field(default=(), compare=False)

p = Point(1, 2)
print(p, p < Point(1, 3), dataclasses.asdict(p), dataclasses.replace(p, y=5), [f.name for f in dataclasses.fields(p)])
try:
    p.x = 3
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e)

print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"), string.capwords("hello  world"),
      string.ascii_letters[:5], string.Formatter().format("{0:>4}|{1!r}", 7, "x"))

pp = pathlib.PurePosixPath("/usr/lib/python3.11/json/__init__.py")
print(pp.name, pp.suffix, pp.stem, pp.parent.name, pp.parts[:3], pp.with_suffix(".txt").name, pp.match("*.py"),
      pathlib.PurePosixPath("a") / "b" / "c")

F = fractions.Fraction
print(F(3, 4) + F(1, 6), F("0.125"), F(1.5), F(355, 113).limit_denominator(10), round(F(7, 2)))
print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]), statistics.mode("aabbbc"),
      round(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), 6), statistics.quantiles(range(1, 11), n=4))

text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, 30))
print(textwrap.shorten(text, 40), "|", textwrap.dedent("   a\n    b\n   c").replace("\n", "/"))
pprint.pprint({"b": [1, 2, {"z": 1, "a": 2}], "a": "x" * 30, "c": tuple(range(12))}, width=40)
print(pprint.pformat(list(range(30)), compact=True, width=50))

def sample(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Doc line."""
    return str(a)

print(inspect.signature(sample), inspect.getdoc(sample), inspect.isfunction(sample), inspect.getmodule(sample).__name__)
print([n for n, _ in inspect.getmembers(Point, inspect.isfunction)][:4], inspect.getsource(sample).splitlines()[0])

ap = argparse.ArgumentParser(prog="tour", description="demo")
ap.add_argument("--file", action="append", default=[])
ap.add_argument("-n", "--count", type=int, default=1)
ap.add_argument("--verbose", action="store_true")
sub = ap.add_subparsers(dest="cmd")
sub.add_parser("run").add_argument("--fast", action="store_true")
print(ap.parse_args(["-n", "3", "--file", "a", "--file=b", "--verbose"]), ap.parse_args(["run", "--fast"]))
print(ap.format_usage().strip())
err, sys.stderr = sys.stderr, io.StringIO()
try:
    ap.parse_args(["-n", "x"])
except SystemExit as e:
    print("exit", e.code, sys.stderr.getvalue().splitlines()[-1])
finally:
    sys.stderr = err

class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)
    def test_fail(self):
        self.assertIn(3, [1, 2])
    @unittest.skip("not today")
    def test_skip(self):
        pass

stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(result.testsRun, len(result.failures), len(result.skipped), result.wasSuccessful())

q = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    q.put(item)
print([q.get() for _ in range(3)], q.empty())
lq = queue.LifoQueue(); lq.put(1); lq.put(2); print(lq.get(), lq.qsize())

with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(pow, 2, n) for n in range(8)]
    print([f.result() for f in futs], sorted(ex.map(len, ["a", "bb", "ccc"])))
    bad = ex.submit(int, "x")
    print(type(bad.exception()).__name__)

t = timeit.Timer("sum(range(100))").timeit(number=50)
print(t >= 0, len(timeit.repeat("1+1", number=10, repeat=3)))

log = logging.getLogger("tour")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
log.addHandler(handler); log.setLevel(logging.INFO)
log.info("started %d jobs", 3); log.debug("hidden"); log.warning("careful: %s", "x")
class LastLine(logging.Formatter):
    def formatException(self, ei):  # the traceback's last line only (paths differ per checkout)
        return super().formatException(ei).splitlines()[-1]
handler.setFormatter(LastLine("%(levelname)s %(name)s: %(message)s"))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")
child = logging.getLogger("tour.child"); child.error("from child")

a = "one two three four".split(); b = "one 2 three four five".split()
print(list(difflib.unified_diff(a, b, lineterm="", n=1)))
print(difflib.SequenceMatcher(None, "abcd", "bcde").ratio(), difflib.get_close_matches("appel", ["ape", "apple", "peach"]))
print(keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist), keyword.kwlist[:5])

src = "def f(x):\n    return x + 1  # comment\n"
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO(src).readline)) == src)
