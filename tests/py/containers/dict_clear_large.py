# dict.clear() on a large dict leaves an empty, usable table (it used to copy the old
# entries into a smaller one).
d = {i: i for i in range(1000)}
d.clear()
print(d, len(d))
for i in range(50):
    d[i] = -i
print(len(d), d[49], list(d)[:5])
d.clear()
d.update(a=1)
print(d)
