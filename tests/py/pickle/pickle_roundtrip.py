# The pickle module on built-in iterators, itertools objects, sets, slices, native functions
# and exceptions: what dumps writes (at protocols 0 and 5) loads back as an equal object.
import itertools
import pickle

# (The pure-Python pickle is slow under the GC stress mode: a few objects of each family.)
objects = [
    iter([1, 2, 3]), iter("aé€"), iter(range(5)), iter({1: 2, 3: 4}.items()), enumerate("ab"),
    itertools.cycle("ab"), itertools.chain("ab", "c"), itertools.groupby("aab"), itertools.permutations("abc", 2),
    itertools.tee("abc")[0],
]
for i, obj in enumerate(objects):
    next(obj)
    for proto in ((0, pickle.HIGHEST_PROTOCOL) if i < 2 else (pickle.HIGHEST_PROTOCOL,)):
        new = pickle.loads(pickle.dumps(obj, proto))
        items = list(itertools.islice(new, 6))
        if isinstance(obj, itertools.groupby):
            items = [(key, list(group)) for key, group in items]
        print(type(new) is type(obj), items)

for obj in ({1, 2}, slice(1, None, 2), bytearray(b"\x00\xff"), len, [].append, str.upper, ImportError("m", name="n"),
            OSError(2, "No such file", "f")):
    for proto in (0, pickle.HIGHEST_PROTOCOL):
        new = pickle.loads(pickle.dumps(obj, proto))
        print(type(new).__name__, new if not callable(new) else new.__name__, getattr(new, "name", None))
