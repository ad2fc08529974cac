# dict views: repr, len, membership, set operations, iteration errors
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
print('a' in k, 'z' in k, ('a', 1) in i, ('a', 2) in i, 1 in v)
d['d'] = 4; print(k, list(v), list(i))
print(k & {'a', 'x'}, k | {'x'} == {'a', 'b', 'c', 'd', 'x'}, k - {'a'} == {'b', 'c', 'd'})
print(k == {'a', 'b', 'c', 'd'}, {'a', 'b', 'c', 'd'} == k, k <= {'a', 'b', 'c', 'd', 'e'}, k < k, k >= {'a'})
print(i & {('a', 1)}, k.isdisjoint(['x']), k.isdisjoint({'a'}), {1: 2}.keys() == {1: 3}.keys(), {1: 2}.items() == {1: 3}.items())
print(list(d.values().__reversed__()), list(d.items().__reversed__()), list(d.keys().__reversed__()))
for bad in [lambda: hash({}.keys()),
            lambda: {}.keys() + 1]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
try:
    for key in d:
        d['new' + key] = 1
except RuntimeError as e:
    print('RuntimeError', e)
try:
    for key in d.keys():
        del d[key]
except RuntimeError as e:
    print('RuntimeError', e)
try:
    for key, val in d.items():
        d.pop(key)
except RuntimeError as e:
    print('RuntimeError', e)
e = {1: 2}
it = iter(e)
e[2] = 3
try:
    next(it)
except RuntimeError as ex:
    print('RuntimeError', ex)
print(type(iter({}.keys())).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__)
print(type({}.keys()).__name__, {}.keys(), {}.values(), {}.items())
