# compare: stderr
# A coroutine __main__ still holds at exit, never awaited: the RuntimeWarning at "sys:1".
async def c(): pass
x = c()
print("end")
