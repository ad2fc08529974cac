# compare: stderr
# Exception group printing limits: at most 15 members shown ("and N more exceptions"), nesting
# deeper than 10 shown as "... (max_group_depth is 10)"; notes on members; non-list __notes__.
import sys
wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
sys.excepthook(ExceptionGroup, wide, None)
deep = ValueError("bottom")
for i in range(12):
    deep = ExceptionGroup(f"level {i}", [deep])
sys.excepthook(ExceptionGroup, deep, None)
e = KeyError("k")
e.add_note("note on a member")
odd = TypeError("odd notes")
odd.__notes__ = "not a list"
sys.excepthook(ExceptionGroup, ExceptionGroup("notes", [e, odd]), None)
