# indexing and slicing of long non-ASCII strings (the stride index) and one-char results
s = ''
i = 0
while i < 200:
    s = s + chr(0x3b1 + i % 25) + str(i % 10)
    i += 1
print(len(s), s[0], s[1], s[63], s[64], s[65], s[-1], s[-64], s[399])
print(s[100:110], s[31:33], s[32:34], s[-5:], s[::50], s[390:1000])
t = 'a' * 40 + 'é' + 'b' * 40 + '😀' + 'c'
print(len(t), t[40], t[81], t[82], t.find('😀'), t.index('c'), t.rfind('b'), t[80:83])
u = 'é' * 100
print(u.count('é'), u.find('é', 50), u.rfind('é', 0, 70), u[33:36], len(u[10:90]))
chars = [c for c in s]
print([s[k] == chars[k] for k in (0, 7, 31, 32, 33, 64, 199, 200, 399)])
