# PEP 563 string annotations, class-level annotations, __debug__ and constant folding.
from __future__ import annotations

class Point:
    x: int = 0
    y: list[int | None]
    def scale(self, k: float = 2 * 0.5, *, inplace: bool = not 0) -> Point:
        if __debug__:
            assert k > 0, f"bad {k!r}"
        return Point()

MASK = (1 << 16) - 1
NAME = "co" + "il" * 2
