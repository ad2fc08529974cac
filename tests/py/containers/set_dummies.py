# set order after deletions (dummy entries reused) and pop()
s = {8, 16, 24, 32, 1}
s.discard(8); s.discard(16)
s.add(40)
print(s)
t = set()
for v in [1, 9, 17, 25, 33, 41]:
    t.add(v)
t.discard(9); t.discard(25); t.add(49); t.add(57)
print(t)
u = {x * 8 for x in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}
for x in [16, 32, 48]:
    u.discard(x)
u.add(200); u.add(104)
print(u, u.pop(), u.pop(), u)
