total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
else:
    print("no break")
print(total)
n = 0
while n < 5:
    n += 1
else:
    print("while else", n)
print("yes" if n == 5 else "no", n and 0, 0 or "x", not n)
for i, c in zip(range(3), "abc") if False else []:
    pass
r = []
for i in range(3):
    for j in range(3):
        if j == i:
            r.append((i, j))
print(r)
