s = "hello"
print(s, len(s), s[0], s[-1], s[1:3], s[::-1], s + " world", s * 3)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline\\"))
print("é" + "ü", len("héllo"), "héllo"[1], repr("\x00\x7f"), "ab" < "b", "a" in "cat")
print(f"{s}!", f"{1 + 2}", f"{s!r}")
