def gen(n):
    for i in range(n):
        yield i * i

print(list(gen(5)) if False else [x for x in gen(5)])
g = gen(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("stop")

def delegate():
    r = yield from gen(2)
    yield "end"

print([x for x in delegate()])
print(sum(x for x in range(10)) if False else [x * 2 for x in range(4) if x])
print({k: v for k, v in [("a", 1), ("b", 2)]})
