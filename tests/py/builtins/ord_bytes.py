# ord() of bytes and bytearray of length 1 (datetime's pickle support relies on it).
import datetime, pickle
print(ord(b'a'), ord(bytearray(b'\xff')), ord('é'))
for x in (b'', b'ab', bytearray(b'xy'), '', 'ab', 3):
    try:
        ord(x)
    except TypeError as e:
        print(e)
d = datetime.datetime(2020, 1, 2, 3, 4, 5, 6)
print(pickle.loads(pickle.dumps(d)) == d, pickle.loads(pickle.dumps(d.date())))
