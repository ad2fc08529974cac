# The surrogatepass error handler over UTF-8/16/32 in both byte orders.
for enc in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "utf_16_le"):
    b = "a\ud800b\udfff".encode(enc, "surrogatepass")
    print(enc, b, ascii(b.decode(enc, "surrogatepass")))
try:
    "\ud800".encode("latin-1", "surrogatepass")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\x00\xd8".decode("utf-16-le", "surrogatepass")
except UnicodeDecodeError as e:
    print(e)
