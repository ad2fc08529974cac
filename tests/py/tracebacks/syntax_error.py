# compare: stderr
# An uncaught SyntaxError from the compiler: location block with the source line and carets,
# the message without the "(file, line N)" suffix, no "Traceback" header.
x = 1
for i in range(3):
    try:
        pass
    except* ValueError:
        continue
