# compare: stderr
# No sys.excepthook at all: "sys.excepthook is missing", then the default report.
import sys
del sys.excepthook
1/0
